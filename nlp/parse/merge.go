package parse

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
)

// Merge returns one parser whose every score is the mean of the scores of
// ps: parsers trained on the same data with different seeds make different
// mistakes, and their mean makes fewer, at the cost of one parser. All of ps
// must share their vocabulary, tags, relations and word classes, as parsers
// trained on the same sentences do.
func Merge(ps ...*Parser) (*Parser, error) {
	if len(ps) == 0 {
		return nil, errors.New("parse: merge of no parsers")
	}
	first := ps[0]
	for i, p := range ps[1:] {
		if !maps.Equal(p.enc.words, first.enc.words) || !maps.Equal(p.enc.xpos, first.enc.xpos) ||
			!maps.Equal(p.enc.upos, first.enc.upos) || !maps.Equal(p.enc.classes, first.enc.classes) ||
			!slices.Equal(p.labels, first.labels) || !p.pairs.equal(first.pairs) ||
			p.ext != first.ext || !maps.Equal(p.enc.super, first.enc.super) {
			return nil, fmt.Errorf("parse: merge: parser %d was trained on other words, tags, relations, classes, word pairs or templates than parser 0", i+1)
		}
	}
	nc := nClasses(len(first.labels))
	sums := map[uint32][]float64{}
	for _, p := range ps {
		step := math.Ldexp(1, p.w.exp) / float64(len(ps))
		for i := range p.w.slots {
			sl := &p.w.slots[i]
			if sl.key == 0 {
				continue
			}
			row := sums[sl.key]
			if row == nil {
				row = make([]float64, nc)
				sums[sl.key] = row
			}
			for _, cw := range p.w.run(sl) {
				row[cw>>16] += float64(int16(cw)) * step
			}
		}
	}
	keys := slices.Sorted(maps.Keys(sums))
	k64 := make([]uint64, len(keys))
	rows := make([][]param, len(keys))
	for i, k := range keys {
		k64[i] = uint64(k)
		for c, w := range sums[k] {
			if w != 0 {
				rows[i] = append(rows[i], param{cls: uint8(c), w: float32(w)})
			}
		}
	}
	return first.with(quantize(k64, rows, nc)), nil
}
