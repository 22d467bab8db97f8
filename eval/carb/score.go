package carb

import (
	"math"
	"slices"
)

// Options selects the scoring variant.
type Options struct {
	// SingleMatch matches gold and predicted tuples one to one for recall
	// as well as for precision: CaRB(1-1), the --single_match flag of the
	// OpenIE6, IMoJIE and DetIE forks of the scorer. Off, one prediction
	// may count towards the recall of several gold tuples.
	SingleMatch bool
}

// Point is the corpus-level score at one confidence threshold.
type Point struct {
	Threshold float64 // extractions with confidence ≥ Threshold are kept
	Precision float64 // 1 when no extraction of a gold sentence is kept, as in CaRB
	Recall    float64
	F1        float64 // NaN when precision and recall are both 0; CaRB skips those
	Kept      int     // extractions of gold sentences kept at this threshold
}

// Result is a scored system.
type Result struct {
	AUC float64 // area under the precision–recall curve, unrounded

	// The point of best F1 (the lowest threshold among ties); all zero
	// when no point has an F1.
	Precision float64
	Recall    float64
	F1        float64
	Threshold float64
	Best      int // index of that point in Curve, -1 if none

	Curve []Point // one point per distinct system confidence, ascending
	Gold  int     // gold tuples, the recall denominator
}

// Score compares a system's extractions with gold as CaRB does. Only
// sentences of gold are scored: extractions of other sentences are
// ignored, though their confidences still become thresholds.
func Score(gold, pred *Set, opts Options) Result {
	thresholds := confidences(pred)
	n := len(thresholds)
	pNum := make([]float64, n)
	rNum := make([]float64, n)
	pDen := make([]int, n)
	total := 0 // CaRB's recall denominator, which ends up the same at every threshold

	var sc sentenceScorer
	for _, gs := range gold.Sentences() {
		g := len(gs.Extractions)
		total += g
		ps, _ := pred.lookupKey(gs.Key)
		sc.load(gs.Extractions, ps.Extractions)
		// Each distinct confidence of the sentence covers the thresholds
		// from just above the previous one up to itself: CaRB's
		// "optimised global match". Thresholds above the sentence's best
		// confidence keep none of its extractions.
		from := 0
		for _, conf := range sc.levels() {
			c, _ := slices.BinarySearch(thresholds, conf)
			sel := sc.keep(conf)
			prec := sc.greedy(sel, false)
			var rec float64
			if opts.SingleMatch {
				rec = sc.greedy(sel, true)
			} else {
				rec = sc.bestPerGold(sel)
			}
			for t := from; t <= c; t++ {
				pNum[t] += prec
				pDen[t] += len(sel)
				rNum[t] += rec
			}
			from = c + 1
		}
	}

	res := Result{Best: -1, Curve: make([]Point, n), Gold: total}
	for t, conf := range thresholds {
		pt := Point{Threshold: conf, Precision: 1, Kept: pDen[t]}
		if pDen[t] > 0 {
			pt.Precision = pNum[t] / float64(pDen[t])
		}
		if total > 0 {
			pt.Recall = rNum[t] / float64(total)
		}
		pt.F1 = 2 * pt.Precision * pt.Recall / (pt.Precision + pt.Recall)
		res.Curve[t] = pt
		if !math.IsNaN(pt.F1) && (res.Best < 0 || pt.F1 > res.Curve[res.Best].F1) {
			res.Best = t
		}
	}
	if res.Best >= 0 {
		b := res.Curve[res.Best]
		res.Precision, res.Recall, res.F1, res.Threshold = b.Precision, b.Recall, b.F1, b.Threshold
	}
	res.AUC = area(res.Curve)
	return res
}

// confidences returns the distinct confidences of every extraction in s,
// ascending.
func confidences(s *Set) []float64 {
	var cs []float64
	for _, se := range s.Sentences() {
		for _, e := range se.Extractions {
			cs = append(cs, e.Confidence)
		}
	}
	slices.Sort(cs)
	return slices.Compact(cs)
}

