package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/schema"
)

// Gazetteer maps names to canonical entities with their types.
type Gazetteer struct {
	byKey map[string]GazEntry
	// exact holds names with a word in capitals ("WHO", "US", "New START"),
	// matched with their case, so the words "who", "us" and "a new start"
	// name nothing.
	exact map[string]GazEntry
	// maxWords is the longest alias in words, to bound the search for
	// names inside a sentence.
	maxWords int
	// first holds the first word of every name's Key: a span of text
	// whose first word is none of them names nothing, and scanning a
	// sentence need not look it up (a fifth of extraction's time went
	// into such lookups).
	first map[string]bool
}

// GazEntry is one known name.
type GazEntry struct {
	Alias     string
	Canonical string
	Type      string
}

// Key normalizes a name for comparison: case folded, ’ read as ', white
// space collapsed, a leading "the" dropped.
func Key(s string) string {
	s = schema.Fold(strings.ReplaceAll(s, "’", "'"))
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	return s
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer {
	return &Gazetteer{byKey: map[string]GazEntry{}, exact: map[string]GazEntry{}, first: map[string]bool{}}
}

// exactKey normalizes a name as Key does but keeps its case.
func exactKey(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	return s
}

// hasCapsWord reports whether a name has a word of two or more letters all
// in capitals.
func hasCapsWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if isAcronym(strings.Trim(w, ",;:()")) {
			return true
		}
	}
	return false
}

// Add records a name. A later entry for the same name replaces an earlier
// one, so a user's file overrides the embedded defaults.
func (g *Gazetteer) Add(e GazEntry) {
	for _, name := range []string{e.Alias, e.Canonical} {
		k := Key(name)
		if k == "" {
			continue
		}
		m, mk := g.byKey, k
		if hasCapsWord(name) {
			m, mk = g.exact, exactKey(name)
		}
		if name == e.Canonical {
			if _, ok := m[mk]; ok {
				continue // a canonical name never displaces an explicit alias
			}
		}
		m[mk] = e
		f := strings.Fields(k)
		if len(f) > g.maxWords {
			g.maxWords = len(f)
		}
		g.first[f[0]] = true
	}
}

// Lookup finds a name.
func (g *Gazetteer) Lookup(name string) (GazEntry, bool) {
	if e, ok := g.exact[exactKey(name)]; ok {
		return e, true
	}
	e, ok := g.byKey[Key(name)]
	return e, ok
}

// mayStart reports whether some name's Key begins with the word w (one
// word, without white space, as Key makes it).
func (g *Gazetteer) mayStart(w string) bool { return g.first[w] }

// Len is the number of names known.
func (g *Gazetteer) Len() int { return len(g.byKey) + len(g.exact) }

// ReadGazetteer adds the entries of a TSV file (alias, canonical, type; no
// header; # starts a comment line) to g. name is used in errors.
func (g *Gazetteer) Read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return fmt.Errorf("%s:%d: want alias<TAB>canonical<TAB>type, got %d fields", name, n, len(f))
		}
		g.Add(GazEntry{Alias: strings.TrimSpace(f[0]), Canonical: strings.TrimSpace(f[1]), Type: strings.TrimSpace(f[2])})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Clone copies g, so that a user's aliases extend a private copy of the
// shared default.
func (g *Gazetteer) Clone() *Gazetteer {
	c := &Gazetteer{byKey: make(map[string]GazEntry, len(g.byKey)), exact: make(map[string]GazEntry, len(g.exact)),
		maxWords: g.maxWords, first: make(map[string]bool, len(g.first))}
	for k := range g.first {
		c.first[k] = true
	}
	for k, v := range g.byKey {
		c.byKey[k] = v
	}
	for k, v := range g.exact {
		c.exact[k] = v
	}
	return c
}

var defaultGaz = sync.OnceValue(func() *Gazetteer {
	g := NewGazetteer()
	if err := g.Read(bytes.NewReader(data.Gazetteer), "embedded gazetteer"); err != nil {
		panic(err) // the embedded file is tested; this cannot happen in a released binary
	}
	return g
})

// DefaultGazetteer returns the embedded gazetteer. It is shared: Clone it
// before adding to it.
func DefaultGazetteer() *Gazetteer { return defaultGaz() }
