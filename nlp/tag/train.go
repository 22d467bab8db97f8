package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/kgraph/kgraph/nlp/cluster"
	"github.com/kgraph/kgraph/nlp/conllu"
)

// ErrNoData is returned by Train when there is nothing to learn from.
var ErrNoData = errors.New("tag: no training words")

// Config sets up training. The zero value gets the defaults tuned on EWT dev.
type Config struct {
	Epochs int    // passes over the data; 0 means 10
	Seed   uint64 // seeds the per-epoch shuffle; equal seeds give equal models

	// Mix is how many perceptrons, shuffled with seeds Seed, Seed+1, ...,
	// are trained and averaged into the model; 0 means 3.
	Mix int

	// Words seen at least TagDictMinFreq times in training with one class at
	// least TagDictMinRatio of the time are tagged by lookup, not scored.
	// 0 means 20 and 0.97; a negative TagDictMinFreq disables the shortcut.
	TagDictMinFreq  int
	TagDictMinRatio float64

	// LexMinFreq is how often a word must occur to enter the lexicon whose
	// classes feed the word and look-ahead features; 0 means 1.
	LexMinFreq int

	// MinWeight drops averaged weights smaller in magnitude, shrinking the
	// model; 0 means 0.5, a negative value keeps all.
	MinWeight float64

	// NoLeaveOneOut turns off computing the lexicon features of each
	// training word as if that occurrence were absent from the counts.
	// Leave-one-out is the default because without it every training word
	// is known to the lexicon and the model learns to trust it more than
	// new text deserves (about 0.2 points of dev accuracy).
	NoLeaveOneOut bool

	// Passes is 1 for the greedy left-to-right tagger alone, or 2 to add
	// a second pass that re-tags each sentence seeing the first pass's tags
	// of the words to its right (pass2.go); 0 means 1. Two passes gain
	// about 0.15 points of UPOS on EWT dev (95.26 to 95.41, seed 1; 95.22
	// to 95.30, seed 2) at about 0.7 times the tagging speed and twice the
	// training time; a parser retrained on their tags did no better end to
	// end without word classes, better with them (nlp.Train uses two).
	Passes int

	// LexFreq adds a feature pairing each word's lexicon class with how
	// often it was seen in training (1, 2, 3-4, 5-9, 10+), so that a class
	// seen once can be trusted less. With two passes it adds 0.02 to 0.06
	// points of UPOS on dev (seeds 1 and 2); off by default, on in
	// nlp.Train.
	LexFreq bool

	// Folds is how many first-pass taggers, each trained with one
	// perceptron on all but one fold, tag the training data the second
	// pass learns from, so that it sees first-pass errors as frequent as
	// on new text; 0 means 4.
	Folds int

	// Gate: when tagging, the second pass re-tags only the words whose
	// first-pass margin (best score less second best, in averaged-weight
	// units) is below Gate; the others, about nine in ten, keep the first
	// pass's tag, which keeps tagging fast at no cost in accuracy on dev.
	// The second pass still learns from every word: trained on the
	// low-margin words alone it does worse. 0 means 16; a negative Gate
	// re-tags every word.
	Gate float64

	// ForwardFirst runs the first of two passes left to right, like the
	// second; by default it runs right to left, so that the tags it gives
	// the words to the right of each one were chosen seeing their own
	// right context.
	ForwardFirst bool

	// Classes, if set, adds features of the word classes (learnt from
	// unlabelled text by package cluster) of the word and its neighbours;
	// the model keeps the class map, so it needs nothing more at tagging
	// time. With 1,024 classes learnt from 6 M words (White House
	// statements and EWT train) they raise EWT dev UPOS/XPOS from
	// 95.26/94.66 to 95.30/94.73 (seed 1) and from 95.22/94.62 to
	// 95.37/94.77 (seed 2), mostly on words unseen in training, at about
	// 0.7 times the tagging speed.
	Classes *cluster.Classes

	// backward trains a one-pass right-to-left tagger (the first-pass
	// folds of a two-pass one).
	backward bool

	// Dev, if set, is scored after every epoch and reported through Logf.
	Dev  []*conllu.Sentence
	Logf func(format string, args ...any)
}

