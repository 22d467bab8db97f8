package render

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Sizes, in pixels.
const (
	nodeMaxWidth   = 150 // a node label wraps at this width
	centerMaxWidth = 190
	nodeMaxLines   = 3
	edgeMaxWidth   = 170 // an edge label is cut at this width
	edgeMaxLines   = 3   // labels stacked on one line; more fold into "+N more"
	nodePadX       = 9
	nodePadY       = 6
	labelPad       = 3
	gap            = 8    // the least space between two boxes
	aspect         = 1.6  // rings are ellipses this much wider than tall
	margin         = 20   // around the drawing
	firstRadius    = 90   // the first ring's radius before it grows
	ringStep       = 1.05 // a ring grows by this factor until nothing overlaps
	staggerFrom    = 10   // a ring of this many nodes or more alternates radii
	stagger        = 0.3  // the outer radius is this much more than the inner
	spokeStep      = 1.08 // a node moves out along its spoke by this factor
	lineRoom       = 34   // the least line seen either side of a label
	maxSpoke       = 3    // nor further than this factor
	maxGrowth      = 6    // nor does a ring grow past this factor of its first radius
	maxTries       = 150  // growth steps before a ring settles for what it has
)

// connector is one drawn line: the kept edges between two nodes with one
// style.
type connector struct {
	from, to int
	dashed   bool
	weight   float64
	lines    []string
	w, h     float64 // label box size; 0 without a label
}

// body is a box being placed: its centre and size.
type body struct {
	x, y, w, h float64
	pinned     bool
}

func (b body) rect() Rect { return Rect{b.x - b.w/2, b.y - b.h/2, b.w, b.h} }

// overlap is how far b and o must move apart, along x and along y, to keep
// gap between them; both positive means they overlap.
func (b body) overlap(o body) (float64, float64) {
	return (b.w+o.w)/2 + gap - math.Abs(b.x-o.x), (b.h+o.h)/2 + gap - math.Abs(b.y-o.y)
}

func (b body) clashes(o body) bool {
	ox, oy := b.overlap(o)
	return ox > 0 && oy > 0
}

// place lays out the kept nodes and edges of g.
func (l *Layout) place(g Graph, index map[string]int, kept, edges []int, opts Options) {
	m := newMeasurer()
	colors := groupColors(g, opts)

	// Nodes: boxes around their wrapped labels.
	pos := make(map[int]int, len(kept)) // g's node index → layout index
	bodies := make([]body, 0, len(kept)+len(edges))
	for i, k := range kept {
		n := g.Nodes[k]
		st, maxW := nodeStyle, float64(nodeMaxWidth)
		if i == 0 {
			st, maxW = centerStyle, centerMaxWidth
		}
		lines := m.wrap(st, n.Label, maxW, nodeMaxLines)
		w := 0.0
		for _, s := range lines {
			w = max(w, m.width(st, s))
		}
		pos[k] = i
		n.Center = i == 0
		l.Nodes = append(l.Nodes, PlacedNode{Node: n, Lines: lines, color: colors[n.Group]})
		bodies = append(bodies, body{w: math.Ceil(w) + 2*nodePadX, h: float64(len(lines))*st.lineHeight() + 2*nodePadY})
	}
	bodies[0].pinned = true

	// Connectors, heaviest first since edges are.
	var conns []*connector
	byKey := map[[3]int]*connector{}
	count := map[*connector]int{}
	labels := map[*connector][]string{}
	for _, ei := range edges {
		e := g.Edges[ei]
		f, t := pos[index[e.From]], pos[index[e.To]]
		d := 0
		if e.Dashed {
			d = 1
		}
		k := [3]int{f, t, d}
		c := byKey[k]
		if c == nil {
			c = &connector{from: f, to: t, dashed: e.Dashed, weight: e.Weight}
			byKey[k] = c
			conns = append(conns, c)
		}
		count[c]++
		if e.Label != "" {
			labels[c] = append(labels[c], m.cut(edgeStyle, e.Label, edgeMaxWidth, false))
		}
	}
	for _, c := range conns {
		ls := labels[c]
		unlabelled := count[c] - len(ls)
		if len(ls) > edgeMaxLines {
			ls = append(ls[:edgeMaxLines-1], fmt.Sprintf("+%d more", len(ls)-(edgeMaxLines-1)))
			l.ShownEdges += edgeMaxLines - 1
		} else {
			l.ShownEdges += len(ls)
		}
		l.ShownEdges += unlabelled
		c.lines = ls
		for _, s := range ls {
			c.w = max(c.w, m.width(edgeStyle, s))
		}
		if len(ls) > 0 {
			c.w = math.Ceil(c.w) + 2*labelPad
			c.h = float64(len(ls))*edgeStyle.lineHeight() + 2*labelPad
		}
	}
	l.ShownNodes = len(kept)

	labelOf := make([]int, len(conns)) // connector → body index, -1 without label
	for i, c := range conns {
		labelOf[i] = -1
		if c.h > 0 {
			labelOf[i] = len(bodies)
			bodies = append(bodies, body{w: c.w, h: c.h})
		}
	}
	radial(bodies, l.Nodes, conns, labelOf)
	separate(bodies)

	// Paths through the labels, clipped to the node boxes.
	for i, c := range conns {
		s, t := bodies[c.from], bodies[c.to]
		mid := labelPoint(bodies, conns, i, 0.5)
		if labelOf[i] >= 0 {
			b := bodies[labelOf[i]]
			mid = Point{b.x, b.y}
		}
		l.Edges = append(l.Edges, PlacedEdge{From: c.from, To: c.to, Lines: c.lines, Dashed: c.dashed, Weight: c.weight,
			Path: route(s, t, mid)})
		if labelOf[i] >= 0 {
			l.Edges[i].Label = bodies[labelOf[i]].rect()
		}
	}
	for i := range l.Nodes {
		l.Nodes[i].Box = bodies[i].rect()
	}
	l.frame(m, opts, colors)
}

