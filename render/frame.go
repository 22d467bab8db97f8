package render

import (
	"image/color"
	"math"
	"slices"
)

// palette pairs a light fill, under dark text, with a darker border of the
// same hue. The last pair is for nodes without a group.
var palette = [...][2]color.RGBA{
	{{0xcf, 0xe2, 0xf3, 0xff}, {0x2f, 0x62, 0x9c, 0xff}}, // blue
	{{0xfd, 0xdc, 0xbd, 0xff}, {0xb8, 0x5c, 0x10, 0xff}}, // orange
	{{0xd3, 0xeb, 0xcd, 0xff}, {0x3a, 0x80, 0x35, 0xff}}, // green
	{{0xf6, 0xcf, 0xcf, 0xff}, {0xa8, 0x33, 0x33, 0xff}}, // red
	{{0xe2, 0xd6, 0xf0, 0xff}, {0x6a, 0x4a, 0x9a, 0xff}}, // purple
	{{0xf9, 0xee, 0xb8, 0xff}, {0x94, 0x7a, 0x10, 0xff}}, // yellow
	{{0xf7, 0xd5, 0xea, 0xff}, {0xa8, 0x44, 0x84, 0xff}}, // pink
	{{0xcb, 0xec, 0xea, 0xff}, {0x22, 0x80, 0x7c, 0xff}}, // teal
	{{0xe8, 0xdc, 0xcf, 0xff}, {0x80, 0x58, 0x38, 0xff}}, // brown
	{{0xee, 0xee, 0xee, 0xff}, {0x80, 0x80, 0x80, 0xff}}, // grey: no group
}

var (
	ink      = color.RGBA{0x22, 0x22, 0x22, 0xff} // text
	edgeInk  = color.RGBA{0x6b, 0x6b, 0x6b, 0xff} // lines and arrows
	labelInk = color.RGBA{0x33, 0x33, 0x33, 0xff} // edge labels
	paper    = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// fill and border of palette colour c (-1 for no group).
func fill(c int) color.RGBA   { return palette[paletteIndex(c)][0] }
func border(c int) color.RGBA { return palette[paletteIndex(c)][1] }

func paletteIndex(c int) int {
	if c < 0 {
		return len(palette) - 1
	}
	return c % (len(palette) - 1)
}

// colorRank orders colours with no group last.
func colorRank(c int) int {
	if c < 0 {
		return math.MaxInt
	}
	return c
}

// groupColors gives each group of g its colour: the listed groups their
// place in the list, the others their place after them in sorted order,
// so that colours do not depend on which nodes the cap keeps.
func groupColors(g Graph, opts Options) map[string]int {
	colors := map[string]int{"": -1}
	for i, name := range opts.Groups {
		if _, ok := colors[name]; !ok {
			colors[name] = i
		}
	}
	var rest []string
	for _, n := range g.Nodes {
		if _, ok := colors[n.Group]; !ok && !slices.Contains(rest, n.Group) {
			rest = append(rest, n.Group)
		}
	}
	slices.Sort(rest)
	for i, name := range rest {
		colors[name] = len(opts.Groups) + i
	}
	return colors
}

// text is one line of text placed on the canvas: x is its left end, y its
// baseline.
type text struct {
	x, y, w float64
	s       string
	st      style
}

// legendEntry is a swatch or a line sample and its name.
type legendEntry struct {
	x, y   float64 // the swatch's top-left corner
	color  int
	dashed bool // a dashed line sample rather than a swatch
	label  text
}

const (
	swatch    = 14 // legend swatch size
	legendGap = 18 // between legend entries
	legendRow = 22
)

// frame moves the drawing onto a canvas with a margin, the title above and
// the legend below.
func (l *Layout) frame(m *measurer, opts Options, colors map[string]int) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	grow := func(r Rect) {
		minX, minY = min(minX, r.X), min(minY, r.Y)
		maxX, maxY = max(maxX, r.X+r.W), max(maxY, r.Y+r.H)
	}
	for _, n := range l.Nodes {
		grow(n.Box)
	}
	for _, e := range l.Edges {
		if e.Label.W > 0 {
			grow(e.Label)
		}
		for k := 0; k <= 16; k++ {
			p := bezier(e.Path[0], e.Path[1], e.Path[2], float64(k)/16)
			grow(Rect{p.X - 6, p.Y - 6, 12, 12}) // room for the arrowhead
		}
	}
	drawW, drawH := maxX-minX, maxY-minY

	// The legend's entries, in colour order, then the dashed line.
	type entry struct {
		color  int
		dashed bool
		name   string
	}
	var entries []entry
	seen := map[string]bool{}
	for _, n := range l.Nodes {
		if !seen[n.Group] && (n.Group != "" || opts.NoGroup != "") {
			seen[n.Group] = true
			name := n.Group
			if name == "" {
				name = opts.NoGroup
			}
			entries = append(entries, entry{color: colors[n.Group], name: name})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return colorRank(a.color) - colorRank(b.color) })
	if opts.DashedLegend != "" && slices.ContainsFunc(l.Edges, func(e PlacedEdge) bool { return e.Dashed }) {
		entries = append(entries, entry{dashed: true, name: opts.DashedLegend})
	}
	widths := make([]float64, len(entries))
	widest := 0.0
	for i, e := range entries {
		sw := float64(swatch)
		if e.dashed {
			sw = 2 * swatch
		}
		widths[i] = sw + 6 + m.width(legendStyle, e.name)
		widest = max(widest, widths[i])
	}

	titleH, titleW := 0.0, 0.0
	if opts.Title != "" {
		titleW = m.width(titleStyle, opts.Title)
		titleH = titleStyle.lineHeight() + 12
	}
	contentW := math.Ceil(max(drawW, titleW, widest))
	l.Width = contentW + 2*margin
	dx := margin + (contentW-drawW)/2 - minX
	dy := margin + titleH - minY
	for i := range l.Nodes {
		l.Nodes[i].Box.X += dx
		l.Nodes[i].Box.Y += dy
	}
	for i := range l.Edges {
		e := &l.Edges[i]
		if e.Label.W > 0 {
			e.Label.X += dx
			e.Label.Y += dy
		}
		for k := range e.Path {
			e.Path[k].X += dx
			e.Path[k].Y += dy
		}
	}
	if opts.Title != "" {
		l.title = text{x: (l.Width - titleW) / 2, y: margin + titleStyle.size, w: titleW, s: opts.Title, st: titleStyle}
	}

	// Legend rows, each centred.
	y := margin + titleH + drawH + 16
	l.legendY = y
	for i := 0; i < len(entries); {
		j, w := i, 0.0
		for j < len(entries) && (j == i || w+legendGap+widths[j] <= contentW) {
			if j > i {
				w += legendGap
			}
			w += widths[j]
			j++
		}
		x := margin + (contentW-w)/2
		for k := i; k < j; k++ {
			e := entries[k]
			sw := float64(swatch)
			if e.dashed {
				sw = 2 * swatch
			}
			tw := m.width(legendStyle, e.name)
			l.legend = append(l.legend, legendEntry{x: x, y: y, color: e.color, dashed: e.dashed,
				label: text{x: x + sw + 6, y: y + swatch - 2, w: tw, s: e.name, st: legendStyle}})
			x += widths[k] + legendGap
		}
		y += legendRow
		i = j
	}
	if len(entries) == 0 {
		y = margin + titleH + drawH
	}
	l.Height = math.Ceil(y + margin)
}
