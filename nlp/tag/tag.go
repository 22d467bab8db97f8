// Package tag is kgraph's part-of-speech tagger. It sits between the
// tokenizer (nlp/tokenize) and the lemmatizer and dependency parser
// (nlp/lemma, nlp/parse): given the words of one sentence it predicts each
// word's Universal POS tag (UPOS) and Penn Treebank tag (XPOS), as UD English
// EWT annotates them. It takes and returns plain string slices so that its
// consumers need not share any type with it.
//
// The model is a greedy left-to-right averaged perceptron (Collins 2002) over
// hashed features of the word, its affixes and shape, its neighbours, the two
// tags already predicted to its left, and the training-lexicon classes of the
// words around it. UPOS and XPOS are predicted jointly as one class
// (such as VERB/VBD), so the pair is always one the treebank uses. Frequent
// words that carry a single tag in training skip the model. Two training
// choices matter on EWT dev: lexicon features of each training word are
// computed as if that occurrence were unseen (leave-one-out), so the model
// does not learn to trust the lexicon more than new text deserves; and the
// weights of three perceptrons trained on different shuffles are averaged,
// which costs nothing at tagging time and removes most of the run-to-run
// noise.
//
// Config.Passes = 2 adds a second pass (pass2.go): the first then reads the
// sentence right to left, and the second re-reads it left to right seeing,
// besides all that, the first pass's tags of the words to its right, so that
// a choice such as VBD or VBN, or IN, RP or RB, can weigh the tags that
// follow. It learns from the training data as tagged by first-pass models
// that never saw it (jackknifing, Config.Folds), so it learns to correct the
// errors the first pass really makes, and re-tags only the words the first
// pass was unsure of (Config.Gate). With Config.LexFreq it raises EWT dev
// UPOS/XPOS from 95.26/94.66 to 95.43/94.77 (seed 1). Without word
// classes the parser retrained on its tags scored lower end to end (dev
// LAS 81.49 against 81.66); with them (Config.Classes) it scores higher
// (82.53 against 82.44), so the committed model has two passes, lexicon
// frequencies and word classes.
//
// Default loads the model committed under data/models; Train fits a new one.
// The committed model is made with the rest of the core, since the parser
// learns from its tags; from the repository root:
//
//	go run ./cmd/kgraph train --ewt ../shared/data/ud-english-ewt --text ../shared/corpus/wh-statements.jsonl.gz
//
// To tune the tagger alone, `nice go run ./nlp/tag/internal/train` trains it
// on EWT train in about two minutes and reports dev accuracy.
package tag

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp/cluster"
)

// ErrModel is wrapped by every error about a malformed or incompatible model.
var ErrModel = errors.New("tag: bad model")

// Tagger predicts UPOS and XPOS tags. It is safe for concurrent use.
type Tagger struct {
	m    model
	pool sync.Pool // *scratch, so Tag allocates nothing but its results
}

// class is one joint tag.
type class struct {
	UPOS, XPOS string
}

// Lexicon entries pack a class id with a flag for words the tagger trusts
// without scoring.
const (
	lexSure    = 1 << 15
	lexUnknown = 1<<15 - 1
)

// lexEntry is what the model knows of a training word.
type lexEntry struct {
	cls uint16 // most frequent class, with lexSure for unambiguous words
	amb uint64 // ambiguity class: a hash of the classes it takes a tenth of the time
	// freq is how often the word occurs in training, bucketed (freqBucket),
	// so the model learns how far to trust a class seen once.
	freq uint8
}

type model struct {
	// passes is 1, or 2 when the weights hold a second pass (pass2.go).
	passes int
	// backward is set when the first pass runs right to left.
	backward bool
	// lexFreq is set when the features include the lexicon frequency
	// bucket of the word (tLexFreq).
	lexFreq bool
	// wordClasses, if set, maps words to classes learnt from unlabelled
	// text, which the word-class templates draw on (Config.Classes).
	wordClasses *cluster.Classes
	// gate: the second pass re-tags only the words whose first-pass
	// margin (best score less second best, in weight units) is below it;
	// 0 re-tags every word.
	gate    float32
	classes []class
	lex     map[string]lexEntry
	// lexLower maps the hash of a case-folded word to its most frequent
	// class, telling a capitalised unknown ("Apple") from a capitalised
	// common word.
	lexLower map[uint64]uint16

	// weights score the first pass; second, the second pass (if any).
	weights
	second weights
}

