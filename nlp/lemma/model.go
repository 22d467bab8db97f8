package lemma

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The saved model is gzip-compressed text, one entry per line with
// tab-separated fields, sorted so that retraining on the same data gives a
// byte-identical file and a readable diff:
//
//	E  set  form  tag  lemma    exception for the form as written
//	L  set  form  tag  lemma    exception for the case-folded form
//	R  set  ending  tag  strip  add  [strip  add]...  rules, likeliest first
//
//	F  form  upos  xpos  feats  FEATS for a case-folded form (empty: any form)
//
// where set is "x" for the XPOS tables and "u" for the UPOS ones. Treebank
// columns never hold tabs or newlines, so no escaping is needed.
const header = "kgraph-lemma v1"

// Save writes the model, gzip-compressed.
func (l *Lemmatizer) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, header)
	var lines []string
	for _, ts := range []struct {
		set string
		t   *table
	}{{"x", &l.byXPOS}, {"u", &l.byUPOS}} {
		fmt.Fprintf(bw, "M\t%s\t%d\n", ts.set, ts.t.maxSuffix)
		lines = lines[:0]
		for k, v := range ts.t.exact {
			lines = append(lines, "E\t"+ts.set+"\t"+k.s+"\t"+k.tag+"\t"+v)
		}
		for k, v := range ts.t.lower {
			lines = append(lines, "L\t"+ts.set+"\t"+k.s+"\t"+k.tag+"\t"+v)
		}
		for k, rs := range ts.t.rules {
			line := "R\t" + ts.set + "\t" + k.s + "\t" + k.tag
			for _, r := range rs {
				line += "\t" + strconv.Itoa(r.Strip) + "\t" + r.Add
			}
			lines = append(lines, line)
		}
		slices.SortFunc(lines, func(a, b string) int { return cmp.Compare(a, b) })
		for _, s := range lines {
			bw.WriteString(s)
			bw.WriteByte('\n')
		}
	}
	lines = lines[:0]
	for k, v := range l.feats {
		lines = append(lines, "F\t"+k.s+"\t"+k.upos+"\t"+k.xpos+"\t"+v)
	}
	slices.Sort(lines)
	for _, s := range lines {
		bw.WriteString(s)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	defer zr.Close()
	l := &Lemmatizer{byXPOS: newTable(), byUPOS: newTable(), feats: map[fkey]string{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			if line != header {
				return nil, fmt.Errorf("load lemmatizer: %w: header %q", ErrModel, line)
			}
			continue
		}
		if err := l.addLine(line); err != nil {
			return nil, fmt.Errorf("load lemmatizer line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load lemmatizer line %d: %w", n+1, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("load lemmatizer: %w: empty", ErrModel)
	}
	l.index()
	return l, nil
}

func loadBytes(b []byte) (*Lemmatizer, error) { return Load(bytes.NewReader(b)) }

func newTable() table {
	return table{exact: map[key]string{}, lower: map[key]string{}, rules: map[key][]rule{}}
}

func (l *Lemmatizer) addLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) < 3 {
		return fmt.Errorf("%w: %d fields", ErrModel, len(f))
	}
	if f[0] == "F" {
		if len(f) != 5 {
			return fmt.Errorf("%w: F entry with %d fields, want 5", ErrModel, len(f))
		}
		l.feats[fkey{f[1], f[2], f[3]}] = f[4]
		return nil
	}
	var t *table
	switch f[1] {
	case "x":
		t = &l.byXPOS
	case "u":
		t = &l.byUPOS
	default:
		return fmt.Errorf("%w: unknown tag set %q; known: x, u", ErrModel, f[1])
	}
	want := map[string]int{"M": 3, "E": 5, "L": 5, "R": 6}[f[0]]
	if want == 0 {
		return fmt.Errorf("%w: unknown entry kind %q; known: M, E, L, R", ErrModel, f[0])
	}
	if f[0] == "R" && len(f) > want && (len(f)-4)%2 == 0 {
		want = len(f)
	}
	if len(f) != want {
		return fmt.Errorf("%w: %s entry with %d fields, want %d", ErrModel, f[0], len(f), want)
	}
	switch f[0] {
	case "M":
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 0 {
			return fmt.Errorf("%w: max suffix %q", ErrModel, f[2])
		}
		t.maxSuffix = n
	case "E":
		t.exact[key{f[2], f[3]}] = f[4]
	case "L":
		t.lower[key{f[2], f[3]}] = f[4]
	case "R":
		var rs []rule
		for i := 4; i < len(f); i += 2 {
			n, err := strconv.Atoi(f[i])
			if err != nil || n < 0 {
				return fmt.Errorf("%w: strip count %q", ErrModel, f[i])
			}
			rs = append(rs, rule{Strip: n, Add: f[i+1]})
		}
		t.rules[key{f[2], f[3]}] = rs
	}
	return nil
}
