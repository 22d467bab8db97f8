package carb

import "strings"

// TupleScore is how well one predicted tuple matches one gold tuple: the
// share of the predicted words found in the gold tuple and the share of
// the gold words found in the prediction.
type TupleScore struct {
	Precision float64
	Recall    float64
}

// less orders scores as Python orders [prec, rec] lists, which is how CaRB
// picks the better of the straight and the swapped reading.
func (a TupleScore) less(b TupleScore) bool {
	if a.Precision != b.Precision {
		return a.Precision < b.Precision
	}
	return a.Recall < b.Recall
}

// Match scores one predicted tuple against one gold tuple with CaRB's
// default matcher (binary_linient_tuple_match). Only Relation and Args are
// read.
//
// Both tuples are first made binary: arguments after the first are joined
// into one. The relations must share a word, or the score is zero; a
// predicted "be" left over also matches any form of "be" in the gold
// relation. A prediction lacking an argument the gold tuple has scores
// zero; an argument without common words does not. When the gold relation
// contains said, told, added, adds or says (as a substring, case
// sensitive), the prediction is also scored with its arguments swapped and
// the better reading counts.
func Match(gold, pred Extraction) TupleScore {
	return matchPrepared(prepare(gold), prepare(pred))
}

// prepared is a tuple tokenised once, so a sentence's G×S comparisons do
// not split the same strings again.
type prepared struct {
	rel     []string
	args    [][]string // binarised: at most two token lists
	swapped [][]string // args for the said-type reading: rest first, then the subject
	said    bool       // as a gold tuple, its relation is said-type
}

var saidVerbs = []string{"said", "told", "added", "adds", "says"}

func prepare(e Extraction) prepared {
	p := prepared{rel: pySplit(e.Relation)}
	switch len(e.Args) {
	case 0:
	case 1:
		p.args = [][]string{pySplit(e.Args[0])}
		p.swapped = p.args
	default:
		// Splitting the space-joined rest equals joining the splits.
		var rest []string
		for _, a := range e.Args[1:] {
			rest = append(rest, pySplit(a)...)
		}
		first := pySplit(e.Args[0])
		p.args = [][]string{first, rest}
		p.swapped = [][]string{rest, first}
	}
	for _, v := range saidVerbs {
		if strings.Contains(e.Relation, v) {
			p.said = true
			break
		}
	}
	return p
}

func matchPrepared(gold, pred prepared) TupleScore {
	straight := lenient(gold, pred.rel, pred.args)
	if !gold.said {
		return straight
	}
	if swapped := lenient(gold, pred.rel, pred.swapped); straight.less(swapped) {
		return swapped
	}
	return straight
}

// lenient is CaRB's linient_tuple_match on binarised tuples.
func lenient(gold prepared, rel []string, args [][]string) TupleScore {
	m := relationOverlap(gold.rel, rel)
	if m == 0 {
		return TupleScore{}
	}
	pNum, rNum := m, m
	pDen, rDen := len(rel), len(gold.rel)
	for i, ga := range gold.args {
		rDen += len(ga)
		if i >= len(args) {
			return TupleScore{}
		}
		pDen += len(args[i])
		var buf [32]bool
		mi := overlap(ga, args[i], marks(buf[:], len(args[i])))
		pNum += mi
		rNum += mi
	}
	var s TupleScore
	if pDen > 0 {
		s.Precision = float64(pNum) / float64(pDen)
	}
	if rDen > 0 {
		s.Recall = float64(rNum) / float64(rDen)
	}
	return s
}

var beForms = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

// relationOverlap counts common relation words, plus one when a predicted
// "be" is left unmatched and the gold relation has any form of "be".
func relationOverlap(gold, pred []string) int {
	var buf [32]bool
	used := marks(buf[:], len(pred))
	m := overlap(gold, pred, used)
	for j, w := range pred {
		if w == "be" && !used[j] {
			if containsAny(gold, beForms) {
				m++
			}
			break
		}
	}
	return m
}

// overlap is the size of the multiset intersection of gold and pred, the
// count CaRB gets by removing each matched word from the predicted list.
// used has len(pred) false entries and comes back marking the predicted
// words that were matched.
func overlap(gold, pred []string, used []bool) int {
	m := 0
	for _, g := range gold {
		for j, p := range pred {
			if !used[j] && p == g {
				used[j] = true
				m++
				break
			}
		}
	}
	return m
}

// marks returns n cleared flags, in buf when they fit: tuples are short,
// and the matcher runs for every gold–prediction pair.
func marks(buf []bool, n int) []bool {
	if n > len(buf) {
		return make([]bool, n)
	}
	return buf[:n]
}

func containsAny(words, wanted []string) bool {
	for _, w := range words {
		for _, x := range wanted {
			if w == x {
				return true
			}
		}
	}
	return false
}
