// Package parse is kgraph's labeled dependency parser. Given the words of a
// sentence and their part-of-speech tags (from package nlp/tag) it returns a
// Universal Dependencies basic tree: one head per word and a relation with its
// English subtype (obl:tmod, nmod:poss, compound:prt, ...). The fact extractor
// reads subjects, objects and modifiers off that tree.
//
// The parser is a greedy arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez
// and Satta 2011) with the artificial root at the end of the buffer
// (Ballesteros and Nivre 2013), so that exactly one word is attached to the root
// and every output is a projective tree. Each move is decided greedily in two
// steps, the action and then, for an arc, its relation, by an averaged
// perceptron over hashed Zhang and Nivre (2011) style features, trained with
// the dynamic oracle of Goldberg and Nivre (2013) and error exploration.
// Besides words and tags the features read word classes learnt from
// unlabelled text (package nlp/cluster), which stand in for words the
// treebank is too small to show, and what lies between the items in play
// (verbs, commas, colons) and how far ahead the next verb is, which a greedy
// parser cannot otherwise see; optionally also how common the word pairs of
// the arcs in play were in text parsed by a first parser (Pairs, model
// format 6); and supertags, each word's relation and the side of its head
// as a tagger that reads the whole sentence guesses them (Supertags,
// ParseSuperTo, model format 7), worth more than a point of UAS and LAS on
// dev; the embedded model reads them, and Default attaches the embedded
// supertagger.
// `kgraph train` merges parsers trained with three seeds (Merge,
// Config.Ensemble) and keeps the weightiest share of their features
// (Shrink), which parses as well and as fast as one. Models saved before
// those templates (format 4, without word classes) still load and parse as
// they did.
//
// Score computes the CoNLL 2018 shared task figures (UPOS, XPOS, LEMMA, UAS, LAS)
// on gold tokenization.
//
// The models embedded in package data are regenerated, deterministically,
// with `kgraph train` (nlp.Train); go run ./nlp/parse/internal/train trains
// and scores the parser alone, for experiments (see its doc for its flags).
package parse

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"sync"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp/tag"
)

// ErrModel is wrapped by every error about a malformed or incompatible model.
var ErrModel = errors.New("parse: bad model")

// ErrNoData is returned by Train when it is given no usable sentence.
var ErrNoData = errors.New("parse: no training sentences with a complete tree")

// Parser is a trained parser. It is safe for concurrent use: Parse keeps its
// working memory in a pool, never in the Parser.
type Parser struct {
	enc    encoder
	labels []string // relation names; class ids are derived from their index
	root   int      // index of "root" in labels
	w      *table
	ext    bool        // trained with the templates of format 5 (state.ext)
	pairs  *pairTable  // word pairs from parsed text (Config.Pairs); nil if trained without
	st     Supertagger // supplies supertags ParseTo is not given; nil for none

	pool sync.Pool // *state
}

// Labels lists the relations the parser can produce.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Parse returns the dependency tree of one sentence: heads[i] is the 1-based
// index of the head of words[i], 0 for the root, and deprels[i] its relation.
// upos and xpos are the tags of the words; either may be nil or shorter than
// words, in which case the missing tags count as unknown.
func (p *Parser) Parse(words, upos, xpos []string) (heads []int, deprels []string) {
	heads = make([]int, len(words))
	deprels = make([]string, len(words))
	p.ParseTo(heads, deprels, words, upos, xpos)
	return heads, deprels
}

// ParseTo is Parse writing into caller-owned slices, so that a pipeline can
// parse many sentences without allocating. heads and deprels must be at least
// as long as words; it panics otherwise.
func (p *Parser) ParseTo(heads []int, deprels []string, words, upos, xpos []string) {
	p.ParseSuperTo(heads, deprels, words, upos, xpos, nil)
}

// Supertagged reports whether the model was trained with supertags, which
// it then needs (see SetSupertagger).
func (p *Parser) Supertagged() bool { return p.enc.super != nil }

// Supertagger gives supertags (see Supertags): TagInto fills xpos with
// them; upos is scratch. A tag.Tagger trained on supertags is one.
type Supertagger interface {
	TagInto(words, upos, xpos []string)
}