// radial puts the centre at the origin and every other node on the ring of
// its distance from the centre, in the angle its parent's sector gives it,
// each ring as tight as it can be while no boxes overlap and no line from a
// node to its parent crosses a box. Labels go along their edge where they
// fit, halfway if they can.
func radial(bodies []body, nodes []PlacedNode, conns []*connector, labelOf []int) {
	n := len(nodes)
	adj := make([][]int, n) // connector indexes
	for i, c := range conns {
		if c.from != c.to {
			adj[c.from] = append(adj[c.from], i)
			adj[c.to] = append(adj[c.to], i)
		}
	}
	depth := make([]int, n)
	parent := make([]int, n)
	for i := range depth {
		depth[i], parent[i] = -1, -1
	}
	depth[0] = 0
	order := []int{0}
	for q := 0; q < len(order); q++ {
		v := order[q]
		for _, ci := range adj[v] {
			o := conns[ci].from + conns[ci].to - v
			if depth[o] < 0 {
				depth[o], parent[o] = depth[v]+1, v
				order = append(order, o)
			}
		}
	}
	children := make([][]int, n)
	maxDepth := 0
	for _, v := range order[1:] {
		children[parent[v]] = append(children[parent[v]], v)
		maxDepth = max(maxDepth, depth[v])
	}
	// Same colours side by side, then alphabetical.
	for v := range children {
		slices.SortFunc(children[v], func(a, b int) int {
			return cmp.Or(cmp.Compare(colorRank(nodes[a].color), colorRank(nodes[b].color)),
				cmp.Compare(nodes[a].Label, nodes[b].Label), cmp.Compare(a, b))
		})
	}
	// Sectors in proportion to what each subtree needs: a box needs room
	// across its spoke, its width at the top and bottom of a ring and its
	// height at the sides, and so does the label on its spoke. Start from
	// equal shares of the leaves and settle in a few rounds.
	labelW, labelH := make([]float64, n), make([]float64, n)
	for _, c := range conns {
		for _, v := range []int{c.from, c.to} {
			if o := c.from + c.to - v; parent[v] == o {
				labelW[v], labelH[v] = max(labelW[v], c.w), max(labelH[v], c.h)
			}
		}
	}
	need := make([]float64, n)
	for i := len(order) - 1; i >= 1; i-- {
		v := order[i]
		need[v] = max(need[v], 1)
		need[parent[v]] += need[v]
	}
	angle := make([]float64, n)
	var assign func(v int, from, to float64)
	assign = func(v int, from, to float64) {
		total := 0.0
		for _, c := range children[v] {
			total += need[c]
		}
		a := from
		for _, c := range children[v] {
			span := (to - from) * need[c] / total
			angle[c] = a + span/2
			assign(c, a, a+span)
			a += span
		}
	}
	across := func(w, h, theta float64) float64 { // w×h box's extent across a spoke at theta, per radian
		tx, ty := -aspect*math.Sin(theta), math.Cos(theta)
		norm := math.Hypot(tx, ty)
		return (math.Abs(w*tx)+math.Abs(h*ty))/norm/norm + gap/norm
	}
	for range 4 {
		assign(0, -math.Pi, math.Pi) // the seam at the left, where boxes stack
		clear(need)
		for i := len(order) - 1; i >= 1; i-- {
			v := order[i]
			own := max(across(bodies[v].w, bodies[v].h, angle[v]), 1.5*across(labelW[v], labelH[v], angle[v]))
			need[v] = max(own, need[v]*float64(depth[v])/float64(depth[v]+1))
			need[parent[v]] += need[v]
		}
	}
	assign(0, -math.Pi, math.Pi) // the seam at the left, where boxes stack

	p := &placer{bodies: bodies, conns: conns, labelOf: labelOf, depth: depth,
		tree: make([]bool, len(conns)), labelled: make([]bool, len(conns))}
	p.treeLabel = map[int]bool{}
	for i, c := range conns {
		p.tree[i] = parent[c.to] == c.from || parent[c.from] == c.to
		if p.tree[i] && labelOf[i] >= 0 {
			p.treeLabel[labelOf[i]] = true
		}
	}
	fixed := []int{0}
	radius := 0.0
	for d := 1; d <= maxDepth; d++ {
		p.d = d
		var ring []int
		for _, v := range order {
			if depth[v] == d {
				ring = append(ring, v)
			}
		}
		var ringLabels []int // connectors whose deeper end is on this ring, tree ones first
		for _, tree := range []bool{true, false} {
			for i, c := range conns {
				if labelOf[i] >= 0 && max(depth[c.from], depth[c.to]) == d && p.tree[i] == tree {
					ringLabels = append(ringLabels, i)
				}
			}
		}
		// A crowded ring alternates between two radii, so that neighbours
		// can pass each other; a node whose labels do not fit on its spoke
		// moves out alone.
		slices.SortStableFunc(ring, func(a, b int) int { return cmp.Compare(angle[a], angle[b]) })
		out := make(map[int]float64, len(ring))
		for k, v := range ring {
			out[v] = 1
			if len(ring) >= staggerFrom && k%2 == 1 {
				out[v] = 1 + stagger
			}
		}
		r := max(firstRadius, radius+firstRadius)
		rMax := maxGrowth * r
		for try := 0; ; try++ {
			for _, v := range ring {
				bodies[v].x = aspect * r * out[v] * math.Cos(angle[v])
				bodies[v].y = r * out[v] * math.Sin(angle[v])
			}
			strict := try < maxTries && r < rMax
			if !p.fits(ring, fixed) {
				if !strict {
					p.placeLabels(ringLabels, append(slices.Clone(fixed), ring...), false)
					break
				}
				r = r*ringStep + 2
				continue
			}
			bad := p.placeLabels(ringLabels, append(slices.Clone(fixed), ring...), strict)
			if bad < 0 {
				break
			}
			c := conns[bad]
			v := c.to
			if depth[c.to] < d {
				v = c.from
			}
			if p.tree[bad] && out[v] < maxSpoke {
				out[v] *= spokeStep
			} else {
				r = r*ringStep + 2
			}
		}
		for _, v := range ring {
			radius = max(radius, r*out[v])
		}
		fixed = append(fixed, ring...)
		for _, ci := range ringLabels {
			fixed = append(fixed, labelOf[ci])
		}
	}
}

