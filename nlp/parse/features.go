package parse

import "github.com/kgraph/kgraph/nlp/cluster"

// Reserved codes of the word and tag encodings; real entries start at firstID.
const (
	absent  = 0 // no item at that position (empty stack, no child)
	unknown = 1 // a word or tag not in the model's vocabulary
	rootID  = 2 // the artificial root
	firstID = 3
)

// encoder maps words and tags to small integers, so that features are built
// by arithmetic on integers rather than by concatenating strings.
type encoder struct {
	words map[string]uint32 // normalized form
	xpos  map[string]uint32
	upos  map[string]uint32
	// classes holds the word class (package nlp/cluster) of each normalized
	// word, offset by firstID; nil for a model trained without classes.
	classes map[string]uint32
	// super maps supertags (see Supertag) to ids; nil for a model
	// trained without them.
	super map[string]uint32
	// vocab holds, for every normalized word in words or classes, both
	// of its ids, so that encoding a word costs one lookup in one map
	// rather than one in each: string map lookups, mostly cache misses
	// on the key bytes, were a tenth of parsing. Built by index.
	vocab map[string]wordIDs
}

// wordIDs are the ids of a normalized word: in encoder.words and
// encoder.classes, unknown where it has none.
type wordIDs struct{ word, class uint32 }

// index builds e.vocab from e.words and e.classes; call it once both are
// set, before encoding.
func (e *encoder) index() {
	e.vocab = make(map[string]wordIDs, max(len(e.words), len(e.classes)))
	for w, id := range e.words {
		e.vocab[w] = wordIDs{word: id, class: unknown}
	}
	for w, c := range e.classes {
		ids, ok := e.vocab[w]
		if !ok {
			ids.word = unknown
		}
		ids.class = c
		e.vocab[w] = ids
	}
}

func (e *encoder) encode(s *state, words, upos, xpos, super []string) {
	n := len(words)
	for i, w := range words {
		if e.super != nil {
			s.t[i] = unknown
			if i < len(super) {
				if id, ok := e.super[super[i]]; ok {
					s.t[i] = id
				}
			}
		}
		s.lower = cluster.AppendNorm(s.lower[:0], w)
		s.w[i], s.c[i] = unknown, unknown
		if ids, ok := e.vocab[string(s.lower)]; ok { // no allocation: map index by converted bytes
			s.w[i], s.c[i] = ids.word, ids.class
		}
		s.suf[i] = suffix(s.lower)
		if s.pairs != nil {
			s.hw[i] = hashWord(s.lower)
		}
		s.p[i], s.u[i] = unknown, unknown
		if i < len(upos) {
			if id, ok := e.upos[upos[i]]; ok {
				s.p[i] = id
			}
		}
		if i < len(xpos) {
			if id, ok := e.xpos[xpos[i]]; ok {
				s.u[i] = id
			}
		}
	}
	s.w[n], s.p[n], s.u[n], s.suf[n], s.c[n], s.t[n] = rootID, rootID, rootID, rootID, rootID, rootID
	s.preV[0], s.preC[0], s.preQ[0] = 0, 0, 0
	for i, w := range words {
		var v, c, q int32
		if i < len(upos) && (upos[i] == "VERB" || upos[i] == "AUX") {
			v = 1
		}
		switch w {
		case ",":
			c = 1
		case ";", ":", "-", "--", "—", "–":
			q = 1
		}
		s.preV[i+1], s.preC[i+1], s.preQ[i+1] = s.preV[i]+v, s.preC[i]+c, s.preQ[i]+q
	}
	next := int32(n)
	for i := n; i >= 0; i-- {
		s.nextV[i] = next
		if i > 0 && s.preV[i] > s.preV[i-1] {
			next = int32(i - 1)
		}
	}
}

// suffix packs the last three bytes of a normalized word and its length
// (up to 3) into one integer: a cheap stand-in for the word when the word is
// rare or unknown.
func suffix(b []byte) uint32 {
	var v uint32
	k := max(0, len(b)-3)
	for _, c := range b[k:] {
		v = v<<8 | uint32(c)
	}
	return v<<2 | uint32(len(b)-k)
}

func normWord(w string) string { return cluster.Norm(w) }

// mix64 is the splitmix64 finaliser: a cheap bijection that spreads packed
// feature values over all 64 bits.
func mix64(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}