// sentenceScorer holds one sentence's gold × prediction score matrix and
// the scratch space to match over it, reused from sentence to sentence.
type sentenceScorer struct {
	preds    []Extraction
	g, s     int
	scores   []TupleScore // g rows of s columns
	gold     []prepared
	pred     []prepared
	conf     []float64
	sel      []int
	rowTaken []bool
	colTaken []bool
}

func (sc *sentenceScorer) load(gold, preds []Extraction) {
	sc.preds = preds
	sc.g, sc.s = len(gold), len(preds)
	sc.scores = sc.scores[:0]
	if sc.s == 0 {
		return // nothing to match: skip tokenising the gold tuples
	}
	sc.gold = sc.gold[:0]
	for _, e := range gold {
		sc.gold = append(sc.gold, prepare(e))
	}
	sc.pred = sc.pred[:0]
	for _, e := range preds {
		sc.pred = append(sc.pred, prepare(e))
	}
	for _, g := range sc.gold {
		for _, p := range sc.pred {
			sc.scores = append(sc.scores, matchPrepared(g, p))
		}
	}
}

// levels returns the sentence's distinct confidences, ascending.
func (sc *sentenceScorer) levels() []float64 {
	sc.conf = sc.conf[:0]
	for _, e := range sc.preds {
		sc.conf = append(sc.conf, e.Confidence)
	}
	slices.Sort(sc.conf)
	return slices.Compact(sc.conf)
}

// keep returns the columns of the predictions with confidence ≥ conf, in
// file order, which is the order CaRB breaks ties in.
func (sc *sentenceScorer) keep(conf float64) []int {
	sc.sel = sc.sel[:0]
	for j, e := range sc.preds {
		if e.Confidence >= conf {
			sc.sel = append(sc.sel, j)
		}
	}
	return sc.sel
}

func (sc *sentenceScorer) at(i, j int, recall bool) float64 {
	if recall {
		return sc.scores[i*sc.s+j].Recall
	}
	return sc.scores[i*sc.s+j].Precision
}

// bestPerGold sums, over gold tuples, the best recall any kept prediction
// reaches: one prediction may serve several gold tuples.
func (sc *sentenceScorer) bestPerGold(sel []int) float64 {
	sum := 0.0
	for i := 0; i < sc.g; i++ {
		best := 0.0 // scores are never negative, so 0 is max()'s default and floor
		for _, j := range sel {
			if v := sc.at(i, j, true); v > best {
				best = v
			}
		}
		sum += best
	}
	return sum
}

// greedy pairs gold tuples and kept predictions one to one and sums the
// chosen scores (recall or precision). It repeatedly takes the free pair
// with the strictly highest score, scanning gold rows in order and kept
// columns in file order; starting from -1 lets a zero pair be taken. This
// is CaRB's greedy, not an optimal assignment, and must stay so for the
// numbers to agree.
func (sc *sentenceScorer) greedy(sel []int, recall bool) float64 {
	sc.rowTaken = resetFlags(sc.rowTaken, sc.g)
	sc.colTaken = resetFlags(sc.colTaken, sc.s)
	sum := 0.0
	for range min(sc.g, len(sel)) {
		best, bi, bj := -1.0, -1, -1
		for i := 0; i < sc.g; i++ {
			if sc.rowTaken[i] {
				continue
			}
			for _, j := range sel {
				if sc.colTaken[j] {
					continue
				}
				if v := sc.at(i, j, recall); v > best {
					best, bi, bj = v, i, j
				}
			}
		}
		sc.rowTaken[bi] = true
		sc.colTaken[bj] = true
		sum += best
	}
	return sum
}

func resetFlags(f []bool, n int) []bool {
	if cap(f) < n {
		return make([]bool, n)
	}
	f = f[:n]
	clear(f)
	return f
}
