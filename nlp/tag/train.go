package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

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
	data := make([]example, 0, len(sents))
	for _, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		ex := example{words: make([]string, len(s.Words)), gold: make([]int, len(s.Words))}
		for i, w := range s.Words {
			ex.words[i] = w.Form
			ex.gold[i] = cidx[class{w.UPOS, w.XPOS}]
		}
		data = append(data, ex)
	}
	var sum mixture
	for r := range cfg.Mix {
		p, err := trainOne(ctx, m, cn, data, cfg, cfg.Seed+uint64(r))
		if err != nil {
			return nil, err
		}
		sum.add(p)
		if cfg.Mix > 1 {
			cfg.Logf("perceptron %d of %d done", r+1, cfg.Mix)
		}
	}
	return newTagger(sum.export(m, cfg.MinWeight)), nil
}

type example struct {
	words []string
	gold  []int
}

// trainOne runs the perceptron over data for cfg.Epochs, shuffled by seed.
func trainOne(ctx context.Context, m model, cn counts, data []example, cfg Config, seed uint64) (*perceptron, error) {
	p := newPerceptron(len(m.classes))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x6b67726170682d74))
	var (
		info []wordInfo
		pred []int
		f    [maxFeatures]uint64
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
			m.fillInfo(ex.words, info)
			if !cfg.NoLeaveOneOut {
				cn.leaveOneOut(ex.words, ex.gold, info, cfg.LexMinFreq)
			}
			for i := range ex.words {
				total++
				if e, ok := m.lex[ex.words[i]]; ok && e.cls&lexSure != 0 {
					pred[i] = int(e.cls &^ lexSure)
				} else {
					extract(info, i, pred, &f)
					pred[i] = p.best(f[:], scores)
					p.update(f[:], ex.gold[i], pred[i])
				}
				if pred[i] == ex.gold[i] {
					correct++
				}
			}
		}
		msg := fmt.Sprintf("epoch %d: train %.2f%%", epoch, 100*float64(correct)/float64(total))
		if len(cfg.Dev) > 0 {
			var one mixture
			one.add(p)
			t := newTagger(one.export(m, cfg.MinWeight))
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
		m.lex[w] = lexEntry{cls: v, amb: ambiguity(fc, -1)}
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
		wi.lex, wi.lexLower, wi.amb = lexUnknown, lexUnknown, ambUnknown
		if best, total := argmax(cn.byForm[w], gold[i]); total >= minFreq && best >= 0 {
			wi.lex = uint64(best)
			wi.amb = ambiguity(cn.byForm[w], gold[i])
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

// export builds an inference model sharing m's classes and lexicon from the
// mean weights, dropping those below minWeight and quantizing the rest.
func (x *mixture) export(m model, minWeight float64) model {
	order := make([]int, len(x.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(x.keys[a], x.keys[b]) })
	maxAbs := 0.0
	for i := range x.w {
		x.w[i] /= float64(max(x.n, 1))
		maxAbs = max(maxAbs, math.Abs(x.w[i]))
	}
	x.n = 1
	out := model{classes: m.classes, lex: m.lex, lexLower: m.lexLower, scale: 1}
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