// features returns the optional templates the model uses.
func (m *model) features() featureSet {
	var fs featureSet
	if m.lexFreq {
		fs |= withLexFreq
	}
	if m.wordClasses != nil {
		fs |= withClasses
	}
	return fs
}

// weights are one pass's feature weights.
type weights struct {
	// keys lists the features in the order their weights are laid out in
	// entries: for each, a count n and then n packed (class<<16 | int16
	// weight) words. Weights are quantized with one scale per pass, so
	// scoring sums integers and a loaded model is bit-identical to the one
	// trained.
	keys    []uint64
	entries []uint32
	scale   float32

	// slots is an open-addressing table over the features, load at most
	// two thirds: each slot holds the upper half of a key (never 0, which
	// marks an empty slot) and the offset of its run in entries, so a
	// lookup touches one cache line before the weights. Keys are placed by
	// their lower bits; a 32-bit match stands for the whole key, and a false
	// match costs one stray weight in billions of lookups.
	slots []uint64
}

type scratch struct {
	info        []wordInfo
	pred, first []int
	margin      []int32
	scores      []int32
	norm        []byte // a word's cluster.AppendNorm form
}

// newScratch returns the working memory of tagging with nc classes.
// scores has room for every class a weight can name (a byte), so that
// best adds weights without checking bounds.
func newScratch(nc int) *scratch {
	return &scratch{scores: make([]int32, nc, maxClasses)}
}

// maxClasses bounds the number of classes: a weight stores its class in a
// byte.
const maxClasses = 256

// lookup returns the offset in entries of the feature with key k, or -1.
func (m *weights) lookup(k uint64) int {
	fp := k >> 32
	if fp == 0 {
		fp = 1
	}
	mask := uint64(len(m.slots) - 1)
	for p := k & mask; ; p = (p + 1) & mask {
		s := m.slots[p]
		if s>>32 == fp {
			return int(uint32(s))
		}
		if s == 0 {
			return -1
		}
	}
}

// buildTable lays out slots for keys, whose runs in entries follow each
// other in key order.
func (m *weights) buildTable() {
	size := 1
	for size < len(m.keys)*3/2+2 {
		size <<= 1
	}
	m.slots = make([]uint64, size)
	mask := uint64(size - 1)
	off := 0
	for _, k := range m.keys {
		fp := k >> 32
		if fp == 0 {
			fp = 1
		}
		p := k & mask
		for m.slots[p] != 0 {
			p = (p + 1) & mask
		}
		m.slots[p] = fp<<32 | uint64(off)
		off += 1 + int(m.entries[off])
	}
}

func newTagger(m model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return newScratch(len(m.classes)) }
	return t
}

// Tag returns the UPOS and XPOS tags of the words of one sentence.
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	t.TagInto(words, upos, xpos)
	return upos, xpos
}

// TagInto is Tag writing into caller-provided slices, which must be at least
// as long as words; a parser tagging many sentences reuses them to avoid
// allocating.
func (t *Tagger) TagInto(words, upos, xpos []string) {
	if len(upos) < len(words) || len(xpos) < len(words) {
		panic(fmt.Sprintf("tag: TagInto with %d words but %d/%d tag slots", len(words), len(upos), len(xpos)))
	}
	s := t.pool.Get().(*scratch)
	pred := t.predict(words, s)
	for i, c := range pred {
		upos[i] = t.m.classes[c].UPOS
		xpos[i] = t.m.classes[c].XPOS
	}
	t.pool.Put(s)
}

