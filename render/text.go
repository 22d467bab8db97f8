package render

import (
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The Go fonts (Bigelow & Holmes, under the Go licence) are embedded: the
// layout measures text with the same glyphs the PNG is drawn with, and the
// SVG asks for them by name and pins each line's width with textLength.
var fonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	r, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return [2]*opentype.Font{}, err
	}
	b, err := opentype.Parse(gobold.TTF)
	return [2]*opentype.Font{r, b}, err
})

// fontFamily is the SVG font-family: Go first, then look-alikes of about
// its width; textLength makes up the difference.
const fontFamily = "Go, 'Go Regular', Arial, Helvetica, sans-serif"

// style is one kind of text in the picture.
type style struct {
	size float64 // pixels
	bold bool
}

var (
	nodeStyle   = style{size: 13}
	centerStyle = style{size: 15, bold: true}
	edgeStyle   = style{size: 11}
	titleStyle  = style{size: 16, bold: true}
	legendStyle = style{size: 12}
)

// lineHeight is the distance between baselines.
func (s style) lineHeight() float64 { return s.size * 1.25 }

// face returns a font face for s at scale.
func (s style) face(scale float64) (font.Face, error) {
	fs, err := fonts()
	if err != nil {
		return nil, err
	}
	f := fs[0]
	if s.bold {
		f = fs[1]
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: s.size * scale, DPI: 72, Hinting: font.HintingNone})
}

// measurer measures text in each style, caching faces. It is not safe for
// concurrent use; every layout makes its own.
type measurer struct {
	faces map[style]font.Face
}

func newMeasurer() *measurer { return &measurer{faces: map[style]font.Face{}} }

func (m *measurer) width(s style, str string) float64 {
	f, ok := m.faces[s]
	if !ok {
		var err error
		f, err = s.face(1)
		if err != nil {
			// The embedded fonts parse (TestFonts); should they not, an
			// estimate keeps the layout going.
			return float64(len([]rune(str))) * s.size * 0.6
		}
		m.faces[s] = f
	}
	return float64(font.MeasureString(f, str)) / 64
}

// wrap breaks str into at most maxLines lines no wider than maxWidth,
// breaking at spaces; a word wider than maxWidth is cut short, and when the
// words do not all fit the last line ends in an ellipsis.
func (m *measurer) wrap(s style, str string, maxWidth float64, maxLines int) []string {
	words := strings.Fields(str)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := ""
	i := 0
	for ; i < len(words); i++ {
		try := words[i]
		if line != "" {
			try = line + " " + words[i]
		}
		if m.width(s, try) <= maxWidth {
			line = try
			continue
		}
		if line == "" { // one word, too wide alone
			lines = append(lines, m.cut(s, words[i], maxWidth, false))
			if len(lines) == maxLines {
				i++
				break
			}
			continue
		}
		lines = append(lines, line)
		line = ""
		if len(lines) == maxLines {
			break
		}
		i-- // the word starts the next line
	}
	if line != "" {
		lines = append(lines, line)
	}
	if i < len(words) {
		lines[len(lines)-1] = m.cut(s, lines[len(lines)-1], maxWidth, true)
	}
	return lines
}

// cut shortens str to fit maxWidth, ending it in an ellipsis when it had to
// shorten it, and always when more is true (there were more words).
func (m *measurer) cut(s style, str string, maxWidth float64, more bool) string {
	if !more && m.width(s, str) <= maxWidth {
		return str
	}
	str = strings.TrimSuffix(str, "…")
	if more && m.width(s, str+"…") <= maxWidth {
		return str + "…"
	}
	r := []rune(str)
	for len(r) > 1 {
		r = r[:len(r)-1]
		try := strings.TrimRight(string(r), " ,;:-") + "…"
		if m.width(s, try) <= maxWidth {
			return try
		}
	}
	return string(r) + "…"
}
