package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// EntityRow is one entity as `kgraph entities` lists it.
type EntityRow struct {
	IRI     string
	Label   string
	Types   []string // usually one; more when documents disagree
	Aliases []string // sorted
	Titles  []string // for persons
	Facts   int      // statements naming it as subject or object
}

// EntityOptions choose which entities Entities returns.
type EntityOptions struct {
	// Type keeps entities of this type only ("Country"); "" keeps all.
	Type string
}

// Entities lists the entities of the store with their aliases, types and
// number of facts, sorted by label.
func (s *Store) Entities(ctx context.Context, opts EntityOptions) ([]EntityRow, error) {
	rows := map[quad.Value]*EntityRow{}
	get := func(v quad.Value) *EntityRow {
		r := rows[v]
		if r == nil {
			r = &EntityRow{IRI: iriString(v)}
			rows[v] = r
		}
		return r
	}
	isEntity := func(v quad.Value) bool {
		i, ok := v.(quad.IRI)
		return ok && strings.HasPrefix(string(i), schema.Scheme+"e/")
	}
	err := s.eachStoredQuad(ctx, func(q quad.Quad) {
		switch q.Predicate {
		case pLabel:
			if isEntity(q.Subject) {
				r := get(q.Subject)
				if l := literal(q.Object); r.Label == "" || l < r.Label {
					r.Label = l
				}
			}
		case pType:
			if isEntity(q.Subject) {
				t := strings.TrimPrefix(iriString(q.Object), schema.Scheme+"t/")
				r := get(q.Subject)
				if !slices.Contains(r.Types, t) {
					r.Types = append(r.Types, t)
				}
			}
		case pAlias:
			if isEntity(q.Subject) {
				r := get(q.Subject)
				if a := literal(q.Object); !slices.Contains(r.Aliases, a) {
					r.Aliases = append(r.Aliases, a)
				}
			}
		case pTitle:
			if isEntity(q.Subject) {
				r := get(q.Subject)
				if t := literal(q.Object); !slices.Contains(r.Titles, t) {
					r.Titles = append(r.Titles, t)
				}
			}
		case pSubject, pObject:
			if isEntity(q.Object) {
				get(q.Object).Facts++
			}
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([]EntityRow, 0, len(rows))
	for _, r := range rows {
		if r.Label == "" {
			continue // named only by a statement of a replaced document
		}
		if opts.Type != "" && !slices.ContainsFunc(r.Types, func(t string) bool { return strings.EqualFold(t, opts.Type) }) {
			continue
		}
		slices.Sort(r.Types)
		slices.Sort(r.Aliases)
		slices.Sort(r.Titles)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b EntityRow) int { return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.IRI, b.IRI)) })
	return out, nil
}
