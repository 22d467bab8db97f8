package graph

import (
	"context"
	"errors"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad/nquads"
)

// Import adds the quads of an N-Quads stream, as `kgraph export --format
// nquads` writes them, to the store in batches; quads already stored are
// skipped. It restores an export into another store or backend, and it is
// the path on which loading is compared with Cayley's own `cayley load`.
// It returns the number of quads read.
func (s *Store) Import(ctx context.Context, r io.Reader) (int, error) {
	unlock, err := s.lockWrite()
	if err != nil {
		return 0, err
	}
	defer unlock()
	qr := nquads.NewReader(r, false)
	batch := make([]cgraph.Delta, 0, batchSize)
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := s.apply(batch); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		batch = batch[:0]
		return nil
	}
	for {
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, fmt.Errorf("import quad %d: %w", n+1, err)
		}
		if !q.IsValid() {
			return n, fmt.Errorf("import quad %d: incomplete quad %v", n+1, q)
		}
		n++
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(batch) == batchSize {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	return n, flush()
}
