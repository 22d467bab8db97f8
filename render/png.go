package render

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// WritePNG writes the picture as a PNG image scale times the layout's size
// (1 for one pixel a unit; 2 for print), rasterized here with the embedded
// Go fonts.
func (l *Layout) WritePNG(w io.Writer, scale float64) error {
	img, err := l.Image(scale)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	return enc.Encode(w, img)
}

// Image rasterizes the picture, scale times the layout's size.
func (l *Layout) Image(scale float64) (*image.RGBA, error) {
	if scale <= 0 {
		scale = 1
	}
	W, H := int(math.Ceil(l.Width*scale)), int(math.Ceil(l.Height*scale))
	if W > maxPixels || H > maxPixels {
		return nil, fmt.Errorf("render: a %d×%d image is too large (at most %d on a side)", W, H, maxPixels)
	}
	r := &raster{img: image.NewRGBA(image.Rect(0, 0, W, H)), scale: scale, faces: map[style]font.Face{}}
	for _, s := range l.shapes() {
		if err := r.draw(s); err != nil {
			return nil, err
		}
	}
	return r.img, nil
}

// maxPixels bounds a PNG's side: past it the picture is no use on a page
// and the image would not fit in memory.
const maxPixels = 16384

type raster struct {
	img   *image.RGBA
	scale float64
	z     vector.Rasterizer
	faces map[style]font.Face
}

// A path is closed polygons, in layout units. The rasterizer adds up the
// signed area of overlapping polygons and clamps it, so polygons wound the
// same way unite and a polygon wound the other way cuts a hole.
type path [][]Point

func (r *raster) draw(s shape) error {
	switch s.kind {
	case shapeRect:
		if s.fill.A > 0 {
			r.fill(path{roundRect(s.rect, s.radius)}, s.fill)
		}
		if s.stroke.A > 0 && s.width > 0 {
			h := s.width / 2
			outer := roundRect(Rect{s.rect.X - h, s.rect.Y - h, s.rect.W + 2*h, s.rect.H + 2*h}, s.radius+h)
			inner := reverse(roundRect(Rect{s.rect.X + h, s.rect.Y + h, s.rect.W - 2*h, s.rect.H - 2*h}, max(s.radius-h, 0)))
			r.fill(path{outer, inner}, s.stroke)
		}
	case shapeCurve:
		pts := flatten(s.curve, 24)
		var runs [][]Point
		if s.dashed {
			runs = dash(pts, dashOn, dashOff)
		} else {
			runs = [][]Point{pts}
		}
		var p path
		for _, run := range runs {
			p = append(p, stroke(run, s.width)...)
		}
		r.fill(p, s.stroke)
	case shapePoly:
		r.fill(path{wind(s.poly)}, s.fill)
	case shapeText:
		return r.text(s.text, s.fill)
	}
	return nil
}

// fill paints the area of p. The rasterizer covers only p's bounding box,
// so that each shape costs its own size, not the canvas's.
func (r *raster) fill(p path, c color.RGBA) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, poly := range p {
		for _, q := range poly {
			minX, minY = min(minX, q.X*r.scale), min(minY, q.Y*r.scale)
			maxX, maxY = max(maxX, q.X*r.scale), max(maxY, q.Y*r.scale)
		}
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	r.z.Reset(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, poly := range p {
		if len(poly) < 3 {
			continue
		}
		r.z.MoveTo(float32(poly[0].X*r.scale-ox), float32(poly[0].Y*r.scale-oy))
		for _, q := range poly[1:] {
			r.z.LineTo(float32(q.X*r.scale-ox), float32(q.Y*r.scale-oy))
		}
		r.z.ClosePath()
	}
	r.z.Draw(r.img, box, image.NewUniform(c), image.Point{})
}

func (r *raster) text(t text, c color.RGBA) error {
	f, ok := r.faces[t.st]
	if !ok {
		var err error
		if f, err = t.st.face(r.scale); err != nil {
			return err
		}
		r.faces[t.st] = f
	}
	w := float64(font.MeasureString(f, t.s)) / 64
	x := (t.x+t.w/2)*r.scale - w/2
	d := font.Drawer{Dst: r.img, Src: image.NewUniform(c), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(t.y * r.scale * 64))}}
	d.DrawString(t.s)
	return nil
}

// roundRect is r with rounded corners as a polygon, clockwise on screen.
func roundRect(r Rect, radius float64) []Point {
	radius = min(radius, r.W/2, r.H/2)
	if radius <= 0 {
		return []Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}
	}
	const steps = 6
	corners := []struct{ cx, cy, from float64 }{
		{r.X + r.W - radius, r.Y + radius, -math.Pi / 2},
		{r.X + r.W - radius, r.Y + r.H - radius, 0},
		{r.X + radius, r.Y + r.H - radius, math.Pi / 2},
		{r.X + radius, r.Y + radius, math.Pi},
	}
	var out []Point
	for _, c := range corners {
		for k := 0; k <= steps; k++ {
			a := c.from + float64(k)*math.Pi/2/steps
			out = append(out, Point{c.cx + radius*math.Cos(a), c.cy + radius*math.Sin(a)})
		}
	}
	return out
}

func reverse(p []Point) []Point {
	out := make([]Point, len(p))
	for i, q := range p {
		out[len(p)-1-i] = q
	}
	return out
}

// wind returns p clockwise on screen (positive signed area with y down).
func wind(p []Point) []Point {
	a := 0.0
	for i, q := range p {
		n := p[(i+1)%len(p)]
		a += q.X*n.Y - n.X*q.Y
	}
	if a < 0 {
		return reverse(p)
	}
	return p
}

// flatten approximates a quadratic Bézier curve by n segments.
func flatten(c [3]Point, n int) []Point {
	out := make([]Point, n+1)
	for k := 0; k <= n; k++ {
		out[k] = bezier(c[0], c[1], c[2], float64(k)/float64(n))
	}
	return out
}

// dash cuts a polyline into dashes on, gaps off long.
func dash(pts []Point, on, off float64) [][]Point {
	var out [][]Point
	var cur []Point
	drawing, left := true, on
	cur = append(cur, pts[0])
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		seg := math.Hypot(b.X-a.X, b.Y-a.Y)
		pos := 0.0
		for seg-pos > left {
			pos += left
			f := pos / seg
			q := Point{a.X + f*(b.X-a.X), a.Y + f*(b.Y-a.Y)}
			if drawing {
				cur = append(cur, q)
				out = append(out, cur)
				cur = nil
				left = off
			} else {
				cur = []Point{q}
				left = on
			}
			drawing = !drawing
		}
		left -= seg - pos
		if drawing {
			cur = append(cur, b)
		}
	}
	if drawing && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// stroke is a polyline drawn width wide: a quadrilateral per segment and a
// disc at each inner joint, all wound the same way so that they unite.
func stroke(pts []Point, width float64) path {
	h := width / 2
	var out path
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		d := math.Hypot(b.X-a.X, b.Y-a.Y)
		if d == 0 {
			continue
		}
		nx, ny := -(b.Y-a.Y)/d*h, (b.X-a.X)/d*h
		out = append(out, wind([]Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}}))
		if i < len(pts)-1 {
			out = append(out, disc(b, h))
		}
	}
	return out
}

func disc(c Point, r float64) []Point {
	const n = 10
	out := make([]Point, n)
	for k := range out {
		a := 2 * math.Pi * float64(k) / n
		out[k] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return wind(out)
}
