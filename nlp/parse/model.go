package parse

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// table holds the averaged weights for parsing: an open-addressing hash
// table from feature key to the feature's weights. Parsing time goes to
// memory traffic on this table, so it is packed tight. A slot carries the
// key, the three action weights inline (the action step then costs one cache
// miss per feature) and where the relation weights are. Perceptron updates
// touch only the gold and the predicted relation, so most features weigh a
// handful of relations, kept as a run of (class<<16 | int16 weight); the
// few features that weigh many (tags, the bias) fire in most configurations
// and keep a dense row instead, because a straight loop beats scattered adds.
// Weights are int16 multiples of 2^exp.
type table struct {
	slots []slot
	// filter is a Bloom filter over the keys, two bits of one word per
	// key, small enough to stay in cache: a quarter of the features a
	// configuration asks for are not in the table, and the filter turns
	// most of those away before they cost a miss on the table.
	filter []uint64
	fshift uint // 32 - log2(len(filter))
	shift  uint // 64 - log2(len(slots))
	params []uint32
	dense  []int16 // rows of nl relation weights
	nl     int     // relation classes: 2 per label, one per direction
	exp    int
}

type slot struct {
	key  uint32 // 0: empty
	meta uint32 // start<<8 | count of the relation run; count denseMark for a dense row
	act  [nActions]int16
	// nLeft is how many of the run's relation weights are for LEFT arcs
	// (they come first), so that scoring one direction reads only its own
	// weights; it fits in what would be padding.
	nLeft uint8
}

const denseMark = 0xff

// qparam is a quantized class weight: w steps of 2^exp.
type qparam struct {
	cls uint8
	w   int16
}

const maxParams = 1 << 24 // the start field of a slot has 24 bits

// newTable builds a table from per-feature rows over classes (actions
// first, then relations, as labelClass numbers them); keys must be
// distinct, non-zero and below 2^32.
func newTable(keys []uint64, rows [][]qparam, exp, nc int) *table {
	size := 1
	for size < len(keys)*3/2+1 {
		size <<= 1
	}
	nl := nc - nActions
	t := &table{slots: make([]slot, size), shift: uint(64 - bitsLen(size)), exp: exp, nl: nl}
	// Eight bits per key, half a megabyte for the embedded model: a false
	// positive about one time in thirty.
	fsize := 1
	for fsize*64 < len(keys)*8 {
		fsize <<= 1
	}
	t.filter, t.fshift = make([]uint64, fsize), uint(32-bitsLen(fsize))
	var rel []qparam
	for i, k := range keys {
		sl := slot{key: uint32(k)}
		rel = rel[:0]
		for _, p := range rows[i] {
			if p.cls < nActions {
				sl.act[p.cls] = p.w
			} else {
				rel = append(rel, qparam{cls: p.cls - nActions, w: p.w})
			}
		}
		slices.SortFunc(rel, func(a, b qparam) int { return int(a.cls) - int(b.cls) })
		switch {
		case len(rel) > nl/4 && len(t.dense)/nl < maxParams:
			row := len(t.dense) / nl
			t.dense = append(t.dense, make([]int16, nl)...)
			for _, p := range rel {
				t.dense[row*nl+int(p.cls)] = p.w
			}
			sl.meta = uint32(row)<<8 | denseMark
		case len(t.params)+len(rel) <= maxParams:
			sl.meta = uint32(len(t.params))<<8 | uint32(len(rel))
			for _, p := range rel {
				t.params = append(t.params, uint32(p.cls)<<16|uint32(uint16(p.w)))
				if int(p.cls) < nl/2 {
					sl.nLeft++
				}
			}
		}
		t.insert(sl)
	}
	return t
}

func bitsLen(size int) int {
	n := 0
	for size > 1 {
		size >>= 1
		n++
	}
	return n
}

func slotIndex(k uint32, shift uint) uint64 { return (uint64(k) * 0x9E3779B97F4A7C15) >> shift }

// filterBits are the two bits of the filter word for key k.
func filterBits(k uint32) uint64 { return 1<<(k&63) | 1<<(k>>6&63) }