func (c Config) withDefaults() Config {
	if c.Epochs == 0 {
		c.Epochs = 10
	}
	if c.TagDictMinFreq == 0 {
		c.TagDictMinFreq = 20
	}
	if c.TagDictMinRatio == 0 {
		c.TagDictMinRatio = 0.97
	}
	if c.Mix == 0 {
		c.Mix = 3
	}
	if c.Passes == 0 {
		c.Passes = 1
	}
	if c.Folds == 0 {
		c.Folds = 4
	}
	if c.Gate == 0 {
		c.Gate = 16
	}
	if c.LexMinFreq == 0 {
		c.LexMinFreq = 1
	}
	if c.MinWeight == 0 {
		c.MinWeight = 0.5
	}
	if c.Logf == nil {
		c.Logf = func(string, ...any) {}
	}
	return c
}

// Train fits a tagger on the UPOS and XPOS columns of sents.
func Train(ctx context.Context, sents []*conllu.Sentence, cfg Config) (*Tagger, error) {
	cfg = cfg.withDefaults()
	m, cn, err := vocabulary(sents, cfg)
	if err != nil {
		return nil, err
	}
	cidx := make(map[class]int, len(m.classes))
	for i, c := range m.classes {
		cidx[c] = i
	}
	var first [][]int
	if cfg.Passes >= 2 {
		if first, err = firstPass(ctx, sents, cidx, cfg); err != nil {
			return nil, err
		}
	}
	data := make([]example, 0, len(sents))
	for si, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		ex := example{words: make([]string, len(s.Words)), gold: make([]int, len(s.Words))}
		for i, w := range s.Words {
			ex.words[i] = w.Form
			ex.gold[i] = cidx[class{w.UPOS, w.XPOS}]
		}
		if first != nil {
			ex.first = first[si]
		}
		data = append(data, ex)
	}
	m.backward = cfg.backward || (cfg.Passes >= 2 && !cfg.ForwardFirst)
	m.lexFreq = cfg.LexFreq
	m.wordClasses = cfg.Classes
	data1 := data
	if m.backward {
		data1 = make([]example, len(data))
		for i, ex := range data {
			data1[i] = example{words: slices.Clone(ex.words), gold: slices.Clone(ex.gold)}
			slices.Reverse(data1[i].words)
			slices.Reverse(data1[i].gold)
		}
	}
	sum, err := trainMix(ctx, m, cn, data1, cfg, 1)
	if err != nil {
		return nil, err
	}
	m.passes = 1
	m.weights = sum.export(cfg.MinWeight)
	if cfg.Passes >= 2 {
		sum2, err := trainMix(ctx, m, cn, data, cfg, 2)
		if err != nil {
			return nil, err
		}
		m.passes = 2
		m.second = sum2.export(cfg.MinWeight)
		m.gate = float32(max(cfg.Gate, 0))
	}
	return newTagger(m), nil
}

