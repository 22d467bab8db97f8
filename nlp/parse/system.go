package parse

// The arc-hybrid system. Words are numbered 0..n-1 and the artificial root is
// n, the last item of the buffer, so the buffer is always the contiguous range
// b..n and needs no slice of its own. The actions are
//
//	SHIFT     push b0 onto the stack                      (b0 is a word)
//	LEFT(l)   s0 gets head b0 with relation l, pop s0     (b0 = root only when s0 is the last item)
//	RIGHT(l)  s0 gets head s1 with relation l, pop s0
//
// The perceptron decides in two steps that share one feature lookup: first
// the action among three classes, then, for an arc, its relation among the
// classes of that direction. Scoring every (action, relation) pair jointly
// would cost some hundred weights per feature per move, which is where the
// time went.
const (
	shift = iota
	left
	right
	nActions
)

// Class numbers in the weight table: the actions, then one relation class
// per direction and label.
func nClasses(nLabels int) int           { return nActions + 2*nLabels }
func labelClass(dir, l, nLabels int) int { return nActions + (dir-left)*nLabels + l }

// state is a parser configuration plus the per-sentence encodings that
// feature extraction reads. It is reused across sentences.
type state struct {
	n     int32
	b     int32
	stack []int32

	heads  []int32 // -1 until attached; n for the root
	labels []int16
	// The two leftmost and two rightmost children of each item, -1 if none,
	// and how many children it has on each side; features look at them.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	lset, rset         []uint64 // bit (label mod 64) per child relation

	// Encoded words, tags and suffixes for items 0..n (n is the root). p is
	// the UPOS tag, which most templates use, and u the XPOS tag, used by a
	// few: UPOS templates parse better on dev, with gold as with tagger tags,
	// as the tagger gets UPOS right more often and the finer XPOS
	// distinctions mostly show in the word features anyway.
	w, p, u, suf []uint32
	c            []uint32 // word class
	t            []uint32 // supertag (encoder.super)
	// tagBuf holds the supertags (and the supertagger scratch) of a
	// sentence ParseTo supertags itself.
	tagBuf []string
	// Prefix counts of verbs (UPOS VERB or AUX), commas and clause
	// punctuation (; : - --) before each position, and the position of the
	// next verb after each: what lies between two items and ahead of the
	// buffer, which a greedy parser otherwise cannot see.
	preV, preC, preQ []int32
	nextV            []int32

	// ext selects the templates added in model format 5 (word classes,
	// what lies between items, the next verb); models of format 4 were
	// trained without them.
	ext bool
	// super selects the templates on supertags (model format 7).
	super bool
	// pairs, if set, holds the word pairs counted in parsed text (see
	// Pairs), and hw the hash of each item's normalized word to look them
	// up by.
	pairs *pairTable
	hw    []uint64

	sink   uint32 // see table.scoreLabels
	feats  []uint64
	scores []int32
	hits   []uint32 // slots of the features found in the table
	lower  []byte
}

