package carb

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Chart geometry in SVG user units: a 640×480 canvas with room on the left
// and at the bottom for tick labels and axis titles.
const (
	svgWidth, svgHeight   = 640, 480
	plotLeft, plotTop     = 70.0, 56.0
	plotWidth, plotHeight = 540.0, 352.0
	plotRight, plotBottom = plotLeft + plotWidth, plotTop + plotHeight
)

// Chart style: colours, and font sizes in user units.
const (
	curveColour     = "#1f5fa8"
	optimumColour   = "#c0392b"
	gridColour      = "#e3e3e3"
	areaFillOpacity = "0.15"
	svgFont         = "sans-serif"
	svgSmall        = "11"
	svgNormal       = "13"
)

// WriteCurveSVG draws the precision–recall curve as a self-contained SVG
// line chart: recall across, precision up, both from 0 to 1, the area the
// AUC measures shaded, and the best-F1 point marked. The closing segment to
// (recall 0, precision 1), which CaRB adds for the AUC, is dashed.
func (r Result) WriteCurveSVG(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }

	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s">`+"\n",
		svgWidth, svgHeight, svgWidth, svgHeight, svgFont)
	p(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	title, subtitle, counts := r.caption()
	p(`<text x="%s" y="24" font-size="15" font-weight="bold">%s</text>`+"\n", num(plotLeft), title)
	p(`<text x="%s" y="42" font-size="%s">%s</text>`+"\n", num(plotLeft), svgNormal, subtitle)
	p(`<text x="%s" y="%s" font-size="%s" text-anchor="end" fill="#555">%s</text>`+"\n",
		num(plotRight), num(svgHeight-12), svgSmall, counts)

	// Grid and tick labels every 0.1.
	for i := 0; i <= 10; i++ {
		v := float64(i) / 10
		label := strconv.FormatFloat(v, 'f', 1, 64)
		x, y := chartX(v), chartY(v)
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(x), num(plotTop), num(x), num(plotBottom), gridColour)
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(plotLeft), num(y), num(plotRight), num(y), gridColour)
		p(`<text x="%s" y="%s" font-size="%s" text-anchor="middle">%s</text>`+"\n", num(x), num(plotBottom+16), svgSmall, label)
		p(`<text x="%s" y="%s" font-size="%s" text-anchor="end">%s</text>`+"\n", num(plotLeft-6), num(y+4), svgSmall, label)
	}
	p(`<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="black"/>`+"\n",
		num(plotLeft), num(plotTop), num(plotWidth), num(plotHeight))
	p(`<text x="%s" y="%s" font-size="%s" text-anchor="middle">Recall</text>`+"\n",
		num(plotLeft+plotWidth/2), num(plotBottom+40), svgNormal)
	p(`<text x="18" y="%s" font-size="%s" text-anchor="middle" transform="rotate(-90 18 %s)">Precision</text>`+"\n",
		num(plotTop+plotHeight/2), svgNormal, num(plotTop+plotHeight/2))

	if len(r.Curve) > 0 {
		// Points in threshold order: recall falls from the first to the last.
		var line strings.Builder
		for i, pt := range r.Curve {
			if i > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(num(chartX(pt.Recall)) + "," + num(chartY(pt.Precision)))
		}
		first, last := r.Curve[0], r.Curve[len(r.Curve)-1]
		p(`<polygon points="%s %s,%s %s,%s %s,%s" fill="%s" fill-opacity="%s" stroke="none"/>`+"\n",
			line.String(), num(chartX(0)), num(chartY(1)), num(chartX(0)), num(chartY(0)),
			num(chartX(first.Recall)), num(chartY(0)), curveColour, areaFillOpacity)
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="4 3"/>`+"\n",
			num(chartX(last.Recall)), num(chartY(last.Precision)), num(chartX(0)), num(chartY(1)), curveColour)
		p(`<polyline points="%s" fill="none" stroke="%s" stroke-width="2" stroke-linejoin="round"/>`+"\n",
			line.String(), curveColour)
		if r.Best >= 0 {
			b := r.Curve[r.Best]
			x, y := chartX(b.Recall), chartY(b.Precision)
			p(`<circle cx="%s" cy="%s" r="5" fill="%s"/>`+"\n", num(x), num(y), optimumColour)
			// Keep the label inside the frame: below the point near the
			// top, to its left near the right edge.
			lx, ly, anchor := x+8, y-8, "start"
			if ly < plotTop+14 {
				ly = y + 18
			}
			if lx > plotRight-90 {
				lx, anchor = x-8, "end"
			}
			p(`<text x="%s" y="%s" font-size="%s" fill="%s" text-anchor="%s">best F1 %s</text>`+"\n",
				num(lx), num(ly), svgSmall, optimumColour, anchor, strconv.FormatFloat(round3(b.F1), 'f', 3, 64))
		}
	} else {
		p(`<text x="%s" y="%s" font-size="%s" text-anchor="middle">no extractions</text>`+"\n",
			num(plotLeft+plotWidth/2), num(plotTop+plotHeight/2), svgNormal)
	}
	p("</svg>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write curve svg: %w", err)
	}
	return nil
}

// caption sums the result up in fixed 3-decimal form, easier to read on a
// chart than the scorer's own line.
func (r Result) caption() (title, subtitle, counts string) {
	f := func(x float64) string { return strconv.FormatFloat(round3(x), 'f', 3, 64) }
	title = "CaRB precision–recall curve, AUC " + f(r.AUC)
	subtitle = "no threshold has an F1"
	if r.Best >= 0 {
		subtitle = fmt.Sprintf("best F1 %s (P %s, R %s) at confidence ≥ %s",
			f(r.F1), f(r.Precision), f(r.Recall), strconv.FormatFloat(r.Threshold, 'g', 4, 64))
	}
	counts = fmt.Sprintf("%d gold tuples, %d thresholds", r.Gold, len(r.Curve))
	return title, subtitle, counts
}

func chartX(recall float64) float64    { return plotLeft + clamp01(recall)*plotWidth }
func chartY(precision float64) float64 { return plotBottom - clamp01(precision)*plotHeight }

func clamp01(v float64) float64 { return min(max(v, 0), 1) }

// num prints a coordinate with one decimal, enough for a 640-unit canvas
// and short enough to keep the file small.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
