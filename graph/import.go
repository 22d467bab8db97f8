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
	// Parsing runs a batch ahead of writing, on the other core: a tenth
	// of a load's time is parsing.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []cgraph.Delta, 1)
	var n int
	var rerr error
	go func() {
		defer close(batches)
		n, rerr = readBatches(ctx, r, batches)
	}()
	for batch := range batches {
		if err := s.applyBatch(func() error { return s.apply(batch) }); err != nil {
			cancel()
			for range batches { // let the reader stop
			}
			return n, fmt.Errorf("import: %w", err)
		}
	}
	return n, rerr
}

// readBatches parses an N-Quads stream into batches of additions of up to
// batchSize quads, sends them on out, and returns the number of quads read.
func readBatches(ctx context.Context, r io.Reader, out chan<- []cgraph.Delta) (int, error) {
	src := &readErr{r: r}
	qr := nquads.NewReader(src, false)
	batch := make([]cgraph.Delta, 0, batchSize)
	n := 0
	send := func() error {
		select {
		case out <- batch:
		case <-ctx.Done():
			return ctx.Err()
		}
		batch = make([]cgraph.Delta, 0, batchSize)
		return nil
	}
	for {
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if src.err != nil {
				err = src.err // the read failed, cutting the line short
			} else {
				err = badInput{err} // the reader had the bytes: they are no quad
			}
			return n, fmt.Errorf("import quad %d: %w", n+1, err)
		}
		if !q.IsValid() {
			return n, fmt.Errorf("import quad %d: %w", n+1, badInput{fmt.Errorf("incomplete quad %v", q)})
		}
		n++
		batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(batch) == batchSize {
			if err := send(); err != nil {
				return n, err
			}
		}
	}
	if len(batch) == 0 {
		return n, nil
	}
	return n, send()
}

// readErr remembers the error its reader returned, to tell a failed read
// from a line that is not an N-Quad.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		r.err = err
	}
	return n, err
}

// badInput is an error in the input itself; it matches ErrBadInput.
type badInput struct{ err error }

func (e badInput) Error() string   { return e.err.Error() }
func (e badInput) Unwrap() []error { return []error{e.err, ErrBadInput} }
