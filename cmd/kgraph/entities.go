package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
)

type entitiesOptions struct {
	Streams
	DB      string
	Backend string
	Type    string
	JSON    bool
}

// NewCmdEntities returns `kgraph entities`.
func NewCmdEntities(s Streams) *cobra.Command {
	opts := &entitiesOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "entities [flags]",
		Short: "List entities with their aliases, type and number of facts",
		Long: `Entities lists every entity of the store, one a line: its canonical label,
type, aliases (every other name that was resolved to it) and the number of
facts naming it.`,
		Example: `  kgraph entities --type Country
  kgraph entities --json | jq '.[] | select(.facts > 10)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEntities(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVarP(&opts.Type, "type", "t", "", "only entities of this type (Country, Organization, Person, Agreement, Location, Event, Program, Concept)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print a JSON array")
	return cmd
}

type entityJSON struct {
	IRI     string   `json:"iri"`
	Label   string   `json:"label"`
	Types   []string `json:"types"`
	Aliases []string `json:"aliases"`
	Titles  []string `json:"titles,omitempty"`
	Facts   int      `json:"facts"`
}

func runEntities(ctx context.Context, opts *entitiesOptions) error {
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	rows, err := store.Entities(ctx, graph.EntityOptions{Type: opts.Type})
	if err != nil {
		return err
	}
	if opts.JSON {
		out := make([]entityJSON, len(rows))
		for i, r := range rows {
			out[i] = entityJSON{IRI: r.IRI, Label: r.Label, Types: nonNil(r.Types), Aliases: nonNil(r.Aliases), Titles: r.Titles, Facts: r.Facts}
		}
		return json.NewEncoder(opts.Out).Encode(out)
	}
	tw := tabwriter.NewWriter(opts.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LABEL\tTYPE\tFACTS\tALIASES")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", r.Label, strings.Join(r.Types, ","), r.Facts, strings.Join(r.Aliases, "; "))
	}
	return tw.Flush()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
