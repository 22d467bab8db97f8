package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/kgraph/kgraph/nlp/cluster"
)

// The saved model is a gzip stream of: magic, classes, lexicon, then the
// features column by column (keys, run lengths, classes, weights), because
// like values side by side compress far better than interleaved records.
// Weights are int16 with one float32 scale: the perceptron's averaged
// weights need nowhere near float32 precision.
//
// Version 2 adds, after the magic, the number of passes (1 or 2), whether
// the first runs right to left (0 or 1), whether the features include
// lexicon frequencies (0 or 1) and the second pass's gate (float32); after
// each lexicon word's class, its frequency bucket; and after the first
// pass's weights, the second's. A one-pass, left-to-right model without
// lexicon frequencies is written as version 1.
//
// Version 3 is version 2 with, after the gate, the word classes
// (Config.Classes): a uvarint byte count and then the class file as
// cluster.Classes.Save writes it. Only a model with classes is written as
// version 3, so the others keep their bytes.
const (
	magic   = "kgraph-tagger\x00v2\n"
	magicV1 = "kgraph-tagger\x00v1\n"
	magicV3 = "kgraph-tagger\x00v3\n"
)

// maxClassBytes bounds the word-class section of a model.
const maxClassBytes = 1 << 28

// Save writes the model, gzip-compressed.
func (t *Tagger) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	bw := bufio.NewWriter(zw)
	if err := t.m.encode(bw); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uvarint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.w.WriteString(s)
}

func flag(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (m *model) encode(w *bufio.Writer) error {
	e := &encoder{w: w}
	// A plain one-pass model is written as version 1, as before the second
	// pass existed, so that retraining it gives the same bytes.
	v1 := m.passes <= 1 && !m.backward && !m.lexFreq && m.gate == 0 && m.wordClasses == nil
	switch {
	case v1:
		w.WriteString(magicV1)
	case m.wordClasses != nil:
		w.WriteString(magicV3)
	default:
		w.WriteString(magic)
	}
	if !v1 {
		e.uvarint(uint64(max(m.passes, 1)))
		e.uvarint(flag(m.backward))
		e.uvarint(flag(m.lexFreq))
		binary.Write(w, binary.LittleEndian, math.Float32bits(m.gate))
	}
	if m.wordClasses != nil {
		var cb bytes.Buffer
		if err := m.wordClasses.Save(&cb); err != nil {
			return err
		}
		e.uvarint(uint64(cb.Len()))
		w.Write(cb.Bytes())
	}
	e.uvarint(uint64(len(m.classes)))
	for _, c := range m.classes {
		e.str(c.UPOS)
		e.str(c.XPOS)
	}
	words := make([]string, 0, len(m.lex))
	for w := range m.lex {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(m.lex[w].cls))
		if !v1 {
			e.uvarint(uint64(m.lex[w].freq))
		}
	}
	// Ambiguity classes are hashes; store each distinct one once and
	// refer to it by index, since a few hundred sets cover the lexicon.
	ambIdx := map[uint64]int{}
	var ambs []uint64
	for _, w := range words {
		a := m.lex[w].amb
		if _, ok := ambIdx[a]; !ok {
			ambIdx[a] = len(ambs)
			ambs = append(ambs, a)
		}
	}
	e.uvarint(uint64(len(ambs)))
	for _, a := range ambs {
		binary.Write(w, binary.LittleEndian, a)
	}
	for _, w := range words {
		e.uvarint(uint64(ambIdx[m.lex[w].amb]))
	}
	hashes := make([]uint64, 0, len(m.lexLower))
	for h := range m.lexLower {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	e.uvarint(uint64(len(hashes)))
	var prev uint64
	for _, h := range hashes {
		e.uvarint(h - prev)
		prev = h
	}
	for _, h := range hashes {
		e.uvarint(uint64(m.lexLower[h]))
	}
	m.weights.encode(e)
	if m.passes > 1 {
		m.second.encode(e)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	defer zr.Close()
	m, err := decode(bufio.NewReader(zr))
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	return newTagger(m), nil
}

func loadBytes(b []byte) (*Tagger, error) { return Load(bytes.NewReader(b)) }

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
	}
	return v
}

// count reads a length and rejects absurd ones before anything is allocated.
func (d *decoder) count(limit uint64) int {
	v := d.uvarint()
	if d.err == nil && v > limit {
		d.err = fmt.Errorf("%w: count %d exceeds %d", ErrModel, v, limit)
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count(1 << 16)
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
	}
	return string(b)
}

func (d *decoder) full(b []byte) {
	if d.err != nil {
		return
	}
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
	}
}

