package parse

import (
	"cmp"
	"slices"

	"github.com/kgraph/kgraph/nlp/cluster"
)

// Pairs counts, in parsed text, how often one word heads another on each
// side. A treebank of 200,000 words shows few of the word pairs a parser
// must judge ("reaffirmed … commitment", "commitment to … posture"), but
// parsing millions of words of unlabelled text with a first parser shows
// many, mistakes and all; a second parser trained with features saying
// how common a candidate arc's word pair was there (Chen, Kazama,
// Uchimoto and Torisawa 2009) attaches better: on EWT dev, 0.13 UAS and
// 0.17 LAS (two merged parsers, word pairs from 6 M words of White House
// statements).
//
// Pairs is not safe for concurrent use.
type Pairs struct {
	n    map[uint32]int32
	norm []byte
	hash []uint64
}

// NewPairs returns an empty count.
func NewPairs() *Pairs { return &Pairs{n: map[uint32]int32{}} }

// Add counts the arcs of one parsed sentence: heads[i] is the 1-based head
// of words[i], 0 for the root (not counted), as Parser.Parse returns.
func (c *Pairs) Add(words []string, heads []int) {
	c.hash = c.hash[:0]
	for _, w := range words {
		c.norm = cluster.AppendNorm(c.norm[:0], w)
		c.hash = append(c.hash, hashWord(c.norm))
	}
	for d, h := range heads {
		if h <= 0 || h > len(words) || h-1 == d {
			continue
		}
		c.n[pairKey(c.hash[h-1], c.hash[d], h-1 < d)]++
	}
}

// AddCounts adds the counts of o, so that text can be counted in parallel.
func (c *Pairs) AddCounts(o *Pairs) {
	for k, n := range o.n {
		c.n[k] += n
	}
}

// Len is the number of distinct pairs counted.
func (c *Pairs) Len() int { return len(c.n) }

// hashWord is FNV-1a of a normalized word.
func hashWord(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// pairKey identifies an arc from the word hashed head to the word hashed
// dep, with the head before the dependent (right) or after it. Keys keep
// 32 bits, like feature keys; zero marks an empty slot.
func pairKey(head, dep uint64, right bool) uint32 {
	z := head*0x9E3779B97F4A7C15 ^ dep
	if right {
		z ^= 1 << 63
	}
	k := uint32(mix64(z) >> 32)
	if k == 0 {
		k = 1
	}
	return k
}

// Pair frequency classes, as the features see them.
const (
	pairUnseen = 0 // seen fewer than pairMinCount times
	pairRare   = 1
	pairMid    = 2 // among the 20% most frequent pairs
	pairCommon = 3 // among the 10% most frequent
	pairNone   = 4 // no pair: an item is missing or the root
)

// pairMinCount is how often a pair must be seen to count at all: pairs seen
// once are mostly parsing errors and would treble the table.
const pairMinCount = 2

// pairTable maps pair keys to their frequency class.
type pairTable struct {
	keys  []uint32
	class []uint8
	shift uint
}

// table ranks the pairs seen at least pairMinCount times by frequency and
// gives the top tenth pairCommon, the next tenth pairMid, the rest pairRare.
func (c *Pairs) table() *pairTable {
	type kc struct {
		k uint32
		n int32
	}
	var ps []kc
	for k, n := range c.n {
		if n >= pairMinCount {
			ps = append(ps, kc{k, n})
		}
	}
	slices.SortFunc(ps, func(a, b kc) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	keys := make([]uint32, len(ps))
	class := make([]uint8, len(ps))
	for i, p := range ps {
		keys[i] = p.k
		switch {
		case i < len(ps)/10:
			class[i] = pairCommon
		case i < len(ps)/5:
			class[i] = pairMid
		default:
			class[i] = pairRare
		}
	}
	return newPairTable(keys, class)
}

func newPairTable(keys []uint32, class []uint8) *pairTable {
	size := 1
	for size < len(keys)*3/2+1 {
		size <<= 1
	}
	t := &pairTable{keys: make([]uint32, size), class: make([]uint8, size), shift: uint(64 - bitsLen(size))}
	mask := uint64(size - 1)
	for i, k := range keys {
		for j := slotIndex(k, t.shift); ; j = (j + 1) & mask {
			if t.keys[j] == 0 {
				t.keys[j], t.class[j] = k, class[i]
				break
			}
		}
	}
	return t
}

// lookup is the frequency class of pair key k.
func (t *pairTable) lookup(k uint32) uint8 {
	mask := uint64(len(t.keys) - 1)
	for j := slotIndex(k, t.shift); ; j = (j + 1) & mask {
		switch t.keys[j] {
		case k:
			return t.class[j]
		case 0:
			return pairUnseen
		}
	}
}

// entries lists the table's keys in ascending order with their classes.
func (t *pairTable) entries() ([]uint32, []uint8) {
	type kc struct {
		k uint32
		c uint8
	}
	var es []kc
	for j, k := range t.keys {
		if k != 0 {
			es = append(es, kc{k, t.class[j]})
		}
	}
	slices.SortFunc(es, func(a, b kc) int { return cmp.Compare(a.k, b.k) })
	keys := make([]uint32, len(es))
	class := make([]uint8, len(es))
	for i, e := range es {
		keys[i], class[i] = e.k, e.c
	}
	return keys, class
}

func (t *pairTable) equal(u *pairTable) bool {
	if t == u {
		return true
	}
	if t == nil || u == nil {
		return false
	}
	k1, c1 := t.entries()
	k2, c2 := u.entries()
	return slices.Equal(k1, k2) && slices.Equal(c1, c2)
}
