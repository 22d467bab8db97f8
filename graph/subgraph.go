package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// view is what one export reads: the whole store, or the subgraph its
// options select. Formats read through it, never the store itself, so that
// every format writes the same facts. Each of its reads holds lockRead
// for its length, and none holds it while a format writes out: a client
// that reads an export slowly must not hold off the store's writes.
type view struct {
	s    *Store
	opts ExportOptions
	sel  *selection // nil: the whole store
}

func (s *Store) newView(ctx context.Context, opts ExportOptions) (*view, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	v := &view{s: s, opts: opts}
	if !opts.subgraph() {
		return v, nil
	}
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	sc, err := s.scanFacts(ctx, FactsOptions{})
	if err != nil {
		return nil, err
	}
	var facts map[string]bool
	if opts.Entity != "" {
		start, err := sc.resolve(opts.Entity)
		if err != nil {
			return nil, err
		}
		facts = sc.within(start, max(opts.Hops, 1))
	} else {
		nodes, err := s.queryEntities(ctx, sc, opts.Query)
		if err != nil {
			return nil, err
		}
		facts = sc.among(nodes)
	}
	v.sel = newSelection(sc, facts)
	return v, nil
}

// facts are the view's rows of the facts table.
func (v *view) facts(ctx context.Context) ([]FactRow, error) {
	if v.sel == nil {
		return v.s.Facts(ctx, FactsOptions{All: v.opts.All}) // locks
	}
	var out []FactRow
	for _, r := range v.sel.scan.rows {
		if v.sel.facts[r.Statement] {
			out = append(out, r)
		}
	}
	return out, nil
}

// quads are the view's quads, sorted.
func (v *view) quads(ctx context.Context) ([]quad.Quad, error) {
	unlock, err := v.s.lockRead()
	if err != nil {
		return nil, err
	}
	qs, err := v.s.sortedQuads(ctx)
	unlock()
	if err != nil || v.sel == nil {
		return qs, err
	}
	out := qs[:0]
	for _, q := range qs {
		if v.sel.keep(q) {
			out = append(out, q)
		}
	}
	return out, nil
}

// entityGraph is the view's entity graph.
func (v *view) entityGraph(ctx context.Context) (*EntityGraph, error) {
	if v.sel != nil {
		return v.sel.scan.entityGraph(v.sel.facts), nil
	}
	unlock, err := v.s.lockRead()
	if err != nil {
		return nil, err
	}
	sc, err := v.s.scanFacts(ctx, FactsOptions{})
	unlock()
	if err != nil {
		return nil, err
	}
	return sc.entityGraph(nil), nil
}

// linked gives the entities a row links, false for a row outside the entity
// graph (an unresolved fact has no subject entity). Subgraphs are made of
// these rows only, so that they are subgraphs of the entity graph.
func (sc *factScan) linked(r FactRow) (factNodes, bool) {
	n := sc.nodes[r.Statement]
	ok := !r.Unresolved && n.subj != nil && n.obj != nil && r.Subject != "" && r.Predicate != "" && r.Object != ""
	return n, ok
}

// resolve finds the entity a user names: by label, then by alias, then,
// as the graph itself merges names, by slug, so that case, punctuation and
// a leading "the" do not matter ("united states", "the DPRK").
func (sc *factScan) resolve(name string) (quad.Value, error) {
	n := strings.Join(strings.Fields(name), " ")
	if v, ok := sc.byLabel[n]; ok {
		return v, nil
	}
	if vs := sc.byAlias[n]; len(vs) > 0 {
		return sc.one(name, vs)
	}
	key := nameSlug(n)
	var found []quad.Value
	add := func(v quad.Value) {
		if !slices.Contains(found, v) {
			found = append(found, v)
		}
	}
	for l, v := range sc.byLabel {
		if nameSlug(l) == key {
			add(v)
		}
	}
	if len(found) == 0 {
		for a, vs := range sc.byAlias {
			if nameSlug(a) == key {
				for _, v := range vs {
					add(v)
				}
			}
		}
	}
	if key == "" || len(found) == 0 {
		return nil, fmt.Errorf("%w %q: no entity has that label or alias", ErrUnknownEntity, name)
	}
	return sc.one(name, found)
}

// one is the entity vs holds, or an error listing them when there are more.
func (sc *factScan) one(name string, vs []quad.Value) (quad.Value, error) {
	if len(vs) == 1 {
		return vs[0], nil
	}
	labels := make([]string, len(vs))
	for i, v := range vs {
		labels[i] = sc.labels[v]
	}
	slices.Sort(labels)
	return nil, fmt.Errorf("entity %q is ambiguous: it names %s; give a label", name, strings.Join(labels, ", "))
}