// placer holds what radial's checks need.
type placer struct {
	bodies    []body
	conns     []*connector
	labelOf   []int
	depth     []int
	tree      []bool       // the connector joins a node and its parent
	treeLabel map[int]bool // the body is the label of a tree connector
	labelled  []bool       // the connector's label has its place
	d         int          // the ring being placed
}

// placed reports whether both ends of connector ci are on the rings placed.
func (p *placer) placed(ci int) bool {
	c := p.conns[ci]
	return p.depth[c.from] <= p.d && p.depth[c.to] <= p.d
}

// line is connector ci as a polyline through its label once that is
// placed, through where its label would go before.
func (p *placer) line(ci int) []Point {
	c := p.conns[ci]
	s, t := p.bodies[c.from], p.bodies[c.to]
	via := labelPoint(p.bodies, p.conns, ci, 0.5)
	if b := p.labelOf[ci]; b >= 0 && p.labelled[ci] {
		via = Point{p.bodies[b].x, p.bodies[b].y}
	}
	return []Point{{s.x, s.y}, via, {t.x, t.y}}
}

// fits reports whether the ring's nodes overlap nothing, and no tree line
// between placed nodes crosses a node box not its own.
func (p *placer) fits(ring, fixed []int) bool {
	if clash(p.bodies, ring, fixed) {
		return false
	}
	for ci, c := range p.conns {
		if !p.tree[ci] || !p.placed(ci) {
			continue
		}
		line := p.line(ci)
		for v := range p.depth {
			if v != c.from && v != c.to && p.depth[v] <= p.d && crosses(line, p.bodies[v]) {
				return false
			}
		}
	}
	return true
}

