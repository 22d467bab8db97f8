package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// EntityGraph is the graph the network formats (graphml, gml, dot, gexf,
// csv, cytoscape) write: one node per entity that a resolved fact links,
// one edge per distinct (subject, predicate, object) of those facts.
// Provenance and literals stay out; the RDF formats carry them.
type EntityGraph struct {
	Nodes []EntityNode // sorted by label
	Edges []EntityEdge // sorted by subject label, predicate, object label
}

// EntityNode is one entity.
type EntityNode struct {
	IRI   string   // "kg:e/united-states"
	Label string   // "United States"
	Types []string // "Country"; sorted, more than one when documents disagree, none when unknown
}

// Type is the node's types in one string, ";" between two.
func (n EntityNode) Type() string { return strings.Join(n.Types, ";") }

// EntityEdge is the facts that say one (subject, predicate, object).
type EntityEdge struct {
	Source, Target string // the IRIs of subject and object
	Predicate      string // the predicate's label, "reaffirm"
	// Polarity is "positive" when no fact of the edge is negated,
	// "negative" when all are, "mixed" otherwise.
	Polarity   string
	Confidence float64 // the highest confidence of its facts
	Facts      int     // how many facts say it
}

// EntityGraph returns the entity graph of the store, or of the subgraph
// opts select (opts.All has no effect here).
func (s *Store) EntityGraph(ctx context.Context, opts ExportOptions) (*EntityGraph, error) {
	v, err := s.newView(ctx, opts)
	if err != nil {
		return nil, err
	}
	return v.entityGraph(ctx)
}

// entityGraph builds the graph of the facts keep holds; nil keeps all.
func (sc *factScan) entityGraph(keep map[string]bool) *EntityGraph {
	type key struct{ s, p, o string }
	g := &EntityGraph{}
	edges := make(map[key]int)
	negated := make(map[int]int)
	nodes := make(map[quad.Value]bool)
	for _, r := range sc.rows { // sorted by subject, predicate, object
		n, ok := sc.linked(r)
		if !ok || keep != nil && !keep[r.Statement] {
			continue
		}
		for _, e := range []struct {
			v     quad.Value
			label string
		}{{n.subj, r.Subject}, {n.obj, r.Object}} {
			if !nodes[e.v] {
				nodes[e.v] = true
				g.Nodes = append(g.Nodes, EntityNode{IRI: iriString(e.v), Label: e.label, Types: slices.Clone(sc.types[e.v])})
			}
		}
		k := key{r.Subject, r.Predicate, r.Object}
		i, seen := edges[k]
		if !seen {
			i = len(g.Edges)
			edges[k] = i
			g.Edges = append(g.Edges, EntityEdge{Source: iriString(n.subj), Target: iriString(n.obj), Predicate: r.Predicate})
		}
		e := &g.Edges[i]
		e.Facts++
		e.Confidence = max(e.Confidence, r.Confidence)
		if r.Polarity == "negative" {
			negated[i]++
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		switch negated[i] {
		case 0:
			e.Polarity = "positive"
		case e.Facts:
			e.Polarity = "negative"
		default:
			e.Polarity = "mixed"
		}
	}
	slices.SortFunc(g.Nodes, func(a, b EntityNode) int { return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.IRI, b.IRI)) })
	return g
}

// labels maps the graph's node IRIs to their labels.
func (g *EntityGraph) labels() map[string]string {
	m := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		m[n.IRI] = n.Label
	}
	return m
}
