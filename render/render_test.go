package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// star is a centre with n neighbours, edges alternating direction, weights
// falling, labels of varied length.
func star(n int) Graph {
	g := Graph{Nodes: []Node{{ID: "c", Label: "Centre of Attention", Group: "Country", Center: true}}}
	groups := []string{"Country", "Concept", "Organization", "", "Person"}
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	for i := range n {
		id := fmt.Sprint("n", i)
		label := strings.Join(words[:1+i%len(words)], " ")
		g.Nodes = append(g.Nodes, Node{ID: id, Label: label, Group: groups[i%len(groups)]})
		e := Edge{From: "c", To: id, Label: "relate to " + words[i%len(words)], Weight: 1 - float64(i)/float64(n+1)}
		if i%3 == 1 {
			e.From, e.To = id, "c"
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

// small is the golden graph: a centre, two countries with edges both ways
// and stacked labels, a negated fact, a second-hop node, a node without a
// group and a long label that wraps and is cut.
func small() Graph {
	return Graph{
		Nodes: []Node{
			{ID: "us", Label: "United States", Group: "Country", Center: true},
			{ID: "rok", Label: "Republic of Korea", Group: "Country"},
			{ID: "nw", Label: "nuclear weapons", Group: "Concept"},
			{ID: "ncg", Label: "Nuclear Consultative Group", Group: "Organization"},
			{ID: "x", Label: "a very long description of an arrangement that goes on and on past three lines of text", Group: "Concept"},
			{ID: "y", Label: "someone", Group: ""},
		},
		Edges: []Edge{
			{From: "us", To: "rok", Label: "reaffirm commitment to", Weight: 0.9},
			{From: "us", To: "rok", Label: "consult with", Weight: 0.6},
			{From: "rok", To: "us", Label: "welcome", Weight: 0.7},
			{From: "rok", To: "nw", Label: "develop", Dashed: true, Weight: 0.8},
			{From: "us", To: "ncg", Label: "launch", Weight: 0.75},
			{From: "us", To: "x", Label: "discuss", Weight: 0.5},
			{From: "y", To: "us", Label: "praise", Weight: 0.3},
		},
	}
}

// hub2 is two hops: a centre, four neighbours, each with three of its own,
// and edges across.
func hub2() Graph {
	g := Graph{Nodes: []Node{{ID: "c", Label: "Hub", Center: true, Group: "A"}}}
	for i := range 4 {
		id := fmt.Sprint("m", i)
		g.Nodes = append(g.Nodes, Node{ID: id, Label: "middle node " + id, Group: "B"})
		g.Edges = append(g.Edges, Edge{From: "c", To: id, Label: "link to", Weight: 0.9})
		for j := range 3 {
			lid := fmt.Sprintf("l%d%d", i, j)
			g.Nodes = append(g.Nodes, Node{ID: lid, Label: "leaf " + lid, Group: "C"})
			g.Edges = append(g.Edges, Edge{From: id, To: lid, Label: "has leaf", Weight: 0.5})
		}
	}
	g.Edges = append(g.Edges, Edge{From: "m0", To: "m1", Label: "across", Weight: 0.4}, Edge{From: "l00", To: "l21", Label: "far across", Weight: 0.3})
	return g
}

// boxes is every box drawn: nodes, then edge labels.
func boxes(l *Layout) []Rect {
	var out []Rect
	for _, n := range l.Nodes {
		out = append(out, n.Box)
	}
	for _, e := range l.Edges {
		if e.Label.W > 0 {
			out = append(out, e.Label)
		}
	}
	return out
}

func TestNewLayout(t *testing.T) {
	tests := []struct {
		name       string
		g          Graph
		max        int
		wantNodes  int
		wantOmitN  int
		wantShownE int
	}{
		{"one node", Graph{Nodes: []Node{{ID: "a", Label: "alone", Center: true}}}, 0, 1, 0, 0},
		{"star 5", star(5), 0, 6, 0, 5},
		{"star 12", star(12), 0, 13, 0, 12},
		{"star 29", star(29), 0, 30, 0, 29},
		{"star 60 capped", star(60), 0, 30, 31, 29},
		{"star 60 capped at 8", star(60), 8, 8, 53, 7},
		{"small", small(), 0, 6, 0, 7},
		{"two hops", hub2(), 0, 17, 0, 18},
		{"two hops capped", hub2(), 7, 7, 10, 7},
		{"no centre given", Graph{Nodes: []Node{{ID: "a", Label: "a"}, {ID: "b", Label: "b"}, {ID: "c", Label: "c"}},
			Edges: []Edge{{From: "a", To: "b", Label: "x", Weight: 0.1}, {From: "b", To: "c", Label: "y", Weight: 0.9}}}, 0, 3, 0, 2},
		{"unconnected left out", Graph{Nodes: []Node{{ID: "a", Label: "a", Center: true}, {ID: "b", Label: "b"}, {ID: "z", Label: "z"}},
			Edges: []Edge{{From: "a", To: "b", Label: "x"}, {From: "z", To: "z", Label: "self"}}}, 0, 2, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := NewLayout(tt.g, Options{MaxNodes: tt.max, Title: "A title", Groups: []string{"Country"}, NoGroup: "none", DashedLegend: "negated"})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Nodes) != tt.wantNodes || l.ShownNodes != tt.wantNodes {
				t.Errorf("%d nodes (shown %d), want %d", len(l.Nodes), l.ShownNodes, tt.wantNodes)
			}
			if max := cmpMax(tt.max); len(l.Nodes) > max {
				t.Errorf("%d nodes, more than the cap %d", len(l.Nodes), max)
			}
			if l.OmittedNodes != tt.wantOmitN {
				t.Errorf("omitted %d nodes, want %d", l.OmittedNodes, tt.wantOmitN)
			}
			if l.ShownEdges != tt.wantShownE || l.ShownEdges+l.OmittedEdges != len(tt.g.Edges) {
				t.Errorf("shown %d + omitted %d edges, want %d of %d", l.ShownEdges, l.OmittedEdges, tt.wantShownE, len(tt.g.Edges))
			}
			if !l.Nodes[0].Center {
				t.Error("first node is not the centre")
			}
			checkLayout(t, l)
		})
	}
}

func cmpMax(m int) int {
	if m <= 0 {
		return DefaultMaxNodes
	}
	return m
}

// checkLayout checks what every layout must hold: no two boxes overlap,
// everything is on the canvas, text fits its box, edges start and end at
// their nodes' borders.
func checkLayout(t *testing.T, l *Layout) {
	t.Helper()
	if l.Width <= 0 || l.Height <= 0 || l.Width != math.Ceil(l.Width) || l.Height != math.Ceil(l.Height) {
		t.Fatalf("canvas %gx%g", l.Width, l.Height)
	}
	bs := boxes(l)
	for i, a := range bs {
		if !a.Inside(l.Width, l.Height) {
			t.Errorf("box %d %+v outside the %gx%g canvas", i, a, l.Width, l.Height)
		}
		for j, b := range bs[i+1:] {
			if a.Overlaps(b) {
				t.Errorf("boxes %d %+v and %d %+v overlap", i, a, i+1+j, b)
			}
		}
	}
	m := newMeasurer()
	for _, n := range l.Nodes {
		st := nodeStyle
		if n.Center {
			st = centerStyle
		}
		for _, s := range n.Lines {
			if w := m.width(st, s); w > n.Box.W-2*nodePadX+0.5 {
				t.Errorf("line %q (%.1f) wider than its box (%.1f)", s, w, n.Box.W)
			}
		}
	}
	for i, e := range l.Edges {
		for k, p := range e.Path {
			_ = k
			if math.IsNaN(p.X) || math.IsNaN(p.Y) {
				t.Fatalf("edge %d path %v", i, e.Path)
			}
		}
		near := func(p Point, r Rect) bool {
			return p.X >= r.X-4 && p.X <= r.X+r.W+4 && p.Y >= r.Y-4 && p.Y <= r.Y+r.H+4
		}
		if !near(e.Path[0], l.Nodes[e.From].Box) || !near(e.Path[2], l.Nodes[e.To].Box) {
			t.Errorf("edge %d %v does not join %+v to %+v", i, e.Path, l.Nodes[e.From].Box, l.Nodes[e.To].Box)
		}
	}
}

func TestNewLayout_Errors(t *testing.T) {
	tests := []struct {
		g    Graph
		want error
	}{
		{Graph{}, ErrEmpty},
		{Graph{Nodes: []Node{{ID: "a"}, {ID: "a"}}}, ErrDuplicate},
		{Graph{Nodes: []Node{{ID: "a"}}, Edges: []Edge{{From: "a", To: "b"}}}, ErrNoNode},
	}
	for _, tt := range tests {
		if _, err := NewLayout(tt.g, Options{}); !errors.Is(err, tt.want) {
			t.Errorf("%+v: err %v, want %v", tt.g, err, tt.want)
		}
	}
}

// The strongest edges are kept: with room for three nodes around a star,
// the three heaviest neighbours stay.
func TestNewLayout_KeepsHeaviest(t *testing.T) {
	g := star(10) // weights fall with the index
	l, err := NewLayout(g, Options{MaxNodes: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range l.Nodes[1:] {
		got = append(got, n.ID)
	}
	if strings.Join(got, ",") != "n0,n1,n2" {
		t.Errorf("kept %v, want n0, n1, n2", got)
	}
}

func TestWrap(t *testing.T) {
	m := newMeasurer()
	tests := []struct {
		in        string
		max       float64
		lines     int
		want      string // lines joined by |
		ellipsis  bool
		fitsWidth bool
	}{
		{"short", 150, 3, "short", false, true},
		{"", 150, 3, "", false, true},
		{"Democratic People's Republic of Korea", 150, 3, "Democratic People's|Republic of Korea", false, true},
		{"one two three four five six seven eight nine ten eleven twelve thirteen fourteen", 80, 3, "", true, true},
		{"Supercalifragilisticexpialidociousness", 80, 3, "", true, true},
	}
	for _, tt := range tests {
		got := m.wrap(nodeStyle, tt.in, tt.max, tt.lines)
		if len(got) > tt.lines {
			t.Errorf("%q: %d lines", tt.in, len(got))
		}
		if tt.want != "" && strings.Join(got, "|") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, strings.Join(got, "|"), tt.want)
		}
		if tt.ellipsis != strings.HasSuffix(got[len(got)-1], "…") {
			t.Errorf("%q: got %q, ellipsis %v", tt.in, got, tt.ellipsis)
		}
		for _, s := range got {
			if m.width(nodeStyle, s) > tt.max {
				t.Errorf("%q: line %q wider than %g", tt.in, s, tt.max)
			}
		}
	}
}

func TestFonts(t *testing.T) {
	if _, err := fonts(); err != nil {
		t.Fatal(err)
	}
	m := newMeasurer()
	if a, b := m.width(nodeStyle, "iiii"), m.width(nodeStyle, "WWWW"); !(a > 0 && b > 2*a) {
		t.Errorf("widths %g, %g: not measured with a proportional font", a, b)
	}
}

func render(t *testing.T, g Graph, opts Options) (svg, pngData []byte, l *Layout) {
	t.Helper()
	l, err := NewLayout(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	var s, p bytes.Buffer
	if err := l.WriteSVG(&s); err != nil {
		t.Fatal(err)
	}
	if err := l.WritePNG(&p, 1); err != nil {
		t.Fatal(err)
	}
	return s.Bytes(), p.Bytes(), l
}

// CheckSVG fails t unless doc is well-formed XML with an svg root.
func checkSVG(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
			if se.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("root namespace %q", se.Name.Space)
			}
		}
	}
	if root != "svg" {
		t.Errorf("root element %q, want svg", root)
	}
}

