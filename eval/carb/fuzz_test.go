package carb

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadTabbed feeds arbitrary bytes to the system-file reader, and
// whatever it accepts on to the scorer and the writers: none may panic,
// and a rejected input must say which line.
func FuzzReadTabbed(f *testing.F) {
	for _, seed := range []string{
		"",
		"S .\t0.5\tis\tA\tB\n",
		"S .\t0.5\tis\tA\t\n\r\nS .\t1e400\tsaid\tB\tA\tC\r",
		"S .\tnan\tr\n",
		"S .\t0x1p-2\tr\n",
		"S .\t1_0\tbe\t\t\t\n",
		"-LRB- S -RRB-\t-inf\t\t\n",
		"S \xff\t0.5\tr\n",
		"\x1c\t0.5\tbe\x1fis\n",
	} {
		f.Add([]byte(seed))
	}
	gold := mustRead(f, ReadGold, "S .\tis\tA\tB\n-LRB- S -RRB-\tsaid\tA\tB C\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		pred, err := ReadTabbed(bytes.NewReader(data))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") {
				t.Errorf("error without a line number: %v", err)
			}
			return
		}
		for _, opts := range []Options{{}, {SingleMatch: true}} {
			r := Score(gold, pred, opts)
			_ = r.Summary()
			var buf bytes.Buffer
			if err := r.WriteCurveTSV(&buf); err != nil {
				t.Fatal(err)
			}
			if err := r.WriteCurveSVG(&buf); err != nil {
				t.Fatal(err)
			}
		}
		// The system file scored as gold exercises the other side too.
		Score(pred, pred, Options{})
	})
}

// FuzzReadGold does the same for the gold reader.
func FuzzReadGold(f *testing.F) {
	for _, seed := range []string{
		"S .\tis\tA\tB\n",
		"S .\tis\tA\tC: B\t\n\nT\tsaid\n",
		"no tab at all\n",
		"S \xc3\tr\n",
	} {
		f.Add([]byte(seed))
	}
	pred := mustRead(f, ReadTabbed, "S .\t0.5\tis\tA\tB\nT\t0.2\tsaid\tB\tA\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		gold, err := ReadGold(bytes.NewReader(data))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") {
				t.Errorf("error without a line number: %v", err)
			}
			return
		}
		Score(gold, pred, Options{})
		Score(gold, gold, Options{SingleMatch: true})
	})
}