// trainMix trains cfg.Mix perceptrons for the given pass, in parallel, and
// sums them in seed order.
func trainMix(ctx context.Context, m model, cn counts, data []example, cfg Config, pass int) (*mixture, error) {
	ps := make([]*perceptron, cfg.Mix)
	err := parallel(ctx, cfg.Mix, func(r int) error {
		p, err := trainOne(ctx, m, cn, data, cfg, cfg.Seed+uint64(r), pass)
		ps[r] = p
		if err == nil && cfg.Mix > 1 {
			cfg.Logf("pass %d: perceptron %d of %d done", pass, r+1, cfg.Mix)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	var sum mixture
	for _, p := range ps {
		sum.add(p)
	}
	return &sum, nil
}

// parallel runs job(0..n-1) on up to GOMAXPROCS goroutines and returns the
// first error.
func parallel(ctx context.Context, n int, job func(i int) error) error {
	workers := min(n, runtime.GOMAXPROCS(0))
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = job(i)
			}
		}()
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// firstPass tags every sentence of sents with a one-pass tagger trained on
// the other folds, returning class ids in cidx (nil for empty sentences).
func firstPass(ctx context.Context, sents []*conllu.Sentence, cidx map[class]int, cfg Config) ([][]int, error) {
	out := make([][]int, len(sents))
	margins := make([][]float32, len(sents))
	k := cfg.Folds
	err := parallel(ctx, k, func(fold int) error {
		var rest []*conllu.Sentence
		for i, s := range sents {
			if i%k != fold {
				rest = append(rest, s)
			}
		}
		fc := cfg
		fc.Passes, fc.Mix, fc.Dev = 1, 1, nil
		fc.backward = cfg.backward || !cfg.ForwardFirst
		fc.Seed = cfg.Seed + 1000 + uint64(fold)
		fc.Logf = func(string, ...any) {}
		tg, err := Train(ctx, rest, fc)
		if err != nil {
			return fmt.Errorf("first-pass fold %d: %w", fold+1, err)
		}
		s := newScratch(len(tg.m.classes))
		var words []string
		for i := fold; i < len(sents); i += k {
			words = words[:0]
			for _, w := range sents[i].Words {
				words = append(words, w.Form)
			}
			pred := tg.predict(words, s)
			ids := make([]int, len(pred))
			mg := make([]float32, len(pred))
			for j, c := range pred {
				ids[j] = cidx[tg.m.classes[c]]
				mg[j] = float32(math.MaxFloat32)
				if s.margin[j] != math.MaxInt32 {
					mg[j] = float32(s.margin[j]) * tg.m.scale
				}
			}
			out[i], margins[i] = ids, mg
		}
		cfg.Logf("first-pass fold %d of %d done", fold+1, k)
		return nil
	})
	if err == nil {
		gateStats(sents, cidx, out, margins, cfg.Logf)
	}
	return out, err
}

// gateStats reports, for a few gates, the share of scored words and of
// first-pass errors below each.
func gateStats(sents []*conllu.Sentence, cidx map[class]int, first [][]int, margin [][]float32, logf func(string, ...any)) {
	gates := []float32{1, 2, 4, 8, 12, 16, 24, 32, 48, 64}
	below := make([]int, len(gates))
	errs := make([]int, len(gates))
	scored, wrong := 0, 0
	for i, s := range sents {
		for j, w := range s.Words {
			if margin[i][j] == math.MaxFloat32 {
				continue
			}
			scored++
			bad := first[i][j] != cidx[class{w.UPOS, w.XPOS}]
			if bad {
				wrong++
			}
			for g, v := range gates {
				if margin[i][j] < v {
					below[g]++
					if bad {
						errs[g]++
					}
				}
			}
		}
	}
	for g, v := range gates {
		logf("gate %g: %.1f%% of %d scored words, %.1f%% of %d first-pass errors", v, pct(below[g], scored), scored, pct(errs[g], wrong), wrong)
	}
}

type example struct {
	words []string
	gold  []int
	first []int // the first pass's classes, for training the second
}

// trainOne runs the perceptron over data for cfg.Epochs, shuffled by seed.
func trainOne(ctx context.Context, m model, cn counts, data []example, cfg Config, seed uint64, pass int) (*perceptron, error) {
	p := newPerceptron(len(m.classes))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x6b67726170682d74))
	var (
		info []wordInfo
		norm []byte
		pred []int
		f    [maxFeatures]uint64
		f2   [maxFeatures2]uint64
	)
	scores := make([]float32, len(m.classes))
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for si, di := range order {
			if si%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("train tagger epoch %d: %w", epoch, err)
				}
			}
			ex := data[di]
			n := len(ex.words)
			info = slices.Grow(info[:0], n)[:n]
			pred = slices.Grow(pred[:0], n)[:n]
			m.fillInfo(ex.words, info, &norm)
			if !cfg.NoLeaveOneOut {
				cn.leaveOneOut(ex.words, ex.gold, info, cfg.LexMinFreq)
			}
			for i := range ex.words {
				total++
				if e, ok := m.lex[ex.words[i]]; ok && e.cls&lexSure != 0 {
					pred[i] = int(e.cls &^ lexSure)
				} else if pass == 1 {
					k := extract(info, i, pred, &f, m.features())
					pred[i] = p.best(f[:k], scores)
					p.update(f[:k], ex.gold[i], pred[i])
				} else {
					k := extract2(info, i, pred, ex.first, &f2, m.features())
					pred[i] = p.best(f2[:k], scores)
					p.update(f2[:k], ex.gold[i], pred[i])
				}
				if pred[i] == ex.gold[i] {
					correct++
				}
			}
		}
		msg := fmt.Sprintf("epoch %d: train %.2f%%", epoch, 100*float64(correct)/float64(total))
		if len(cfg.Dev) > 0 && pass == 1 && !m.backward {
			var one mixture
			one.add(p)
			mm := m
			mm.passes, mm.weights = 1, one.export(cfg.MinWeight)
			t := newTagger(mm)
			sc := t.Score(cfg.Dev)
			msg += fmt.Sprintf(", dev UPOS %.2f%% XPOS %.2f%%", sc.UPOSAcc(), sc.XPOSAcc())
		}
		cfg.Logf("%s (%d weight rows)", msg, len(p.rows))
	}
	return p, nil
}

// counts are the class counts per word that the lexicon is drawn from; Train
// keeps them to compute leave-one-out lexicon values.
type counts struct {
	byForm  map[string][]int
	byLower map[uint64][]int
}