// placeLabels puts each label of ringLabels at the first spot along its
// edge where it overlaps no box placed so far, no tree line crosses it and
// its own line crosses no tree label. A label between two nodes that are
// not parent and child may also bend its line sideways, and else makes do
// with a spot that only overlaps no box, or with the middle, leaving the
// rest to separate. It returns -1 when every tree label found a spot, else
// the connector whose label found none; when strict is false it places
// every label anyway.
func (p *placer) placeLabels(ringLabels, placed []int, strict bool) int {
	for _, ci := range ringLabels {
		p.labelled[ci] = false
	}
	for _, ci := range ringLabels {
		b := p.labelOf[ci]
		c := p.conns[ci]
		bends := []float64{0}
		if !p.tree[ci] {
			bends = chordBends
		}
		s, t := p.bodies[c.from], p.bodies[c.to]
		dx, dy := t.x-s.x, t.y-s.y
		length := math.Hypot(dx, dy)
		if length == 0 {
			length = 1
		}
		if p.tree[ci] && !p.roomy(ci) {
			if strict {
				return ci
			}
		}
		found := false
		for pass := 0; pass < 2 && !found; pass++ {
			for _, bend := range bends {
				for _, f := range labelSpots {
					pt := labelPoint(p.bodies, p.conns, ci, f)
					p.bodies[b].x, p.bodies[b].y = pt.X-bend*dy/length, pt.Y+bend*dx/length
					if !clash(p.bodies, []int{b}, placed) && (pass == 1 || p.clear(ci, placed)) {
						found = true
						break
					}
				}
				if found {
					break
				}
			}
			if p.tree[ci] {
				break // no second pass for tree lines
			}
		}
		if !found {
			if strict && p.tree[ci] {
				return ci
			}
			pt := labelPoint(p.bodies, p.conns, ci, 0.5)
			p.bodies[b].x, p.bodies[b].y = pt.X, pt.Y
		}
		p.labelled[ci] = true
		placed = append(placed, b)
	}
	return -1
}

// roomy reports whether the line of connector ci, outside its nodes' boxes,
// is long enough for its label and some line with an arrow either side.
func (p *placer) roomy(ci int) bool {
	c := p.conns[ci]
	s, t := p.bodies[c.from], p.bodies[c.to]
	dx, dy := t.x-s.x, t.y-s.y
	length := math.Hypot(dx, dy)
	if length == 0 {
		return false
	}
	ux, uy := math.Abs(dx/length), math.Abs(dy/length)
	inS := min(s.w/2/max(ux, 1e-9), s.h/2/max(uy, 1e-9))
	inT := min(t.w/2/max(ux, 1e-9), t.h/2/max(uy, 1e-9))
	along := min(c.w/max(ux, 1e-9), c.h/max(uy, 1e-9)) // the label's extent along the line
	return length-inS-inT >= along+2*lineRoom
}

// chordBends are how far sideways a label between two nodes that are not
// parent and child may pull its line, nearest first.
var chordBends = []float64{0, 40, -40, 80, -80, 130, -130}