func (t *table) insert(sl slot) {
	t.filter[sl.key>>t.fshift] |= filterBits(sl.key)
	mask := uint64(len(t.slots) - 1)
	for i := slotIndex(sl.key, t.shift); ; i = (i + 1) & mask {
		if t.slots[i].key == 0 {
			t.slots[i] = sl
			return
		}
	}
}

// run lists the weights of a slot as class<<16 | int16 weight, classes
// numbered as for newTable.
func (t *table) run(sl *slot) []uint32 {
	var out []uint32
	for a, w := range sl.act {
		if w != 0 {
			out = append(out, uint32(a)<<16|uint32(uint16(w)))
		}
	}
	start, n := sl.meta>>8, sl.meta&0xff
	if n == denseMark {
		for c, w := range t.dense[int(start)*t.nl : int(start+1)*t.nl] {
			if w != 0 {
				out = append(out, uint32(c+nActions)<<16|uint32(uint16(w)))
			}
		}
		return out
	}
	for _, p := range t.params[start : start+n] {
		out = append(out, p+nActions<<16)
	}
	return out
}

// lookup appends to hits the slots of the features found in the table.
// All slots are probed before any weight is read, so that the cache misses
// of independent lookups overlap instead of queueing behind one another.
func (t *table) lookup(feats []uint64, hits []uint32) []uint32 {
	mask := uint64(len(t.slots) - 1)
	hits = hits[:0]
	for _, k := range feats {
		k := uint32(k)
		if b := filterBits(k); t.filter[k>>t.fshift]&b != b {
			continue
		}
		for i := slotIndex(k, t.shift); ; i = (i + 1) & mask {
			sk := t.slots[i].key
			if sk == k {
				hits = append(hits, uint32(i))
				break
			}
			if sk == 0 {
				break
			}
		}
	}
	return hits
}

// scoreActions sets scores to the summed action weights of the features in hits.
func (t *table) scoreActions(hits []uint32, scores *[nActions]int32) {
	*scores = [nActions]int32{}
	for _, h := range hits {
		a := &t.slots[h].act
		scores[0] += int32(a[0])
		scores[1] += int32(a[1])
		scores[2] += int32(a[2])
	}
}

// scoreLabels sets scores (one per label) to the summed relation weights of
// the features in hits for arcs of direction dir (left or right). It
// returns a value of no meaning that the caller keeps, so that the compiler
// keeps the reads of the first pass.
func (t *table) scoreLabels(hits []uint32, dir int, scores []int32) (sink uint32) {
	nl := t.nl / 2
	lo := uint32((dir - left) * nl)
	hi := lo + uint32(nl)
	scores = scores[:nl]
	clear(scores)
	// A first pass reads the first weight of every run, so that the cache
	// misses on the weights, scattered over a table of megabytes, are all
	// in flight together; the second pass then finds them in cache.
	for _, h := range hits {
		sl := &t.slots[h]
		start, n := sl.meta>>8, sl.meta&0xff
		switch {
		case n == denseMark:
			sink += uint32(t.dense[start*uint32(t.nl)+lo])
		case n > 0:
			if dir != left {
				start += uint32(sl.nLeft)
			}
			sink += t.params[min(start, uint32(len(t.params)-1))]
		}
	}
	for _, h := range hits {
		meta := t.slots[h].meta
		start, n := meta>>8, meta&0xff
		if n == denseMark {
			addRow(scores, t.dense[start*uint32(t.nl)+lo:start*uint32(t.nl)+hi])
			continue
		}
		from, to := start, start+uint32(t.slots[h].nLeft)
		if dir != left {
			from, to = to, start+n
		}
		for _, p := range t.params[from:to] {
			scores[p>>16-lo] += int32(int16(p))
		}
	}
	return sink
}