// argmax is the most frequent class in c (the lowest id on ties) with c's
// total, after taking one occurrence of class minus away (-1: none).
func argmax(c []int, minus int) (best, total int) {
	best = -1
	bestN := 0
	for i, n := range c {
		if i == minus {
			n--
		}
		total += n
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best, total
}

// vocabulary chooses the classes and the lexicon.
func vocabulary(sents []*conllu.Sentence, cfg Config) (model, counts, error) {
	var m model
	classCount := map[class]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			classCount[class{w.UPOS, w.XPOS}]++
		}
	}
	if len(classCount) == 0 {
		return m, counts{}, ErrNoData
	}
	for c := range classCount {
		m.classes = append(m.classes, c)
	}
	// Frequent classes first so ties in scoring go to the likelier tag.
	slices.SortFunc(m.classes, func(a, b class) int {
		if d := classCount[b] - classCount[a]; d != 0 {
			return d
		}
		return cmp.Or(cmp.Compare(a.UPOS, b.UPOS), cmp.Compare(a.XPOS, b.XPOS))
	})
	if len(m.classes) > 255 {
		return m, counts{}, fmt.Errorf("tag: %d distinct UPOS/XPOS pairs, at most 255 supported", len(m.classes))
	}
	cidx := make(map[class]int, len(m.classes))
	for i, c := range m.classes {
		cidx[c] = i
	}
	cn := counts{byForm: map[string][]int{}, byLower: map[uint64][]int{}}
	for _, s := range sents {
		for _, w := range s.Words {
			c := cidx[class{w.UPOS, w.XPOS}]
			fc := cn.byForm[w.Form]
			if fc == nil {
				fc = make([]int, len(m.classes))
				cn.byForm[w.Form] = fc
			}
			fc[c]++
			h := hashLower(w.Form)
			lc := cn.byLower[h]
			if lc == nil {
				lc = make([]int, len(m.classes))
				cn.byLower[h] = lc
			}
			lc[c]++
		}
	}
	m.lexLower = map[uint64]uint16{}
	for h, lc := range cn.byLower {
		if best, total := argmax(lc, -1); total >= cfg.LexMinFreq {
			m.lexLower[h] = uint16(best)
		}
	}
	m.lex = map[string]lexEntry{}
	for w, fc := range cn.byForm {
		best, total := argmax(fc, -1)
		if total < cfg.LexMinFreq {
			continue
		}
		v := uint16(best)
		if cfg.TagDictMinFreq > 0 && total >= cfg.TagDictMinFreq &&
			float64(fc[best])/float64(total) >= cfg.TagDictMinRatio {
			v |= lexSure
		}
		m.lex[w] = lexEntry{cls: v, amb: ambiguity(fc, -1), freq: freqBucket(total)}
	}
	return m, cn, nil
}

// leaveOneOut overwrites the lexicon values of a training sentence with those
// the lexicon would hold had this occurrence not been counted, so that the
// look-ahead features see training words the way they will see new text:
// a word seen once in training is unknown, not a perfect oracle.
func (cn counts) leaveOneOut(words []string, gold []int, info []wordInfo, minFreq int) {
	for i, w := range words {
		wi := &info[i]
		wi.lex, wi.lexLower, wi.amb, wi.freq = lexUnknown, lexUnknown, ambUnknown, 0
		if best, total := argmax(cn.byForm[w], gold[i]); total >= minFreq && best >= 0 {
			wi.lex = uint64(best)
			wi.amb = ambiguity(cn.byForm[w], gold[i])
			wi.freq = uint64(freqBucket(total))
		}
		wi.unknown = wi.lex == lexUnknown
		if best, total := argmax(cn.byLower[hashLower(w)], gold[i]); total >= minFreq && best >= 0 {
			wi.lexLower = uint64(best)
		}
	}
}

// perceptron holds the training-time weights: a dense row of class weights
// per feature, created on the feature's first update. Weights are integers
// because every update is ±1; acc sums step×update so that the average over
// all steps is w - acc/steps without touching every weight at every step.
type perceptron struct {
	nc    int
	rows  map[uint64]int32
	keys  []uint64
	w     []int32
	acc   []int64
	steps int64
}

func newPerceptron(nc int) *perceptron {
	return &perceptron{nc: nc, rows: map[uint64]int32{}}
}