func (s *state) reset(n int) {
	s.n = int32(n)
	s.b = 0
	s.stack = s.stack[:0]
	m := n + 1
	s.heads = grow32(s.heads, m, -1)
	s.lc1 = grow32(s.lc1, m, -1)
	s.lc2 = grow32(s.lc2, m, -1)
	s.rc1 = grow32(s.rc1, m, -1)
	s.rc2 = grow32(s.rc2, m, -1)
	if cap(s.labels) < m {
		s.labels = make([]int16, m)
		s.nl = make([]uint8, m)
		s.nr = make([]uint8, m)
		s.lset = make([]uint64, m)
		s.rset = make([]uint64, m)
		s.w = make([]uint32, m)
		s.p = make([]uint32, m)
		s.u = make([]uint32, m)
		s.suf = make([]uint32, m)
		s.c = make([]uint32, m)
		s.t = make([]uint32, m)
		s.hw = make([]uint64, m)
		s.preV = make([]int32, m+1)
		s.preC = make([]int32, m+1)
		s.preQ = make([]int32, m+1)
		s.nextV = make([]int32, m)
	}
	s.labels = s.labels[:m]
	s.nl, s.nr = s.nl[:m], s.nr[:m]
	s.lset, s.rset = s.lset[:m], s.rset[:m]
	s.w, s.p, s.u, s.suf, s.c, s.t, s.hw = s.w[:m], s.p[:m], s.u[:m], s.suf[:m], s.c[:m], s.t[:m], s.hw[:m]
	s.preV, s.preC, s.preQ, s.nextV = s.preV[:m+1], s.preC[:m+1], s.preQ[:m+1], s.nextV[:m]
	for i := range m {
		s.labels[i] = 0
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func grow32(x []int32, n int, v int32) []int32 {
	if cap(x) < n {
		x = make([]int32, n)
	}
	x = x[:n]
	for i := range x {
		x[i] = v
	}
	return x
}

func (s *state) scoreBuf(n int) []int32 {
	if cap(s.scores) < n {
		s.scores = make([]int32, n)
	}
	s.scores = s.scores[:n]
	return s.scores
}

func (s *state) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

// legal reports whether action a may be applied.
func (s *state) legal(a int) bool {
	depth := len(s.stack)
	switch a {
	case shift:
		return s.b < s.n
	case left:
		return depth == 1 || (depth > 1 && s.b < s.n)
	}
	return depth >= 2
}

// toRoot reports whether a LEFT now attaches s0 to the artificial root, the
// only place relation "root" may go.
func (s *state) toRoot() bool { return s.b == s.n }

func (s *state) apply(a, l int) {
	if a == shift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	top := len(s.stack) - 1
	d := s.stack[top]
	s.stack = s.stack[:top]
	if a == left {
		s.attach(s.b, d, l)
	} else {
		s.attach(s.stack[top-1], d, l)
	}
}

func (s *state) attach(h, d int32, l int) {
	s.heads[d] = h
	s.labels[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= bit
		switch {
		case s.lc1[h] < 0 || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] < 0 || d < s.lc2[h]:
			s.lc2[h] = d
		}
		return
	}
	if s.nr[h] < 255 {
		s.nr[h]++
	}
	s.rset[h] |= bit
	switch {
	case s.rc1[h] < 0 || d > s.rc1[h]:
		s.rc2[h], s.rc1[h] = s.rc1[h], d
	case s.rc2[h] < 0 || d > s.rc2[h]:
		s.rc2[h] = d
	}
}

// costs fills cost[a] for every legal action a with the number of gold
// arcs that applying it makes unreachable (Goldberg and Nivre 2013,
// arc-hybrid); gh holds the gold heads (n for the root). It returns the
// smallest cost among legal actions. The counts are exact for projective
// gold trees. Relations are left to the second step.
func (s *state) costs(gh []int32, cost *[nActions]int) int {
	depth := len(s.stack)
	var s0, s1 int32 = -1, -1
	if depth > 0 {
		s0 = s.stack[depth-1]
	}
	if depth > 1 {
		s1 = s.stack[depth-2]
	}
	b := s.b
	// Dependents of s0 still in the buffer are lost by either reduction.
	var s0deps int
	if s0 >= 0 {
		for j := b; j < s.n; j++ {
			if gh[j] == s0 {
				s0deps++
			}
		}
	}
	*cost = [nActions]int{}
	if s0 >= 0 {
		cost[left] = s0deps
		if h := gh[s0]; h != b && (h == s1 || h > b) {
			cost[left]++
		}
		cost[right] = s0deps
		if gh[s0] >= b {
			cost[right]++
		}
	}
	if b < s.n {
		for i, k := range s.stack {
			if gh[b] == k && i != depth-1 {
				cost[shift]++
			}
			if gh[k] == b {
				cost[shift]++
			}
		}
	}
	best := -1
	for a := range nActions {
		if s.legal(a) && (best < 0 || cost[a] < best) {
			best = cost[a]
		}
	}
	return best
}

func grow(x []string, n int) []string {
	if cap(x) < n {
		return make([]string, n, n+n/2)
	}
	return x[:n]
}