// predict fills s.pred with the class of every word.
func (t *Tagger) predict(words []string, s *scratch) []int {
	m := &t.m
	n := len(words)
	if cap(s.info) < n {
		s.info = make([]wordInfo, n+n/2)
		s.pred = make([]int, n+n/2)
		s.first = make([]int, n+n/2)
		s.margin = make([]int32, n+n/2)
	}
	margin := s.margin[:n]
	info, pred := s.info[:n], s.pred[:n]
	m.fillInfo(words, info, &s.norm)
	if m.backward {
		// Every wordInfo depends on its word alone, so reversing them is
		// the same as reading the sentence backwards.
		slices.Reverse(info)
	}
	var f [maxFeatures]uint64
	for i := range words {
		if info[i].sure {
			pred[i] = int(info[i].lex)
			margin[i] = math.MaxInt32
			continue
		}
		k := extract(info, i, pred, &f, m.features())
		pred[i], margin[i] = m.best(f[:k], s.scores)
	}
	if m.backward {
		slices.Reverse(info)
		slices.Reverse(pred)
		slices.Reverse(margin)
	}
	if m.passes < 2 {
		return pred
	}
	first := s.first[:n]
	copy(first, pred)
	gate := int32(math.MaxInt32)
	if m.gate > 0 {
		gate = int32(min(float64(m.gate)/float64(m.scale), math.MaxInt32))
	}
	var f2 [maxFeatures2]uint64
	for i := range words {
		if margin[i] >= gate {
			continue
		}
		k := extract2(info, i, pred, first, &f2, m.features())
		pred[i], _ = m.second.best(f2[:k], s.scores)
	}
	return pred
}

// best scores every class over the features f and returns the highest with
// its margin over the second.
func (m *weights) best(f []uint64, scores []int32) (int, int32) {
	clear(scores)
	// The adds below index by a byte into an array of maxClasses, which
	// needs no bounds check: they are most of the tagger's arithmetic.
	// Weights name only classes below len(scores) (the model loader checks
	// it), so the rest of the array stays unread.
	all := (*[maxClasses]int32)(scores[:maxClasses])
	// Every feature is found before any weight is read, so that the cache
	// misses of the independent lookups overlap instead of queueing
	// behind the reads of the weights.
	var offs [max(maxFeatures, maxFeatures2)]int32
	n := 0
	for _, k := range f {
		if off := m.lookup(k); off >= 0 {
			offs[n] = int32(off)
			n++
		}
	}
	// Then every run's count is read, so that the misses on the weights
	// overlap too; counts are small, and the check keeps the reads.
	var counts uint32
	for _, off := range offs[:n] {
		counts += m.entries[off]
	}
	if counts > 1<<30 {
		panic("tag: corrupt weight runs")
	}
	for _, off := range offs[:n] {
		c := int(m.entries[off])
		for _, e := range m.entries[int(off)+1 : int(off)+1+c] {
			all[uint8(e>>16)] += int32(int16(uint16(e)))
		}
	}
	b, second := 0, int32(math.MinInt32)
	for c, v := range scores[1:] {
		if v > scores[b] {
			second = scores[b]
			b = c + 1
		} else if v > second {
			second = v
		}
	}
	if second == math.MinInt32 {
		return b, math.MaxInt32
	}
	return b, scores[b] - second
}

// Tags lists the (UPOS, XPOS) pairs the model can predict.
func (t *Tagger) Tags() [][2]string {
	out := make([][2]string, len(t.m.classes))
	for i, c := range t.m.classes {
		out[i] = [2]string{c.UPOS, c.XPOS}
	}
	return out
}

// MemoryBytes estimates the heap held by the loaded model, for reporting.
func (t *Tagger) MemoryBytes() int {
	m := &t.m
	n := 0
	for _, w := range []*weights{&m.weights, &m.second} {
		n += len(w.slots)*8 + len(w.keys)*8 + len(w.entries)*4
	}
	for w := range m.lex {
		// A map entry costs its string header, bytes, value and about a
		// third again for the table's slack.
		n += (16 + len(w) + 16) * 4 / 3
	}
	n += len(m.lexLower) * (8 + 2) * 4 / 3
	if m.wordClasses != nil {
		for w := range m.wordClasses.All() {
			n += (16 + len(w) + 2) * 4 / 3
		}
	}
	return n
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger trained on UD English EWT and committed with
// kgraph. The model is decoded on first use, so importing the package costs
// nothing until then.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		defaultTagger, defaultErr = loadBytes(data.TaggerModel)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("load embedded tagger model: %w", defaultErr)
		}
	})
	return defaultTagger, defaultErr
}
