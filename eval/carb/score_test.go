package carb

import (
	"bytes"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func loadDev(t testing.TB) (gold, pred *Set) {
	t.Helper()
	gold, err := ReadGoldFile(benchFile(t, "dev-gold.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	pred, err = ReadTabbedFile(benchFile(t, "peer-openie5-dev.tabbed"))
	if err != nil {
		t.Fatal(err)
	}
	return gold, pred
}

// TestScore_reference reproduces SCORING.md's reference numbers: OpenIE-5's
// dev-split output scored against the dev gold.
func TestScore_reference(t *testing.T) {
	gold, pred := loadDev(t)
	if got := gold.Extractions(); got != 2548 {
		t.Errorf("dev gold has %d tuples, SCORING.md says 2,548", got)
	}
	// 3 of the 641 dev sentences have no gold tuple.
	if got := len(gold.Sentences()); got != 638 {
		t.Errorf("dev gold covers %d sentences, want 638", got)
	}
	tests := []struct {
		name    string
		opts    Options
		summary string
		line    string
		golden  string
	}{
		{"default", Options{}, "AUC: 0.24\t Optimal (precision, recall, F1): [0.526 0.406 0.458]",
			"AUC: 0.240\tOptimal (precision, recall, F1): 0.526 0.406 0.458", "openie5-dev.dat"},
		{"single match", Options{SingleMatch: true}, "AUC: 0.186\t Optimal (precision, recall, F1): [0.526 0.317 0.396]",
			"AUC: 0.186\tOptimal (precision, recall, F1): 0.526 0.317 0.396", "openie5-dev-single.dat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(gold, pred, tt.opts)
			if got := r.Summary(); got != tt.summary {
				t.Errorf("Summary() = %q, want %q", got, tt.summary)
			}
			if got := r.Line(); got != tt.line {
				t.Errorf("Line() = %q, want %q", got, tt.line)
			}
			if r.Gold != 2548 {
				t.Errorf("Gold = %d, want 2548", r.Gold)
			}
			var buf bytes.Buffer
			if err := r.WriteCurveTSV(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, buf.Bytes())
		})
	}

	// The unrounded figures SCORING.md gives for the default matcher.
	r := Score(gold, pred, Options{})
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"precision", r.Precision, 0.5256912008605438},
		{"recall", r.Recall, 0.40592430389792916},
		{"F1", r.F1, 0.4581092385960356},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want exactly %v", c.name, c.got, c.want)
		}
	}
	// SCORING.md's 0.24021044589892118 is a plain left-to-right sum; numpy
	// sums pairwise and gets 0.24021044589892113, as we do (checked against
	// numpy 1.24's trapz on the same curve). Either way it is 0.240.
	if want := 0.24021044589892113; r.AUC != want {
		t.Errorf("AUC = %v, want %v (numpy's pairwise sum)", r.AUC, want)
	}
}

// TestScore_constantConfidence checks the consequence SCORING.md points
// out: with one threshold the AUC is R·(1+P)/2.
func TestScore_constantConfidence(t *testing.T) {
	gold, pred := loadDev(t)
	var exts []Extraction
	for _, se := range pred.Sentences() {
		for _, e := range se.Extractions {
			e.Confidence = 1
			exts = append(exts, e)
		}
	}
	flat, err := NewSet(exts)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(gold, flat, Options{})
	if len(r.Curve) != 1 || r.Best != 0 {
		t.Fatalf("curve %d points, best %d; want 1 point, best 0", len(r.Curve), r.Best)
	}
	if want := r.Recall * (1 + r.Precision) / 2; math.Abs(r.AUC-want) > 1e-15 {
		t.Errorf("AUC = %v, want R(1+P)/2 = %v", r.AUC, want)
	}
}

// TestScore_small walks a hand-computed case through both matching modes.
func TestScore_small(t *testing.T) {
	goldSet := mustRead(t, ReadGold, `S .	is	A	B
S .	is	C	D
`)
	predText := `S .	0.9	is	A	B
S .	0.5	is	A	B
`
	pred := mustRead(t, ReadTabbed, predText)
	// Precision pairs (g1,p1) first, then (g2,p2) at threshold 0.5; recall
	// lets p1 serve g2 as well as p2 does, 1/3 either way.
	r := Score(goldSet, pred, Options{})
	want := []Point{
		{Threshold: 0.5, Precision: 2.0 / 3, Recall: 2.0 / 3, Kept: 2},
		{Threshold: 0.9, Precision: 1, Recall: 2.0 / 3, Kept: 1},
	}
	checkCurve(t, r, want)
	if r.Best != 1 || !close(r.F1, 0.8) || r.Threshold != 0.9 {
		t.Errorf("best %d F1 %v at %v, want 1, 0.8 at 0.9", r.Best, r.F1, r.Threshold)
	}
	if !close(r.AUC, 2.0/3) {
		t.Errorf("AUC = %v, want 2/3", r.AUC)
	}

	// One to one, p1 can no longer stand in for g2 at threshold 0.9.
	r = Score(goldSet, pred, Options{SingleMatch: true})
	want[1].Recall = 0.5
	checkCurve(t, r, want)

	// A sentence without gold adds a threshold but never counts: at 0.95
	// nothing of a gold sentence is kept, so precision is 1 by convention
	// and recall 0; the other points and the AUC stay as they were.
	pred = mustRead(t, ReadTabbed, predText+"Other .\t0.95\tis\tA\tB\n")
	r = Score(goldSet, pred, Options{})
	checkCurve(t, r, []Point{
		{Threshold: 0.5, Precision: 2.0 / 3, Recall: 2.0 / 3, Kept: 2},
		{Threshold: 0.9, Precision: 1, Recall: 2.0 / 3, Kept: 1},
		{Threshold: 0.95, Precision: 1, Recall: 0, Kept: 0},
	})
	if r.Best != 1 || !close(r.AUC, 2.0/3) {
		t.Errorf("best %d AUC %v, want 1 and 2/3", r.Best, r.AUC)
	}

	// A gold sentence without predictions still counts towards recall.
	r = Score(mustRead(t, ReadGold, "S .\tis\tA\tB\nS .\tis\tC\tD\nT .\tis\tE\tF\n"), pred, Options{})
	if got := r.Curve[0].Recall; !close(got, 4.0/9) {
		t.Errorf("recall at 0.5 = %v, want 4/9", got)
	}
}

