package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
)

type importOptions struct {
	Streams
	DB      string
	Backend string
	Input   string
}

// NewCmdImport returns `kgraph import`.
func NewCmdImport(s Streams) *cobra.Command {
	opts := &importOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "import [flags] FILE.nq|-",
		Short: "Load N-Quads, such as an export, into a store",
		Long: `Import adds the quads of an N-Quads file to the store, skipping quads it
already holds: it restores 'kgraph export --format nquads' into another
store or backend, for example to move a graph from the embedded store to
PostgreSQL.`,
		Example: `  kgraph export --format nquads -o graph.nq
  kgraph import --backend postgres --db 'postgres://kgraph:kgraph@127.0.0.1:5432/kgraph?sslmode=disable' graph.nq`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Input = args[0]
			return runImport(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	return cmd
}

func runImport(ctx context.Context, opts *importOptions) error {
	var r io.Reader = opts.In
	if opts.Input != "-" {
		f, err := os.Open(opts.Input)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	start := time.Now()
	store, err := graph.Open(ctx, graph.Config{Backend: opts.Backend, Address: opts.DB, FewWrites: true})
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.Import(ctx, r)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.Input, err)
	}
	_, err = fmt.Fprintf(opts.Out, "quads    %d\nseconds  %.2f\n", n, time.Since(start).Seconds())
	return err
}