func decode(r *bufio.Reader) (model, error) {
	var m model
	d := &decoder{r: r}
	head := make([]byte, len(magic))
	d.full(head)
	v1 := string(head) == magicV1
	switch {
	case d.err != nil:
	case v1:
		m.passes = 1
	case string(head) == magic || string(head) == magicV3:
		m.passes = d.count(2)
		m.backward = d.count(1) == 1
		m.lexFreq = d.count(1) == 1
		var gb [4]byte
		d.full(gb[:])
		m.gate = math.Float32frombits(binary.LittleEndian.Uint32(gb[:]))
		if d.err == nil && !(m.gate >= 0 && m.gate < math.MaxFloat32) {
			return m, fmt.Errorf("%w: second-pass gate %v", ErrModel, m.gate)
		}
		if d.err == nil && m.passes < 1 {
			return m, fmt.Errorf("%w: %d passes", ErrModel, m.passes)
		}
		if string(head) == magicV3 {
			if err := d.wordClasses(&m); err != nil {
				return m, err
			}
		}
	default:
		return m, fmt.Errorf("%w: not a kgraph tagger model (header %q)", ErrModel, head)
	}
	nc := d.count(255)
	m.classes = make([]class, nc)
	for i := range m.classes {
		m.classes[i] = class{UPOS: d.str(), XPOS: d.str()}
	}
	nl := d.count(1 << 24)
	words := make([]string, nl)
	cls := make([]uint16, nl)
	freq := make([]uint8, nl)
	for i := range nl {
		words[i] = d.str()
		v := d.uvarint()
		if d.err == nil && int(v&^lexSure) >= nc {
			return m, fmt.Errorf("%w: lexicon class %d of %d", ErrModel, v&^lexSure, nc)
		}
		cls[i] = uint16(v)
		if v1 {
			continue
		}
		if fr := d.uvarint(); d.err == nil && fr > maxFreqBucket {
			return m, fmt.Errorf("%w: lexicon frequency bucket %d", ErrModel, fr)
		} else {
			freq[i] = uint8(fr)
		}
	}
	na := d.count(1 << 24)
	ambs := make([]uint64, na)
	for i := range ambs {
		var b [8]byte
		d.full(b[:])
		ambs[i] = binary.LittleEndian.Uint64(b[:])
	}
	m.lex = make(map[string]lexEntry, nl)
	for i, w := range words {
		a := d.count(uint64(max(na, 1) - 1))
		if d.err != nil {
			break
		}
		m.lex[w] = lexEntry{cls: cls[i], amb: ambs[a], freq: freq[i]}
	}
	nh := d.count(1 << 24)
	hashes := make([]uint64, nh)
	var h uint64
	for i := range hashes {
		h += d.uvarint()
		hashes[i] = h
	}
	m.lexLower = make(map[uint64]uint16, nh)
	for _, h := range hashes {
		v := d.uvarint()
		if d.err == nil && int(v) >= nc {
			return m, fmt.Errorf("%w: lexicon class %d of %d", ErrModel, v, nc)
		}
		m.lexLower[h] = uint16(v)
	}
	if err := m.weights.decode(d, nc); err != nil {
		return m, err
	}
	if m.passes > 1 {
		if err := m.second.decode(d, nc); err != nil {
			return m, err
		}
	}
	return m, nil
}

// wordClasses reads the word-class section of a version 3 model.
func (d *decoder) wordClasses(m *model) error {
	n := d.count(maxClassBytes)
	if d.err != nil {
		return fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	// Read through a limit, so that a corrupt count cannot make Load
	// allocate it and cluster.Load's buffering cannot read past the
	// section, then skip whatever of the section it left unread.
	lr := &io.LimitedReader{R: d.r, N: int64(n)}
	c, err := cluster.Load(lr)
	if err != nil {
		return fmt.Errorf("%w: word classes: %w", ErrModel, err)
	}
	if _, err := io.Copy(io.Discard, lr); err != nil || lr.N != 0 {
		return fmt.Errorf("%w: word classes section truncated", ErrModel)
	}
	m.wordClasses = c
	return nil
}

func (m *weights) encode(e *encoder) {
	w := e.w
	// Features are already in key order, so keys delta-encode.
	e.uvarint(uint64(len(m.keys)))
	var prev uint64
	for _, k := range m.keys {
		e.uvarint(k - prev)
		prev = k
	}
	for off := 0; off < len(m.entries); off += 1 + int(m.entries[off]) {
		e.uvarint(uint64(m.entries[off]))
	}
	for off := 0; off < len(m.entries); off += 1 + int(m.entries[off]) {
		for _, x := range m.entries[off+1 : off+1+int(m.entries[off])] {
			w.WriteByte(byte(x >> 16))
		}
	}
	binary.Write(w, binary.LittleEndian, math.Float32bits(m.scale))
	var b [2]byte
	for off := 0; off < len(m.entries); off += 1 + int(m.entries[off]) {
		for _, x := range m.entries[off+1 : off+1+int(m.entries[off])] {
			binary.LittleEndian.PutUint16(b[:], uint16(x))
			w.Write(b[:])
		}
	}
}

func (m *weights) decode(d *decoder, nc int) error {
	nf := d.count(1 << 24)
	if d.err != nil {
		return fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	m.keys = make([]uint64, nf)
	var k uint64
	for i := range m.keys {
		k += d.uvarint()
		m.keys[i] = k
	}
	runs := make([]int, nf)
	total := 0
	for i := range runs {
		runs[i] = d.count(uint64(nc))
		total += runs[i]
	}
	if d.err != nil {
		return fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	classes := make([]byte, total)
	d.full(classes)
	var sb [4]byte
	d.full(sb[:])
	m.scale = math.Float32frombits(binary.LittleEndian.Uint32(sb[:]))
	raw := make([]byte, 2*total)
	d.full(raw)
	if d.err != nil {
		return fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	m.entries = make([]uint32, 0, nf+total)
	j := 0
	for _, n := range runs {
		m.entries = append(m.entries, uint32(n))
		for range n {
			if int(classes[j]) >= nc {
				return fmt.Errorf("%w: weight for class %d of %d", ErrModel, classes[j], nc)
			}
			m.entries = append(m.entries, uint32(classes[j])<<16|uint32(binary.LittleEndian.Uint16(raw[2*j:])))
			j++
		}
	}
	m.buildTable()
	return nil
}
