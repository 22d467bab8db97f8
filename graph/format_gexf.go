package graph

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
)

// gexf is Gephi's own format, GEXF 1.3: the entity graph with the node's
// type and the edge's predicate, polarity, confidence and number of facts
// as typed attributes, which Gephi can filter, colour and size by.
func init() {
	registerFormat(Format{
		Name:  "gexf",
		Ext:   []string{".gexf"},
		MIME:  "application/gexf+xml",
		write: writeGEXF,
	})
}

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	NS             string    `xml:"xmlns,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Creator        string    `xml:"meta>creator"`
	Description    string    `xml:"meta>description"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfGraph struct {
	Mode       string           `xml:"mode,attr"`
	EdgeType   string           `xml:"defaultedgetype,attr"`
	Attributes []gexfAttributes `xml:"attributes"`
	Nodes      []gexfNode       `xml:"nodes>node"`
	Edges      []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Label  string `xml:"label,attr"`
	// Kind tells parallel edges apart: Gephi merges two edges between the
	// same nodes unless their kinds differ, and ours differ by predicate.
	Kind   string      `xml:"kind,attr"`
	Weight float64     `xml:"weight,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func writeGEXF(ctx context.Context, v *view, w io.Writer) error {
	g, err := v.entityGraph(ctx)
	if err != nil {
		return err
	}
	doc := gexfDoc{
		NS:             "http://gexf.net/1.3",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		Version:        "1.3",
		Creator:        "kgraph",
		Description:    "entity graph: one node per entity, one edge per distinct (subject, predicate, object)",
		Graph: gexfGraph{
			Mode:     "static",
			EdgeType: "directed",
			Attributes: []gexfAttributes{
				{Class: "node", Attrs: []gexfAttribute{{"type", "type", "string"}}},
				{Class: "edge", Attrs: []gexfAttribute{
					{"predicate", "predicate", "string"},
					{"polarity", "polarity", "string"},
					{"confidence", "confidence", "double"},
					{"facts", "facts", "integer"},
				}},
			},
		},
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: n.IRI, Label: n.Label,
			Values: []gexfValue{{"type", n.Type()}}})
	}
	for i, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Label: e.Predicate, Kind: e.Predicate, Weight: float64(e.Facts), Values: []gexfValue{
				{"predicate", e.Predicate},
				{"polarity", e.Polarity},
				{"confidence", strconv.FormatFloat(e.Confidence, 'g', -1, 64)},
				{"facts", strconv.Itoa(e.Facts)},
			}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}
