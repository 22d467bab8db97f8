package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// svgSize parses an SVG document as XML and returns the root's width and
// height and the number of node groups (a <g> with a tooltip per node).
func svgSize(t *testing.T, doc []byte) (w, h, nodes int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	root := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			root = false
			if se.Name.Local != "svg" {
				t.Fatalf("root element %q", se.Name.Local)
			}
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "width":
					w, _ = strconv.Atoi(a.Value)
				case "height":
					h, _ = strconv.Atoi(a.Value)
				}
			}
		}
		if se.Name.Local == "g" {
			nodes++
		}
	}
	if w == 0 || h == 0 {
		t.Fatalf("SVG size %dx%d", w, h)
	}
	return w, h, nodes
}

func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy()
}

var drawnLine = regexp.MustCompile(`^(.+): (\d+) of (\d+) entities and (\d+) of (\d+) facts drawn`)

// The seed statement (data/statement.txt is the seed's statement.txt)
// drawn around the DPRK and the United States, as SVG and PNG.
func TestRender_Seed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", statement); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	svgPath, pngPath := filepath.Join(dir, "dprk.svg"), filepath.Join(dir, "dprk.png")
	for _, out := range []string{svgPath, pngPath} {
		_, errOut, code := run(t, "", "render", "--db", db, "--entity", "DPRK", "-o", out)
		if code != 0 {
			t.Fatalf("render %s: exit %d: %s", out, code, errOut)
		}
		m := drawnLine.FindStringSubmatch(errOut)
		if m == nil || m[1] != "Democratic People's Republic of Korea" {
			t.Errorf("stderr %q", errOut)
		}
	}
	svg, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	w, h, nodes := svgSize(t, svg)
	for _, want := range []string{"Democratic People", "Russia", "Republic of Korea", "cooperate with"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if nodes < 5 {
		t.Errorf("%d nodes drawn", nodes)
	}
	if pw, ph := pngSize(t, pngPath); pw != w || ph != h {
		t.Errorf("PNG %dx%d, SVG %dx%d", pw, ph, w, h)
	}
	if rsvg, err := exec.LookPath("rsvg-convert"); err == nil {
		out := filepath.Join(dir, "rsvg.png")
		if b, err := exec.Command(rsvg, "-o", out, svgPath).CombinedOutput(); err != nil {
			t.Fatalf("rsvg-convert: %v: %s", err, b)
		}
		if pw, ph := pngSize(t, out); pw != w || ph != h {
			t.Errorf("rsvg-convert made %dx%d of a %dx%d SVG", pw, ph, w, h)
		}
	}

	// The same graph gives the same bytes.
	again := filepath.Join(dir, "again.svg")
	run(t, "", "render", "--db", db, "--entity", "DPRK", "-o", again)
	if b, _ := os.ReadFile(again); !bytes.Equal(b, svg) {
		t.Error("two renderings differ")
	}

	// The United States has more facts than a picture holds: the cap keeps
	// 12 entities and says how many were left out.
	usPath := filepath.Join(dir, "us.svg")
	_, errOut, code := run(t, "", "render", "--db", db, "--entity", "united states", "--max-nodes", "12", "-o", usPath)
	if code != 0 {
		t.Fatalf("render us: %s", errOut)
	}
	m := drawnLine.FindStringSubmatch(errOut)
	if m == nil || m[2] != "12" || !strings.Contains(errOut, "left out") {
		t.Errorf("stderr %q", errOut)
	}
	us, _ := os.ReadFile(usPath)
	if _, _, n := svgSize(t, us); n != 12 {
		t.Errorf("%d nodes drawn, want 12", n)
	}

	// --scale 2 doubles the PNG; --format and -o - write to stdout.
	big := filepath.Join(dir, "big.png")
	if _, errOut, code := run(t, "", "render", "--db", db, "--entity", "DPRK", "--scale", "2", "-o", big); code != 0 {
		t.Fatal(errOut)
	}
	if pw, ph := pngSize(t, big); pw != 2*w || ph != 2*h {
		t.Errorf("PNG at scale 2 %dx%d, SVG %dx%d", pw, ph, w, h)
	}
	out, _, code := run(t, "", "render", "--db", db, "--entity", "DPRK", "--format", "svg", "-o", "-")
	if code != 0 || out != string(svg) {
		t.Errorf("stdout SVG: exit %d, same %v", code, out == string(svg))
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--entity", "Narnia", "-o", filepath.Join(dir, "x.svg")}, exitError, `unknown entity "Narnia"`},
		{[]string{"--entity", "Korea", "-o", filepath.Join(dir, "x.svg")}, exitError, "did you mean: "},
		{[]string{"--entity", "DPRK", "-o", filepath.Join(dir, "x.jpg")}, exitUsage, `unknown format "jpg"; known: svg, png`},
		{[]string{"--entity", "DPRK", "-o", "-"}, exitUsage, "give --format"},
		{[]string{"--entity", "DPRK", "--hops", "0", "-o", filepath.Join(dir, "x.svg")}, exitUsage, "--hops 0"},
		{[]string{"-o", filepath.Join(dir, "x.svg")}, exitUsage, `required flag(s) "entity"`},
	} {
		_, errOut, code := run(t, "", append([]string{"render", "--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.svg")); err == nil {
		t.Error("a failed render left a file")
	}
}
