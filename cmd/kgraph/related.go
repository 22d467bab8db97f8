package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
)

type relatedOptions struct {
	Streams
	DB       string
	Backend  string
	Steps    []string
	Limit    int
	JSON     bool
	Entities []string
}

// NewCmdRelated returns `kgraph related`.
func NewCmdRelated(s Streams) *cobra.Command {
	opts := &relatedOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "related [flags] ENTITY [ENTITY]",
		Short: "Entities joined by facts to one entity, or to both of two",
		Long: `Related follows fact edges (the direct edges between entities; types,
mentions, affiliations and provenance are not facts) from ENTITY, one step
either way unless --step says otherwise, and lists the entities it reaches,
one a line, most edges first: label, IRI and the number of fact edges of
the last step that reach it (one per predicate and sentence).

With two entities it lists the entities joined by fact edges, either way,
to both, with the edges to each.

An entity is an IRI (kg:e/united-states), a label or an alias. A step is
DIRECTION:PREDICATE, DIRECTION one of out, in, either and PREDICATE a lemma
or its IRI; "out" alone keeps every predicate, "support" alone goes either
way. Steps repeat: --step out:support --step out:support.

On a bolt store it reads kgraph's fact index (milliseconds, hubs included);
a store built before the index answers through Cayley's iterators, seconds
for a hub, until 'kgraph index' has built it.`,
		Example: `  # What did the United States reaffirm?
  kgraph related "United States" --step out:reaffirm

  # What do the things Japan condemns violate?
  kgraph related Japan --step out:condemn --step out:violate

  # Who or what is joined by facts to both the United States and the ROK?
  kgraph related "United States" "Republic of Korea" --limit 20`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Entities = args
			return runRelated(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringArrayVar(&opts.Steps, "step", nil, "a step, DIRECTION:PREDICATE (repeatable; one entity only)")
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "at most this many entities (0: no limit)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func runRelated(ctx context.Context, opts *relatedOptions) error {
	if opts.Limit < 0 {
		return usageError{fmt.Errorf("--limit must not be negative")}
	}
	if len(opts.Entities) == 2 && len(opts.Steps) > 0 {
		return usageError{fmt.Errorf("--step goes with one entity; two ask for what is related to both")}
	}
	var steps []graph.Step
	for _, s := range opts.Steps {
		st, err := graph.ParseStep(s)
		if err != nil {
			return usageError{err}
		}
		steps = append(steps, st)
	}
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()

	var res any
	var rows [][]any
	header := []any{"label", "iri", "edges"}
	if len(opts.Entities) == 1 {
		r, err := store.Hop(ctx, graph.HopOptions{From: opts.Entities[0], Steps: steps, Limit: opts.Limit})
		if err != nil {
			return err
		}
		res = r
		for _, e := range r.Entities {
			rows = append(rows, []any{e.Label, e.IRI, e.Edges})
		}
	} else {
		r, err := store.Related(ctx, graph.RelatedOptions{A: opts.Entities[0], B: opts.Entities[1], Limit: opts.Limit})
		if err != nil {
			return err
		}
		res = r
		header = []any{"label", "iri", "edges to " + r.A.Label, "edges to " + r.B.Label}
		for _, e := range r.Entities {
			rows = append(rows, []any{e.Label, e.IRI, e.EdgesA, e.EdgesB})
		}
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	w := tabwriter.NewWriter(opts.Out, 0, 4, 2, ' ', 0)
	for _, r := range append([][]any{header}, rows...) {
		for i, c := range r {
			sep := "\t"
			if i == len(r)-1 {
				sep = "\n"
			}
			fmt.Fprint(w, c, sep)
		}
	}
	return w.Flush()
}
