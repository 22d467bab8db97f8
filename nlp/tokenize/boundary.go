package tokenize

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/data"
)

// ErrModel is wrapped by every error about a malformed boundary model.
var ErrModel = errors.New("tokenize: malformed boundary model")

// model scores a candidate sentence end: the sum of the weights of its
// features, positive meaning "a sentence ends here". Features are 64-bit
// hashes of a template number and its values, so scoring allocates nothing.
type model struct {
	w map[uint64]float32
}

var (
	loadOnce   sync.Once
	embedded   *model
	errLoading error
)

// boundaryModel returns the embedded model, or nil when none is embedded (or
// it cannot be read), in which case the splitter uses punctuation rules.
func boundaryModel() *model {
	loadOnce.Do(func() {
		embedded, errLoading = decodeModel(data.TokenizeModel)
	})
	return embedded
}

// ModelErr reports why the embedded boundary model could not be loaded, if
// it could not; Split then falls back to rules.
func ModelErr() error {
	boundaryModel()
	return errLoading
}

const modelMagic = "kgtokb1\n"

// decodeModel reads the gzipped model format: a magic line, a count, then
// (hash uint64, weight float32) pairs in little-endian order. Empty input is
// "no model".
func decodeModel(b []byte) (*model, error) {
	if len(b) == 0 {
		return nil, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("open boundary model: %w: %w", ErrModel, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read boundary model: %w: %w", ErrModel, err)
	}
	if len(raw) == 0 {
		return nil, nil
	}
	if len(raw) < len(modelMagic)+4 || string(raw[:len(modelMagic)]) != modelMagic {
		return nil, fmt.Errorf("read boundary model header: %w", ErrModel)
	}
	raw = raw[len(modelMagic):]
	n := int(binary.LittleEndian.Uint32(raw))
	raw = raw[4:]
	if len(raw) != n*12 {
		return nil, fmt.Errorf("read boundary model: %w: %d bytes for %d weights", ErrModel, len(raw), n)
	}
	m := &model{w: make(map[uint64]float32, n)}
	for i := 0; i < n; i++ {
		h := binary.LittleEndian.Uint64(raw[i*12:])
		m.w[h] = math.Float32frombits(binary.LittleEndian.Uint32(raw[i*12+8:]))
	}
	return m, nil
}

// encodeModel writes w in the format decodeModel reads, sorted by hash so
// that the same weights always give the same bytes.
func encodeModel(w map[uint64]float32) ([]byte, error) {
	keys := make([]uint64, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	raw := make([]byte, 0, len(modelMagic)+4+12*len(keys))
	raw = append(raw, modelMagic...)
	raw = binary.LittleEndian.AppendUint32(raw, uint32(len(keys)))
	for _, k := range keys {
		raw = binary.LittleEndian.AppendUint64(raw, k)
		raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(w[k]))
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("compress boundary model: %w", err)
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, fmt.Errorf("compress boundary model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress boundary model: %w", err)
	}
	return buf.Bytes(), nil
}

func (m *model) score(f *featVec) float32 {
	var s float32
	for _, h := range f {
		s += m.w[h]
	}
	return s
}

// boundaries returns the index of the last surface token of every sentence.
func (sc *scanner) boundaries(m *model) []int {
	ends := make([]int, 0, len(sc.surf)/16+1)
	var st splitState
	var f featVec
	var hs []tokHash
	if m != nil {
		hs = sc.hashes()
	}
	for i := range sc.surf {
		t := &sc.surf[i]
		st.observe(sc.text[t.start:t.end])
		end := t.brk >= brkLine
		if !end && t.brk == brkSpace {
			if m != nil {
				sc.features(i, &st, hs, &f)
				end = m.score(&f) > 0
			} else {
				end = sc.ruleEnd(i)
			}
		}
		if end {
			ends = append(ends, i)
			st = splitState{}
		}
	}
	return ends
}

// splitState is what the features know of the sentence so far.
type splitState struct {
	n     int // tokens so far
	depth int // unclosed ( and [
}

func (st *splitState) observe(w string) {
	st.n++
	switch w {
	case "(", "[":
		st.depth++
	case ")", "]":
		if st.depth > 0 {
			st.depth--
		}
	}
}

// ruleEnd is the fallback without a model: a sentence ends after . ! ? (or
// an abbreviation-free word with a final period) when the next word does not
// start in lower case.
func (sc *scanner) ruleEnd(i int) bool {
	if i+1 >= len(sc.surf) {
		return true
	}
	w := sc.text[sc.surf[i].start:sc.surf[i].end]
	last := w[len(w)-1]
	if last != '.' && last != '!' && last != '?' {
		return false
	}
	if len(w) > 1 && last == '.' && w[len(w)-2] != '.' {
		return false // "U.S.", "Dr.": an abbreviation kept its period
	}
	r, _ := utf8.DecodeRuneInString(sc.text[sc.surf[i+1].start:])
	return !unicode.IsLower(r)
}

// Feature templates. Each feature hashes its template number first, so the
// same word in two templates gives two features.
const (
	fBias = iota
	fW0
	fW1
	fW0W1
	fWm1W0
	fS0S1
	fW0S1
	fS0W1
	fSm1S0S1
	fS1S2
	fW1S2
	fDepthS0
	fBrk1S1
	fS0Len
	fW2
	fFinal
	nFeat
)

type featVec [nFeat]uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hbyte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

// hword hashes w lower-cased (ASCII only, which keeps it allocation-free),
// then a separator.
func hword(h uint64, w string) uint64 {
	if len(w) > 24 {
		w = w[:24]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return hbyte(h, 0xff)
}

// hshape hashes the shape of w: X for an upper-case letter, x lower, d digit,
// ASCII punctuation as itself, o for anything else, with repeats collapsed
// and at most six classes, then a separator. "U.S." is "X.X.", "Blinken" is
// "Xx", "2024" is "d".
func hshape(h uint64, w string) uint64 {
	var prev byte
	n := 0
	for i := 0; i < len(w) && n < 6; {
		var c byte
		r, size := decode(w, i)
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = 'o'
		}
		i += size
		if c == prev {
			continue
		}
		prev = c
		h = hbyte(h, c)
		n++
	}
	return hbyte(h, 0xff)
}

func lenBucket(n int) byte {
	switch {
	case n <= 3:
		return byte(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	}
	return 9
}

// tokHash is a token's word and shape, hashed once and shared by every
// feature that looks at the token.
type tokHash struct{ word, shape uint64 }

var edgeHash = tokHash{hword(fnvOffset, "\x00"), hshape(fnvOffset, "\x00")}

func (sc *scanner) hashes() []tokHash {
	hs := make([]tokHash, len(sc.surf))
	for i := range sc.surf {
		w := sc.text[sc.surf[i].start:sc.surf[i].end]
		hs[i] = tokHash{hword(fnvOffset, w), hshape(fnvOffset, w)}
	}
	return hs
}

// mix folds the value x into the hash h.
func mix(h, x uint64) uint64 {
	h ^= x
	h *= 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// features fills f for a sentence end after surface token i; hs are the
// token hashes from sc.hashes.
func (sc *scanner) features(i int, st *splitState, hs []tokHash, f *featVec) {
	get := func(k int) tokHash {
		if k < 0 || k >= len(hs) {
			return edgeHash
		}
		return hs[k]
	}
	h0, h1 := get(i), get(i+1)
	hm1, h2 := edgeHash, edgeHash
	wm1 := ""
	if st.n > 1 {
		hm1 = get(i - 1)
		wm1 = sc.text[sc.surf[i-1].start:sc.surf[i-1].end]
	}
	if i+1 < len(sc.surf) && sc.surf[i+1].brk < brkLine {
		h2 = get(i + 2)
	}
	var brk1 uint64 = uint64(brkPar)
	if i+1 < len(sc.surf) {
		brk1 = uint64(sc.surf[i+1].brk)
	}
	w0 := sc.text[sc.surf[i].start:sc.surf[i].end]
	t := func(id int) uint64 { return mix(fnvOffset, uint64(id)) }
	f[fBias] = t(fBias)
	f[fW0] = mix(t(fW0), h0.word)
	f[fW1] = mix(t(fW1), h1.word)
	f[fW0W1] = mix(mix(t(fW0W1), h0.word), h1.word)
	f[fWm1W0] = mix(mix(t(fWm1W0), hm1.word), h0.word)
	f[fS0S1] = mix(mix(t(fS0S1), h0.shape), h1.shape)
	f[fW0S1] = mix(mix(t(fW0S1), h0.word), h1.shape)
	f[fS0W1] = mix(mix(t(fS0W1), h0.shape), h1.word)
	f[fSm1S0S1] = mix(mix(mix(t(fSm1S0S1), hm1.shape), h0.shape), h1.shape)
	f[fS1S2] = mix(mix(t(fS1S2), h1.shape), h2.shape)
	f[fW1S2] = mix(mix(t(fW1S2), h1.word), h2.shape)
	var deep uint64
	if st.depth > 0 {
		deep = 1
	}
	f[fDepthS0] = mix(mix(t(fDepthS0), deep), h0.shape)
	f[fBrk1S1] = mix(mix(t(fBrk1S1), brk1), h1.shape)
	f[fS0Len] = mix(mix(t(fS0Len), h0.shape), uint64(lenBucket(len(w0))))
	f[fW2] = mix(t(fW2), h2.word)
	f[fFinal] = finalFeature(wm1, w0)
}

// finalFeature says whether w0 is sentence-final punctuation (possibly
// closed by a quote or bracket). Training lowers the weight of "no" by a
// margin, trading the recall of unpunctuated sentence ends, common in web
// text, for precision on edited text.
func finalFeature(wm1, w0 string) uint64 {
	var fin byte
	if endsFinal(w0) || isCloser(w0) && endsFinal(wm1) {
		fin = 1
	}
	return mix(mix(fnvOffset, fFinal), uint64(fin))
}

func endsFinal(w string) bool {
	if w == "" {
		return false
	}
	c := w[len(w)-1]
	return c == '.' || c == '!' || c == '?'
}

func isCloser(w string) bool {
	switch w {
	case ")", "]", "\"", "'", "”", "’", "''":
		return true
	}
	return false
}
