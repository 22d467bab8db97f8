package httpapi

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/kgraph/kgraph/graph"
)

// Suggestion is one entity a search finds.
type Suggestion struct {
	IRI     string `json:"id"`
	Label   string `json:"label"`
	Type    string `json:"type,omitempty"`
	Matched string `json:"matched"`         // the label or alias that matched
	Alias   bool   `json:"alias,omitempty"` // Matched is an alias
	Facts   int    `json:"facts"`
}

// names is a sorted list of search keys: every entity's label and aliases,
// whole and from each later word on, folded for case.
type names struct {
	gen     int
	rows    []graph.EntityRow
	byIRI   map[string]int
	entries []nameEntry
}

type nameEntry struct {
	key   string // folded text from some word on
	row   int
	name  string // the whole label or alias
	alias bool
	inner bool // key starts inside name, not at its beginning
}

func newNames(rows []graph.EntityRow, gen int) *names {
	n := &names{gen: gen, rows: rows, byIRI: make(map[string]int, len(rows))}
	for i, r := range rows {
		n.byIRI[r.IRI] = i
		add := func(name string, alias bool) {
			f := fold(name)
			for j, start := range wordStarts(f) {
				n.entries = append(n.entries, nameEntry{key: f[start:], row: i, name: name, alias: alias, inner: j > 0})
			}
		}
		add(r.Label, false)
		for _, a := range r.Aliases {
			add(a, true)
		}
	}
	slices.SortFunc(n.entries, func(a, b nameEntry) int { return strings.Compare(a.key, b.key) })
	return n
}

// fold lowers case and makes typographic apostrophes and dashes plain.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ':
			return '\''
		case '‐', '‑', '–', '—':
			return '-'
		}
		return unicode.ToLower(r)
	}, strings.TrimSpace(s))
}

// wordStarts lists the byte offsets where a word starts in s.
func wordStarts(s string) []int {
	out := []int{0}
	prev := ' '
	for i, r := range s {
		if i > 0 && !isWordRune(prev) && isWordRune(r) {
			out = append(out, i)
		}
		prev = r
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// search returns up to limit entities one of whose names starts with q, or
// has a word that does. Exact names come first, then names that start with
// q (labels before aliases), then names with a later word that does; ties
// go to the entity with more facts.
func (n *names) search(q string, limit int) []Suggestion {
	fq := fold(q)
	if fq == "" {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(n.entries, fq, func(e nameEntry, t string) int { return strings.Compare(e.key, t) })
	type hit struct {
		e    nameEntry
		rank int
	}
	best := map[int]hit{}
	for i := lo; i < len(n.entries) && strings.HasPrefix(n.entries[i].key, fq); i++ {
		e := n.entries[i]
		rank := 3
		switch {
		case !e.inner && len(e.key) == len(fq):
			rank = 0
		case !e.inner && !e.alias:
			rank = 1
		case !e.inner:
			rank = 2
		}
		if h, ok := best[e.row]; !ok || rank < h.rank {
			best[e.row] = hit{e, rank}
		}
	}
	hits := make([]hit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b hit) int {
		ra, rb := n.rows[a.e.row], n.rows[b.e.row]
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(rb.Facts, ra.Facts),
			cmp.Compare(len(ra.Label), len(rb.Label)), cmp.Compare(ra.Label, rb.Label))
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Suggestion, len(hits))
	for i, h := range hits {
		r := n.rows[h.e.row]
		out[i] = Suggestion{IRI: r.IRI, Label: r.Label, Type: entityType(r), Matched: h.e.name, Alias: h.e.alias, Facts: r.Facts}
	}
	return out
}

// node names an entity IRI; ok is false for one the index does not hold.
func (n *names) node(iri string) (graph.Node, bool) {
	i, ok := n.byIRI[iri]
	if !ok {
		return graph.Node{IRI: iri}, false
	}
	r := n.rows[i]
	return graph.Node{IRI: r.IRI, Label: r.Label, Type: entityType(r)}, true
}

func entityType(r graph.EntityRow) string {
	if len(r.Types) == 1 {
		return r.Types[0]
	}
	return ""
}
