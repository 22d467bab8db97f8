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
}

// NewCmdExport returns `kgraph export`.
func NewCmdExport(s Streams) *cobra.Command {
	opts := &exportOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "export [flags]",
		Short: "Write the graph as quads, JSON-LD, a graph file or the facts table",
		Long: `Export writes the whole store in one format.

The tsv format is the facts table, one fact a row under the header
subject, predicate, object, document, sentence, confidence, polarity: entity
labels rather than IRIs, rows distinct and sorted so that two exports of the
same graph are byte-identical. Facts whose subject is an unresolved pronoun
or group reference are left out unless --all is given.

nquads and jsonld suit RDF tools; graphml (yEd, Gephi, Cytoscape), gml
(Gephi) and dot (Graphviz) suit visualization tools.`,
		Example: `  kgraph export --format tsv
  kgraph export --format nquads -o statement.nq
  kgraph export --format graphml -o statement.graphml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "one of: "+strings.Join(graph.ExportFormats(), ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&opts.All, "all", false, "tsv: include facts with unresolved subjects")
	cmd.MarkFlagRequired("format")
	return cmd
}

func runExport(ctx context.Context, opts *exportOptions) error {
	if !contains(graph.ExportFormats(), opts.Format) {
		return usageError{fmt.Errorf("unknown format %q; known: %s", opts.Format, strings.Join(graph.ExportFormats(), ", "))}
	}
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	return writeOutput(opts.Output, opts.Out, func(w io.Writer) error {
		return store.Export(ctx, w, opts.Format, graph.ExportOptions{All: opts.All})
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
