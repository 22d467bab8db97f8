package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// NeighbourhoodOptions choose the part of the entity graph Neighbourhood
// returns.
type NeighbourhoodOptions struct {
	// Entity names the centre: a label or an alias, in any case.
	Entity string
	// Hops is how far from the centre to go; 0 means 1.
	Hops int
}

// Neighbourhood is an entity and the resolved facts within some hops of
// it: the entity graph of export's network formats, cut around one node,
// each edge with what says how sure it is.
type Neighbourhood struct {
	Center   string // the centre's label
	Entities []NeighbourEntity
	Edges    []NeighbourEdge // strongest first
}

// NeighbourEntity is one entity of a neighbourhood.
type NeighbourEntity struct {
	Label string
	Type  string // "" when unknown; the first in order when documents disagree
	Hops  int    // distance from the centre, 0 for the centre
}

// NeighbourEdge is the facts with one subject, predicate, object and
// polarity.
type NeighbourEdge struct {
	Subject, Predicate, Object string // labels
	Negated                    bool
	Facts                      int     // statements saying it
	Sentences                  int     // distinct sentences saying it
	Confidence                 float64 // the highest of its statements
	// Strength is 1 − ∏(1 − c) over its sentences, c the highest
	// confidence in each: the chance that at least one sentence is read
	// right, if each were an independent witness. More sentences and surer
	// ones both make an edge stronger.
	Strength float64
}

