package carb

import (
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// benchDir holds the shared CaRB material; the repository's tests find it
// beside the checkout, as ../shared.
const benchDir = "../../../shared/bench/carb"

// benchFile returns the path of a shared benchmark file, skipping the test
// when the shared folder is not there.
func benchFile(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join(benchDir, name)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: the shared benchmark folder must sit beside the checkout", path)
	}
	return path
}

// TestMatch_cases runs the tuple-level vectors taken from CaRB's matcher.
func TestMatch_cases(t *testing.T) {
	data, err := os.ReadFile(benchFile(t, "matcher_cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	type tuple struct {
		Rel  string   `json:"rel"`
		Args []string `json:"args"`
	}
	var cases []struct {
		Name string     `json:"name"`
		Gold tuple      `json:"gold"`
		Pred tuple      `json:"pred"`
		Want [2]float64 `json:"expected_prec_rec"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("parse matcher_cases.json: %v", err)
	}
	if len(cases) == 0 {
		t.Fatal("matcher_cases.json holds no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			got := Match(
				Extraction{Relation: c.Gold.Rel, Args: c.Gold.Args},
				Extraction{Relation: c.Pred.Rel, Args: c.Pred.Args},
			)
			if !close(got.Precision, c.Want[0]) || !close(got.Recall, c.Want[1]) {
				t.Errorf("Match = (%v, %v), want (%v, %v)", got.Precision, got.Recall, c.Want[0], c.Want[1])
			}
		})
	}
}

// TestMatch_rules covers matcher rules the shared vectors leave out.
func TestMatch_rules(t *testing.T) {
	ex := func(rel string, args ...string) Extraction { return Extraction{Relation: rel, Args: args} }
	tests := []struct {
		name       string
		gold, pred Extraction
		want       TupleScore
	}{
		{"be bonus needs a leftover be", ex("be", "A", "B"), ex("be", "A", "B"), TupleScore{1, 1}},
		{"second be takes the bonus", ex("is be", "A", "B"), ex("be be", "A", "B"), TupleScore{1, 1}},
		{"be bonus at most once", ex("is was", "A", "B"), ex("be be", "A", "B"), TupleScore{0.75, 0.75}},
		{"be bonus only for a predicted be", ex("be", "A", "B"), ex("is", "A", "B"), TupleScore{}},
		{"said test is case sensitive", ex("Said", "a", "b c"), ex("Said", "b c", "a"), TupleScore{0.25, 0.25}},
		{"swap needs two predicted args", ex("said", "a", "b"), ex("said", "b"), TupleScore{}},
		{"swap joins the rest first", ex("told", "x y", "z"), ex("told", "z", "x", "y"), TupleScore{1, 1}},
		{"gold without args", ex("runs"), ex("runs", "it"), TupleScore{1, 1}},
		{"empty predicted relation", ex("runs", "a", "b"), ex("", "a", "b"), TupleScore{}},
		{"no-break space splits words", ex("was born", "a", "b"), ex("was\u00a0born", "a", "b"), TupleScore{1, 1}},
		{"information separator splits like Python", ex("was born", "a", "b"), ex("was\x1fborn", "a", "b"), TupleScore{1, 1}},
		{"zero-width space does not split", ex("was born", "a", "b"), ex("was\u200bborn", "a", "b"), TupleScore{}},
		{"gold third arg joins arg2", ex("gave", "He", "it", "to her"), ex("gave", "He", "it to her"), TupleScore{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.gold, tt.pred); !close(got.Precision, tt.want.Precision) || !close(got.Recall, tt.want.Recall) {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