// clear reports whether connector ci's label, where it stands, is crossed
// by no other placed tree line, and ci's line crosses no placed label.
func (p *placer) clear(ci int, placed []int) bool {
	b := p.bodies[p.labelOf[ci]]
	c := p.conns[ci]
	sibling := func(cj int) bool { // joins the same two nodes
		o := p.conns[cj]
		return (o.from == c.from && o.to == c.to) || (o.from == c.to && o.to == c.from)
	}
	for cj := range p.conns {
		if !sibling(cj) && p.tree[cj] && p.placed(cj) && crosses(p.line(cj), b) {
			return false
		}
	}
	p.labelled[ci] = true
	line := p.line(ci)
	p.labelled[ci] = false
	own := p.labelOf[ci]
	siblingLabel := map[int]bool{}
	for cj := range p.conns {
		if sibling(cj) {
			siblingLabel[p.labelOf[cj]] = true
		}
	}
	for _, o := range placed {
		if o >= len(p.depth) && o != own && !siblingLabel[o] && p.treeLabel[o] && crosses(line, p.bodies[o]) {
			return false
		}
	}
	return true
}

// crosses reports whether the polyline passes through b (shrunk a little,
// so that grazing a corner does not count).
func crosses(line []Point, b body) bool {
	x0, x1 := b.x-b.w/2+1, b.x+b.w/2-1
	y0, y1 := b.y-b.h/2+1, b.y+b.h/2-1
	for i := 1; i < len(line); i++ {
		if segmentHits(line[i-1], line[i], x0, y0, x1, y1) {
			return true
		}
	}
	return false
}

// segmentHits clips the segment a–b to the rectangle (Liang–Barsky) and
// reports whether anything is left.
func segmentHits(a, b Point, x0, y0, x1, y1 float64) bool {
	dx, dy := b.X-a.X, b.Y-a.Y
	lo, hi := 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, a.X - x0}, {dx, x1 - a.X}, {-dy, a.Y - y0}, {dy, y1 - a.Y}} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / pp
		if pp < 0 {
			lo = max(lo, t)
		} else {
			hi = min(hi, t)
		}
		if lo > hi {
			return false
		}
	}
	return true
}

// Where along its edge a label may go, as fractions of the part of the
// edge outside the boxes, most wanted first.
var labelSpots = []float64{0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8}

// clash reports whether a box of moving overlaps another of them or a
// fixed box.
func clash(bodies []body, moving, fixed []int) bool {
	for i, a := range moving {
		for _, b := range moving[i+1:] {
			if bodies[a].clashes(bodies[b]) {
				return true
			}
		}
		for _, b := range fixed {
			if bodies[a].clashes(bodies[b]) {
				return true
			}
		}
	}
	return false
}

// labelPoint is where connector ci's label goes: at fraction f of the part
// of the straight line between its nodes that lies outside both boxes,
// moved sideways when other connectors join the same two nodes.
func labelPoint(bodies []body, conns []*connector, ci int, f float64) Point {
	c := conns[ci]
	s, t := bodies[c.from], bodies[c.to]
	dx, dy := t.x-s.x, t.y-s.y
	exit := func(b body) float64 { // fraction of the line inside b's half
		f := math.Inf(1)
		if dx != 0 {
			f = min(f, b.w/2/math.Abs(dx))
		}
		if dy != 0 {
			f = min(f, b.h/2/math.Abs(dy))
		}
		return f
	}
	a, z := exit(s), 1-exit(t)
	if a < z {
		f = a + f*(z-a)
	} else {
		f = 0.5
	}
	p := Point{s.x + f*dx, s.y + f*dy}

	// Connectors between the same two nodes, either way, side by side,
	// each line bent through its own label.
	var same []int
	for i, o := range conns {
		if (o.from == c.from && o.to == c.to) || (o.from == c.to && o.to == c.from) {
			same = append(same, i)
		}
	}
	length := math.Hypot(dx, dy)
	if len(same) < 2 || length == 0 {
		return p
	}
	k := slices.Index(same, ci)
	px, py := -dy/length, dx/length // pointing the same way for both directions
	if c.from > c.to {
		px, py = -px, -py
	}
	step := 0.0
	for _, i := range same {
		o := conns[i]
		need := math.Inf(1)
		if px != 0 {
			need = min(need, (o.w+gap)/math.Abs(px))
		}
		if py != 0 {
			need = min(need, (o.h+gap)/math.Abs(py))
		}
		step = max(step, need)
	}
	off := (float64(k) - float64(len(same)-1)/2) * step
	return Point{p.X + off*px, p.Y + off*py}
}