// Neighbourhood returns the entity opts names and every resolved fact
// within opts.Hops of it. It reads through the indexes, from the centre
// outwards, so it costs what the neighbourhood holds.
func (s *Store) Neighbourhood(ctx context.Context, opts NeighbourhoodOptions) (*Neighbourhood, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	hops := max(opts.Hops, 1)
	center, err := s.resolveEntity(ctx, opts.Entity)
	if err != nil {
		return nil, err
	}

	type edgeKey struct {
		s, p, o quad.Value
		neg     bool
	}
	type edgeAcc struct {
		facts int
		conf  map[quad.Value]float64 // sentence → highest confidence
	}
	edges := map[edgeKey]*edgeAcc{}
	dist := map[quad.Value]int{center: 0}
	seenStmt := map[quad.Value]bool{}
	frontier := []quad.Value{center}
	for d := 0; d < hops && len(frontier) > 0; d++ {
		var next []quad.Value
		for _, v := range frontier {
			var stmts []quad.Value
			if err := s.eachQuad(ctx, quad.Object, v, func(q quad.Quad) {
				if (q.Predicate == pSubject || q.Predicate == pObject) && !seenStmt[q.Subject] {
					seenStmt[q.Subject] = true
					stmts = append(stmts, q.Subject)
				}
			}); err != nil {
				return nil, err
			}
			for _, f := range stmts {
				var st struct {
					subj, pred, obj, sent quad.Value
					conf                  float64
					neg, unresolved       bool
				}
				if err := s.eachQuad(ctx, quad.Subject, f, func(q quad.Quad) {
					switch q.Predicate {
					case pSubject:
						st.subj = q.Object
					case pPredicate:
						st.pred = q.Object
					case pObject:
						st.obj = q.Object
					case pSentence:
						st.sent = q.Object
					case pConfidence:
						switch c := q.Object.(type) {
						case quad.Float:
							st.conf = float64(c)
						case quad.Int:
							st.conf = float64(c)
						}
					case pPolarity:
						st.neg = literal(q.Object) == "negative"
					case pResolved:
						st.unresolved = literal(q.Object) == "false"
					}
				}); err != nil {
					return nil, err
				}
				if st.unresolved || st.subj == nil || st.pred == nil || st.obj == nil || st.subj == st.obj {
					continue
				}
				k := edgeKey{st.subj, st.pred, st.obj, st.neg}
				e := edges[k]
				if e == nil {
					e = &edgeAcc{conf: map[quad.Value]float64{}}
					edges[k] = e
				}
				e.facts++
				if c, ok := e.conf[st.sent]; !ok || st.conf > c {
					e.conf[st.sent] = st.conf
				}
				for _, o := range []quad.Value{st.subj, st.obj} {
					if _, ok := dist[o]; !ok {
						dist[o] = d + 1
						next = append(next, o)
					}
				}
			}
		}
		frontier = next
	}

	// Names and types.
	labels := map[quad.Value]string{}
	types := map[quad.Value]string{}
	describe := func(v quad.Value) error {
		if _, ok := labels[v]; ok {
			return nil
		}
		var ts []string
		label := ""
		err := s.eachQuad(ctx, quad.Subject, v, func(q quad.Quad) {
			switch q.Predicate {
			case pLabel:
				if l := literal(q.Object); betterLabel(l, label) {
					label = l
				}
			case pType:
				ts = append(ts, strings.TrimPrefix(iriString(q.Object), schema.Scheme+"t/"))
			}
		})
		if label == "" {
			label = iriString(v)
		}
		labels[v] = label
		if len(ts) > 0 {
			types[v] = slices.Min(ts)
		}
		return err
	}
	out := &Neighbourhood{}
	for v, d := range dist {
		if err := describe(v); err != nil {
			return nil, err
		}
		out.Entities = append(out.Entities, NeighbourEntity{Label: labels[v], Type: types[v], Hops: d})
	}
	for k, e := range edges {
		if err := describe(k.p); err != nil {
			return nil, err
		}
		ne := NeighbourEdge{Subject: labels[k.s], Predicate: labels[k.p], Object: labels[k.o], Negated: k.neg,
			Facts: e.facts, Sentences: len(e.conf)}
		miss := 1.0
		for _, c := range e.conf {
			ne.Confidence = max(ne.Confidence, c)
			miss *= 1 - min(max(c, 0), 1)
		}
		ne.Strength = 1 - miss
		out.Edges = append(out.Edges, ne)
	}
	out.Center = labels[center]
	slices.SortFunc(out.Entities, func(a, b NeighbourEntity) int {
		return cmp.Or(cmp.Compare(a.Hops, b.Hops), cmp.Compare(a.Label, b.Label))
	})
	slices.SortFunc(out.Edges, func(a, b NeighbourEdge) int {
		return cmp.Or(cmp.Compare(b.Strength, a.Strength), cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Object, b.Object), boolCompare(a.Negated, b.Negated))
	})
	return out, ctx.Err()
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// resolveEntity finds the entity name names: by label, then by alias, then
// by either in any case. A name that two entities go by, or none, is an
// error naming it; for none, with names that contain it as suggestions.
func (s *Store) resolveEntity(ctx context.Context, name string) (quad.Value, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, fmt.Errorf("%w: no name given", ErrUnknownEntity)
	}
	isEntity := func(v quad.Value) bool {
		i, ok := v.(quad.IRI)
		return ok && strings.HasPrefix(string(i), schema.Scheme+"e/")
	}
	for _, p := range []quad.IRI{pLabel, pAlias} {
		var found []quad.Value
		if err := s.eachQuad(ctx, quad.Object, quad.String(name), func(q quad.Quad) {
			if q.Predicate == p && isEntity(q.Subject) && !slices.Contains(found, q.Subject) {
				found = append(found, q.Subject)
			}
		}); err != nil {
			return nil, err
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return nil, s.ambiguous(ctx, name, found)
		}
	}
	// Any case: read the entity list.
	rows, err := s.entities(ctx, EntityOptions{})
	if err != nil {
		return nil, err
	}
	var found []quad.Value
	var near []string
	lower := strings.ToLower(name)
	for _, r := range rows {
		names := append([]string{r.Label}, r.Aliases...)
		if slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, name) }) {
			found = append(found, quad.IRI(r.IRI))
			continue
		}
		if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(strings.ToLower(n), lower) }) {
			near = append(near, r.Label)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return nil, s.ambiguous(ctx, name, found)
	}
	msg := fmt.Sprintf("%v %q", ErrUnknownEntity, name)
	if len(near) > 0 {
		slices.SortFunc(near, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b)) })
		if len(near) > 5 {
			near = append(near[:5], "…")
		}
		msg += "; did you mean: " + strings.Join(near, ", ")
	} else {
		msg += " (kgraph entities lists the names)"
	}
	return nil, &entityError{msg: msg}
}

func (s *Store) ambiguous(ctx context.Context, name string, found []quad.Value) error {
	var labels []string
	for _, v := range found {
		l := iriString(v)
		_ = s.eachQuad(ctx, quad.Subject, v, func(q quad.Quad) {
			if q.Predicate == pLabel {
				l = literal(q.Object)
			}
		})
		labels = append(labels, fmt.Sprintf("%q", l))
	}
	slices.Sort(labels)
	return &entityError{msg: fmt.Sprintf("entity %q is ambiguous: it names %s; give a label", name, strings.Join(labels, ", "))}
}

// entityError is a failed entity lookup; errors.Is(err, ErrUnknownEntity)
// holds for it.
type entityError struct{ msg string }

func (e *entityError) Error() string { return e.msg }
func (e *entityError) Unwrap() error { return ErrUnknownEntity }
