package carb

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestWriteCurveSVG_golden(t *testing.T) {
	gold := mustRead(t, ReadGold, "S .\tis\tA\tB\nS .\tis\tC\tD\nT .\tsaid\tE\tF G\n")
	pred := mustRead(t, ReadTabbed, "S .\t0.9\tis\tA\tB\nS .\t0.5\tis\tA\tB\nT .\t0.7\tsaid\tF G\tE\nT .\t0.2\tis\tE\tF\n")
	var buf bytes.Buffer
	if err := Score(gold, pred, Options{}).WriteCurveSVG(&buf); err != nil {
		t.Fatal(err)
	}
	checkXML(t, buf.Bytes())
	golden(t, "small.svg", buf.Bytes())
}

func TestWriteCurveSVG_wellFormed(t *testing.T) {
	gold, pred := loadDev(t)
	tests := []struct {
		name string
		r    Result
		want string
	}{
		{"dev", Score(gold, pred, Options{}), "best F1 0.458"},
		{"empty", Score(gold, mustRead(t, ReadTabbed, ""), Options{}), "no extractions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.r.WriteCurveSVG(&buf); err != nil {
				t.Fatal(err)
			}
			checkXML(t, buf.Bytes())
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("SVG lacks %q", tt.want)
			}
		})
	}
}

func checkXML(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}
