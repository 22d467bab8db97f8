package graph

import (
	"context"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/dot"
	"github.com/cayleygraph/quad/gml"
	"github.com/cayleygraph/quad/graphml"
)

// The network formats of Cayley's quad package, for yEd, Gephi, Cytoscape
// and Graphviz: the entity graph (see EntityGraph), nodes named by their
// labels, edges by their predicates.
func init() {
	for _, f := range []struct {
		name, mime string
		ext        []string
		writer     func(io.Writer) quad.WriteCloser
	}{
		{"graphml", "application/graphml+xml", []string{".graphml"}, func(w io.Writer) quad.WriteCloser { return graphml.NewWriter(w) }},
		{"gml", "text/x-gml", []string{".gml"}, func(w io.Writer) quad.WriteCloser { return gml.NewWriter(w) }},
		{"dot", "text/vnd.graphviz", []string{".dot", ".gv"}, func(w io.Writer) quad.WriteCloser { return dot.NewWriter(w) }},
	} {
		registerFormat(Format{
			Name: f.name,
			Ext:  f.ext,
			MIME: f.mime,
			write: func(ctx context.Context, v *view, w io.Writer) error {
				g, err := v.entityGraph(ctx)
				if err != nil {
					return err
				}
				return writeQuads(f.writer(w), g.quads())
			},
		})
	}
}

// name is a node or edge name written as is: the network writers print a
// value's String(), which would put quotes around a quad.String and angle
// brackets around a quad.IRI.
type name string

func (n name) String() string { return string(n) }
func (n name) Native() any    { return string(n) }

var _ quad.Value = name("")

// quads is the graph as quads for Cayley's writers, which name nodes by
// the values they see: one quad per edge, its ends named by their labels.
func (g *EntityGraph) quads() []quad.Quad {
	labels := g.labels()
	out := make([]quad.Quad, len(g.Edges))
	for i, e := range g.Edges {
		out[i] = quad.Quad{Subject: name(labels[e.Source]), Predicate: name(e.Predicate), Object: name(labels[e.Target])}
	}
	return out
}
