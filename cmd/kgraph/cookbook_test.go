package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cookbookEntry is one query of the README's Gizmo cookbook.
type cookbookEntry struct {
	title, query string
}

// readCookbook takes the queries from the README itself, so that the
// cookbook cannot drift from what kgraph answers.
func readCookbook(t *testing.T) []cookbookEntry {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "## Gizmo cookbook")
	if start < 0 {
		t.Fatal("README has no Gizmo cookbook")
	}
	s = s[start+1:]
	if end := strings.Index(s, "\n## "); end >= 0 {
		s = s[:end]
	}
	re := regexp.MustCompile("(?s)\\*\\*([^*\n]+)\\*\\*.*?```js\n(.*?)\n```")
	var out []cookbookEntry
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, cookbookEntry{title: m[1], query: m[2]})
	}
	return out
}

// What each cookbook answer must contain, by title. A README entry without
// expectations fails the test: every query shown is checked.
var cookbookWant = map[string][]string{
	"Who reaffirmed anything?":                    {`"United States"`, `"Republic of Korea"`},
	"What did both countries reaffirm?":           {`"vision"`, `"values"`},
	"Start from a name instead of an IRI.":        {`"vision"`},
	"Who condemned what?":                         {`"who":"United States"`, `"who":"Republic of Korea"`, "Russia"},
	"Which sentences say something about Russia?": {`"sentence":31`, `"sentence":33`, `"sentence":35`, "war against Ukraine"},
	"Every fact about Russia, with its sentence.": {`"object":"Russia"`, `"sentence":33`},
	"All countries.": {`"United States"`, `"Republic of Korea"`, `"Democratic People's Republic of Korea"`, `"Russia"`,
		`"China"`, `"Japan"`, `"Ukraine"`},
	"The facts of one sentence.":                             {`"relation":"reaffirmed"`, `"subject":"The United States"`},
	"How are Russia and the DPRK connected?":                 {`"id":31`, `"id":32`, `"id":33`},
	`Which entity goes by "DPRK"?`:                           {`"Democratic People's Republic of Korea"`},
	"How many facts are there?":                              {`{"result":[`},
	"What is related to both the United States and the ROK?": {`"cooperation"`, `"Democratic People's Republic of Korea"`, `"Russia"`},
}

func TestREADMECookbook(t *testing.T) {
	entries := readCookbook(t)
	if len(entries) < 8 {
		t.Fatalf("the cookbook has %d queries, want at least 8", len(entries))
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	sum, errOut, code := run(t, "", "build", "--db", db, "-q", "--json", statement)
	if code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	var built buildSummary
	if err := json.Unmarshal([]byte(sum), &built); err != nil || built.Facts < 100 {
		t.Fatalf("build summary %q: %v", sum, err)
	}
	for _, e := range entries {
		t.Run(e.title, func(t *testing.T) {
			want, ok := cookbookWant[e.title]
			if !ok {
				t.Fatalf("no expectations for README query %q: add them to cookbookWant", e.title)
			}
			out, errOut, code := run(t, "", "query", "--db", db, e.query)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res struct{ Result []any }
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("answer is not JSON: %v\n%s", err, out)
			}
			if len(res.Result) == 0 {
				t.Fatalf("empty answer")
			}
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("answer lacks %s:\n%.2000s", w, out)
				}
			}
		})
	}
	// The README's count is the number of facts build reported.
	var count string
	for _, e := range entries {
		if e.title == "How many facts are there?" {
			count = e.query
		}
	}
	out, _, _ := run(t, "", "query", "--db", db, count)
	var n struct{ Result []float64 }
	if err := json.Unmarshal([]byte(out), &n); err != nil || len(n.Result) != 1 || int(n.Result[0]) != built.Facts {
		t.Errorf("fact count answer %s, want the %d facts build loaded", out, built.Facts)
	}
}
