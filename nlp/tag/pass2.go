package tag

// The second pass re-tags a sentence left to right seeing, besides
// everything the first pass sees, the first pass's tags of the words to the
// right: a greedy left-to-right tagger must choose "reaffirmed" before it
// knows that a noun phrase follows, the second pass need not. Its features
// share the model's weight table under template ids of their own.

// Second-pass templates, beyond the first pass's (each of which the second
// pass also uses, with ids shifted by pass2Shift).
const (
	pass2Shift = 64
	tN1        = 2*pass2Shift + iota
	tN2
	tN1N2
	tPrevN1
	tCur1
	tCur1N1
	tLowerN1
	tSuf3N1
	tCur1Prev
	tPrevCur1N1
	tN1LowerP1
	tAmbCurN1
	nTemplates2
)

// maxFeatures2 is the number of second-pass features of one token.
const maxFeatures2 = maxFeatures + nTemplates2 - 2*pass2Shift

// extract2 writes the second-pass features of word i into f, given the
// second pass's classes of the words before i and the first pass's classes
// first of every word, and returns how many it wrote.
func extract2(info []wordInfo, i int, pred, first []int, f *[maxFeatures2]uint64, fs featureSet) int {
	var base [maxFeatures]uint64
	k := copy(f[:], base[:extractShift(info, i, pred, &base, pass2Shift, fs)])
	n := len(info)
	n1, n2 := uint64(padEnd), uint64(padEnd2)
	lp1 := uint64(padEnd)
	if i+1 < n {
		n1 = uint64(first[i+1])
		lp1 = info[i+1].lower
	}
	if i+2 < n {
		n2 = uint64(first[i+2])
	}
	p1 := uint64(padStart)
	if i >= 1 {
		p1 = uint64(pred[i-1])
	}
	c1 := uint64(first[i])
	cur := &info[i]
	put := func(t int, a, b uint64) {
		f[k] = mix(mix(uint64(t), a), b)
		k++
	}
	put(tN1, n1, 0)
	put(tN2, n2, 0)
	put(tN1N2, n1, n2)
	put(tPrevN1, p1, n1)
	put(tCur1, c1, 0)
	put(tCur1N1, c1, n1)
	put(tLowerN1, cur.lower, n1)
	put(tSuf3N1, cur.suf3, n1)
	put(tCur1Prev, c1, p1)
	put(tPrevCur1N1, mix(p1, c1), n1)
	put(tN1LowerP1, n1, lp1)
	put(tAmbCurN1, cur.amb, n1)
	return k
}
