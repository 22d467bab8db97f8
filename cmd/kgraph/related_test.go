package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestRelated asks `kgraph related` on the statement's graph and wants the
// answers Gizmo gives to the same questions, and the table in the golden
// file.
func TestRelated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", statement); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	facts := `g.V().Has("<kg:type>", "<kg:t/Predicate>")`
	cases := []struct {
		args  []string
		gizmo string // the same question; nil: none to compare with
	}{
		{[]string{"United States", "--step", "out:reaffirm"}, `g.V("<kg:e/united-states>").Out("<kg:p/reaffirm>").Unique().All()`},
		{[]string{"kg:e/russia", "--step", "in"}, `g.V("<kg:e/russia>").In(` + facts + `).Unique().All()`},
		{[]string{"ROK", "--step", "out:reaffirm", "--step", "either"},
			`g.V("<kg:e/republic-of-korea>").Out("<kg:p/reaffirm>").Both(` + facts + `).Unique().All()`},
		{[]string{"United States", "Republic of Korea"},
			`g.V("<kg:e/united-states>").Both(` + facts + `).Intersect(g.V("<kg:e/republic-of-korea>").Both(` + facts + `)).Except(g.V("<kg:e/united-states>", "<kg:e/republic-of-korea>")).Unique().All()`},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, errOut, code := run(t, "", append([]string{"related", "--db", db, "--json"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res struct {
				Entities []struct{ ID string }
				Indexed  bool
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !res.Indexed {
				t.Error("a store kgraph built does not read its fact index")
			}
			var got []string
			for _, e := range res.Entities {
				got = append(got, "<"+e.ID+">")
			}
			slices.Sort(got)
			out, errOut, code = run(t, "", "query", "--db", db, tc.gizmo)
			if code != 0 {
				t.Fatalf("gizmo: exit %d: %s", code, errOut)
			}
			var giz struct{ Result []struct{ ID string } }
			if err := json.Unmarshal([]byte(out), &giz); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, r := range giz.Result {
				want = append(want, r.ID)
			}
			slices.Sort(want)
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("related: %d entities %q\ngizmo: %d %q", len(got), got, len(want), want)
			}
		})
	}

	out, errOut, code := run(t, "", "related", "--db", db, "United States", "Republic of Korea", "--limit", "10")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden := filepath.Join("testdata", "related.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("related United States, Republic of Korea:\n%s\nwant (%s):\n%s", out, golden, want)
	}

	for _, bad := range [][]string{
		{"United States", "Japan", "--step", "out"},
		{"United States", "--step", "sideways:support"},
		{"United States", "--limit", "-1"},
	} {
		if _, _, code := run(t, "", append([]string{"related", "--db", db}, bad...)...); code != 2 {
			t.Errorf("related %q: exit %d, want 2", bad, code)
		}
	}
	if _, errOut, code := run(t, "", "related", "--db", db, "Atlantis"); code != 1 || !strings.Contains(errOut, "unknown entity") {
		t.Errorf("related Atlantis: exit %d, %s", code, errOut)
	}
}
