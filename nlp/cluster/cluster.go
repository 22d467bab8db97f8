// Package cluster learns word classes from unlabelled text: words that are
// followed by the same kinds of words land in the same class. The tagger and
// parser, trained on the 200,000 words of UD English EWT, meet many words
// that treebank never shows them; a word's class, learnt from millions of
// words of running text, tells them what such a word is like.
//
// The classes are those of the predictive class bigram model of Uszkoreit
// and Brants (2008), found by their exchange algorithm: every word starts in
// a class, then each word in turn moves to the class that most raises the
// likelihood of the text under P(w | v) = P(w | class(w)) · P(class(w) | v),
// until few words move. The result is deterministic for a given text and
// Config.
package cluster

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// ErrModel is wrapped by every error about a malformed class file.
var ErrModel = errors.New("cluster: bad model")

// Classes maps words to classes numbered from 0.
type Classes struct {
	k     int
	class map[string]uint16 // by Norm form
}

// K is the number of classes.
func (c *Classes) K() int { return c.k }

// Len is the number of words with a class.
func (c *Classes) Len() int { return len(c.class) }

// Class returns the class of word (looked up by its Norm form) and whether
// the word has one.
func (c *Classes) Class(word string) (int, bool) {
	var buf [64]byte
	id, ok := c.class[string(AppendNorm(buf[:0], word))]
	return int(id), ok
}

// All yields every word (in its Norm form) with its class, in no
// particular order.
func (c *Classes) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for w, k := range c.class {
			if !yield(w, int(k)) {
				return
			}
		}
	}
}

// ClassOfNorm is Class for a word already in its Norm form, given as bytes
// so that a caller can look up without allocating.
func (c *Classes) ClassOfNorm(norm []byte) (int, bool) {
	id, ok := c.class[string(norm)]
	return int(id), ok
}

// AppendNorm appends the form under which words are clustered: lower case,
// every ASCII digit replaced by 0, so that "The" and "the", "1999" and
// "2024" share a class.
func AppendNorm(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			for _, r := range strings.ToLower(w[i:]) {
				if '0' <= r && r <= '9' {
					r = '0'
				}
				dst = utf8.AppendRune(dst, r)
			}
			return dst
		}
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		dst = append(dst, c)
	}
	return dst
}

// Norm is AppendNorm as a string.
func Norm(w string) string { return string(AppendNorm(nil, w)) }

// Config controls Train. The zero value of a field selects its default.
type Config struct {
	K          int // number of classes; default 256
	MinCount   int // words seen fewer times get no class; default 3
	Iterations int // at most this many passes over the vocabulary; default 20
}

func (c Config) withDefaults() Config {
	if c.K == 0 {
		c.K = 256
	}
	if c.MinCount == 0 {
		c.MinCount = 3
	}
	if c.Iterations == 0 {
		c.Iterations = 20
	}
	return c
}

// Counter gathers the word and bigram counts Train learns from, one
// sentence at a time, so that a corpus never has to be held in memory.
type Counter struct {
	ids    map[string]int32
	words  []string
	freq   []int64
	bigram map[uint64]int32 // prev<<32 | next → count
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	c := &Counter{ids: map[string]int32{}, bigram: map[uint64]int32{}}
	c.id("") // id 0: the start of a sentence
	return c
}

func (c *Counter) id(norm string) int32 {
	if id, ok := c.ids[norm]; ok {
		return id
	}
	id := int32(len(c.words))
	c.ids[norm] = id
	c.words = append(c.words, norm)
	c.freq = append(c.freq, 0)
	return id
}

// Add counts the words of one sentence.
func (c *Counter) Add(words []string) {
	prev := int32(0)
	var buf []byte
	for _, w := range words {
		buf = AppendNorm(buf[:0], w)
		id, ok := c.ids[string(buf)]
		if !ok {
			id = c.id(string(buf))
		}
		c.freq[id]++
		c.bigram[uint64(prev)<<32|uint64(id)]++
		prev = id
	}
}