// separate pushes overlapping boxes apart along the axis where they
// overlap least, the pinned one staying put, until no two overlap. Should
// that take long, it spreads everything out from the pinned box and goes
// on; boxes far enough apart cannot overlap, so it ends.
func separate(bodies []body) {
	for round := 0; round < 5000; round++ {
		moved := false
		for i := range bodies {
			for j := i + 1; j < len(bodies); j++ {
				a, b := &bodies[i], &bodies[j]
				ox, oy := a.overlap(*b)
				if ox <= 0 || oy <= 0 {
					continue
				}
				moved = true
				dx, dy := b.x-a.x, b.y-a.y
				if dx == 0 && dy == 0 {
					dy = 1
				}
				var mx, my float64
				if ox < oy {
					mx = math.Copysign(ox+0.5, dx)
				} else {
					my = math.Copysign(oy+0.5, dy)
				}
				switch {
				case a.pinned:
					b.x, b.y = b.x+mx, b.y+my
				case b.pinned:
					a.x, a.y = a.x-mx, a.y-my
				default:
					a.x, a.y = a.x-mx/2, a.y-my/2
					b.x, b.y = b.x+mx/2, b.y+my/2
				}
			}
		}
		if !moved {
			return
		}
		if round%100 == 99 {
			for i := range bodies {
				if !bodies[i].pinned {
					bodies[i].x = bodies[0].x + (bodies[i].x-bodies[0].x)*1.1
					bodies[i].y = bodies[0].y + (bodies[i].y-bodies[0].y)*1.1
				}
			}
		}
	}
}

// route is the edge from s through mid to t: a quadratic Bézier curve
// through mid, cut where it leaves s's box and where it enters t's.
func route(s, t body, mid Point) [3]Point {
	p0, p2 := Point{s.x, s.y}, Point{t.x, t.y}
	p1 := Point{2*mid.X - (p0.X+p2.X)/2, 2*mid.Y - (p0.Y+p2.Y)/2}
	inside := func(b body, p Point) bool {
		return math.Abs(p.X-b.x) <= b.w/2+2 && math.Abs(p.Y-b.y) <= b.h/2+2
	}
	at := func(u float64) Point { return bezier(p0, p1, p2, u) }
	// The last sample inside s, then bisect; likewise the first inside t.
	const steps = 64
	t0, t1 := 0.0, 1.0
	for k := 1; k <= steps/2; k++ {
		if u := float64(k) / steps; inside(s, at(u)) {
			t0 = u
		}
	}
	for k := steps - 1; k >= steps/2; k-- {
		if u := float64(k) / steps; inside(t, at(u)) {
			t1 = u
		}
	}
	lo, hi := t0, t0+1.0/steps
	for range 20 {
		if u := (lo + hi) / 2; inside(s, at(u)) {
			lo = u
		} else {
			hi = u
		}
	}
	t0 = hi
	lo, hi = t1-1.0/steps, t1
	for range 20 {
		if u := (lo + hi) / 2; inside(t, at(u)) {
			hi = u
		} else {
			lo = u
		}
	}
	t1 = lo
	if t1 <= t0 {
		t0, t1 = 0.5, 0.5
	}
	return subCurve(p0, p1, p2, t0, t1)
}

func bezier(p0, p1, p2 Point, u float64) Point {
	v := 1 - u
	return Point{v*v*p0.X + 2*v*u*p1.X + u*u*p2.X, v*v*p0.Y + 2*v*u*p1.Y + u*u*p2.Y}
}

// subCurve is the part of the curve between a and b, as its own quadratic
// Bézier curve (the control point is the blossom at a, b).
func subCurve(p0, p1, p2 Point, a, b float64) [3]Point {
	q1 := Point{
		(1-a)*(1-b)*p0.X + ((1-a)*b+a*(1-b))*p1.X + a*b*p2.X,
		(1-a)*(1-b)*p0.Y + ((1-a)*b+a*(1-b))*p1.Y + a*b*p2.Y,
	}
	return [3]Point{bezier(p0, p1, p2, a), q1, bezier(p0, p1, p2, b)}
}
