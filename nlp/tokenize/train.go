package tokenize

import (
	"fmt"
	"math"

	"github.com/kgraph/kgraph/nlp/conllu"
)

// Splitter is a tokenizer and sentence splitter with a given boundary model.
// The package-level Split uses the embedded one; a Splitter lets training
// code and tests try another. Its zero value splits by punctuation rules.
type Splitter struct {
	m *model
}

// NewSplitter loads a boundary model in the format TrainBoundary writes.
// Empty input gives the rule-based splitter.
func NewSplitter(modelData []byte) (*Splitter, error) {
	m, err := decodeModel(modelData)
	if err != nil {
		return nil, err
	}
	return &Splitter{m: m}, nil
}

// Split is like the package-level Split, with sp's model.
func (sp *Splitter) Split(text string) []Sentence { return split(text, sp.m) }

// ScoreRaw is like the package-level ScoreRaw, with sp's model.
func (sp *Splitter) ScoreRaw(gold []*conllu.Sentence) (RawScore, error) {
	return scoreSplit(gold, sp.Split(RawText(gold)))
}

// TrainConfig sets the training of a boundary model.
type TrainConfig struct {
	Epochs int     // passes over the data; 0 means 10
	Prune  float64 // weights of smaller magnitude are dropped; 0 keeps all
	// Margin is subtracted from the score of every candidate that does not
	// follow sentence-final punctuation, making the splitter more cautious
	// there than EWT's web text would teach it.
	Margin float64
}

// TrainBoundary trains the sentence-boundary perceptron on gold sentences:
// their raw text is built with RawText and tokenized, and every token
// followed by a space within a line is an example, positive when a gold
// sentence ends there. It returns the model in the format NewSplitter and
// data.TokenizeModel hold. The result depends only on gold and cfg.
func TrainBoundary(gold []*conllu.Sentence, cfg TrainConfig) ([]byte, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	text := RawText(gold)
	ends := goldEnds(gold)
	var sc scanner
	sc.scan(text)

	// Features use the gold history (teacher forcing), so they can be
	// computed once.
	var xs []featVec
	var ys []bool
	var st splitState
	hs := sc.hashes()
	e := 0
	for i := range sc.surf {
		t := &sc.surf[i]
		st.observe(text[t.start:t.end])
		for e < len(ends) && ends[e] < t.end {
			e++
		}
		isEnd := e < len(ends) && ends[e] == t.end
		if t.brk == brkSpace {
			var f featVec
			sc.features(i, &st, hs, &f)
			xs = append(xs, f)
			ys = append(ys, isEnd)
		}
		if isEnd || t.brk >= brkLine {
			st = splitState{}
		}
	}
	if len(xs) == 0 {
		return nil, fmt.Errorf("train boundary model: no examples in %d sentences", len(gold))
	}

	// Averaged perceptron, with the usual lazy averaging: each weight keeps
	// the running sum of its past values, brought up to date when it changes.
	type acc struct {
		w, sum float64
		at     int
	}
	ws := make(map[uint64]*acc)
	clock := 0
	order := make([]int, len(xs))
	for k := range order {
		order[k] = k
	}
	// A fixed-seed shuffle per epoch: better averaged weights than a fixed
	// order, and still the same model on every run.
	rng := uint64(0x9E3779B97F4A7C15)
	for ep := 0; ep < cfg.Epochs; ep++ {
		for k := len(order) - 1; k > 0; k-- {
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			j := int(rng % uint64(k+1))
			order[k], order[j] = order[j], order[k]
		}
		for _, k := range order {
			clock++
			var s float64
			for _, h := range xs[k] {
				if a := ws[h]; a != nil {
					s += a.w
				}
			}
			if (s > 0) == ys[k] {
				continue
			}
			d := -1.0
			if ys[k] {
				d = 1
			}
			for _, h := range xs[k] {
				a := ws[h]
				if a == nil {
					a = &acc{at: clock}
					ws[h] = a
				}
				a.sum += a.w * float64(clock-a.at)
				a.at = clock
				a.w += d
			}
		}
	}
	out := make(map[uint64]float32, len(ws))
	for h, a := range ws {
		a.sum += a.w * float64(clock-a.at)
		avg := a.sum / float64(clock)
		if math.Abs(avg) > cfg.Prune && avg != 0 {
			out[h] = float32(avg)
		}
	}
	if cfg.Margin != 0 {
		h := finalFeature("", "")
		out[h] -= float32(cfg.Margin)
	}
	return encodeModel(out)
}

// goldEnds returns the byte offset in RawText(gold) where each sentence ends.
func goldEnds(gold []*conllu.Sentence) []int {
	ends := make([]int, 0, len(gold))
	n := 0
	for i, s := range gold {
		if i > 0 {
			if s.NewDoc() || s.NewPar() {
				n += 2
			} else {
				n++
			}
		}
		n += len(s.Text())
		ends = append(ends, n)
	}
	return ends
}
