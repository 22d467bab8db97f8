package parse

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/kgraph/kgraph/nlp/conllu"
)

func TestSupertags(t *testing.T) {
	s := sent(
		conllu.Word{ID: 1, Form: "Both", Head: 2, Deprel: "det"},
		conllu.Word{ID: 2, Form: "sides", Head: 3, Deprel: "nsubj"},
		conllu.Word{ID: 3, Form: "met", Head: 0, Deprel: "root"},
		conllu.Word{ID: 4, Form: "today", Head: 3, Deprel: "obl:tmod"},
		conllu.Word{ID: 5, Form: ".", Head: 3, Deprel: "punct"},
	)
	want := []string{"det/R", "nsubj/R", "root", "obl/L", "punct/L"}
	if got := Supertags(s); !slices.Equal(got, want) {
		t.Errorf("Supertags = %q, want %q", got, want)
	}
}

// withGoldSupertags returns copies of sents carrying their own supertags
// under SuperKey, the best supertags there can be.
func withGoldSupertags(sents []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	for k, s := range sents {
		c := *s
		c.Words = slices.Clone(s.Words)
		for i, st := range Supertags(s) {
			c.Words[i].SetMisc(SuperKey, st)
		}
		out[k] = &c
	}
	return out
}

func uasWith(p *Parser, sents []*conllu.Sentence, super bool) float64 {
	pred := make([]*conllu.Sentence, len(sents))
	for k, s := range sents {
		words, upos, xpos := columns(s)
		var st []string
		if super {
			st = Supertags(s)
		}
		heads, rels := make([]int, len(words)), make([]string, len(words))
		p.ParseSuperTo(heads, rels, words, upos, xpos, st)
		c := *s
		c.Words = slices.Clone(s.Words)
		for i := range c.Words {
			c.Words[i].Head, c.Words[i].Deprel = heads[i], rels[i]
		}
		pred[k] = &c
	}
	return Score(sents, pred).UAS
}

// A parser trained with supertags reads them: given good ones it parses
// far better than without, and it saves and loads with them.
func TestTrain_supertags(t *testing.T) {
	train := withGoldSupertags(readEWT(t, "train")[:300])
	dev := readEWT(t, "dev")[:100]
	p, err := Train(context.Background(), train, Config{Epochs: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Supertagged() {
		t.Fatal("trained on supertags but Supertagged is false")
	}
	with, without := uasWith(p, dev, true), uasWith(p, dev, false)
	t.Logf("dev[:100] UAS with gold supertags %.2f, without %.2f", with, without)
	if with < without+5 {
		t.Errorf("UAS with gold supertags %.2f, without %.2f: are they read?", with, without)
	}
	b := saved(t, p)
	if !bytes.HasPrefix(b, []byte(magicV7)) {
		t.Errorf("saved as %q, want format 7", b[:8])
	}
	q, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, saved(t, q)) {
		t.Error("Save after Load differs from the original")
	}
	if got := uasWith(q, dev, true); got != with {
		t.Errorf("after Load UAS with supertags %.2f, before %.2f", got, with)
	}
	// Parsers trained without supertags ignore them.
	plain := trainSmall(t, readEWT(t, "train")[:300])
	if plain.Supertagged() {
		t.Error("trained without supertags but Supertagged is true")
	}
	if a, b := uasWith(plain, dev, true), uasWith(plain, dev, false); a != b {
		t.Errorf("a parser trained without supertags parses differently with them: UAS %.2f against %.2f", a, b)
	}
}
