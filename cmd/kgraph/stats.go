package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

type statsOptions struct {
	Streams
	DB      string
	Backend string
	JSON    bool
}

// NewCmdStats returns `kgraph stats`.
func NewCmdStats(s Streams) *cobra.Command {
	opts := &statsOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "stats [flags]",
		Short: "Count what the store holds",
		Long: `Stats counts the quads, nodes, documents, sentences, facts, entities and
predicates in the store, exactly (Gizmo's Count() counts labels as nodes).`,
		Example: `  kgraph stats
  kgraph stats --db /tmp/wh.db --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStats(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func runStats(ctx context.Context, opts *statsOptions) error {
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if opts.JSON {
		return json.NewEncoder(opts.Out).Encode(map[string]int64{"quads": st.Quads, "nodes": st.Nodes,
			"documents": st.Documents, "sentences": st.Sentences, "facts": st.Facts, "entities": st.Entities, "predicates": st.Predicates})
	}
	_, err = fmt.Fprintf(opts.Out, "quads       %d\nnodes       %d\ndocuments   %d\nsentences   %d\nfacts       %d\nentities    %d\npredicates  %d\n",
		st.Quads, st.Nodes, st.Documents, st.Sentences, st.Facts, st.Entities, st.Predicates)
	return err
}
