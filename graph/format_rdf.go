package graph

import (
	"context"
	"io"

	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
)

// The RDF formats: every quad, labels included, readable back by any RDF
// tool (and by Cayley's own readers); for a subgraph, the quads of its
// facts and of the nodes they name (see selection.keep).
func init() {
	registerFormat(Format{
		Name: "nquads",
		Ext:  []string{".nq", ".nquads"},
		MIME: "application/n-quads",
		write: func(ctx context.Context, v *view, w io.Writer) error {
			qs, err := v.quads(ctx)
			if err != nil {
				return err
			}
			return writeQuads(nquads.NewWriter(w), qs)
		},
	})
	registerFormat(Format{
		Name: "jsonld",
		Ext:  []string{".jsonld"},
		MIME: "application/ld+json",
		write: func(ctx context.Context, v *view, w io.Writer) error {
			qs, err := v.quads(ctx)
			if err != nil {
				return err
			}
			return writeQuads(jsonld.NewWriter(w), qs)
		},
	})
}
