package graph

import (
	"context"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/dot"
	"github.com/cayleygraph/quad/gml"
	"github.com/cayleygraph/quad/graphml"
)

// The network formats, for Gephi, yEd, Cytoscape and Graphviz: the entity
// graph only, one node per entity named by its label and one edge per
// distinct (subject, predicate, object) of the resolved facts, named by the
// predicate label. Provenance and literals stay out; the RDF formats carry
// them.
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
			write: func(ctx context.Context, s *Store, w io.Writer, _ ExportOptions) error {
				qs, err := s.entityEdges(ctx)
				if err != nil {
					return err
				}
				return writeQuads(f.writer(w), qs)
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

// entityEdges is the entity graph as quads, sorted and distinct.
func (s *Store) entityEdges(ctx context.Context) ([]quad.Quad, error) {
	rows, err := s.Facts(ctx, FactsOptions{})
	if err != nil {
		return nil, err
	}
	var out []quad.Quad
	seen := make(map[[3]string]bool)
	for _, r := range rows { // sorted by subject, predicate, object
		k := [3]string{r.Subject, r.Predicate, r.Object}
		if seen[k] || r.Subject == "" || r.Predicate == "" || r.Object == "" {
			continue
		}
		seen[k] = true
		out = append(out, quad.Quad{Subject: name(r.Subject), Predicate: name(r.Predicate), Object: name(r.Object)})
	}
	return out, nil
}
