package carb

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScore_crossCheck replays small generated cases whose expected output
// came from CaRB's own scoring code, run under numpy 1.24: the printed
// line, the unrounded AUC (Python repr) and the .dat curve, for both
// matching modes. The cases exercise what the dev data does not: said-type
// swaps, "be" forms, trailing empty arguments, sentences normalising alike,
// sentences without gold, duplicate confidences, and the fallbacks when
// nothing scores.
//
// Each testdata/crosscheck file holds sections introduced by "-- name --"
// lines: gold, tabbed, then default, default.dat, single, single.dat.
func TestScore_crossCheck(t *testing.T) {
	files, err := filepath.Glob("testdata/crosscheck/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cross-check cases: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := sections(string(data))
			gold := mustRead(t, ReadGold, sec["gold"])
			pred := mustRead(t, ReadTabbed, sec["tabbed"])
			for _, mode := range []string{"default", "single"} {
				r := Score(gold, pred, Options{SingleMatch: mode == "single"})
				auc := pyFloat(r.AUC)
				if len(r.Curve) == 0 {
					auc = "0" // CaRB returns the int 0 before computing any area
				}
				if got, want := r.Summary()+"\n"+auc+"\n", sec[mode]; got != want {
					t.Errorf("%s:\ngot  %q\nwant %q", mode, got, want)
				}
				var buf bytes.Buffer
				if err := r.WriteCurveTSV(&buf); err != nil {
					t.Fatal(err)
				}
				if got, want := buf.String(), sec[mode+".dat"]; got != want {
					t.Errorf("%s curve:\ngot\n%s\nwant\n%s", mode, got, want)
				}
			}
		})
	}
}

// sections splits a file on "-- name --" lines, keeping each body's bytes
// exactly, trailing tabs and spaces included.
func sections(text string) map[string]string {
	out := make(map[string]string)
	name := ""
	for _, line := range strings.SplitAfter(text, "\n") {
		if h, ok := strings.CutPrefix(line, "-- "); ok && strings.HasSuffix(h, " --\n") {
			name = strings.TrimSuffix(h, " --\n")
			out[name] = ""
			continue
		}
		out[name] += line
	}
	return out
}