func nameSlug(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	return schema.Slug(s)
}

// within is the set of facts on a path of at most hops facts from start,
// facts followed either way.
func (sc *factScan) within(start quad.Value, hops int) map[string]bool {
	touching := make(map[quad.Value][]FactRow)
	for _, r := range sc.rows {
		n, ok := sc.linked(r)
		if !ok {
			continue
		}
		touching[n.subj] = append(touching[n.subj], r)
		if n.obj != n.subj {
			touching[n.obj] = append(touching[n.obj], r)
		}
	}
	kept := make(map[string]bool)
	seen := map[quad.Value]bool{start: true}
	frontier := []quad.Value{start}
	for d := 0; d < hops && len(frontier) > 0; d++ {
		var next []quad.Value
		for _, e := range frontier {
			for _, r := range touching[e] {
				kept[r.Statement] = true
				n := sc.nodes[r.Statement]
				for _, m := range []quad.Value{n.subj, n.obj} {
					if !seen[m] {
						seen[m] = true
						next = append(next, m)
					}
				}
			}
		}
		frontier = next
	}
	return kept
}

// among is the set of facts between two of the entities.
func (sc *factScan) among(entities map[quad.Value]bool) map[string]bool {
	kept := make(map[string]bool)
	for _, r := range sc.rows {
		if n, ok := sc.linked(r); ok && entities[n.subj] && entities[n.obj] {
			kept[r.Statement] = true
		}
	}
	return kept
}

// queryEntities runs a Gizmo query and collects the entities among the
// values it returns, results and tags alike: entity IRIs, or the labels
// of entities, since queries often end in Out("<kg:label>").
func (s *Store) queryEntities(ctx context.Context, sc *factScan, q string) (map[quad.Value]bool, error) {
	res, err := s.query(ctx, query.GetLanguage("gizmo"), "gizmo", q, QueryOptions{})
	if err != nil {
		return nil, err
	}
	entities := make(map[quad.Value]bool)
	values := 0
	var walk func(x any)
	walk = func(x any) {
		switch x := x.(type) {
		case nil:
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		case string:
			values++
			if iri, ok := strings.CutPrefix(x, "<"); ok && strings.HasSuffix(iri, ">") {
				if v := quad.IRI(strings.TrimSuffix(iri, ">")); isEntity(v) {
					entities[v] = true
				}
			} else if v, ok := sc.byLabel[x]; ok {
				entities[v] = true
			}
		default:
			values++
		}
	}
	for _, row := range res.Rows {
		walk(row)
	}
	if values > 0 && len(entities) == 0 {
		return nil, fmt.Errorf("the query returned %d values and no entity: return entity IRIs (<kg:e/…>) or labels", values)
	}
	return entities, nil
}

// selection is a subgraph: a set of facts and the nodes they link.
type selection struct {
	scan  *factScan
	facts map[string]bool // statement IRIs
	// For the RDF formats: the facts' statement nodes, their direct edges,
	// and the entities, predicates, sentences and documents they name.
	stmts, nodes, entities map[quad.Value]bool
	edges                  map[quad.Quad]bool
}

func newSelection(sc *factScan, facts map[string]bool) *selection {
	sel := &selection{scan: sc, facts: facts, stmts: map[quad.Value]bool{}, nodes: map[quad.Value]bool{},
		entities: map[quad.Value]bool{}, edges: map[quad.Quad]bool{}}
	for st := range facts {
		n := sc.nodes[st]
		sel.stmts[n.stmt] = true
		sel.edges[quad.Quad{Subject: n.subj, Predicate: n.pred, Object: n.obj, Label: n.sent}] = true
		sel.entities[n.subj], sel.entities[n.obj] = true, true
		for _, v := range []quad.Value{n.subj, n.pred, n.obj, n.sent, n.doc} {
			if v != nil {
				sel.nodes[v] = true
			}
		}
	}
	return sel
}

// keep says whether an RDF export of the subgraph writes q: the quads of
// its statement nodes, its direct edges, and what its entities,
// predicates, sentences and documents say of themselves, but not an
// entity's direct edges to other facts nor a sentence's mentions of
// entities outside, which would point out of the subgraph.
func (sel *selection) keep(q quad.Quad) bool {
	switch {
	case sel.stmts[q.Subject], sel.edges[q]:
		return true
	case !sel.nodes[q.Subject]:
		return false
	case isEntity(q.Subject) && isPredicateNode(q.Predicate):
		return false // a direct edge of a fact outside
	case q.Predicate == pMentions:
		return sel.entities[q.Object]
	}
	return true
}

// isPredicateNode reports whether v names a predicate (kg:p/…).
func isPredicateNode(v quad.Value) bool {
	i, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(i), schema.Scheme+"p/")
}
