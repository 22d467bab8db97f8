package parse

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/kgraph/kgraph/nlp/cluster"
	"github.com/kgraph/kgraph/nlp/conllu"
)

// Config controls training. The zero value of a field selects its default.
type Config struct {
	Epochs      int     // passes over the training set; default 10 (dev accuracy is flat after 8)
	Seed        uint64  // shuffling and exploration; training is deterministic for a seed
	ExploreFrom int     // first epoch (0-based) that follows the model's own wrong moves; default 1
	ExploreProb float64 // probability of following a wrong move once exploring; default 0.9
	MinWordFreq int     // words seen fewer times are unknown to the model; default 2
	// Classes, if set, gives the word classes (package nlp/cluster) that
	// the model learns from and keeps; nil for none.
	Classes *cluster.Classes
	// Pairs, if set, gives the word pairs counted in text parsed by a
	// first parser (see Pairs), which the model learns from and keeps;
	// nil for none.
	Pairs *Pairs
	// Prune drops averaged weights smaller than this in magnitude (an update
	// moves a weight by 1). Most features are updated once or twice and end
	// with a small weight; dropping them shrinks the model fourfold and
	// speeds parsing, since parsing is bound by memory traffic, for no loss
	// of accuracy on dev. Default 1.5; negative keeps all.
	Prune float64
	// Ensemble trains this many parsers, with seeds Seed, Seed+1, …, side by
	// side, and merges them into one (see Merge); 0 means 1. Parsers that
	// differ only in their seed still make different mistakes, and the
	// merged one makes fewer: on EWT dev two of them parse better than
	// either.
	Ensemble int
	// Keep, if below 1, keeps that fraction of the merged ensemble's
	// features, those that weigh most (see Shrink); 0 means 1 for one
	// parser and 0.3 for an ensemble.
	Keep float64
	// AfterEpoch, if set, is called after each epoch with a parser built from
	// the weights averaged so far, e.g. to follow accuracy on dev. With an
	// Ensemble it follows the first parser only.
	AfterEpoch func(epoch int, p *Parser)
}

func (c Config) withDefaults() Config {
	if c.Epochs == 0 {
		c.Epochs = 10
	}
	if c.Keep == 0 {
		c.Keep = 1
		if c.Ensemble > 1 {
			c.Keep = 0.3
		}
	}
	if c.ExploreFrom == 0 {
		c.ExploreFrom = 1
	}
	if c.ExploreProb == 0 {
		c.ExploreProb = 0.9
	}
	if c.MinWordFreq == 0 {
		c.MinWordFreq = 2
	}
	if c.Prune == 0 {
		c.Prune = 1.5
	}
	return c
}

// tparam is one class weight of the averaged perceptron under training: the
// current weight, its running sum over time steps up to ts, and ts.
type tparam struct {
	w     int32
	ts    int32
	total int64
	cls   uint8
}

type trainer struct {
	index map[uint64]int32
	keys  []uint64
	rows  [][]tparam
	t     int32 // time step: one per scored transition
}

func (m *trainer) score(feats []uint64, scores []int32) {
	clear(scores)
	for _, k := range feats {
		if i, ok := m.index[k]; ok {
			for _, p := range m.rows[i] {
				scores[p.cls] += p.w
			}
		}
	}
}

func (m *trainer) update(feats []uint64, good, bad int) {
	for _, k := range feats {
		i, ok := m.index[k]
		if !ok {
			i = int32(len(m.rows))
			m.index[k] = i
			m.keys = append(m.keys, k)
			m.rows = append(m.rows, nil)
		}
		m.bump(i, good, 1)
		m.bump(i, bad, -1)
	}
}

func (m *trainer) bump(i int32, c int, d int32) {
	row := m.rows[i]
	for j := range row {
		if int(row[j].cls) == c {
			p := &row[j]
			p.total += int64(m.t-p.ts) * int64(p.w)
			p.ts = m.t
			p.w += d
			return
		}
	}
	m.rows[i] = append(row, tparam{w: d, ts: m.t, cls: uint8(c)})
}

