package tag

import "github.com/kgraph/kgraph/nlp/cluster"

// Features are 64-bit hashes of (template, values) so that neither training
// nor tagging builds strings: each word's string-derived values are hashed
// once per sentence, and a feature key is a cheap integer mix of those.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Feature templates. The numbers are part of the model format: renumbering
// one invalidates every saved model.
const (
	tBias = iota + 1
	tLower
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tPrev
	tPrev2
	tPrevPrev2
	tPrevLower
	tLowerM1
	tSuf3M1
	tLowerM2
	tLowerP1
	tSuf3P1
	tLowerP2
	tLexP1
	tLexP2
	tPrevLexP1
	tLowerM1Lower
	tLowerLowerP1
	tFirstShape
	tLexCur
	tLexP1LexP2
	tShapeP1
	tPrevSuf3
	tLexLower
	tUnknownShape
	tAmbCur
	tAmbP1
	tAmbP2
	tPrevAmbP1
	tAmbCurAmbP1
	tLexFreq
	// Word-class templates (Config.Classes): the class, learnt from
	// unlabelled text, of the word and its neighbours.
	tClsCur
	tClsM1
	tClsP1
	tClsP2
	tPrevClsCur
	tClsCurClsP1
	tClsM1ClsCur
	tClsUnknown
	nTemplates
)

// maxFeatures is the most features of one token; extract fills this many
// (fewer without lexicon frequencies or word classes), so the array needs no
// allocation.
const maxFeatures = nTemplates - 1

// featureSet says which optional templates a model uses.
type featureSet uint8

const (
	withLexFreq featureSet = 1 << iota // tLexFreq
	withClasses                        // tClsCur and the other word-class templates
)

