package render

import (
	"cmp"
	"slices"
)

// prune chooses at most max nodes of g to draw and the edges among them. It
// grows a connected picture from the centre: of the edges that touch what
// is kept so far it takes the one whose kept end is nearest the centre and,
// among those, the heaviest, adding its other end while there is room. So
// the centre's own edges come first, the heaviest first, then theirs. Nodes
// not connected to the centre are left out, and so are edges from a node
// to itself.
//
// It returns the kept nodes, centre first, and the kept edges, heaviest
// first, as indexes into g.
func prune(g Graph, index map[string]int, max int) (nodes, edges []int) {
	n := len(g.Nodes)
	type end struct{ from, to int }
	ends := make([]end, len(g.Edges))
	adj := make([][]int, n)
	weight := make([]float64, n)
	for i, e := range g.Edges {
		f, t := index[e.From], index[e.To]
		ends[i] = end{f, t}
		if f == t {
			continue
		}
		adj[f] = append(adj[f], i)
		adj[t] = append(adj[t], i)
		weight[f] += e.Weight
		weight[t] += e.Weight
	}
	center := -1
	for i, nd := range g.Nodes {
		if nd.Center {
			center = i
			break
		}
	}
	if center < 0 {
		center = 0
		for i := range g.Nodes {
			if weight[i] > weight[center] {
				center = i
			}
		}
	}

	// Distance from the centre, ignoring direction.
	dist := make([]int, n)
	for i := range dist {
		dist[i] = -1
	}
	dist[center] = 0
	queue := []int{center}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, ei := range adj[v] {
			o := ends[ei].from + ends[ei].to - v
			if dist[o] < 0 {
				dist[o] = dist[v] + 1
				queue = append(queue, o)
			}
		}
	}

	kept := make([]bool, n)
	kept[center] = true
	nodes = []int{center}
	done := make([]bool, len(g.Edges))
	// Candidates are the edges at a kept node; a kept node's edges join
	// the pool when it is kept.
	var pool []int
	join := func(v int) {
		for _, ei := range adj[v] {
			if !done[ei] {
				pool = append(pool, ei)
			}
		}
	}
	join(center)
	near := func(ei int) int {
		d := -1
		for _, v := range []int{ends[ei].from, ends[ei].to} {
			if kept[v] && (d < 0 || dist[v] < d) {
				d = dist[v]
			}
		}
		return d
	}
	for len(pool) > 0 {
		best := -1
		for i, ei := range pool {
			if done[ei] {
				continue
			}
			if best < 0 {
				best = i
				continue
			}
			b := pool[best]
			if c := cmp.Or(cmp.Compare(near(ei), near(b)), cmp.Compare(g.Edges[b].Weight, g.Edges[ei].Weight), cmp.Compare(ei, b)); c < 0 {
				best = i
			}
		}
		if best < 0 {
			break
		}
		ei := pool[best]
		pool = slices.Delete(pool, best, best+1)
		done[ei] = true
		f, t := ends[ei].from, ends[ei].to
		if kept[f] && kept[t] {
			edges = append(edges, ei)
			continue
		}
		if len(nodes) >= max {
			continue
		}
		o := f
		if kept[f] {
			o = t
		}
		kept[o] = true
		nodes = append(nodes, o)
		edges = append(edges, ei)
		join(o)
	}
	slices.SortStableFunc(edges, func(a, b int) int {
		return cmp.Or(cmp.Compare(g.Edges[b].Weight, g.Edges[a].Weight), cmp.Compare(a, b))
	})
	return nodes, edges
}
