package data

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// gazLine is one entry of the embedded gazetteer.
type gazLine struct {
	n                      int // line number
	alias, canonical, kind string
}

// gazKey normalizes a name as extract.Key does (the extract package imports
// this one, so the test keeps its own copy): case folded, ’ read as ', white
// space collapsed, a leading "the" dropped.
func gazKey(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimPrefix(s, "the ")
}

var gazTypes = map[string]bool{
	"Country": true, "Organization": true, "Person": true, "Agreement": true,
	"Location": true, "Event": true, "Program": true, "Concept": true,
}

// parseGazetteer splits Gazetteer into entries. Lines it cannot use are
// returned as problems, for TestGazetteerFormat to report; the other tests
// check the entries that parse.
func parseGazetteer() (entries []gazLine, problems []string, err error) {
	sc := bufio.NewScanner(bytes.NewReader(Gazetteer))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			problems = append(problems, fmt.Sprintf("line %d: %d tab-separated fields, want 3: %q", n, len(f), line))
			continue
		}
		ok := true
		for i, x := range f {
			switch {
			case strings.TrimSpace(x) == "":
				problems = append(problems, fmt.Sprintf("line %d: field %d is empty: %q", n, i+1, line))
				ok = false
			case x != strings.TrimSpace(x):
				problems = append(problems, fmt.Sprintf("line %d: field %d has surrounding space: %q", n, i+1, line))
			}
		}
		if !gazTypes[strings.TrimSpace(f[2])] {
			problems = append(problems, fmt.Sprintf("line %d: unknown type %q: %q", n, f[2], line))
		}
		if ok {
			entries = append(entries, gazLine{n: n, alias: f[0], canonical: f[1], kind: f[2]})
		}
	}
	return entries, problems, sc.Err()
}

func readGazetteer(t *testing.T) []gazLine {
	t.Helper()
	entries, _, err := parseGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("the gazetteer has no entries")
	}
	return entries
}

func TestGazetteerFormat(t *testing.T) {
	_, problems, err := parseGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func TestGazetteerAliasesUnique(t *testing.T) {
	first := map[string]gazLine{}
	for _, e := range readGazetteer(t) {
		k := gazKey(e.alias)
		p, ok := first[k]
		switch {
		case !ok:
			first[k] = e
		case p.canonical != e.canonical:
			t.Errorf("line %d: %q means %q, but line %d has %q mean %q", e.n, e.alias, e.canonical, p.n, p.alias, p.canonical)
		default:
			t.Errorf("line %d: %q repeats line %d (%q) for %q", e.n, e.alias, p.n, p.alias, e.canonical)
		}
	}
}

func TestGazetteerCanonicals(t *testing.T) {
	lines := readGazetteer(t)
	byKey := map[string]gazLine{} // alias key → first line
	for _, e := range lines {
		if _, ok := byKey[gazKey(e.alias)]; !ok {
			byKey[gazKey(e.alias)] = e
		}
	}
	kind := map[string]gazLine{} // canonical → first line, for its type
	for _, e := range lines {
		if p, ok := kind[e.canonical]; !ok {
			kind[e.canonical] = e
		} else if p.kind != e.kind {
			t.Errorf("line %d: %q is a %s, but line %d makes it a %s", e.n, e.canonical, e.kind, p.n, p.kind)
		}
	}
	for c, e := range kind {
		self, ok := byKey[gazKey(c)]
		switch {
		case !ok:
			t.Errorf("line %d: canonical %q is not listed as an alias of itself", e.n, c)
		case self.canonical != c:
			t.Errorf("line %d: canonical %q is an alias of %q on line %d", e.n, c, self.canonical, self.n)
		}
	}
}

func TestGazetteerCountries(t *testing.T) {
	kind := map[string]string{}
	countries := map[string]bool{}
	for _, e := range readGazetteer(t) {
		kind[e.canonical] = e.kind
		if e.kind == "Country" {
			countries[e.canonical] = true
		}
	}
	for _, c := range []string{"United States", "Republic of Korea", "Democratic People's Republic of Korea",
		"Russia", "China", "Japan", "Ukraine"} {
		if kind[c] != "Country" {
			t.Errorf("canonical %q: type %q, want Country", c, kind[c])
		}
	}
	if len(countries) < 240 {
		t.Errorf("%d countries, want at least 240 (ISO 3166-1)", len(countries))
	}
}
