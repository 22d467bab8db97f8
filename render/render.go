// Package render draws a small directed graph as a picture for a report:
// SVG written as XML, or PNG rasterized here, both in pure Go with the Go
// fonts embedded.
//
// It knows nothing of where the graph comes from. A caller (kgraph's render
// command, with the neighbourhood package graph supplies) builds a Graph of
// labelled nodes and edges, one node marked as the centre, and calls
// NewLayout, which keeps at most Options.MaxNodes nodes (nearest to the
// centre and heaviest edges first), places them on rings around the centre,
// removes every overlap between node boxes and edge labels using the real
// widths of the text, and routes each edge through its label. The Layout
// then writes itself with WriteSVG or WritePNG. The same Graph and Options
// give the same bytes.
package render

import (
	"errors"
	"fmt"
)

// Graph is what NewLayout draws.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Node is one box of the picture.
type Node struct {
	ID     string // unique within the graph
	Label  string // wrapped onto at most three lines
	Group  string // picks the fill colour and the legend entry; "" is no group
	Center bool   // drawn emphasised; the layout starts from it
}

// Edge is one arrow, From → To, labelled. Edges with the same ends and
// style share one line and stack their labels.
type Edge struct {
	From, To string  // node IDs
	Label    string  // one line, cut short when too long
	Dashed   bool    // drawn with a dashed line
	Weight   float64 // in [0,1]: which edges to keep first, and the line's thickness
}

// Options tune NewLayout. The zero value is usable.
type Options struct {
	// MaxNodes caps the nodes drawn; 0 means DefaultMaxNodes.
	MaxNodes int
	// Title is written above the graph, when not empty.
	Title string
	// Groups lists group names in legend order; the i-th gets the i-th
	// colour of the palette, so a group keeps its colour from one picture
	// to the next. Groups not listed follow in sorted order.
	Groups []string
	// NoGroup names the legend entry of nodes without a group ("" leaves
	// such nodes out of the legend).
	NoGroup string
	// DashedLegend names the legend entry of dashed edges ("" for none).
	DashedLegend string
}

// DefaultMaxNodes is the node cap when Options.MaxNodes is 0: about as many
// boxes as a page shows legibly.
const DefaultMaxNodes = 30

// Errors NewLayout returns.
var (
	ErrEmpty     = errors.New("render: graph has no nodes")
	ErrDuplicate = errors.New("render: duplicate node ID")
	ErrNoNode    = errors.New("render: edge names an unknown node")
)

// Rect is an axis-aligned box: top-left corner and size, in pixels.
type Rect struct{ X, Y, W, H float64 }

// Overlaps reports whether r and o share more than their border.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Inside reports whether r lies within a canvas of width w and height h.
func (r Rect) Inside(w, h float64) bool {
	return r.X >= 0 && r.Y >= 0 && r.X+r.W <= w && r.Y+r.H <= h
}

// Point is a position in pixels.
type Point struct{ X, Y float64 }

// Layout is a graph placed on a canvas, ready to be written.
type Layout struct {
	Width, Height float64

	Nodes []PlacedNode
	Edges []PlacedEdge

	// What was left out by the node cap: nodes, and edges (an edge whose
	// line is drawn but whose label is folded into "+N more" counts as
	// left out).
	OmittedNodes, OmittedEdges int
	// What is drawn.
	ShownNodes, ShownEdges int

	title   text
	legend  []legendEntry
	legendY float64
}

// PlacedNode is a node with its box and wrapped label.
type PlacedNode struct {
	Node
	Box   Rect
	Lines []string
	color int // palette index; -1 for no group
}

// PlacedEdge is one drawn line: the edges between two nodes with one
// style, its label box, and its path, a quadratic Bézier curve from the
// border of the source box through the label to the border of the target.
type PlacedEdge struct {
	From, To int      // indexes into Layout.Nodes
	Lines    []string // one per edge label, maybe a last "+N more"
	Dashed   bool
	Weight   float64 // the heaviest edge's
	Label    Rect    // the label's box; zero when there is no label
	Path     [3]Point
}

// NewLayout places g on a canvas.
func NewLayout(g Graph, opts Options) (*Layout, error) {
	if len(g.Nodes) == 0 {
		return nil, ErrEmpty
	}
	index := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		if _, dup := index[n.ID]; dup {
			return nil, fmt.Errorf("%w %q", ErrDuplicate, n.ID)
		}
		index[n.ID] = i
	}
	for _, e := range g.Edges {
		for _, id := range []string{e.From, e.To} {
			if _, ok := index[id]; !ok {
				return nil, fmt.Errorf("%w %q (edge %q)", ErrNoNode, id, e.Label)
			}
		}
	}
	max := opts.MaxNodes
	if max <= 0 {
		max = DefaultMaxNodes
	}
	kept, edges := prune(g, index, max)
	l := &Layout{OmittedNodes: len(g.Nodes) - len(kept)}
	l.place(g, index, kept, edges, opts)
	l.OmittedEdges = len(g.Edges) - l.ShownEdges
	return l, nil
}
