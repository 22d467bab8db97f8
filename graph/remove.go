package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// RemoveStats says what Remove took out of the store.
type RemoveStats struct {
	Quads    int `json:"quads"`    // quads removed, the entities' included
	Entities int `json:"entities"` // entities no other document mentions, removed with it
}

// Remove takes one document out of the store: every quad it owns (its
// node, sentences, statements, direct edges and the aliases its sentences
// give), and the entities that no other document mentions, with their
// labels, types, titles and aliases, and the predicates no other statement
// uses. An entity another document still
// mentions keeps everything the store says of it. It returns an error
// wrapping ErrNotFound when no such document is stored.
//
// Everything goes in one batch of deletions, one ApplyDeltas on every
// backend (deletions alone are safe on the kv stores, see
// backend.splitDeltas): a crash leaves the document either whole or gone.
func (s *Store) Remove(ctx context.Context, id string) (RemoveStats, error) {
	var st RemoveStats
	unlock, err := s.lockWrite()
	if err != nil {
		return st, err
	}
	defer unlock()
	doc := iri(schema.DocumentIRI(id))
	sd, _, err := s.documentQuads(ctx, doc, "\x00") // no stored hash is NUL: read every quad
	if err != nil {
		return st, fmt.Errorf("remove %q: read the stored document: %w", id, err)
	}
	if !sd.exists {
		return st, fmt.Errorf("remove %q: document %w", id, ErrNotFound)
	}
	gone := make(map[quad.Quad]bool, len(sd.quads))
	var candidates []quad.Value
	seen := map[quad.Value]bool{}
	var preds []quad.Value
	for _, q := range sd.quads {
		gone[q] = true
		if q.Predicate == pMentions && !seen[q.Object] {
			seen[q.Object] = true
			candidates = append(candidates, q.Object)
		}
		if q.Predicate == pPredicate && !seen[q.Object] {
			seen[q.Object] = true
			preds = append(preds, q.Object)
		}
	}
	batch := make([]cgraph.Delta, 0, len(sd.quads))
	for _, q := range sd.quads {
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	// A node is this document's alone when every quad that points at it
	// goes with the document: then what the store says of it goes too. Removing one
	// such node (a person) can free another (the country it is
	// affiliated with), so the passes go on until none is freed.
	alone := func(v quad.Value, dirs ...quad.Direction) (bool, error) {
		for _, dir := range dirs {
			// A hub ("United States") has thousands of quads pointing
			// at it: the first one that stays settles it.
			kept, err := s.anyQuad(ctx, dir, v, func(q quad.Quad) bool { return !gone[q] })
			if err != nil {
				return false, fmt.Errorf("remove %q: read %v: %w", id, v, err)
			}
			if kept {
				return false, nil
			}
		}
		return true, nil
	}
	drop := func(v quad.Value) error {
		return s.eachQuad(ctx, quad.Subject, v, func(q quad.Quad) {
			if !gone[q] {
				gone[q] = true
				batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		})
	}
	dropped := map[quad.Value]bool{}
	for changed := true; changed; {
		changed = false
		for _, e := range candidates {
			if dropped[e] {
				continue
			}
			ok, err := alone(e, quad.Object)
			if err != nil {
				return st, err
			}
			if !ok {
				continue
			}
			if err := drop(e); err != nil {
				return st, fmt.Errorf("remove %q: read %v: %w", id, e, err)
			}
			dropped[e], changed = true, true
			st.Entities++
			// What it pointed at may now be alone too.
			if err := s.eachQuad(ctx, quad.Subject, e, func(q quad.Quad) {
				if q.Object != nil && isEntity(q.Object) && !seen[q.Object] {
					seen[q.Object] = true
					candidates = append(candidates, q.Object)
				}
			}); err != nil {
				return st, fmt.Errorf("remove %q: read %v: %w", id, e, err)
			}
		}
	}
	// Every direct edge with a predicate goes with a statement naming it
	// (mapping.go), so the statements that point at a predicate say
	// whether it is still used; the kv stores have no index by predicate.
	for _, p := range preds {
		ok, err := alone(p, quad.Object)
		if err != nil {
			return st, err
		}
		if ok {
			if err := drop(p); err != nil {
				return st, fmt.Errorf("remove %q: read %v: %w", id, p, err)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return RemoveStats{}, fmt.Errorf("remove %q: %w", id, err)
	}
	if err := s.applyBatch(func() error { return s.apply(batch) }); err != nil {
		return RemoveStats{}, fmt.Errorf("remove %q: write %d deletions: %w", id, len(batch), err)
	}
	st.Quads = len(batch)
	return st, nil
}

// anyQuad reports whether some quad whose direction dir holds v satisfies
// fn, reading no further than the first that does.
func (s *Store) anyQuad(ctx context.Context, dir quad.Direction, v quad.Value, fn func(quad.Quad) bool) (bool, error) {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return false, err
	}
	it := s.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return false, err
		}
		if fn(q) {
			return true, nil
		}
	}
	return false, it.Err()
}