func (p *perceptron) best(f []uint64, scores []float32) int {
	clear(scores)
	for _, k := range f {
		r, ok := p.rows[k]
		if !ok {
			continue
		}
		row := p.w[int(r)*p.nc : int(r+1)*p.nc]
		for c, v := range row {
			scores[c] += float32(v)
		}
	}
	b := 0
	for c, v := range scores {
		if v > scores[b] {
			b = c
		}
	}
	return b
}

func (p *perceptron) row(k uint64) int {
	r, ok := p.rows[k]
	if !ok {
		r = int32(len(p.keys))
		p.rows[k] = r
		p.keys = append(p.keys, k)
		p.w = append(p.w, make([]int32, p.nc)...)
		p.acc = append(p.acc, make([]int64, p.nc)...)
	}
	return int(r) * p.nc
}

func (p *perceptron) update(f []uint64, gold, guess int) {
	p.steps++
	if gold == guess {
		return
	}
	for _, k := range f {
		r := p.row(k)
		p.w[r+gold]++
		p.acc[r+gold] += p.steps
		p.w[r+guess]--
		p.acc[r+guess] -= p.steps
	}
}

// mixture sums the averaged weights of perceptrons trained on the same data
// in different orders. Their mean is one linear model, so mixing costs
// nothing at tagging time, yet it smooths out how much a single run's
// accuracy depends on its shuffle (about ±0.1 points on EWT dev).
type mixture struct {
	rows map[uint64]int
	keys []uint64
	w    []float64
	nc   int
	n    int
}

func (x *mixture) add(p *perceptron) {
	if x.rows == nil {
		x.rows = map[uint64]int{}
		x.nc = p.nc
	}
	x.n++
	steps := float64(max(p.steps, 1))
	for r, k := range p.keys {
		row, ok := x.rows[k]
		if !ok {
			row = len(x.keys)
			x.rows[k] = row
			x.keys = append(x.keys, k)
			x.w = append(x.w, make([]float64, x.nc)...)
		}
		dst := x.w[row*x.nc : (row+1)*x.nc]
		for c := range dst {
			i := r*p.nc + c
			dst[c] += float64(p.w[i]) - float64(p.acc[i])/steps
		}
	}
}

// normalize turns the sum of weights into their mean.
func (x *mixture) normalize() {
	if x.n > 1 {
		for i := range x.w {
			x.w[i] /= float64(x.n)
		}
	}
	x.n = 1
}

// export builds the inference weights from the mean weights, dropping those below minWeight and quantizing the rest.
func (x *mixture) export(minWeight float64) weights {
	order := make([]int, len(x.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(x.keys[a], x.keys[b]) })
	x.normalize()
	maxAbs := 0.0
	for i := range x.w {
		maxAbs = max(maxAbs, math.Abs(x.w[i]))
	}
	out := weights{scale: 1}
	if maxAbs > 0 {
		out.scale = float32(maxAbs / math.MaxInt16)
	}
	for _, r := range order {
		head := len(out.entries)
		out.entries = append(out.entries, 0)
		for c, v := range x.w[r*x.nc : (r+1)*x.nc] {
			if math.Abs(v) < minWeight {
				continue
			}
			q := int16(math.Round(v / float64(out.scale)))
			if q == 0 {
				continue
			}
			out.entries = append(out.entries, uint32(c)<<16|uint32(uint16(q)))
		}
		if n := len(out.entries) - head - 1; n > 0 {
			out.entries[head] = uint32(n)
			out.keys = append(out.keys, x.keys[r])
		} else {
			out.entries = out.entries[:head]
		}
	}
	out.buildTable()
	return out
}

// Score counts correct tags against gold sentences.
type Score struct {
	Words, UPOS, XPOS int
}

// UPOSAcc is the percentage of words with the right UPOS.
func (s Score) UPOSAcc() float64 { return pct(s.UPOS, s.Words) }

// XPOSAcc is the percentage of words with the right XPOS.
func (s Score) XPOSAcc() float64 { return pct(s.XPOS, s.Words) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Score tags the words of each gold sentence and counts the matches.
func (t *Tagger) Score(sents []*conllu.Sentence) Score {
	var sc Score
	var words, upos, xpos []string
	for _, s := range sents {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		upos = slices.Grow(upos[:0], len(words))[:len(words)]
		xpos = slices.Grow(xpos[:0], len(words))[:len(words)]
		t.TagInto(words, upos, xpos)
		for i, w := range s.Words {
			sc.Words++
			if upos[i] == w.UPOS {
				sc.UPOS++
			}
			if xpos[i] == w.XPOS {
				sc.XPOS++
			}
		}
	}
	return sc
}
