// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
//
// It keeps what training and scoring need: every syntactic word with its ten
// columns, the multiword tokens that group words into surface tokens, and the
// sentence comments (# text, # newdoc, # newpar, # sent_id). Empty nodes of the
// enhanced graph (IDs such as 8.1) are kept apart so that basic-tree consumers
// can ignore them without renumbering.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word: a line whose ID is an integer.
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 is the root; -1 when the column is "_"
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the word is followed by a space in the text, as
// the MISC column says (SpaceAfter=No means it is not).
func (w Word) SpaceAfter() bool { return !hasMisc(w.Misc, "SpaceAfter=No") }

// MiscValue returns the value of key in the MISC column ("SpaceAfter" in
// "SpaceAfter=No" gives "No") and whether the key is there.
func (w Word) MiscValue(key string) (string, bool) {
	for m := range strings.SplitSeq(w.Misc, "|") {
		if k, v, ok := strings.Cut(m, "="); ok && k == key {
			return v, true
		}
	}
	return "", false
}

// SetMisc sets key to value in the MISC column, replacing any value it had,
// and removes key when value is empty.
func (w *Word) SetMisc(key, value string) {
	var items []string
	for m := range strings.SplitSeq(w.Misc, "|") {
		if k, _, _ := strings.Cut(m, "="); m == "" || m == "_" || k == key {
			continue
		}
		items = append(items, m)
	}
	if value != "" {
		items = append(items, key+"="+value)
	}
	w.Misc = strings.Join(items, "|")
}

// UniversalDeprel is the relation without its language-specific subtype:
// "obl:tmod" gives "obl". Scoring in the CoNLL 2018 shared task uses it.
func (w Word) UniversalDeprel() string {
	if i := strings.IndexByte(w.Deprel, ':'); i >= 0 {
		return w.Deprel[:i]
	}
	return w.Deprel
}

// Token is a multiword token line (ID range such as 3-4): the surface form that
// covers words First..Last.
type Token struct {
	First, Last int
	Form        string
	Misc        string
}

// SpaceAfter reports whether the token is followed by a space in the text.
func (t Token) SpaceAfter() bool { return !hasMisc(t.Misc, "SpaceAfter=No") }

// EmptyNode is an enhanced-graph node such as 8.1; kept verbatim.
type EmptyNode struct {
	After int // the integer part of the ID: the word it follows
	Line  string
}

// Sentence is one sentence block.
type Sentence struct {
	Comments   []string // without the leading "# "
	Words      []Word
	Tokens     []Token // multiword tokens, in order
	EmptyNodes []EmptyNode
}

// Comment returns the value of a "# key = value" comment, and whether it is present.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
		if !ok && strings.TrimSpace(c) == key {
			return "", true
		}
	}
	return "", false
}

// Text is the sentence's "# text" comment.
func (s *Sentence) Text() string { v, _ := s.Comment("text"); return v }

// NewDoc reports whether the sentence starts a document.
func (s *Sentence) NewDoc() bool {
	_, ok := s.Comment("newdoc id")
	_, ok2 := s.Comment("newdoc")
	return ok || ok2
}

// NewPar reports whether the sentence starts a paragraph.
func (s *Sentence) NewPar() bool {
	_, ok := s.Comment("newpar id")
	_, ok2 := s.Comment("newpar")
	return ok || ok2
}

// SurfaceTokens lists the sentence as it is written: a multiword token stands
// for its words, every other word for itself. Each entry gives the surface
// form, whether a space follows, and the range of word IDs it covers.
func (s *Sentence) SurfaceTokens() []Surface {
	out := make([]Surface, 0, len(s.Words))
	ti := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if ti < len(s.Tokens) && s.Tokens[ti].First == w.ID {
			t := s.Tokens[ti]
			out = append(out, Surface{Form: t.Form, SpaceAfter: t.SpaceAfter(), First: t.First, Last: t.Last})
			for i+1 < len(s.Words) && s.Words[i+1].ID <= t.Last {
				i++
			}
			ti++
			continue
		}
		out = append(out, Surface{Form: w.Form, SpaceAfter: w.SpaceAfter(), First: w.ID, Last: w.ID})
	}
	return out
}

// Surface is one written token.
type Surface struct {
	Form        string
	SpaceAfter  bool
	First, Last int
}

// ErrFormat is wrapped by every error about malformed input.
var ErrFormat = errors.New("conllu: malformed input")

// Reader reads sentences one at a time, so that a whole treebank need not
// sit in memory to be scored.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc}
}

// Read returns the next sentence, or io.EOF after the last one.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := s.addLine(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", r.line, err)
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", r.line+1, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	cr := NewReader(r)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

func (s *Sentence) addLine(line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("%w: %d columns, want 10", ErrFormat, len(cols))
	}
	id := cols[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || last < first {
			return fmt.Errorf("%w: bad token range %q", ErrFormat, id)
		}
		s.Tokens = append(s.Tokens, Token{First: first, Last: last, Form: cols[1], Misc: cols[9]})
		return nil
	}
	if a, _, ok := strings.Cut(id, "."); ok {
		after, err := strconv.Atoi(a)
		if err != nil {
			return fmt.Errorf("%w: bad empty node ID %q", ErrFormat, id)
		}
		s.EmptyNodes = append(s.EmptyNodes, EmptyNode{After: after, Line: line})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("%w: bad ID %q", ErrFormat, id)
	}
	if n != len(s.Words)+1 {
		return fmt.Errorf("%w: word ID %d out of order (want %d)", ErrFormat, n, len(s.Words)+1)
	}
	head := -1
	if cols[6] != "_" {
		if head, err = strconv.Atoi(cols[6]); err != nil {
			return fmt.Errorf("%w: bad head %q", ErrFormat, cols[6])
		}
	}
	s.Words = append(s.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
		Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9]})
	return nil
}

// ReadFile reads every sentence of a CoNLL-U file; errors name the file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Write writes sentences in CoNLL-U, each followed by a blank line.
func Write(w io.Writer, sents []*Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			fmt.Fprintf(bw, "# %s\n", c)
		}
		ti, ei := 0, 0
		for _, wd := range s.Words {
			for ti < len(s.Tokens) && s.Tokens[ti].First == wd.ID {
				t := s.Tokens[ti]
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", t.First, t.Last, t.Form, orUnderscore(t.Misc))
				ti++
			}
			head := "_"
			if wd.Head >= 0 {
				head = strconv.Itoa(wd.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", wd.ID, wd.Form, orUnderscore(wd.Lemma),
				orUnderscore(wd.UPOS), orUnderscore(wd.XPOS), orUnderscore(wd.Feats), head,
				orUnderscore(wd.Deprel), orUnderscore(wd.Deps), orUnderscore(wd.Misc))
			for ei < len(s.EmptyNodes) && s.EmptyNodes[ei].After == wd.ID {
				fmt.Fprintf(bw, "%s\n", s.EmptyNodes[ei].Line)
				ei++
			}
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func hasMisc(misc, item string) bool {
	for _, m := range strings.Split(misc, "|") {
		if m == item {
			return true
		}
	}
	return false
}
