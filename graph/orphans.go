package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// orphans finds what a write leaves unsupported: the entities and
// predicates the quads in deleted name that no quad staying in the store
// supports any more, and whatever the store says of them (their labels,
// types, titles, aliases and affiliations). gone holds every quad the
// write deletes, deleted among them, and orphans adds to it the quads it
// returns; named reports the nodes the write adds quads about, which stay
// whatever the store holds. Both Remove and Load (a replacement) go
// through it, so that a store after either is the one a build of the
// remaining documents makes.
//
// An entity is supported by a quad that points at it (kg:mentions, a
// direct edge, a statement's kg:object, an affiliation) and stays, or by a
// labeled quad about it that stays. An affiliation counts only when the
// entity that has it is supported itself: a person only this document
// names does not keep the country it is affiliated with, nor an
// organization affiliated with itself itself, and two entities affiliated
// with each other and nothing else both go.
//
// A hub has thousands of quads pointing at it: the first one that settles
// it ends its reading, so that the cost is what the unsupported entities
// cost.
func (s *Store) orphans(ctx context.Context, deleted []quad.Quad, gone map[quad.Quad]bool, named func(quad.Value) bool) (drop []cgraph.Delta, entities int, err error) {
	type exam struct {
		done     bool
		settled  bool         // a document says something of it, or a node outside supports it
		by       quad.Value   // the entity outside the candidates that settled it
		from     []quad.Value // candidates affiliated with it: it stays if one of them stays
		expanded bool         // its own quads are in drop
	}
	cands := map[quad.Value]*exam{}
	var order []quad.Value
	consider := func(v quad.Value) {
		if v == nil || !isEntity(v) || cands[v] != nil || (named != nil && named(v)) {
			return
		}
		cands[v] = &exam{}
		order = append(order, v)
	}
	var preds []quad.Value
	seenPred := map[quad.Value]bool{}
	for _, q := range deleted {
		consider(q.Subject)
		consider(q.Object)
		if q.Predicate == pPredicate && !seenPred[q.Object] && (named == nil || !named(q.Object)) {
			seenPred[q.Object] = true
			preds = append(preds, q.Object)
		}
	}
	examine := func(e quad.Value, x *exam) error {
		*x = exam{done: true, expanded: x.expanded}
		settled, err := s.anyQuad(ctx, quad.Object, e, func(q quad.Quad) bool {
			switch {
			case gone[q]:
				return false
			case q.Label != nil:
				return true
			case q.Subject == e:
				return false // an entity is no support of its own
			case cands[q.Subject] != nil:
				x.from = append(x.from, q.Subject)
				return false
			}
			x.by = q.Subject
			return true
		})
		if err != nil || settled {
			x.settled = settled
			return err
		}
		x.settled, err = s.anyQuad(ctx, quad.Subject, e, func(q quad.Quad) bool { return q.Label != nil && !gone[q] })
		return err
	}
	for {
		again := false
		for _, e := range order {
			x := cands[e]
			if !x.done || x.by != nil && cands[x.by] != nil {
				// Not read yet, or settled by a node that has since
				// become a candidate itself.
				if err := examine(e, x); err != nil {
					return nil, 0, fmt.Errorf("read %v: %w", e, err)
				}
			}
		}
		// An entity stays when settled, or when a candidate that stays
		// is affiliated with it.
		stays := map[quad.Value]bool{}
		for changed := true; changed; {
			changed = false
			for _, e := range order {
				if stays[e] {
					continue
				}
				x := cands[e]
				ok := x.settled
				for _, f := range x.from {
					ok = ok || stays[f]
				}
				if ok {
					stays[e], changed = true, true
				}
			}
		}
		// What goes takes its own quads along, and what they point at
		// may go with it. Going is never undone by a later round: more
		// candidates only take support away.
		for _, e := range order {
			x := cands[e]
			if stays[e] || x.expanded {
				continue
			}
			x.expanded = true
			n := len(order)
			err := s.eachQuad(ctx, quad.Subject, e, func(q quad.Quad) {
				if !gone[q] {
					gone[q] = true
					drop = append(drop, cgraph.Delta{Quad: q, Action: cgraph.Delete})
				}
				consider(q.Object)
			})
			if err != nil {
				return nil, 0, fmt.Errorf("read %v: %w", e, err)
			}
			entities++
			again = again || len(order) > n
		}
		if !again {
			break
		}
	}
	// Every direct edge with a predicate goes with a statement naming it
	// (mapping.go), so the statements that point at a predicate say
	// whether it is still used; the kv stores have no index by predicate.
	for _, p := range preds {
		used, err := s.anyQuad(ctx, quad.Object, p, func(q quad.Quad) bool { return !gone[q] })
		if err != nil {
			return nil, 0, fmt.Errorf("read %v: %w", p, err)
		}
		if used {
			continue
		}
		if err := s.eachQuad(ctx, quad.Subject, p, func(q quad.Quad) {
			if !gone[q] {
				gone[q] = true
				drop = append(drop, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}); err != nil {
			return nil, 0, fmt.Errorf("read %v: %w", p, err)
		}
	}
	return drop, entities, ctx.Err()
}
