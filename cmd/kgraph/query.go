package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
)

type queryOptions struct {
	Streams
	DB      string
	Backend string
	Lang    string
	Limit   int
	Timeout time.Duration
	Query   string
}

// NewCmdQuery returns `kgraph query`.
func NewCmdQuery(s Streams) *cobra.Command {
	opts := &queryOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "query [flags] QUERY|-",
		Short: "Answer a Gizmo, GraphQL or MQL query",
		Long: `Query runs a query against the store and writes the answer to standard
output as JSON, shaped as Cayley's HTTP API shapes it ({"result":[…]} for
Gizmo and MQL, {"data":{…}} for GraphQL). QUERY - reads the query from
standard input. There is no row limit unless --limit is given.

Names are IRIs in angle brackets: entities <kg:e/united-states>, predicates
<kg:p/reaffirm>, the label predicate <kg:label>; docs/schema.md lists them.`,
		Example: `  # What did the United States reaffirm?
  kgraph query 'g.V("<kg:e/united-states>").Out("<kg:p/reaffirm>").Out("<kg:label>").All()'

  # Start from a label instead of an IRI
  kgraph query 'g.V().Has("<kg:label>", "Russia").In("<kg:p/condemn>").Out("<kg:label>").All()'

  # Read the query from a file
  kgraph query --limit 10 - < who-condemned-whom.js`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = args[0]
			return runQuery(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVarP(&opts.Lang, "lang", "l", "gizmo", "query language: "+strings.Join(graph.Languages(), ", "))
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "at most this many results (0: no limit)")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", time.Minute, "give up after this long (0: never)")
	return cmd
}

func runQuery(ctx context.Context, opts *queryOptions) error {
	q := opts.Query
	if q == "-" {
		b, err := io.ReadAll(opts.In)
		if err != nil {
			return fmt.Errorf("read query: %w", err)
		}
		q = string(b)
	}
	if opts.Limit < 0 {
		return usageError{fmt.Errorf("--limit must not be negative")}
	}
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	return store.QueryJSON(ctx, opts.Out, opts.Lang, q, graph.QueryOptions{Limit: opts.Limit, Timeout: opts.Timeout})
}