// mix folds v into h; the multiply-xorshift is the finaliser of
// SplitMix64, enough to spread small integers such as tag ids over 64 bits.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// hashLower hashes s with ASCII letters folded to lower case. Only ASCII is
// folded because the same function runs at training and tagging time, so the
// choice only has to be consistent, and it keeps the hot path free of
// allocation.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashBytes(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashShape hashes the word's shape: upper letters become X, lower x,
// digits d, other bytes themselves, and runs collapse to one symbol, so
// "McDonald's" and "Xx" style classes stay few. Non-ASCII bytes all map to
// one symbol.
func hashShape(s string) uint64 {
	h := uint64(fnvOffset)
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c = 'X'
		case 'a' <= c && c <= 'z':
			c = 'x'
		case '0' <= c && c <= '9':
			c = 'd'
		case c >= 0x80:
			c = 'u'
		}
		if c == last {
			continue
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// wordInfo holds the per-word hashes every template draws on.
type wordInfo struct {
	lower, form, shape   uint64
	suf1, suf2, suf3, s4 uint64
	pre1, pre2, pre3     uint64
	lex                  uint64 // most frequent class in training, or lexUnknown
	lexLower             uint64 // the same for the case-folded word
	amb                  uint64 // ambiguity class, or ambUnknown
	freq                 uint64 // frequency bucket of the word in training, 0 if unknown
	unknown              bool   // not in the lexicon
	sure                 bool   // tagged lex by lookup, not scored
	title                uint64 // 1 if the first byte is an upper-case letter
	cls                  uint64 // word class (Config.Classes), or noClass
}

// noClass is the word class of a word the class map does not hold, or of
// every word when the model has no class map.
const noClass = 1 << 17

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// hashAffix hashes a prefix or suffix of s case-folded; the template id mixed
// in by extract keeps it apart from the whole-word feature of the same bytes.
func hashAffix(s string, n int, isPrefix bool) uint64 {
	var a string
	if isPrefix {
		a = prefix(s, n)
	} else {
		a = suffix(s, n)
	}
	return hashLower(a)
}

// fillInfo computes per-word hashes for a sentence into info, which must have
// len(words) entries; norm is scratch space for looking up word classes,
// kept by the caller so that tagging allocates nothing.
func (m *model) fillInfo(words []string, info []wordInfo, norm *[]byte) {
	for i, w := range words {
		wi := &info[i]
		wi.lex, wi.amb, wi.sure, wi.unknown, wi.freq = lexUnknown, ambUnknown, false, true, 0
		if e, ok := m.lex[w]; ok {
			wi.lex = uint64(e.cls &^ lexSure)
			wi.amb = e.amb
			wi.freq = uint64(e.freq)
			wi.sure = e.cls&lexSure != 0
			wi.unknown = false
		}
		// What the neighbours' templates read.
		wi.lower = hashLower(w)
		wi.shape = hashShape(w)
		wi.suf3 = hashAffix(w, 3, false)
		wi.cls = noClass
		if m.wordClasses != nil {
			*norm = cluster.AppendNorm((*norm)[:0], w)
			if c, ok := m.wordClasses.ClassOfNorm(*norm); ok {
				wi.cls = uint64(c)
			}
		}
		if wi.sure {
			// A sure word is tagged from the lexicon, never scored, so
			// the templates of the word itself are never read: skip
			// their hashes and a map lookup (a sure word is a third of
			// running text).
			wi.form, wi.suf1, wi.suf2, wi.s4, wi.pre1, wi.pre2, wi.pre3 = 0, 0, 0, 0, 0, 0, 0
			wi.title, wi.lexLower = 0, lexUnknown
			continue
		}
		wi.form = hashBytes(w)
		wi.suf1 = hashAffix(w, 1, false)
		wi.suf2 = hashAffix(w, 2, false)
		wi.s4 = hashAffix(w, 4, false)
		wi.pre1 = hashAffix(w, 1, true)
		wi.pre2 = hashAffix(w, 2, true)
		wi.pre3 = hashAffix(w, 3, true)
		wi.title = 0
		if w != "" && 'A' <= w[0] && w[0] <= 'Z' {
			wi.title = 1
		}
		wi.lexLower = lexUnknown
		if v, ok := m.lexLower[wi.lower]; ok {
			wi.lexLower = uint64(v)
		}
	}
}

// maxFreqBucket is the highest value of freqBucket.
const maxFreqBucket = 5

// freqBucket buckets how often a word occurs in training: 1, 2, 3-4, 5-9,
// 10 or more.
func freqBucket(n int) uint8 {
	switch {
	case n <= 0:
		return 0
	case n == 1:
		return 1
	case n == 2:
		return 2
	case n <= 4:
		return 3
	case n <= 9:
		return 4
	}
	return maxFreqBucket
}

// ambUnknown is the ambiguity class of words not in the lexicon.
const ambUnknown = 1

// ambiguity hashes the set of classes holding at least a tenth of the counts
// c, after taking away one occurrence of class minus (-1: none).
func ambiguity(c []int, minus int) uint64 {
	total := 0
	for i, n := range c {
		if i == minus {
			n--
		}
		total += n
	}
	if total <= 0 {
		return ambUnknown
	}
	h := uint64(fnvOffset)
	for i, n := range c {
		if i == minus {
			n--
		}
		if n > 0 && 10*n >= total {
			h = mix(h, uint64(i))
		}
	}
	return h
}

// Padding values for positions outside the sentence. They are distinct from
// every class id and from every string hash in practice.
const (
	padStart = 1<<16 + iota
	padStart2
	padEnd
	padEnd2
)

// extract writes the feature keys of word i into f, given the classes already
// predicted for words before i (greedy left-to-right decoding).
// It returns how many it wrote: tLexFreq and the word-class templates are
// only used by models trained with them (fs).
func extract(info []wordInfo, i int, pred []int, f *[maxFeatures]uint64, fs featureSet) int {
	return extractShift(info, i, pred, f, 0, fs)
}

// extractShift is extract with shift added to every template id, so that the
// second pass (pass2.go) keeps weights of its own for the same features.
func extractShift(info []wordInfo, i int, pred []int, f *[maxFeatures]uint64, shift int, fs featureSet) int {
	n := len(info)
	cur := &info[i]
	p1, p2 := uint64(padStart), uint64(padStart2)
	lm1, lm2 := uint64(padStart), uint64(padStart2)
	sm1 := uint64(padStart)
	if i >= 1 {
		p1 = uint64(pred[i-1])
		lm1 = info[i-1].lower
		sm1 = info[i-1].suf3
	}
	if i >= 2 {
		p2 = uint64(pred[i-2])
		lm2 = info[i-2].lower
	}
	lp1, lp2 := uint64(padEnd), uint64(padEnd2)
	sp1, xp1, xp2 := uint64(padEnd), uint64(padEnd), uint64(padEnd2)
	shp1 := uint64(padEnd)
	if i+1 < n {
		lp1 = info[i+1].lower
		sp1 = info[i+1].suf3
		xp1 = info[i+1].lex
		shp1 = info[i+1].shape
	}
	if i+2 < n {
		lp2 = info[i+2].lower
		xp2 = info[i+2].lex
	}
	ap1, ap2 := uint64(padEnd), uint64(padEnd2)
	if i+1 < n {
		ap1 = info[i+1].amb
	}
	if i+2 < n {
		ap2 = info[i+2].amb
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	k := 0
	put := func(t int, a, b uint64) {
		f[k] = mix(mix(uint64(t+shift), a), b)
		k++
	}
	put(tBias, 0, 0)
	put(tLower, cur.lower, 0)
	put(tForm, cur.form, 0)
	put(tSuf1, cur.suf1, 0)
	put(tSuf2, cur.suf2, 0)
	put(tSuf3, cur.suf3, 0)
	put(tSuf4, cur.s4, 0)
	put(tPre1, cur.pre1, 0)
	put(tPre2, cur.pre2, 0)
	put(tPre3, cur.pre3, 0)
	put(tShape, cur.shape, 0)
	put(tPrev, p1, 0)
	put(tPrev2, p2, 0)
	put(tPrevPrev2, p1, p2)
	put(tPrevLower, p1, cur.lower)
	put(tLowerM1, lm1, 0)
	put(tSuf3M1, sm1, 0)
	put(tLowerM2, lm2, 0)
	put(tLowerP1, lp1, 0)
	put(tSuf3P1, sp1, 0)
	put(tLowerP2, lp2, 0)
	put(tLexP1, xp1, 0)
	put(tLexP2, xp2, 0)
	put(tPrevLexP1, p1, xp1)
	put(tLowerM1Lower, lm1, cur.lower)
	put(tLowerLowerP1, cur.lower, lp1)
	put(tFirstShape, first, cur.shape)
	put(tLexCur, cur.lex, 0)
	put(tLexP1LexP2, xp1, xp2)
	put(tShapeP1, cur.shape, shp1)
	put(tPrevSuf3, p1, cur.suf3)
	put(tLexLower, cur.lexLower, cur.title)
	u := uint64(0)
	if cur.unknown {
		u = 1
	}
	put(tUnknownShape, u, cur.shape)
	put(tAmbCur, cur.amb, 0)
	put(tAmbP1, ap1, 0)
	put(tAmbP2, ap2, 0)
	put(tPrevAmbP1, p1, ap1)
	put(tAmbCurAmbP1, cur.amb, ap1)
	if fs&withLexFreq != 0 {
		put(tLexFreq, cur.lex, cur.freq)
	}
	if fs&withClasses != 0 {
		cm1, cp1, cp2 := uint64(padStart), uint64(padEnd), uint64(padEnd2)
		if i >= 1 {
			cm1 = info[i-1].cls
		}
		if i+1 < n {
			cp1 = info[i+1].cls
		}
		if i+2 < n {
			cp2 = info[i+2].cls
		}
		put(tClsCur, cur.cls, 0)
		put(tClsM1, cm1, 0)
		put(tClsP1, cp1, 0)
		put(tClsP2, cp2, 0)
		put(tPrevClsCur, p1, cur.cls)
		put(tClsCurClsP1, cur.cls, cp1)
		put(tClsM1ClsCur, cm1, cur.cls)
		put(tClsUnknown, cur.cls, u)
	}
	return k
}
