package parse

import (
	"bytes"
	"math"
	"slices"
	"testing"
)

// magnitudes lists, per feature key, the summed magnitude of its weights.
func magnitudes(p *Parser) map[uint32]int64 {
	out := map[uint32]int64{}
	for i := range p.w.slots {
		sl := &p.w.slots[i]
		if sl.key == 0 {
			continue
		}
		out[sl.key] = magnitude(p.w.run(sl))
	}
	return out
}

func TestShrink(t *testing.T) {
	train := readEWT(t, "train")[:300]
	dev := readEWT(t, "dev")[:100]
	p := trainSmall(t, train)
	sameParses(t, p, p.Shrink(1), dev, "when shrunk to all its features")

	all := magnitudes(p)
	half := p.Shrink(0.5)
	kept := magnitudes(half)
	if want := int(math.Round(float64(len(all)) / 2)); len(kept) != want {
		t.Fatalf("Shrink(0.5) kept %d of %d features, want %d", len(kept), len(all), want)
	}
	// Every kept feature weighs at least as much as every dropped one, and
	// keeps its weights unchanged.
	var lightestKept, heaviestDropped int64 = math.MaxInt64, -1
	for k, m := range all {
		if km, ok := kept[k]; ok {
			if km != m {
				t.Fatalf("feature %x weighs %d after Shrink, %d before", k, km, m)
			}
			lightestKept = min(lightestKept, m)
		} else {
			heaviestDropped = max(heaviestDropped, m)
		}
	}
	if heaviestDropped > lightestKept {
		t.Errorf("Shrink dropped a feature of weight %d and kept one of %d", heaviestDropped, lightestKept)
	}
	// Shrinking is deterministic and survives a save and load.
	a, b := saved(t, half), saved(t, p.Shrink(0.5))
	if !slices.Equal(a, b) {
		t.Error("two Shrink(0.5) of one parser save differently")
	}
	sameParses(t, half, roundTrip(t, half), dev, "after a save and load of a shrunk parser")
	// The whole parser is left as it was.
	if len(magnitudes(p)) != len(all) {
		t.Error("Shrink changed the parser it was called on")
	}
}

func roundTrip(t *testing.T, p *Parser) *Parser {
	t.Helper()
	q, err := Load(bytes.NewReader(saved(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	return q
}
