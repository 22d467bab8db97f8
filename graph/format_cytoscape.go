package graph

import (
	"context"
	"encoding/json"
	"io"
	"strconv"
)

// cytoscape is Cytoscape.js's elements JSON, which cytoscape({elements})
// takes as it is and the Cytoscape desktop app imports: the entity graph,
// each element's fields under "data", as both expect.
func init() {
	registerFormat(Format{
		Name:  "cytoscape",
		Ext:   []string{".cyjs"},
		MIME:  "application/json",
		write: writeCytoscape,
	})
}

type cyNode struct {
	Data struct {
		ID    string `json:"id"`
		Label string `json:"label"`
		Type  string `json:"type"`
	} `json:"data"`
}

type cyEdge struct {
	Data struct {
		ID         string  `json:"id"`
		Source     string  `json:"source"`
		Target     string  `json:"target"`
		Label      string  `json:"label"` // the predicate
		Polarity   string  `json:"polarity"`
		Confidence float64 `json:"confidence"`
		Facts      int     `json:"facts"`
	} `json:"data"`
}

func writeCytoscape(ctx context.Context, v *view, w io.Writer) error {
	g, err := v.entityGraph(ctx)
	if err != nil {
		return err
	}
	var doc struct {
		Elements struct {
			Nodes []cyNode `json:"nodes"`
			Edges []cyEdge `json:"edges"`
		} `json:"elements"`
	}
	doc.Elements.Nodes = make([]cyNode, len(g.Nodes))
	for i, n := range g.Nodes {
		d := &doc.Elements.Nodes[i].Data
		d.ID, d.Label, d.Type = n.IRI, n.Label, n.Type()
	}
	doc.Elements.Edges = make([]cyEdge, len(g.Edges))
	for i, e := range g.Edges {
		d := &doc.Elements.Edges[i].Data
		// Node ids are IRIs (kg:e/…), so "e1" can never clash with one.
		d.ID, d.Source, d.Target, d.Label = "e"+strconv.Itoa(i+1), e.Source, e.Target, e.Predicate
		d.Polarity, d.Confidence, d.Facts = e.Polarity, e.Confidence, e.Facts
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}
