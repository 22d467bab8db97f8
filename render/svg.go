package render

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteSVG writes the picture as an SVG document. Text is text, in the Go
// font when the viewer has it; each line's width is pinned with textLength
// so that another font cannot make labels overlap.
func (l *Layout) WriteSVG(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">`+"\n",
		num(l.Width), num(l.Height), num(l.Width), num(l.Height), fontFamily)
	if l.title.s != "" {
		p("<title>%s</title>\n", escape(l.title.s))
	}
	indent := ""
	for _, s := range l.shapes() {
		switch s.kind {
		case shapeOpen:
			p("%s<g><title>%s</title>\n", indent, escape(s.tip))
			indent = "  "
		case shapeClose:
			indent = ""
			p("</g>\n")
		case shapeRect:
			p(`%s<rect x="%s" y="%s" width="%s" height="%s"`, indent, num(s.rect.X), num(s.rect.Y), num(s.rect.W), num(s.rect.H))
			if s.radius > 0 {
				p(` rx="%s"`, num(s.radius))
			}
			p(`%s/>`+"\n", paint(s))
		case shapeCurve:
			c := s.curve
			p(`%s<path d="M%s %sQ%s %s %s %s"%s/>`+"\n", indent, num(c[0].X), num(c[0].Y), num(c[1].X), num(c[1].Y), num(c[2].X), num(c[2].Y), paint(s))
		case shapePoly:
			pts := make([]string, len(s.poly))
			for i, q := range s.poly {
				pts[i] = num(q.X) + "," + num(q.Y)
			}
			p(`%s<polygon points="%s"%s/>`+"\n", indent, strings.Join(pts, " "), paint(s))
		case shapeText:
			t := s.text
			weight := ""
			if t.st.bold {
				weight = ` font-weight="bold"`
			}
			p(`%s<text x="%s" y="%s" font-size="%s"%s text-anchor="middle" textLength="%s" lengthAdjust="spacingAndGlyphs" fill="%s">%s</text>`+"\n",
				indent, num(t.x+t.w/2), num(t.y), num(t.st.size), weight, num(t.w), hex(s.fill), escape(t.s))
		}
	}
	p("</svg>\n")
	return bw.Flush()
}

// paint is a shape's fill and stroke attributes.
func paint(s shape) string {
	var b strings.Builder
	if s.fill.A > 0 {
		fmt.Fprintf(&b, ` fill="%s"`, hex(s.fill))
	} else {
		b.WriteString(` fill="none"`)
	}
	if s.stroke.A > 0 && s.width > 0 {
		fmt.Fprintf(&b, ` stroke="%s" stroke-width="%s"`, hex(s.stroke), num(s.width))
		if s.dashed {
			fmt.Fprintf(&b, ` stroke-dasharray="%s %s"`, num(dashOn), num(dashOff))
		}
	}
	return b.String()
}

// num writes a coordinate to a tenth of a pixel.
func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0 // not -0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
