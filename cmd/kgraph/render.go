package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/render"
	"github.com/kgraph/kgraph/schema"
)

type renderOptions struct {
	Streams
	DB       string
	Backend  string
	Entity   string
	Hops     int
	MaxNodes int
	Output   string
	Format   string
	Scale    float64
}

// renderFormats are the picture formats, chosen by the output's extension.
var renderFormats = []string{"svg", "png"}

// NewCmdRender returns `kgraph render`.
func NewCmdRender(s Streams) *cobra.Command {
	opts := &renderOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "render --entity NAME -o FILE.svg|FILE.png [flags]",
		Short: "Draw an entity's neighbourhood as an SVG or PNG picture",
		Long: `Render draws one entity and the facts around it, for a report: the entity
in the middle, emphasised, the entities its facts name around it, coloured by
type (the legend says which), each fact an arrow from subject to object
labelled with its predicate (×2 when two sentences say it), negated facts
dashed, surer facts thicker.

--entity takes a label or an alias, in any case ("DPRK"). --hops 2 adds the
facts of the neighbours. At most --max-nodes entities are drawn: the centre's
own facts first, strongest first (by confidence and by how many sentences say
them), then theirs; standard error says how many were left out.

The output's extension chooses the format (--format overrides it; with
-o - the picture goes to standard output). The picture is drawn in Go with
the Go fonts embedded, needs no other program, and is the same bytes for the
same graph.`,
		Example: `  kgraph render --entity DPRK -o dprk.svg
  kgraph render --entity "United States" --max-nodes 20 -o us.png
  kgraph render --entity Russia --hops 2 --scale 2 -o russia@2x.png
  kgraph render --entity ROK --format svg -o - > rok.svg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVarP(&opts.Entity, "entity", "e", "", "the entity at the centre: a label or an alias")
	cmd.Flags().IntVar(&opts.Hops, "hops", 1, "how many facts away from the centre to go")
	cmd.Flags().IntVar(&opts.MaxNodes, "max-nodes", render.DefaultMaxNodes, "draw at most this many entities")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "the picture's file, .svg or .png; - for standard output")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "svg or png (default: from the output's extension)")
	cmd.Flags().Float64Var(&opts.Scale, "scale", 1, "png: pixels per unit (2 for print)")
	cmd.MarkFlagRequired("entity")
	cmd.MarkFlagRequired("output")
	return cmd
}

func runRender(ctx context.Context, opts *renderOptions) error {
	format := opts.Format
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Output)), ".")
		if opts.Output == "-" || format == "" {
			return usageError{fmt.Errorf("cannot tell the format of %q; give --format (%s)", opts.Output, strings.Join(renderFormats, ", "))}
		}
	}
	if !contains(renderFormats, format) {
		return usageError{fmt.Errorf("unknown format %q; known: %s", format, strings.Join(renderFormats, ", "))}
	}
	switch {
	case opts.Hops < 1:
		return usageError{fmt.Errorf("--hops %d: want 1 or more", opts.Hops)}
	case opts.MaxNodes < 1:
		return usageError{fmt.Errorf("--max-nodes %d: want 1 or more", opts.MaxNodes)}
	case opts.Scale <= 0 || opts.Scale > 8:
		return usageError{fmt.Errorf("--scale %g: want more than 0 and at most 8", opts.Scale)}
	}
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	nb, err := store.Neighbourhood(ctx, graph.NeighbourhoodOptions{Entity: opts.Entity, Hops: opts.Hops})
	if err != nil {
		return err
	}
	g := neighbourhoodGraph(nb)
	title := nb.Center
	if opts.Hops > 1 {
		title += fmt.Sprintf(" (%d hops)", opts.Hops)
	}
	l, err := render.NewLayout(g, render.Options{
		MaxNodes:     opts.MaxNodes,
		Title:        title,
		Groups:       []string{schema.TypeCountry, schema.TypeOrganization, schema.TypePerson, schema.TypeAgreement, schema.TypeLocation, schema.TypeEvent, schema.TypeProgram, schema.TypeConcept},
		NoGroup:      "no type",
		DashedLegend: "negated",
	})
	if err != nil {
		return err
	}
	err = writeOutput(opts.Output, opts.Out, func(w io.Writer) error {
		if format == "png" {
			return l.WritePNG(w, opts.Scale)
		}
		return l.WriteSVG(w)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Err, "%s: %d of %d entities and %d of %d facts drawn", nb.Center,
		l.ShownNodes, len(g.Nodes), l.ShownEdges, len(g.Edges))
	if l.OmittedNodes > 0 || l.OmittedEdges > 0 {
		fmt.Fprintf(opts.Err, "; %d entities and %d facts left out, the weakest (--max-nodes raises the cap)", l.OmittedNodes, l.OmittedEdges)
	}
	fmt.Fprintln(opts.Err)
	return nil
}

// neighbourhoodGraph is the picture's graph: entities by label, one edge
// per (subject, predicate, object, polarity), weighed by its strength.
func neighbourhoodGraph(nb *graph.Neighbourhood) render.Graph {
	var g render.Graph
	for _, e := range nb.Entities {
		g.Nodes = append(g.Nodes, render.Node{ID: e.Label, Label: e.Label, Group: e.Type, Center: e.Hops == 0})
	}
	for _, e := range nb.Edges {
		label := e.Predicate
		if e.Sentences > 1 {
			label += fmt.Sprintf(" ×%d", e.Sentences)
		}
		if e.Negated {
			label = "not " + label
		}
		g.Edges = append(g.Edges, render.Edge{From: e.Subject, To: e.Object, Label: label, Dashed: e.Negated, Weight: e.Strength})
	}
	return g
}
