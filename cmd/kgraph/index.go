package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

type indexOptions struct {
	Streams
	DB      string
	Backend string
	Check   bool
}

// NewCmdIndex returns `kgraph index`.
func NewCmdIndex(s Streams) *cobra.Command {
	opts := &indexOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "index [flags]",
		Short: "Build the fact index of an existing store",
		Long: `Index builds the fact index that kgraph related reads, and build and
remove to find a stored document's quads (docs/schema.md, "The fact
index"), from the quads of a store built before kgraph kept one, or kept
an older version of it, or written by another program. A store kgraph
builds keeps its index in the same transactions as its quads and needs no
index run. Index reads every
quad once: a few minutes for the 7.5 M quads of the statements corpus.
Killed half way, it leaves the index unused; run it again. --check builds
nothing: it compares the index with the quads, key by key, and fails when
they differ.`,
		Example: `  kgraph index --db /tmp/wh.db
  kgraph index --db /tmp/wh.db --check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndex(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().BoolVar(&opts.Check, "check", false, "compare the index with the quads instead of building it")
	return cmd
}

func runIndex(ctx context.Context, opts *indexOptions) error {
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	if opts.Check {
		if err := store.CheckIndex(ctx); err != nil {
			return err
		}
		fmt.Fprintf(opts.Err, "the fact index matches the quads (%s)\n", time.Since(start).Round(time.Millisecond))
		return store.Close()
	}
	st, err := store.BuildIndex(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Err, "indexed %d quads: %d keys in %s\n", st.Quads, st.Keys, time.Since(start).Round(time.Millisecond))
	return store.Close()
}