// average builds a parsing table from the averaged weights, dropping those
// below prune in magnitude and features left with none.
func (m *trainer) average(prune float64, nc int) *table {
	T := float64(m.t)
	if T == 0 {
		T = 1
	}
	keys := make([]uint64, 0, len(m.keys))
	rows := make([][]param, 0, len(m.keys))
	for i, k := range m.keys {
		var row []param
		for _, p := range m.rows[i] {
			avg := (float64(p.total) + float64(m.t-p.ts)*float64(p.w)) / T
			if math.Abs(avg) < prune || avg == 0 {
				continue
			}
			row = append(row, param{cls: p.cls, w: float32(avg)})
		}
		if len(row) > 0 {
			keys = append(keys, k)
			rows = append(rows, row)
		}
	}
	return quantize(keys, rows, nc)
}

type goldTree struct {
	words, upos, xpos []string
	super             []string // supertags (MISC SuperKey), nil if none
	heads             []int32  // n for the root
	labels            []int16
	src               []conllu.Word
}

// SuperKey is the MISC key under which a training word carries its
// supertag (see ParseSuperTo), as a supertagger that never saw the
// sentence guesses it. A parser trained on sentences that have them learns
// templates on supertags.
const SuperKey = "Supertag"

// Train fits a parser to sents, whose words must carry tags, heads and
// relations. Sentences whose tree is incomplete or non-projective (the
// transition system cannot build those) are skipped. Train stops early with
// ctx's error if ctx is cancelled.
func Train(ctx context.Context, sents []*conllu.Sentence, cfg Config) (*Parser, error) {
	cfg = cfg.withDefaults()
	p := &Parser{ext: true}
	freq := map[string]int{}
	xpos, upos, labels := map[string]bool{}, map[string]bool{}, map[string]bool{"root": true}
	supers := map[string]bool{}
	var golds []goldTree
	for _, s := range sents {
		g, ok := toGold(s)
		if !ok {
			continue
		}
		golds = append(golds, g)
		for _, t := range g.super {
			supers[t] = true
		}
		for _, w := range s.Words {
			freq[normWord(w.Form)]++
			xpos[w.XPOS] = true
			upos[w.UPOS] = true
			labels[w.Deprel] = true
		}
	}
	if len(golds) == 0 {
		return nil, ErrNoData
	}
	p.labels = sortedKeys(labels)
	if len(p.labels) > 127 {
		return nil, fmt.Errorf("train parser: %d relations, at most 127 supported", len(p.labels))
	}
	if len(xpos) > 250 || len(upos) > 250 {
		return nil, fmt.Errorf("train parser: %d XPOS and %d UPOS tags, at most 250 supported (features pack a tag in a byte)", len(xpos), len(upos))
	}
	p.root = slices.Index(p.labels, "root")
	var words []string
	for w, c := range freq {
		if c >= cfg.MinWordFreq {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	p.enc = encoder{words: ids(words), xpos: ids(sortedKeys(xpos)), upos: ids(sortedKeys(upos))}
	if len(supers) > 0 {
		if len(supers) > 250 {
			return nil, fmt.Errorf("train parser: %d supertags, at most 250 supported (features pack a tag in a byte)", len(supers))
		}
		p.enc.super = ids(sortedKeys(supers))
	}
	if cfg.Classes != nil {
		p.enc.classes = make(map[string]uint32, cfg.Classes.Len())
		for w, k := range cfg.Classes.All() {
			p.enc.classes[w] = uint32(k) + firstID
		}
	}
	p.enc.index()
	if cfg.Pairs != nil {
		p.pairs = cfg.Pairs.table()
	}
	labelID := make(map[string]int16, len(p.labels))
	for i, l := range p.labels {
		labelID[l] = int16(i)
	}
	for gi := range golds {
		g := &golds[gi]
		g.labels = make([]int16, len(g.src))
		for i, w := range g.src {
			g.labels[i] = labelID[w.Deprel]
		}
	}

	n := max(cfg.Ensemble, 1)
	tables := make([]*table, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := cfg
			c.Seed += uint64(i)
			if i > 0 {
				c.AfterEpoch = nil
			}
			tables[i], errs[i] = p.fit(ctx, golds, c)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if n == 1 {
		p.w = tables[0]
		return p.Shrink(cfg.Keep), nil
	}
	ps := make([]*Parser, n)
	for i, t := range tables {
		ps[i] = p.with(t)
	}
	m, err := Merge(ps...)
	if err != nil {
		return nil, err
	}
	return m.Shrink(cfg.Keep), nil
}

// fit trains one perceptron on golds with cfg.Seed and returns its averaged
// weights.
func (p *Parser) fit(ctx context.Context, golds []goldTree, cfg Config) (*table, error) {
	m := &trainer{index: make(map[uint64]int32, 1<<20)}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6b677261706870)) // "kgraphp"
	order := make([]int, len(golds))
	for i := range order {
		order[i] = i
	}
	st := &state{}
	nl := len(p.labels)
	nc := nClasses(nl)
	var cost [nActions]int
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := func() bool { return epoch >= cfg.ExploreFrom && rng.Float64() < cfg.ExploreProb }
		for k, gi := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("train parser: %w", err)
				}
			}
			g := &golds[gi]
			st.reset(len(g.words))
			st.ext, st.pairs, st.super = p.ext, p.pairs, p.enc.super != nil
			p.enc.encode(st, g.words, g.upos, g.xpos, g.super)
			scores := st.scoreBuf(nc)
			for !st.terminal() {
				minCost := st.costs(g.heads, &cost)
				st.features()
				m.score(st.feats, scores)
				pred, gold, nLegal := -1, -1, 0
				for a := range nActions {
					if !st.legal(a) {
						continue
					}
					nLegal++
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					if cost[a] == minCost && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				act := pred
				if nLegal > 1 {
					m.t++
					if cost[pred] != minCost {
						m.update(st.feats, gold, pred)
						if !explore() {
							act = gold
						}
					}
				}
				l := p.root
				if act != shift && !(act == left && st.toRoot()) {
					lo := labelClass(act, 0, nl)
					l = bestLabel(scores[lo:lo+nl], p.root)
					d := st.stack[len(st.stack)-1]
					head := st.b
					if act == right {
						head = st.stack[len(st.stack)-2]
					}
					// Relations are learnt on gold attachments only: on a
					// wrong one no relation is right.
					if gl := int(g.labels[d]); g.heads[d] == head && gl != l {
						m.t++
						m.update(st.feats, lo+gl, lo+l)
						if !explore() {
							l = gl
						}
					}
				}
				st.apply(act, l)
			}
		}
		if cfg.AfterEpoch != nil {
			cfg.AfterEpoch(epoch, p.with(m.average(cfg.Prune, nc)))
		}
	}
	return m.average(cfg.Prune, nc), nil
}

