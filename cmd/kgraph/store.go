package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/kgraph/kgraph/graph"
)

// openExisting opens a store that must already exist: a query or an export
// of a mistyped --db should say so, not answer from a new empty store.
func openExisting(ctx context.Context, db, backend string) (*graph.Store, error) {
	if graph.IsDirectoryBackend(backend) {
		if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s (build one with 'kgraph build --db %s INPUT')", db, db)
		}
	}
	// The commands that open an existing store read it or write one
	// document: opening need not read every quad (graph.Config.FewWrites).
	return graph.Open(ctx, graph.Config{Backend: backend, Address: db, FewWrites: true})
}
