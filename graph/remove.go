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
// give), and the entities that nothing staying supports (orphans.go),
// with their labels, types, titles and aliases, and the predicates no
// other statement uses. An entity another document still mentions keeps
// everything the store says of it. It returns an error wrapping
// ErrNotFound when no such document is stored.
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
	batch := make([]cgraph.Delta, 0, len(sd.quads))
	for _, q := range sd.quads {
		gone[q] = true
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	orphaned, n, err := s.orphans(ctx, sd.quads, gone, nil)
	if err != nil {
		return st, fmt.Errorf("remove %q: %w", id, err)
	}
	batch = append(batch, orphaned...)
	st.Entities = n
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