// The SVG of a small fixed graph, byte for byte.
func TestWriteSVG_Golden(t *testing.T) {
	opts := Options{Title: "United States", Groups: []string{"Country", "Organization", "Concept"}, NoGroup: "no type", DashedLegend: "negated"}
	svg, _, _ := render(t, small(), opts)
	checkSVG(t, svg)
	golden := filepath.Join("testdata", "small.svg.golden")
	if *update {
		if err := os.WriteFile(golden, svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, want) {
		t.Errorf("SVG differs from %s (go test ./render -update rewrites it):\n%s", golden, svg)
	}
	for _, s := range []string{`stroke-dasharray="7 4"`, ">negated</text>", ">no type</text>", "textLength=", "<title>United States (Country)</title>"} {
		if !bytes.Contains(svg, []byte(s)) {
			t.Errorf("SVG lacks %s", s)
		}
	}
}

// Same graph, same bytes; and the PNG decodes at the layout's size.
func TestWrite_Deterministic(t *testing.T) {
	for _, g := range []Graph{small(), star(29), hub2()} {
		svg1, png1, l := render(t, g, Options{Title: "t"})
		svg2, png2, _ := render(t, g, Options{Title: "t"})
		if !bytes.Equal(svg1, svg2) || !bytes.Equal(png1, png2) {
			t.Error("two renderings of one graph differ")
		}
		img, err := png.Decode(bytes.NewReader(png1))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != int(l.Width) || b.Dy() != int(l.Height) {
			t.Errorf("PNG %v, layout %gx%g", b, l.Width, l.Height)
		}
		checkSVG(t, svg1)
	}
}

func TestWritePNG_Scale(t *testing.T) {
	l, err := NewLayout(small(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := l.WritePNG(&b, 2); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds(); got.Dx() != int(2*l.Width) || got.Dy() != int(2*l.Height) {
		t.Errorf("PNG %v at scale 2, layout %gx%g", got, l.Width, l.Height)
	}
	// Something was drawn: the centre's border is not white.
	c := l.Nodes[0].Box
	r, g, bl, _ := img.At(int(2*c.X), int(2*(c.Y+c.H/2))).RGBA()
	if r == 0xffff && g == 0xffff && bl == 0xffff {
		t.Error("the centre's border is white")
	}
}

// A canvas too large to be of use on a page is refused, not allocated.
func TestImage_TooLarge(t *testing.T) {
	l := &Layout{Width: 20000, Height: 100}
	if _, err := l.Image(1); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("err %v", err)
	}
}