// with returns a copy of p parsing with weights w.
func (p *Parser) with(w *table) *Parser {
	return &Parser{enc: p.enc, labels: p.labels, root: p.root, w: w, ext: p.ext, pairs: p.pairs}
}

func toGold(s *conllu.Sentence) (goldTree, bool) {
	n := len(s.Words)
	if n == 0 {
		return goldTree{}, false
	}
	g := goldTree{heads: make([]int32, n)}
	roots := 0
	for i, w := range s.Words {
		if w.Head < 0 || w.Head > n || w.Deprel == "" || w.Deprel == "_" || w.Head == i+1 {
			return goldTree{}, false
		}
		if w.Head == 0 {
			roots++
			g.heads[i] = int32(n)
			if w.Deprel != "root" {
				return goldTree{}, false
			}
		} else {
			g.heads[i] = int32(w.Head - 1)
			if w.Deprel == "root" {
				return goldTree{}, false
			}
		}
		g.words = append(g.words, w.Form)
		g.upos = append(g.upos, w.UPOS)
		g.xpos = append(g.xpos, w.XPOS)
		if t, ok := w.MiscValue(SuperKey); ok {
			if g.super == nil {
				g.super = make([]string, n)
			}
			g.super[i] = t
		}
	}
	if roots != 1 || !acyclic(g.heads) || !projective(g.heads) {
		return goldTree{}, false
	}
	g.src = s.Words
	return g, true
}

// acyclic reports whether following heads from every word reaches the root
// (index len(heads)).
func acyclic(heads []int32) bool {
	n := int32(len(heads))
	for i := range heads {
		h, steps := int32(i), 0
		for h != n {
			h = heads[h]
			if steps++; steps > len(heads) {
				return false
			}
		}
	}
	return true
}

// projective reports whether no two arcs cross, the root arc included.
func projective(heads []int32) bool {
	for d, h := range heads {
		a, b := min(int32(d), h), max(int32(d), h)
		for d2, h2 := range heads {
			c, e := min(int32(d2), h2), max(int32(d2), h2)
			if (c < a && a < e && e < b) || (a < c && c < b && b < e) {
				return false
			}
		}
	}
	return true
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func ids(names []string) map[string]uint32 {
	m := make(map[string]uint32, len(names))
	for i, s := range names {
		m[s] = uint32(i) + firstID
	}
	return m
}