// The model file, after gzip when stored in data/models:
//
//	magic "KGPARSE4" (bumped whenever features change, so a stale model fails to load)
//	words, xpos, upos, labels: uvarint count, then uvarint-length strings in id order
//	word classes (formats 5 and 6): uvarint count, then per word in byte order
//	a uvarint-length string and the uvarint class
//	flags (format 7 only): uvarint, 1 for word pairs, 2 for supertags
//	word pairs (format 6, or 7 with flag 1): uvarint count P, P uvarint deltas of the
//	ascending pair keys, P bytes of their frequency classes
//	uvarint feature count F, varint exponent e of the weight step 2^e
//	F uvarint deltas of the ascending feature keys
//	F bytes: how many classes each feature weighs
//	per weight (all features in key order): a class byte, then all low
//	bytes, then all high bytes of the weights as int16 multiples of 2^e
//
// Columns rather than records, because like bytes next to each other
// compress better. A step that is a power of two makes every stored weight
// exact in float32, so Load then Save reproduces the file.
const (
	magic   = "KGPARSE5"
	magicV6 = "KGPARSE6" // format 5 with word pairs (Config.Pairs)
	magicV7 = "KGPARSE7" // format 5 with flags: word pairs, supertags
	magicV4 = "KGPARSE4" // no word classes, no format-5 templates
)

// Format 7 flags.
const (
	flagPairs = 1 << iota
	flagSuper // supertags (ParseSuperTo)
)

// format is the magic of the oldest format that holds p, so that a model
// without the newer parts saves as it always did.
func (p *Parser) format() string {
	switch {
	case p.enc.super != nil:
		return magicV7
	case p.pairs != nil:
		return magicV6
	case p.ext:
		return magic
	}
	return magicV4
}

// Save writes the model in its binary format (not compressed).
func (p *Parser) Save(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(p.format())
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	for _, m := range []map[string]uint32{p.enc.words, p.enc.xpos, p.enc.upos} {
		names := invert(m)
		uv(uint64(len(names)))
		for _, s := range names {
			str(s)
		}
	}
	uv(uint64(len(p.labels)))
	for _, s := range p.labels {
		str(s)
	}
	if p.ext {
		classWords := make([]string, 0, len(p.enc.classes))
		for w := range p.enc.classes {
			classWords = append(classWords, w)
		}
		slices.Sort(classWords)
		uv(uint64(len(classWords)))
		for _, w := range classWords {
			str(w)
			uv(uint64(p.enc.classes[w] - firstID))
		}
	}
	if p.format() == magicV7 {
		flags := uint64(0)
		if p.pairs != nil {
			flags |= flagPairs
		}
		if p.enc.super != nil {
			flags |= flagSuper
		}
		uv(flags)
	}
	if p.pairs != nil {
		keys, class := p.pairs.entries()
		uv(uint64(len(keys)))
		prev := uint32(0)
		for _, k := range keys {
			uv(uint64(k - prev))
			prev = k
		}
		bw.Write(class)
	}
	if p.enc.super != nil {
		names := invert(p.enc.super)
		uv(uint64(len(names)))
		for _, s := range names {
			str(s)
		}
	}
	var live []*slot
	for i := range p.w.slots {
		if p.w.slots[i].key != 0 {
			live = append(live, &p.w.slots[i])
		}
	}
	slices.SortFunc(live, func(a, b *slot) int { return cmp.Compare(a.key, b.key) })
	uv(uint64(len(live)))
	bw.Write(buf[:binary.PutVarint(buf[:], int64(p.w.exp))])
	prev := uint32(0)
	for _, sl := range live {
		uv(uint64(sl.key - prev))
		prev = sl.key
	}
	runs := make([][]uint32, len(live))
	for i, sl := range live {
		runs[i] = p.w.run(sl)
		bw.WriteByte(byte(len(runs[i])))
	}
	var q []uint32
	for _, r := range runs {
		for _, pr := range r {
			bw.WriteByte(byte(pr >> 16))
			q = append(q, pr)
		}
	}
	for _, pr := range q {
		bw.WriteByte(byte(pr))
	}
	for _, pr := range q {
		bw.WriteByte(byte(pr >> 8))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save parser model: %w", err)
	}
	return nil
}

// stepExp is the smallest e such that every weight is within 32767 steps of
// 2^e from zero.
func stepExp(rows [][]param) int {
	var maxAbs float64
	for _, r := range rows {
		for _, p := range r {
			maxAbs = max(maxAbs, math.Abs(float64(p.w)))
		}
	}
	if maxAbs == 0 {
		return 0
	}
	return int(math.Ceil(math.Log2(maxAbs / 32767)))
}

