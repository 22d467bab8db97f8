package parse

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/kgraph/kgraph/nlp/cluster"
	"github.com/kgraph/kgraph/nlp/conllu"
)

// smallClasses learns word classes from the words of sents.
func smallClasses(t *testing.T, sents []*conllu.Sentence) *cluster.Classes {
	t.Helper()
	c := cluster.NewCounter()
	for _, s := range sents {
		words, _, _ := columns(s)
		c.Add(words)
	}
	cl, err := cluster.Train(context.Background(), c, cluster.Config{K: 16})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func TestMerge(t *testing.T) {
	train := readEWT(t, "train")[:300]
	dev := readEWT(t, "dev")[:100]
	p := trainSmall(t, train)
	// A parser merged with itself scores every move as it does.
	self, err := Merge(p, p)
	if err != nil {
		t.Fatal(err)
	}
	sameParses(t, p, self, dev, "when merged with itself")
	// Parsers with other vocabularies cannot be merged.
	other := trainSmall(t, readEWT(t, "train")[300:600])
	if _, err := Merge(p, other); err == nil {
		t.Error("merged parsers trained on different sentences")
	}
	if _, err := Merge(); err == nil {
		t.Error("merged no parsers")
	}
}

func TestTrain_ensembleWithClasses(t *testing.T) {
	train := readEWT(t, "train")[:300]
	dev := readEWT(t, "dev")[:100]
	cl := smallClasses(t, train)
	cfg := Config{Epochs: 2, Seed: 7, Classes: cl, Ensemble: 2}
	a, err := Train(context.Background(), train, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(context.Background(), train, cfg)
	if err != nil {
		t.Fatal(err)
	}
	sa := saved(t, a)
	if !bytes.Equal(sa, saved(t, b)) {
		t.Fatal("two ensemble trainings with one seed differ")
	}
	// The ensemble is the merge of the parsers of seeds 7 and 8, shrunk to
	// the default share of its features.
	var singles []*Parser
	for seed := range uint64(2) {
		c := cfg
		c.Seed, c.Ensemble = 7+seed, 1
		p, err := Train(context.Background(), train, c)
		if err != nil {
			t.Fatal(err)
		}
		singles = append(singles, p)
	}
	m, err := Merge(singles...)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(sa, saved(t, m.Shrink(0.3))) {
		t.Error("Ensemble 2 differs from merging the parsers of its two seeds")
	}
	// The model keeps its word classes through Save and Load.
	q, err := Load(bytes.NewReader(sa))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.enc.classes) != cl.Len() {
		t.Errorf("loaded model has %d class words, trained with %d", len(q.enc.classes), cl.Len())
	}
	sameParses(t, a, q, dev, "after Load")
}

// A model of format 4 (before word classes: the model committed until
// the word-class generation) saves, loads and parses as it was, without
// the templates of format 5.
func TestLoad_format4(t *testing.T) {
	trained := trainSmall(t, readEWT(t, "train")[:300])
	p := trained.with(trained.w)
	p.ext = false
	b := saved(t, p)
	if !bytes.HasPrefix(b, []byte(magicV4)) {
		t.Fatalf("format-4 model saved with header %q", b[:8])
	}
	q, err := Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if q.ext || q.enc.classes != nil || q.pairs != nil {
		t.Error("format-4 model loaded with format-5 templates, classes or pairs")
	}
	if !bytes.Equal(b, saved(t, q)) {
		t.Error("Save after Load differs")
	}
	dev := readEWT(t, "dev")[:100]
	sameParses(t, p, q, dev, "after a format-4 round trip")
	// Without the format-5 templates the same weights score other
	// features: the format decides how a model parses.
	differs := false
	for _, s := range dev {
		words, upos, xpos := columns(s)
		h1, _ := q.Parse(words, upos, xpos)
		h2, _ := trained.Parse(words, upos, xpos)
		differs = differs || !slices.Equal(h1, h2)
	}
	if !differs {
		t.Error("a format-4 model parses as if it had the format-5 templates")
	}
}
