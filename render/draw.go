package render

import (
	"image/color"
	"math"
)

// The picture as a list of shapes, which the SVG and the PNG writer both
// draw in order: one description of what is drawn, two ways to write it.

type shapeKind int

const (
	shapeRect  shapeKind = iota // a rectangle, rounded, filled and/or stroked
	shapeCurve                  // a quadratic Bézier curve, stroked
	shapePoly                   // a closed polygon, filled
	shapeText                   // one line of text
	shapeOpen                   // starts a group with a tooltip (SVG only)
	shapeClose                  // ends it
)

type shape struct {
	kind   shapeKind
	rect   Rect
	radius float64
	curve  [3]Point
	poly   []Point
	text   text
	tip    string // shapeOpen's tooltip

	fill, stroke color.RGBA // alpha 0: none
	width        float64    // of the stroke
	dashed       bool
}

// Line styles.
const (
	dashOn, dashOff = 7.0, 4.0
	nodeBorder      = 1.2
	centerBorder    = 3.0
	radiusNode      = 6.0
	radiusLabel     = 3.0
)

// edgeWidth is the stroke width of an edge of weight w.
func edgeWidth(w float64) float64 { return math.Round((1+1.8*min(max(w, 0), 1))*10) / 10 }

func (l *Layout) shapes() []shape {
	m := newMeasurer()
	var out []shape
	out = append(out, shape{kind: shapeRect, rect: Rect{0, 0, l.Width, l.Height}, fill: paper})
	if l.title.s != "" {
		out = append(out, shape{kind: shapeText, text: l.title, fill: ink})
	}

	// Lines under labels under nodes.
	for _, e := range l.Edges {
		w := edgeWidth(e.Weight)
		p := e.Path
		dx, dy := p[2].X-p[1].X, p[2].Y-p[1].Y
		if dx == 0 && dy == 0 {
			dx, dy = p[2].X-p[0].X, p[2].Y-p[0].Y
		}
		d := math.Hypot(dx, dy)
		if d == 0 {
			continue
		}
		ux, uy := dx/d, dy/d
		length, half := 9+2*w, 3.5+1.2*w
		tip := p[2]
		base := Point{tip.X - ux*length, tip.Y - uy*length}
		line := p
		line[2] = Point{tip.X - ux*length*0.8, tip.Y - uy*length*0.8}
		out = append(out, shape{kind: shapeCurve, curve: line, stroke: edgeInk, width: w, dashed: e.Dashed})
		out = append(out, shape{kind: shapePoly, fill: edgeInk, poly: []Point{
			tip,
			{base.X - uy*half, base.Y + ux*half},
			{base.X + uy*half, base.Y - ux*half},
		}})
	}
	for _, e := range l.Edges {
		if e.Label.W == 0 {
			continue
		}
		out = append(out, shape{kind: shapeRect, rect: e.Label, radius: radiusLabel, fill: paper})
		out = append(out, lines(m, e.Label, e.Lines, edgeStyle, labelPad, labelInk)...)
	}
	for _, n := range l.Nodes {
		st, bw := nodeStyle, nodeBorder
		tip := n.Label
		if n.Group != "" {
			tip += " (" + n.Group + ")"
		}
		out = append(out, shape{kind: shapeOpen, tip: tip})
		if n.Center {
			st, bw = centerStyle, centerBorder
			halo := Rect{n.Box.X - 4, n.Box.Y - 4, n.Box.W + 8, n.Box.H + 8}
			out = append(out, shape{kind: shapeRect, rect: halo, radius: radiusNode + 4, stroke: border(n.color), width: 1})
		}
		out = append(out, shape{kind: shapeRect, rect: n.Box, radius: radiusNode, fill: fill(n.color), stroke: border(n.color), width: bw})
		out = append(out, lines(m, n.Box, n.Lines, st, nodePadY, ink)...)
		out = append(out, shape{kind: shapeClose})
	}

	for _, e := range l.legend {
		if e.dashed {
			y := e.y + swatch/2
			out = append(out, shape{kind: shapeCurve, stroke: edgeInk, width: 1.5, dashed: true,
				curve: [3]Point{{e.x, y}, {e.x + swatch, y}, {e.x + 2*swatch, y}}})
		} else {
			out = append(out, shape{kind: shapeRect, rect: Rect{e.x, e.y, swatch, swatch}, radius: 3,
				fill: fill(e.color), stroke: border(e.color), width: nodeBorder})
		}
		out = append(out, shape{kind: shapeText, text: e.label, fill: ink})
	}
	return out
}

// lines centres text lines in box, pad from its top.
func lines(m *measurer, box Rect, ls []string, st style, pad float64, c color.RGBA) []shape {
	var out []shape
	lh := st.lineHeight()
	for k, s := range ls {
		w := m.width(st, s)
		mid := box.Y + pad + (float64(k)+0.5)*lh
		out = append(out, shape{kind: shapeText, fill: c,
			text: text{x: box.X + (box.W-w)/2, y: mid + 0.36*st.size, w: w, s: s, st: st}})
	}
	return out
}