// Train finds cfg.K classes (or as many as there are words, if fewer) for
// the words counted by c that occur at least cfg.MinCount times. Rarer words are pooled into one pseudo-word while
// training, so that they still count as context, and get no class.
func Train(ctx context.Context, c *Counter, cfg Config) (*Classes, error) {
	cfg = cfg.withDefaults()
	if cfg.K < 2 || cfg.K > 1<<16 {
		return nil, fmt.Errorf("cluster: %d classes, want 2 to 65536", cfg.K)
	}
	// Vocabulary: kept words by descending frequency (ties by spelling, for
	// determinism), then the pool of rare words; the sentence start only
	// ever precedes.
	var kept []int32
	for id := int32(1); id < int32(len(c.words)); id++ {
		if c.freq[id] >= int64(cfg.MinCount) {
			kept = append(kept, id)
		}
	}
	if len(kept) < 2 {
		return nil, fmt.Errorf("cluster: %d words occur %d times or more; need at least 2", len(kept), cfg.MinCount)
	}
	// A small text cannot fill many classes: then every word gets its own.
	cfg.K = min(cfg.K, len(kept))
	slices.SortFunc(kept, func(a, b int32) int {
		if d := cmp.Compare(c.freq[b], c.freq[a]); d != 0 {
			return d
		}
		return strings.Compare(c.words[a], c.words[b])
	})
	nv := len(kept) + 1 // + the rare-word pool
	pool := int32(len(kept))
	remap := make([]int32, len(c.words)) // counter id → vocabulary id; pool for rare words
	for i := range remap {
		remap[i] = pool
	}
	for i, id := range kept {
		remap[id] = int32(i)
	}
	freq := make([]int64, nv)
	for id := 1; id < len(c.words); id++ {
		freq[remap[id]] += c.freq[id]
	}
	// Predecessors of each word, with counts. Rows of the context table are
	// indexed by predecessor: the vocabulary plus the sentence start.
	start := int32(nv)
	type pc struct {
		prev int32
		n    int32
	}
	merged := map[uint64]int32{}
	for key, n := range c.bigram {
		p, w := int32(key>>32), int32(key&0xffffffff)
		pv := start
		if p != 0 {
			pv = remap[p]
		}
		merged[uint64(remap[w])<<32|uint64(pv)] += n
	}
	preds := make([][]pc, nv)
	for key, n := range merged {
		w, p := int32(key>>32), int32(key&0xffffffff)
		preds[w] = append(preds[w], pc{p, n})
	}
	for _, ps := range preds {
		slices.SortFunc(ps, func(a, b pc) int { return cmp.Compare(a.prev, b.prev) })
	}
	K := cfg.K
	class := make([]int32, nv)
	for i := range class {
		class[i] = int32(i % K)
	}
	ctxN := make([]int32, (nv+1)*K) // N(v, c): v followed by a word of class c
	classN := make([]int64, K)      // N(c)
	for w, ps := range preds {
		for _, p := range ps {
			ctxN[int(p.prev)*K+int(class[w])] += p.n
		}
		classN[class[w]] += freq[w]
	}
	ft := newXLogX(1 << 20)
	gain := make([]float64, K)
	for it := 0; it < cfg.Iterations; it++ {
		moved := 0
		for w := 0; w < nv; w++ {
			if w%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("cluster: %w", err)
				}
			}
			a := class[w]
			for _, p := range preds[w] {
				ctxN[int(p.prev)*K+int(a)] -= p.n
			}
			classN[a] -= freq[w]
			for k := range gain {
				gain[k] = -(ft.f(classN[k]+freq[w]) - ft.f(classN[k]))
			}
			for _, p := range preds[w] {
				row := ctxN[int(p.prev)*K : int(p.prev+1)*K]
				fn := ft.f(int64(p.n))
				for k, m := range row {
					if m != 0 {
						gain[k] += ft.f(int64(m+p.n)) - ft.f(int64(m)) - fn
					}
				}
			}
			best := a
			for k, g := range gain {
				if g > gain[best]+1e-9 {
					best = int32(k)
				}
			}
			if best != a {
				moved++
			}
			class[w] = best
			for _, p := range preds[w] {
				ctxN[int(p.prev)*K+int(best)] += p.n
			}
			classN[best] += freq[w]
		}
		if moved*1000 < nv {
			break
		}
	}
	out := &Classes{k: K, class: make(map[string]uint16, len(kept))}
	for i, id := range kept {
		out.class[c.words[id]] = uint16(class[i])
	}
	return out, nil
}

// xlogx caches x·ln x for small x, which is most of what Train evaluates.
type xlogx []float64

func newXLogX(n int) xlogx {
	t := make(xlogx, n)
	for x := 1; x < n; x++ {
		t[x] = float64(x) * math.Log(float64(x))
	}
	return t
}

func (t xlogx) f(x int64) float64 {
	if x < int64(len(t)) {
		return t[x]
	}
	return float64(x) * math.Log(float64(x))
}

// The class file, gzip-compressed when stored in data/models:
//
//	magic "KGCLASS1", uvarint K, uvarint word count,
//	then per word, in byte order: uvarint length, the Norm form, uvarint class
const magic = "KGCLASS1"

// Save writes the classes in their binary format (not compressed).
func (c *Classes) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	uv(uint64(c.k))
	words := make([]string, 0, len(c.class))
	for w := range c.class {
		words = append(words, w)
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	for _, w := range words {
		uv(uint64(len(w)))
		bw.WriteString(w)
		uv(uint64(c.class[w]))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save word classes: %w", err)
	}
	return nil
}

// ReadFile reads classes that Save wrote to the file at path, gzipped (as
// the training programs write them) or not.
func ReadFile(path string) (*Classes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	c, err := Load(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return c, nil
}

// Load reads classes written by Save.
func Load(r io.Reader) (*Classes, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("read word classes header: %w", err)
	}
	if string(head) != magic {
		return nil, fmt.Errorf("%w: header %q, want %q", ErrModel, head, magic)
	}
	k, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("read word classes: %w", err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("read word classes: %w", err)
	}
	if k < 2 || k > 1<<16 || n > 1<<24 {
		return nil, fmt.Errorf("%w: %d classes, %d words", ErrModel, k, n)
	}
	c := &Classes{k: int(k), class: make(map[string]uint16, n)}
	for range n {
		l, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read word classes: %w", err)
		}
		if l > 1<<10 {
			return nil, fmt.Errorf("%w: word of %d bytes", ErrModel, l)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("read word classes: %w", err)
		}
		cl, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read word classes: %w", err)
		}
		if cl >= k {
			return nil, fmt.Errorf("%w: class %d of %d", ErrModel, cl, k)
		}
		c.class[string(b)] = uint16(cl)
	}
	return c, nil
}
