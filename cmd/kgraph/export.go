package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
)

type exportOptions struct {
	Streams
	DB      string
	Backend string
	Format  string
	Output  string
	All     bool
	Entity  string
	Hops    int
	Query   string
	// hopsSet says --hops was given, which means nothing without --entity.
	hopsSet bool
}

// NewCmdExport returns `kgraph export`.
func NewCmdExport(s Streams) *cobra.Command {
	opts := &exportOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "export [flags]",
		Short: "Write the graph as quads, JSON-LD, a graph file or the facts table",
		Long: `Export writes the store, or a part of it, in one format.

  tsv        the facts table: subject, predicate, object, document, sentence,
             confidence, polarity; labels, not IRIs; distinct sorted rows
  nquads     every quad, provenance included (RDF tools; kgraph import)
  jsonld     every quad as JSON-LD, one named graph per label
  graphml    the entity graph, for yEd, Gephi, Cytoscape, networkx
  gml, dot   the entity graph, for Gephi and Graphviz
  gexf       the entity graph for Gephi (GEXF 1.3), with node type and edge
             predicate, polarity, confidence and number of facts
  cytoscape  the entity graph as Cytoscape.js elements JSON
  csv        the entity graph for neo4j-admin database import: -o DIR gets
             nodes.csv and relationships.csv

The entity graph has a node per entity and an edge per distinct (subject,
predicate, object) of the resolved facts. Every export is byte-identical for
the same graph. Facts whose subject is an unresolved pronoun or group
reference are left out of the tsv table unless --all is given.

--entity X keeps the facts within --hops hops (default 1) of the entity X, a
label or an alias; --query keeps the facts among the entities a Gizmo query
returns (IRIs or labels; '-' reads the query from standard input). RDF
formats then keep those facts' statements, sentences and documents.`,
		Example: `  kgraph export --format tsv
  kgraph export --format nquads -o statement.nq
  kgraph export --format gexf -o statement.gexf
  kgraph export --format csv -o neo4j/
  kgraph export --format cytoscape --entity DPRK --hops 2 -o dprk.cyjs
  kgraph export --format graphml --query 'g.V().Has("<kg:type>", "<kg:t/Country>").All()'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.hopsSet = cmd.Flags().Changed("hops")
			return runExport(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "one of: "+strings.Join(graph.ExportFormats(), ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file (csv: this directory) instead of standard output")
	cmd.Flags().BoolVar(&opts.All, "all", false, "tsv: include facts with unresolved subjects")
	cmd.Flags().StringVar(&opts.Entity, "entity", "", "only the facts around this entity (label or alias)")
	cmd.Flags().IntVar(&opts.Hops, "hops", 1, "with --entity: how many facts away to go")
	cmd.Flags().StringVar(&opts.Query, "query", "", "only the facts among the entities this Gizmo query returns ('-': standard input)")
	cmd.MarkFlagRequired("format")
	return cmd
}

func runExport(ctx context.Context, opts *exportOptions) error {
	f, err := graph.LookupFormat(opts.Format)
	if err != nil {
		return usageError{fmt.Errorf("unknown format %q; known: %s", opts.Format, strings.Join(graph.ExportFormats(), ", "))}
	}
	dir := f.Files != nil
	if dir && (opts.Output == "" || opts.Output == "-") {
		return usageError{fmt.Errorf("format %s writes %s into a directory: give one with -o DIR", f.Name, strings.Join(f.Files, " and "))}
	}
	switch {
	case opts.hopsSet && opts.Hops < 1:
		return usageError{fmt.Errorf("--hops %d: must be 1 or more", opts.Hops)}
	case opts.hopsSet && opts.Entity == "":
		return usageError{fmt.Errorf("--hops counts from an entity: give --entity")}
	case opts.Entity != "" && opts.Query != "":
		return usageError{fmt.Errorf("--entity and --query: give one, not both")}
	}
	eo := graph.ExportOptions{All: opts.All, Entity: opts.Entity, Query: opts.Query}
	if opts.hopsSet || opts.Entity != "" {
		eo.Hops = opts.Hops
	}
	if eo.Query == "-" {
		b, err := io.ReadAll(opts.In)
		if err != nil {
			return fmt.Errorf("read query: %w", err)
		}
		eo.Query = string(b)
	}
	if err := eo.Validate(); err != nil {
		return usageError{err}
	}
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	if dir {
		return store.ExportDir(ctx, opts.Output, f.Name, eo)
	}
	return writeOutput(opts.Output, opts.Out, func(w io.Writer) error {
		return store.Export(ctx, w, f.Name, eo)
	})
}

// writeOutput writes to path, or to stdout when path is empty or "-". A
// file is written under a temporary name and renamed at the end, so a
// failed export never leaves half a file where a whole one was.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
