package carb

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ReadGold reads a CaRB gold file: one tuple a line,
// sentence⇥relation⇥arg1⇥arg2…, as CaRB's GoldReader does. Every field is
// stripped of surrounding whitespace, arguments containing "C: " (context
// annotations) are dropped, and each tuple gets confidence 1.
//
// CaRB stops on a line without a tab; so does ReadGold, but it skips blank
// lines, where CaRB would stop too.
func ReadGold(r io.Reader) (*Set, error) {
	s, err := readGold(r)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return s, nil
}

// ReadGoldFile is ReadGold on a named file.
func ReadGoldFile(path string) (*Set, error) {
	return readFile(path, "gold", readGold)
}

// ReadTabbed reads a system file in CaRB's tabbed format: one extraction a
// line, sentence⇥confidence⇥relation⇥arg1⇥arg2…, as CaRB's TabReader does.
// Blank lines are skipped. Only the line as a whole is stripped, so fields
// keep inner padding and an empty trailing argument disappears: the
// extraction then has one argument fewer and scores zero against gold
// tuples that have more.
func ReadTabbed(r io.Reader) (*Set, error) {
	s, err := readTabbed(r)
	if err != nil {
		return nil, fmt.Errorf("read tabbed: %w", err)
	}
	return s, nil
}

// ReadTabbedFile is ReadTabbed on a named file.
func ReadTabbedFile(path string) (*Set, error) {
	return readFile(path, "tabbed", readTabbed)
}

func readFile(path, kind string, read func(io.Reader) (*Set, error)) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", kind, err)
	}
	defer f.Close()
	s, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", kind, path, err)
	}
	return s, nil
}

func readGold(r io.Reader) (*Set, error) {
	var exts []Extraction
	err := eachLine(r, func(n int, line string) error {
		line = pyStrip(line)
		if line == "" {
			return nil
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			return fmt.Errorf("%w: want at least 2 (sentence, relation), got %d", ErrTooFewFields, len(fields))
		}
		var args []string
		for _, a := range fields[2:] {
			if strings.Contains(a, "C: ") {
				continue
			}
			args = append(args, pyStrip(a))
		}
		exts = append(exts, Extraction{
			Sentence:   pyStrip(fields[0]),
			Relation:   pyStrip(fields[1]),
			Args:       args,
			Confidence: 1,
			Line:       n,
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return NewSet(exts)
}

func readTabbed(r io.Reader) (*Set, error) {
	var exts []Extraction
	err := eachLine(r, func(n int, line string) error {
		line = pyStrip(line)
		if line == "" {
			return nil
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			return fmt.Errorf("%w: want at least 3 (sentence, confidence, relation), got %d", ErrTooFewFields, len(fields))
		}
		conf, err := parseConfidence(fields[1])
		if err != nil {
			return err
		}
		exts = append(exts, Extraction{
			Sentence:   fields[0],
			Relation:   fields[2],
			Args:       fields[3:len(fields):len(fields)],
			Confidence: conf,
			Line:       n,
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return NewSet(exts)
}

// eachLine calls fn on every line of r, split as Python's text mode splits
// (universal newlines: \n, \r\n and a lone \r all end a line), so line
// numbers and line contents agree with CaRB's.
func eachLine(r io.Reader, fn func(n int, line string) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	for n := 1; len(data) > 0; n++ {
		line := data
		data = nil
		if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
			data = line[i+1:]
			if line[i] == '\r' && len(data) > 0 && data[0] == '\n' {
				data = data[1:]
			}
			line = line[:i]
		}
		if !utf8.Valid(line) {
			return &ParseError{Line: n, Err: ErrEncoding}
		}
		if err := fn(n, string(line)); err != nil {
			return &ParseError{Line: n, Err: err}
		}
	}
	return nil
}

// parseConfidence accepts what Python's float() accepts (surrounding
// whitespace, underscores between digits, inf and infinity in any case),
// and nothing Go adds (hexadecimal). NaN is refused: CaRB's thresholds
// cannot be ordered with it.
func parseConfidence(field string) (float64, error) {
	s := pyStrip(field)
	clean, ok := pyFloatSyntax(s)
	if !ok {
		return 0, fmt.Errorf("%w: %q is not a number", ErrConfidence, field)
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) { // Python overflows to ±inf too
		return 0, fmt.Errorf("%w: %q: %w", ErrConfidence, field, err)
	}
	if math.IsNaN(v) {
		return 0, fmt.Errorf("%w: %q is NaN", ErrConfidence, field)
	}
	return v, nil
}

// pyFloatSyntax checks s against Python's float literal grammar (ASCII
// digits only) and returns it with the underscores removed.
func pyFloatSyntax(s string) (string, bool) {
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity", "nan":
		return s, true
	}
	var b strings.Builder
	i := 0
	// digits reads digit (["_"] digit)* and reports how many digits it saw.
	digits := func() int {
		n := 0
		for i < len(s) {
			c := s[i]
			switch {
			case c >= '0' && c <= '9':
				b.WriteByte(c)
				n++
				i++
			case c == '_' && n > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
				i++
			default:
				return n
			}
		}
		return n
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		b.WriteByte(s[i])
		i++
	}
	mantissa := digits()
	if i < len(s) && s[i] == '.' {
		b.WriteByte('.')
		i++
		mantissa += digits()
	}
	if mantissa == 0 {
		return "", false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		b.WriteByte('e')
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			b.WriteByte(s[i])
			i++
		}
		if digits() == 0 {
			return "", false
		}
	}
	return b.String(), i == len(s)
}
