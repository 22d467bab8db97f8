package carb

import (
	"errors"
	"fmt"
	"math"
)

// Errors a reader reports inside a *ParseError.
var (
	// ErrTooFewFields: a gold line needs a sentence and a relation, a tabbed
	// line also a confidence.
	ErrTooFewFields = errors.New("too few tab-separated fields")
	// ErrConfidence: the confidence field is not a number CaRB would accept.
	ErrConfidence = errors.New("bad confidence")
	// ErrEncoding: CaRB reads its files as UTF-8 and stops on anything else.
	ErrEncoding = errors.New("invalid UTF-8")
)

// ParseError locates a problem in a gold or tabbed file.
type ParseError struct {
	Line int // 1-based, counting lines as Python's text mode does
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *ParseError) Unwrap() error { return e.Err }

// Extraction is one tuple from a gold or system file.
type Extraction struct {
	Sentence   string   // the sentence as written in the file
	Relation   string   // the relation phrase
	Args       []string // arguments in order; Args[0] is the subject
	Confidence float64  // system confidence; gold tuples have 1
	Line       int      // source line, 0 for tuples built in memory
}

// Sentence is one sentence of a Set with its extractions in file order.
type Sentence struct {
	Key         string // NormalizeSentence of Text: what gold and system are joined on
	Text        string // the raw sentence whose extractions were kept
	Extractions []Extraction
}

// Set is a gold or system file: extractions grouped by sentence, sentences
// in order of first appearance.
type Set struct {
	sentences []Sentence
	byKey     map[string]int
}

// NewSet groups extractions by sentence the way CaRB's readers and scorer
// do, so in-memory output scores exactly like the same output read from a
// file. Extractions of one raw sentence are merged in order. When two
// different raw sentences normalise to the same key, the later sentence's
// extractions replace the earlier ones, keeping the earlier position: CaRB
// rebuilds a Python dict, which behaves that way.
//
// A NaN confidence is rejected: CaRB's threshold list cannot order it.
func NewSet(exts []Extraction) (*Set, error) {
	var raw []Sentence
	rawIndex := make(map[string]int)
	for i, e := range exts {
		if math.IsNaN(e.Confidence) {
			return nil, fmt.Errorf("extraction %d (%q): %w: NaN", i, e.Relation, ErrConfidence)
		}
		j, ok := rawIndex[e.Sentence]
		if !ok {
			j = len(raw)
			rawIndex[e.Sentence] = j
			raw = append(raw, Sentence{Text: e.Sentence})
		}
		raw[j].Extractions = append(raw[j].Extractions, e)
	}
	s := &Set{byKey: make(map[string]int, len(raw))}
	for _, r := range raw {
		r.Key = NormalizeSentence(r.Text)
		if j, ok := s.byKey[r.Key]; ok {
			s.sentences[j] = r
			continue
		}
		s.byKey[r.Key] = len(s.sentences)
		s.sentences = append(s.sentences, r)
	}
	return s, nil
}

// Sentences returns the set's sentences in order. The slice is shared:
// do not modify it.
func (s *Set) Sentences() []Sentence {
	if s == nil {
		return nil
	}
	return s.sentences
}

// Lookup finds a sentence by its text, normalised as CaRB does.
func (s *Set) Lookup(sentence string) (Sentence, bool) {
	return s.lookupKey(NormalizeSentence(sentence))
}

func (s *Set) lookupKey(key string) (Sentence, bool) {
	if s == nil {
		return Sentence{}, false
	}
	j, ok := s.byKey[key]
	if !ok {
		return Sentence{}, false
	}
	return s.sentences[j], true
}

// Extractions counts the extractions the set kept.
func (s *Set) Extractions() int {
	n := 0
	for _, se := range s.Sentences() {
		n += len(se.Extractions)
	}
	return n
}
