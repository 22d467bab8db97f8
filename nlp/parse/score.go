package parse

import (
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/nlp/conllu"
)

// Scores are the CoNLL 2018 shared task figures on gold tokenization, in
// percent of gold syntactic words.
type Scores struct {
	UPOS, XPOS, Lemma float64
	UAS, LAS          float64
	Words             int // gold syntactic words scored
}

// Score compares predicted sentences with gold ones as the CoNLL 2018
// evaluation script does when tokenization is gold: word i of sentence k in
// pred is aligned with word i of sentence k in gold (multiword tokens already
// split into their syntactic words), punctuation counts, LAS compares heads
// and the universal part of the relation (obl:tmod counts as obl), and a gold
// lemma "_" accepts any predicted lemma. Gold words without a counterpart in
// pred (a shorter sentence or fewer sentences) count as wrong on every figure.
func Score(gold, pred []*conllu.Sentence) Scores {
	var n, upos, xpos, lemma, uas, las int
	for k, g := range gold {
		var p []conllu.Word
		if k < len(pred) && pred[k] != nil {
			p = pred[k].Words
		}
		for i, gw := range g.Words {
			n++
			if i >= len(p) {
				continue
			}
			pw := p[i]
			if gw.UPOS == pw.UPOS {
				upos++
			}
			if gw.XPOS == pw.XPOS {
				xpos++
			}
			if gw.Lemma == "_" || gw.Lemma == pw.Lemma {
				lemma++
			}
			if gw.Head == pw.Head {
				uas++
				if gw.UniversalDeprel() == pw.UniversalDeprel() {
					las++
				}
			}
		}
	}
	pct := func(c int) float64 {
		if n == 0 {
			return 0
		}
		return 100 * float64(c) / float64(n)
	}
	return Scores{UPOS: pct(upos), XPOS: pct(xpos), Lemma: pct(lemma), UAS: pct(uas), LAS: pct(las), Words: n}
}

// String gives one "NAME value" line per figure, as `kgraph eval` prints them.
func (s Scores) String() string {
	var b strings.Builder
	for _, f := range []struct {
		name string
		v    float64
	}{{"UPOS", s.UPOS}, {"XPOS", s.XPOS}, {"LEMMA", s.Lemma}, {"UAS", s.UAS}, {"LAS", s.LAS}} {
		fmt.Fprintf(&b, "%-5s %.2f\n", f.name, f.v)
	}
	return b.String()
}
