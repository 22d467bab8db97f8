package parse

import (
	"bytes"
	"context"
	"testing"
)

func TestPairs(t *testing.T) {
	c := NewPairs()
	// "sides" heads "two" from the right; "reaffirmed" heads "sides" from
	// the right and "vision" from the left.
	words := []string{"The", "two", "sides", "reaffirmed", "the", "vision"}
	heads := []int{3, 3, 4, 0, 6, 4}
	for range 3 {
		c.Add(words, heads)
	}
	c.Add([]string{"Sides", "reaffirmed"}, []int{2, 0})  // case folds
	c.Add([]string{"vision", "reaffirmed"}, []int{2, 0}) // once, other direction
	tab := c.table()
	hash := func(w string) uint64 { return hashWord([]byte(normWord(w))) }
	tests := []struct {
		head, dep string
		right     bool
		want      uint8
	}{
		{"reaffirmed", "sides", false, pairMid}, // the most frequent of five

		{"reaffirmed", "vision", true, pairRare},
		{"sides", "two", false, pairRare},
		{"reaffirmed", "vision", false, pairUnseen}, // seen once only
		{"sides", "reaffirmed", true, pairUnseen},   // never, that way round
		{"vision", "the", false, pairRare},
	}
	for _, tt := range tests {
		if got := tab.lookup(pairKey(hash(tt.head), hash(tt.dep), tt.right)); got != tt.want {
			t.Errorf("%s→%s (right %v): class %d, want %d", tt.head, tt.dep, tt.right, got, tt.want)
		}
	}
	if c.Len() != 6 {
		t.Errorf("Len %d, want 6 distinct pairs", c.Len())
	}
	// The most frequent tenth is common.
	big := NewPairs()
	for i := range 100 {
		w := []string{"head", "w" + string(rune('a'+i/26)) + string(rune('a'+i%26))}
		for range 100 - i + 2 {
			big.Add(w, []int{0, 1})
		}
	}
	bt := big.table()
	var n [5]int
	for j, k := range bt.keys {
		if k != 0 {
			n[bt.class[j]]++
		}
	}
	if n[pairCommon] != 10 || n[pairMid] != 10 || n[pairRare] != 80 {
		t.Errorf("classes %v of 100 pairs, want 10 common, 10 mid, 80 rare", n)
	}
}

func TestTrain_pairs(t *testing.T) {
	train := readEWT(t, "train")[:300]
	dev := readEWT(t, "dev")[:100]
	first := trainSmall(t, train)
	c := NewPairs()
	for _, s := range readEWT(t, "train")[300:1300] {
		words, upos, xpos := columns(s)
		heads, _ := first.Parse(words, upos, xpos)
		c.Add(words, heads)
	}
	p, err := Train(context.Background(), train, Config{Epochs: 2, Seed: 7, Pairs: c})
	if err != nil {
		t.Fatal(err)
	}
	b := saved(t, p)
	if !bytes.HasPrefix(b, []byte(magicV6)) {
		t.Fatalf("parser with word pairs saved with header %q", b[:8])
	}
	q := roundTrip(t, p)
	if !q.pairs.equal(p.pairs) {
		t.Error("word pairs differ after Save and Load")
	}
	sameParses(t, p, q, dev, "after a round trip with word pairs")
	if !bytes.Equal(b, saved(t, q)) {
		t.Error("Save after Load differs")
	}
	// The pair features weigh in: the parser differs from one trained
	// without them.
	if bytes.Equal(saved(t, first), b) {
		t.Error("training with word pairs changed nothing")
	}
	if _, err := Merge(p, first); err == nil {
		t.Error("merged a parser with word pairs and one without")
	}
	// A truncated or corrupt pair section is an error, not a panic.
	i := bytes.Index(b, []byte(magicV6)) + len(magicV6)
	for _, cut := range []int{len(b) / 8, len(b) / 4} {
		if _, err := Load(bytes.NewReader(b[:i+cut])); err == nil {
			t.Errorf("loaded a model cut to %d bytes", i+cut)
		}
	}
}