// fkey hashes template t with its packed values a (up to 56 bits) and b.
// Keys keep 32 bits: the few million features of a model then collide only a
// few thousand times, harmlessly, and the stored model is half the size.
// Zero marks an empty slot in the weight table, so keys are never zero.
func fkey(t, a, b uint64) uint64 {
	k := mix64(t<<56^a^b*0x9E3779B97F4A7C15) >> 32
	if k == 0 {
		k = 1
	}
	return k
}

func distBucket(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 11:
		return 6
	}
	return 7
}

func capv(v uint8) uint64 {
	if v > 7 {
		return 7
	}
	return uint64(v)
}

// features fills s.feats with the feature keys of the current configuration.
// Positions: s0..s2 on the stack, n0..n2 in the buffer (n0 may be the root),
// the leftmost/rightmost children (l, r) and second ones (l2, r2) of s0 and
// s1, and the leftmost children of n0 (n0 has no right children yet).
func (s *state) features() {
	f := s.feats[:0]
	depth := len(s.stack)
	var s0, s1, s2 int32 = -1, -1, -1
	if depth > 0 {
		s0 = s.stack[depth-1]
	}
	if depth > 1 {
		s1 = s.stack[depth-2]
	}
	if depth > 2 {
		s2 = s.stack[depth-3]
	}
	n0 := s.b
	var n1, n2 int32 = -1, -1
	if n0+1 <= s.n {
		n1 = n0 + 1
	}
	if n0+2 <= s.n {
		n2 = n0 + 2
	}
	W := func(i int32) uint64 {
		if i < 0 {
			return absent
		}
		return uint64(s.w[i])
	}
	P := func(i int32) uint64 {
		if i < 0 {
			return absent
		}
		return uint64(s.p[i])
	}
	U := func(i int32) uint64 {
		if i < 0 {
			return absent
		}
		return uint64(s.u[i])
	}
	C := func(i int32) uint64 {
		if i < 0 {
			return absent
		}
		return uint64(s.c[i])
	}
	L := func(i int32) uint64 { // relation of an attached child, +1 so 0 means none
		if i < 0 {
			return 0
		}
		return uint64(s.labels[i]) + 1
	}
	child := func(x []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return x[i]
	}
	s0l, s0l2 := child(s.lc1, s0), child(s.lc2, s0)
	s0r, s0r2 := child(s.rc1, s0), child(s.rc2, s0)
	s1l, s1r, s1r2 := child(s.lc1, s1), child(s.rc1, s1), child(s.rc2, s1)
	n0l, n0l2 := s.lc1[n0], s.lc2[n0]

	s0w, s0p, s0u := W(s0), P(s0), U(s0)
	s1w, s1p, s1u := W(s1), P(s1), U(s1)
	s2w, s2p := W(s2), P(s2)
	n0w, n0p, n0u := W(n0), P(n0), U(n0)
	n1w, n1p, n1u := W(n1), P(n1), U(n1)
	n2w, n2p := W(n2), P(n2)
	var s0x, n0x, n1x, s1x uint64 // suffixes
	if s0 >= 0 {
		s0x = uint64(s.suf[s0])
	}
	if s1 >= 0 {
		s1x = uint64(s.suf[s1])
	}
	n0x = uint64(s.suf[n0])
	if n1 >= 0 {
		n1x = uint64(s.suf[n1])
	}
	s0wp, s1wp, n0wp, n1wp, n2wp := s0w<<8|s0p, s1w<<8|s1p, n0w<<8|n0p, n1w<<8|n1p, n2w<<8|n2p

	var d01, d10 uint64 = 15, 15 // s0–n0 and s1–s0 distances; 15 when undefined
	if s0 >= 0 {
		d01 = distBucket(s0, n0)
		if n0 == s.n {
			d01 = 8
		}
	}
	if s1 >= 0 {
		d10 = distBucket(s1, s0)
	}
	var s0vl, s0vr, s1vl, s1vr, s0sl, s0sr, s1sr uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = capv(s.nl[s0]), capv(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if s1 >= 0 {
		s1vl, s1vr, s1sr = capv(s.nl[s1]), capv(s.nr[s1]), s.rset[s1]
	}
	n0vl, n0sl := capv(s.nl[n0]), s.lset[n0]

	t := uint64(0)
	add := func(a, b uint64) {
		t++
		f = append(f, fkey(t, a, b))
	}
	add(0, 0) // bias
	// Single items.
	add(s0w, 0)
	add(s0p, 0)
	add(s0wp, 0)
	add(s0u, 0)
	add(n0w, 0)
	add(n0p, 0)
	add(n0wp, 0)
	add(n0u, 0)
	add(n1w, 0)
	add(n1p, 0)
	add(n1wp, 0)
	add(n1u, 0)
	add(n2w, 0)
	add(n2p, 0)
	add(n2wp, 0)
	add(s1w, 0)
	add(s1p, 0)
	add(s1wp, 0)
	add(s1u, 0)
	add(s2p, 0)
	add(s2w<<8|s2p, 0)
	// Pairs: s0 with n0 (LEFT) and s1 with s0 (RIGHT) are the two arcs in play.
	add(s0wp, n0wp)
	add(s0wp, n0w)
	add(s0w, n0wp)
	add(s0wp, n0p)
	add(s0p, n0wp)
	add(s0w, n0w)
	add(s0p<<8|n0p, 0)
	add(s0u<<8|n0u, 0)
	add(s1wp, s0wp)
	add(s1wp, s0w)
	add(s1w, s0wp)
	add(s1wp, s0p)
	add(s1p, s0wp)
	add(s1w, s0w)
	add(s1p<<8|s0p, 0)
	add(s1u<<8|s0u, 0)
	add(s1w, n0w)
	add(s1p<<8|n0p, 0)
	add(n0p<<8|n1p, 0)
	add(n0w, n1w)
	add(n0wp, n1p)
	add(n0p, n1wp)
	add(n0u<<8|n1u, 0)
	// Triples.
	add(n0p<<16|n1p<<8|n2p, 0)
	add(s0p<<16|n0p<<8|n1p, 0)
	add(s1p<<16|s0p<<8|n0p, 0)
	add(s2p<<16|s1p<<8|s0p, 0)
	add(s1u<<16|s0u<<8|n0u, 0)
	add(s0p<<16|P(s0l)<<8|n0p, 0)
	add(s0p<<16|P(s0r)<<8|n0p, 0)
	add(s0p<<16|n0p<<8|P(n0l), 0)
	add(s1p<<16|P(s1r)<<8|s0p, 0)
	add(s1p<<16|s0p<<8|P(s0l), 0)
	add(s1p<<16|s0p<<8|P(s0r), 0)
	add(s0w<<16|s0p<<8|n0p, n0w)
	add(s1w<<16|s1p<<8|s0p, s0w)
	// Distance.
	add(s0w, d01)
	add(s0p, d01)
	add(n0w, d01)
	add(n0p, d01)
	add(s0w<<24|n0w, d01)
	add(s0p<<8|n0p, d01)
	add(s1w, d10)
	add(s1p, d10)
	add(s0w, d10|16)
	add(s0p, d10|16)
	add(s1w<<24|s0w, d10)
	add(s1p<<8|s0p, d10)
	// Valency.
	add(s0w, s0vr)
	add(s0p, s0vr)
	add(s0w, s0vl|16)
	add(s0p, s0vl|16)
	add(n0w, n0vl)
	add(n0p, n0vl)
	add(s1w, s1vr)
	add(s1p, s1vr)
	add(s1p, s1vl|16)
	// Children.
	add(W(s0l), 0)
	add(P(s0l), 0)
	add(L(s0l), 0)
	add(W(s0r), 0)
	add(P(s0r), 0)
	add(L(s0r), 0)
	add(W(n0l), 0)
	add(P(n0l), 0)
	add(L(n0l), 0)
	add(W(s1r), 0)
	add(P(s1r), 0)
	add(L(s1r), 0)
	add(P(s1l), 0)
	add(L(s1l), 0)
	add(W(s0l2), 0)
	add(P(s0l2), 0)
	add(L(s0l2), 0)
	add(W(s0r2), 0)
	add(P(s0r2), 0)
	add(L(s0r2), 0)
	add(W(n0l2), 0)
	add(P(n0l2), 0)
	add(L(n0l2), 0)
	add(s0p<<16|P(s0l)<<8|P(s0l2), 0)
	add(s0p<<16|P(s0r)<<8|P(s0r2), 0)
	add(n0p<<16|P(n0l)<<8|P(n0l2), 0)
	add(s1p<<16|P(s1r)<<8|P(s1r2), 0)
	add(s0p<<16|L(s0l)<<8|L(s0r), 0)
	add(s1p<<16|L(s1r)<<8|s0p, 0)
	add(s0wp, L(s0l)<<8|L(s0r))
	add(n0wp, L(n0l))
	// Label sets.
	add(s0w, s0sr)
	add(s0p, s0sr)
	add(s0w|1<<40, s0sl)
	add(s0p|1<<40, s0sl)
	add(n0w, n0sl)
	add(n0p, n0sl)
	add(s1p, s1sr)
	add(s1w, s1sr)
	// Suffixes, for words the vocabulary lacks.
	add(s0x, 0)
	add(n0x, 0)
	add(s1x, 0)
	add(n1x, 0)
	add(s0x<<8|s0p, n0p)
	add(n0x<<8|n0p, s0p)
	add(s1x<<8|s1p, s0p)
	add(s0x, n0x)
	add(s1x, s0x)
	if !s.ext {
		s.feats = f
		return
	}
	// What lies between s1, s0 and n0, and how far the next verb is.
	between := func(a, b int32) uint64 {
		if a < 0 || b <= a+1 {
			return 0
		}
		m := uint64(0)
		if v := s.preV[b] - s.preV[a+1]; v > 0 {
			m |= uint64(min(v, 2))
		}
		if s.preC[b]-s.preC[a+1] > 0 {
			m |= 4
		}
		if s.preQ[b]-s.preQ[a+1] > 0 {
			m |= 8
		}
		return m
	}
	b01, b10 := between(s0, n0), between(s1, s0)
	nv := uint64(15)
	if n0 < s.n {
		nv = distBucket(n0, s.nextV[n0])
		if s.nextV[n0] == s.n {
			nv = 8
		}
	}
	add(s0p<<8|n0p, b01)
	add(s0p<<8|n0p, b01<<4|d01)
	add(s1p<<8|s0p, b10)
	add(s1p<<8|s0p, b10<<4|d10)
	add(s0w, b01)
	add(n0w, b01)
	add(n0p, nv)
	add(s0p<<8|n0p, nv)
	add(n0wp, nv)
	// Word classes, for words rare in the treebank but common in text.
	s0c, n0c, n1c, s1c := C(s0), C(n0), C(n1), C(s1)
	add(s0c, 0)
	add(n0c, 0)
	add(n1c, 0)
	add(s1c, 0)
	add(s0c<<16|n0c, 0)
	add(s0c<<16|n0p, 0)
	add(s0p<<16|n0c, 0)
	add(s1c<<16|s0c, 0)
	add(s1c<<16|s0p, 0)
	add(s1p<<16|s0c, 0)
	add(n0c<<16|n1c, 0)
	add(n0c<<16|n1p, 0)
	add(s0c<<16|n0c, d01)
	add(s1c<<16|s0c, d10)
	add(C(s0l), 0)
	add(C(s0r), 0)
	add(C(n0l), 0)
	if s.super {
		// Supertags: each word's relation and the side its head is on, as
		// a tagger that sees the whole sentence guesses them, which tells
		// a greedy parser about the right context it has not built yet.
		T := func(i int32) uint64 {
			if i < 0 {
				return absent
			}
			return uint64(s.t[i])
		}
		s0t, n0t, n1t, s1t, n2t := T(s0), T(n0), T(n1), T(s1), T(n2)
		add(s0t, 0)
		add(n0t, 0)
		add(n1t, 0)
		add(s1t, 0)
		add(n2t, 0)
		add(s0t<<8|n0t, 0)
		add(s1t<<8|s0t, 0)
		add(n0t<<8|n1t, 0)
		add(s1t<<16|s0t<<8|n0t, 0)
		add(s0t<<16|n0t<<8|n1t, 0)
		add(s0w, s0t)
		add(n0w, n0t)
		add(s0p<<8|s0t, n0p<<8|n0t)
		add(s0t<<8|n0t, d01)
		add(s1t<<8|s0t, d10)
		add(s0t<<8|n0t, b01)
	}
	if s.pairs == nil {
		s.feats = f
		return
	}
	// How common, in parsed text, the word pairs of the arcs in play are:
	// n0 heading s0 (LEFT), s1 heading s0 (RIGHT), and s0 heading n0 (a
	// later RIGHT, which SHIFT keeps possible).
	A := func(h, d int32, right bool) uint64 {
		if h < 0 || d < 0 || h >= s.n || d >= s.n {
			return pairNone
		}
		return uint64(s.pairs.lookup(pairKey(s.hw[h], s.hw[d], right)))
	}
	aL, aR, aS := A(n0, s0, false), A(s1, s0, true), A(s0, n0, true)
	add(aL, 0)
	add(aL<<16|s0p<<8|n0p, 0)
	add(aL<<8|d01, 0)
	add(aR, 0)
	add(aR<<16|s1p<<8|s0p, 0)
	add(aR<<8|d10, 0)
	add(aS, 0)
	add(aS<<16|s0p<<8|n0p, 0)
	add(aL<<8|aR<<4|aS, 0)
	s.feats = f
}
