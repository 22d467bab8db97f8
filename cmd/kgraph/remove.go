package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
)

type removeOptions struct {
	Streams
	DB      string
	Backend string
	Doc     string
	JSON    bool
}

// NewCmdRemove returns `kgraph remove`.
func NewCmdRemove(s Streams) *cobra.Command {
	opts := &removeOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "remove --doc ID [flags]",
		Short: "Take one document out of the store",
		Long: `Remove takes the document ID out of the store: its sentences, facts and
provenance, and the entities and predicates no other document names. What
other documents say stays as it was. It is one write: the document is
either all there or all gone.`,
		Example: `  kgraph remove --doc statement
  kgraph remove --db /tmp/wh.db --doc 2023-04-26-joint-statement --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Doc == "" {
				return fmt.Errorf("remove: --doc is required: the id of the document to remove")
			}
			return runRemove(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "id of the document to remove")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func runRemove(ctx context.Context, opts *removeOptions) error {
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Remove(ctx, opts.Doc)
	if errors.Is(err, graph.ErrNotFound) {
		return fmt.Errorf("no document %q in %s", opts.Doc, opts.DB)
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		return json.NewEncoder(opts.Out).Encode(map[string]any{"document": opts.Doc, "quads": st.Quads, "entities": st.Entities})
	}
	_, err = fmt.Fprintf(opts.Out, "removed %s: %d quads, %d entities no other document names\n", opts.Doc, st.Quads, st.Entities)
	return err
}