// param is a class weight before quantization.
type param struct {
	cls uint8
	w   float32
}

// quantize rounds weights to int16 multiples of a power of two, dropping
// those that round to zero and features left with none.
func quantize(keys []uint64, rows [][]param, nc int) *table {
	e := stepExp(rows)
	step := math.Ldexp(1, e)
	var k2 []uint64
	var r2 [][]qparam
	for i, r := range rows {
		var row []qparam
		for _, p := range r {
			if q := math.Round(float64(p.w) / step); q != 0 {
				row = append(row, qparam{cls: p.cls, w: int16(q)})
			}
		}
		if len(row) > 0 {
			k2 = append(k2, keys[i])
			r2 = append(r2, row)
		}
	}
	return newTable(k2, r2, e, nc)
}

// invert lists the keys of an id map in id order (ids start at firstID).
func invert(m map[string]uint32) []string {
	out := make([]string, len(m))
	for s, id := range m {
		out[id-firstID] = s
	}
	return out
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Parser, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("read parser model header: %w", err)
	}
	switch string(head) {
	case magic, magicV4, magicV6, magicV7:
	default:
		return nil, fmt.Errorf("%w: header %q, want %q, %q, %q or %q", ErrModel, head, magicV7, magicV6, magic, magicV4)
	}
	var err error
	uv := func(what string) uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		if v, err = binary.ReadUvarint(br); err != nil {
			err = fmt.Errorf("read parser model %s: %w", what, err)
		}
		return v
	}
	str := func(what string) string {
		n := uv(what)
		if err != nil {
			return ""
		}
		if n > 1<<20 {
			err = fmt.Errorf("%w: %s of length %d", ErrModel, what, n)
			return ""
		}
		b := make([]byte, n)
		if _, e := io.ReadFull(br, b); e != nil {
			err = fmt.Errorf("read parser model %s: %w", what, e)
		}
		return string(b)
	}
	p := &Parser{}
	maps := make([]map[string]uint32, 3)
	for i, what := range []string{"words", "xpos tags", "upos tags"} {
		n := uv(what)
		if n > 1<<24 {
			return nil, fmt.Errorf("%w: %d %s", ErrModel, n, what)
		}
		maps[i] = make(map[string]uint32, n)
		for j := uint64(0); j < n && err == nil; j++ {
			maps[i][str(what)] = uint32(j) + firstID
		}
	}
	p.enc = encoder{words: maps[0], xpos: maps[1], upos: maps[2]}
	nl := uv("labels")
	if nl > 127 {
		return nil, fmt.Errorf("%w: %d labels", ErrModel, nl)
	}
	for j := uint64(0); j < nl && err == nil; j++ {
		p.labels = append(p.labels, str("label"))
	}
	p.ext = string(head) != magicV4
	var nw uint64
	if p.ext {
		nw = uv("word classes")
	}
	if nw > 1<<24 {
		return nil, fmt.Errorf("%w: %d word classes", ErrModel, nw)
	}
	if nw > 0 {
		p.enc.classes = make(map[string]uint32, nw)
	}
	for j := uint64(0); j < nw && err == nil; j++ {
		w := str("class word")
		k := uv("word class")
		if k >= 1<<16 {
			return nil, fmt.Errorf("%w: word class %d", ErrModel, k)
		}
		p.enc.classes[w] = uint32(k) + firstID
	}
	flags := uint64(0)
	switch string(head) {
	case magicV6:
		flags = flagPairs
	case magicV7:
		if flags = uv("flags"); flags&^(flagPairs|flagSuper) != 0 {
			return nil, fmt.Errorf("%w: unknown flags %#x", ErrModel, flags)
		}
	}
	if flags&flagPairs != 0 && err == nil {
		if p.pairs, err = readPairs(br, uv); err != nil {
			return nil, err
		}
	}
	if flags&flagSuper != 0 && err == nil {
		n := uv("supertags")
		if n > 250 {
			return nil, fmt.Errorf("%w: %d supertags", ErrModel, n)
		}
		p.enc.super = make(map[string]uint32, n)
		for j := uint64(0); j < n && err == nil; j++ {
			p.enc.super[str("supertag")] = uint32(j) + firstID
		}
	}
	nf := uv("feature count")
	e, e2 := binary.ReadVarint(br)
	if err == nil && e2 != nil {
		err = fmt.Errorf("read parser model weight step: %w", e2)
	}
	if err != nil {
		return nil, err
	}
	p.root = slices.Index(p.labels, "root")
	if p.root < 0 {
		return nil, fmt.Errorf("%w: no root label", ErrModel)
	}
	if nf > 1<<28 || e < -60 || e > 60 {
		return nil, fmt.Errorf("%w: %d features, step 2^%d", ErrModel, nf, e)
	}
	keys := make([]uint64, nf)
	prev := uint64(0)
	for i := range keys {
		prev += uv("feature key")
		keys[i] = prev
		if err == nil && (keys[i] == 0 || keys[i] >= 1<<32 || (i > 0 && keys[i] <= keys[i-1])) {
			err = fmt.Errorf("%w: feature keys out of order at %d", ErrModel, i)
		}
	}
	if err != nil {
		return nil, err
	}
	counts := make([]byte, nf)
	if _, err := io.ReadFull(br, counts); err != nil {
		return nil, fmt.Errorf("read parser model class counts: %w", err)
	}
	total := 0
	for _, c := range counts {
		total += int(c)
	}
	if total > maxParams {
		return nil, fmt.Errorf("%w: %d weights", ErrModel, total)
	}
	cls := make([]byte, 3*total)
	if _, err := io.ReadFull(br, cls); err != nil {
		return nil, fmt.Errorf("read parser model weights: %w", err)
	}
	lo, hi := cls[total:2*total], cls[2*total:]
	nc := nClasses(len(p.labels))
	rows := make([][]qparam, nf)
	flat := make([]qparam, total)
	j := 0
	for i, c := range counts {
		for range c {
			if int(cls[j]) >= nc {
				return nil, fmt.Errorf("%w: class %d of %d", ErrModel, cls[j], nc)
			}
			flat[j] = qparam{cls: cls[j], w: int16(uint16(lo[j]) | uint16(hi[j])<<8)}
			j++
		}
		rows[i] = flat[j-int(c) : j]
	}
	p.enc.index()
	p.w = newTable(keys, rows, int(e), nc)
	return p, nil
}