func TestScore_edgeCases(t *testing.T) {
	gold := mustRead(t, ReadGold, "S .\tis\tA\tB\n")
	tests := []struct {
		name    string
		pred    string
		summary string
		best    int
	}{
		{"no predictions", "", "AUC: 0\t Optimal (precision, recall, F1): (0, 0, 0)", -1},
		{"nothing right", "S .\t0.5\truns\tX\tY\n", "AUC: 0.0\t Optimal (precision, recall, F1): [0 0 0]", -1},
		{"only other sentences", "Other .\t0.5\tis\tA\tB\n", "AUC: 0.0\t Optimal (precision, recall, F1): [1. 0. 0.]", 0},
		{"perfect", "S .\t0.5\tis\tA\tB\n", "AUC: 1.0\t Optimal (precision, recall, F1): [1. 1. 1.]", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(gold, mustRead(t, ReadTabbed, tt.pred), Options{})
			if got := r.Summary(); got != tt.summary {
				t.Errorf("Summary() = %q, want %q", got, tt.summary)
			}
			if r.Best != tt.best {
				t.Errorf("Best = %d, want %d", r.Best, tt.best)
			}
		})
	}
}

// TestGreedy_isNotOptimal pins CaRB's greedy pairing, which takes the
// single best pair first even when two lesser pairs would sum higher, and
// breaks ties by the first gold row, then the first kept column.
func TestGreedy_isNotOptimal(t *testing.T) {
	tests := []struct {
		name   string
		scores []TupleScore // 2×2, gold rows
		sel    []int
		want   float64
	}{
		{"best pair first", []TupleScore{{1, 0}, {0.9, 0}, {0.9, 0}, {0, 0}}, []int{0, 1}, 1},
		{"ties go to the first pair", []TupleScore{{0.5, 0}, {0.5, 0}, {0.5, 0}, {0.1, 0}}, []int{0, 1}, 0.6},
		{"only kept columns", []TupleScore{{1, 0}, {0.9, 0}, {0.9, 0}, {0, 0}}, []int{1}, 0.9},
		{"zero pairs still pair", []TupleScore{{0, 0}, {0, 0}, {0, 0}, {0, 0}}, []int{0, 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := sentenceScorer{g: 2, s: 2, scores: tt.scores}
			if got := sc.greedy(tt.sel, false); !close(got, tt.want) {
				t.Errorf("greedy = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPairwiseSum(t *testing.T) {
	// Expected values from numpy 1.24's np.add.reduce; a running sum gives
	// 19.057000000000002 and 4.789297397713856.
	var a, b []float64
	for i := 1; i < 20; i++ {
		a = append(a, 0.1*float64(i)+1e-3*float64(i%7))
	}
	for i := 0; i < 300; i++ {
		b = append(b, 1/float64(i+3))
	}
	if got := pairwiseSum(a); got != 19.057 {
		t.Errorf("pairwiseSum(19 values) = %v, want 19.057", got)
	}
	if got := pairwiseSum(b); got != 4.789297397713862 {
		t.Errorf("pairwiseSum(300 values) = %v, want 4.789297397713862", got)
	}
}

func BenchmarkScore(b *testing.B) {
	gold, pred := loadDev(b)
	for _, opts := range []Options{{}, {SingleMatch: true}} {
		name := "default"
		if opts.SingleMatch {
			name = "single"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Score(gold, pred, opts)
			}
		})
	}
}

func checkCurve(t *testing.T, r Result, want []Point) {
	t.Helper()
	if len(r.Curve) != len(want) {
		t.Fatalf("curve has %d points, want %d: %+v", len(r.Curve), len(want), r.Curve)
	}
	for i, w := range want {
		g := r.Curve[i]
		if g.Threshold != w.Threshold || !close(g.Precision, w.Precision) || !close(g.Recall, w.Recall) || g.Kept != w.Kept {
			t.Errorf("point %d = %+v, want %+v", i, g, w)
		}
	}
}

func mustRead(t testing.TB, read func(r io.Reader) (*Set, error), text string) *Set {
	t.Helper()
	s, err := read(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff", path)
	}
}