// SetSupertagger makes Parse and ParseTo supertag their input with st
// when the model is Supertagged (nlp.Models.Supertagger is the one trained
// with it). Without one, a supertagged model parses without supertags,
// much worse.
// Call it before parsing, not concurrently with it.
func (p *Parser) SetSupertagger(st Supertagger) { p.st = st }

// ParseSuperTo is ParseTo with supertags: super[i] is the relation of
// words[i] and the side of its head as a supertagger guesses them (see
// Supertags). Models trained with supertags (Train reads them from the
// SuperKey of a word's MISC field) need them; others ignore super. A nil
// super has the parser's Supertagger supply them; super shorter than
// words leaves the rest unknown.
func (p *Parser) ParseSuperTo(heads []int, deprels []string, words, upos, xpos, super []string) {
	n := len(words)
	if len(heads) < n || len(deprels) < n {
		panic(fmt.Sprintf("parse: ParseTo with %d words but %d heads and %d deprels", n, len(heads), len(deprels)))
	}
	if n == 0 {
		return
	}
	st, _ := p.pool.Get().(*state)
	if st == nil {
		st = &state{}
	}
	st.reset(n)
	st.ext, st.pairs, st.super = p.ext, p.pairs, p.enc.super != nil
	if st.super && super == nil && p.st != nil {
		st.tagBuf = grow(st.tagBuf, 2*n)
		p.st.TagInto(words, st.tagBuf[:n], st.tagBuf[n:2*n])
		super = st.tagBuf[n : 2*n]
	}
	p.enc.encode(st, words, upos, xpos, super)
	nl := len(p.labels)
	scores := st.scoreBuf(nl)
	for !st.terminal() {
		act, nLegal := -1, 0
		for a := range nActions {
			if st.legal(a) {
				act = a
				nLegal++
			}
		}
		if nLegal == 1 && (act == shift || act == left && st.toRoot()) {
			// The only legal move, with no relation to choose: the SHIFT
			// onto an empty stack that starts every sentence (and any
			// other), and the final attachment to the root. Nothing to
			// score, so no features to look up; a tenth of all moves.
			st.apply(act, p.root)
			continue
		}
		st.features()
		st.hits = p.w.lookup(st.feats, st.hits)
		if nLegal > 1 {
			var as [nActions]int32
			p.w.scoreActions(st.hits, &as)
			act = bestOf(as[:], st.legal)
		}
		l := p.root
		if act != shift && !(act == left && st.toRoot()) {
			st.sink += p.w.scoreLabels(st.hits, act, scores)
			l = bestLabel(scores[:nl], p.root)
		}
		st.apply(act, l)
	}
	clear(st.tagBuf) // no strings kept alive in the pool
	for i := 0; i < n; i++ {
		h := int(st.heads[i])
		if h == n {
			heads[i] = 0
		} else {
			heads[i] = h + 1
		}
		deprels[i] = p.labels[st.labels[i]]
	}
	p.pool.Put(st)
}

// bestOf is the legal action with the highest score, the first on ties.
func bestOf(scores []int32, legal func(int) bool) int {
	best := -1
	for a, v := range scores {
		if legal(a) && (best < 0 || v > scores[best]) {
			best = a
		}
	}
	return best
}

// bestLabel is the relation with the highest score other than root, which
// only the final attachment to the artificial root carries.
func bestLabel(scores []int32, root int) int {
	best := -1
	for l, v := range scores {
		if l != root && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	return best
}

var (
	defaultOnce   sync.Once
	defaultParser *Parser
	defaultErr    error
)

// Default returns the parser embedded in the binary (package data), loading it
// on first use, with the embedded supertagger attached when the model reads
// supertags. Every caller shares the one Parser.
func Default() (*Parser, error) {
	defaultOnce.Do(func() {
		defaultParser, defaultErr = loadEmbedded(data.ParserModel)
		if defaultErr != nil || !defaultParser.Supertagged() {
			return
		}
		st, err := tag.Load(bytes.NewReader(data.SupertaggerModel))
		if err != nil {
			defaultParser, defaultErr = nil, fmt.Errorf("load embedded supertagger model: %w", err)
			return
		}
		defaultParser.SetSupertagger(st)
	})
	return defaultParser, defaultErr
}

func loadEmbedded(gz []byte) (*Parser, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("open embedded parser model: %w", err)
	}
	p, err := Load(zr)
	if err != nil {
		return nil, fmt.Errorf("load embedded parser model: %w", err)
	}
	return p, nil
}