// readPairs reads the word-pair section of a format-6 model.
func readPairs(br *bufio.Reader, uv func(string) uint64) (*pairTable, error) {
	n := uv("word pair count")
	if n > 1<<26 {
		return nil, fmt.Errorf("%w: %d word pairs", ErrModel, n)
	}
	keys := make([]uint32, n)
	prev := uint64(0)
	for i := range keys {
		prev += uv("word pair")
		if prev == 0 || prev >= 1<<32 || (i > 0 && prev <= uint64(keys[i-1])) {
			return nil, fmt.Errorf("%w: word pairs out of order at %d", ErrModel, i)
		}
		keys[i] = uint32(prev)
	}
	class := make([]byte, n)
	if _, err := io.ReadFull(br, class); err != nil {
		return nil, fmt.Errorf("read parser model word pairs: %w", err)
	}
	for _, c := range class {
		if c < pairRare || c > pairCommon {
			return nil, fmt.Errorf("%w: word pair class %d", ErrModel, c)
		}
	}
	return newPairTable(keys, class), nil
}

// addRow adds row to scores (of the same length), four at a time: dense
// rows are summed for most arcs, and the unrolled loop checks bounds once
// per four weights.
func addRow(scores []int32, row []int16) {
	scores = scores[:len(row)]
	i := 0
	for ; i+4 <= len(row); i += 4 {
		s, r := scores[i:i+4:i+4], row[i:i+4:i+4]
		s[0] += int32(r[0])
		s[1] += int32(r[1])
		s[2] += int32(r[2])
		s[3] += int32(r[3])
	}
	for ; i < len(row); i++ {
		scores[i] += int32(row[i])
	}
}
