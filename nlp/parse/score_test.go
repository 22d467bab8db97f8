package parse

import (
	"fmt"
	"math"
	"testing"

	"github.com/kgraph/kgraph/nlp/conllu"
)

func sent(rows ...conllu.Word) *conllu.Sentence {
	for i := range rows {
		rows[i].ID = i + 1
	}
	return &conllu.Sentence{Words: rows}
}

func TestScore(t *testing.T) {
	gold := []*conllu.Sentence{sent(
		conllu.Word{Form: "Dogs", Lemma: "dog", UPOS: "NOUN", XPOS: "NNS", Head: 2, Deprel: "nsubj"},
		conllu.Word{Form: "bark", Lemma: "bark", UPOS: "VERB", XPOS: "VBP", Head: 0, Deprel: "root"},
		conllu.Word{Form: "today", Lemma: "today", UPOS: "NOUN", XPOS: "NN", Head: 2, Deprel: "obl:tmod"},
		conllu.Word{Form: ".", Lemma: "_", UPOS: "PUNCT", XPOS: ".", Head: 2, Deprel: "punct"},
	)}
	tests := []struct {
		name string
		pred []*conllu.Sentence
		want Scores
	}{
		{"identical", gold, Scores{100, 100, 100, 100, 100, 4}},
		{"subtype ignored, punct and lemma _ scored", []*conllu.Sentence{sent(
			conllu.Word{Lemma: "dog", UPOS: "NOUN", XPOS: "NNS", Head: 2, Deprel: "nsubj:pass"},
			conllu.Word{Lemma: "bark", UPOS: "VERB", XPOS: "VBP", Head: 0, Deprel: "root"},
			conllu.Word{Lemma: "today", UPOS: "NOUN", XPOS: "NN", Head: 2, Deprel: "obl"},
			conllu.Word{Lemma: "whatever", UPOS: "PUNCT", XPOS: ".", Head: 3, Deprel: "punct"},
		)}, Scores{100, 100, 100, 75, 75, 4}},
		{"wrong label and tags", []*conllu.Sentence{sent(
			conllu.Word{Lemma: "dogs", UPOS: "PROPN", XPOS: "NNS", Head: 2, Deprel: "obj"},
			conllu.Word{Lemma: "bark", UPOS: "NOUN", XPOS: "NN", Head: 0, Deprel: "root"},
			conllu.Word{Lemma: "today", UPOS: "NOUN", XPOS: "NN", Head: 1, Deprel: "obl"},
			conllu.Word{Lemma: ".", UPOS: "PUNCT", XPOS: ".", Head: 2, Deprel: "punct"},
		)}, Scores{50, 75, 75, 75, 50, 4}},
		{"missing words count as wrong", []*conllu.Sentence{sent(
			conllu.Word{Lemma: "dog", UPOS: "NOUN", XPOS: "NNS", Head: 2, Deprel: "nsubj"},
		)}, Scores{25, 25, 25, 25, 25, 4}},
		{"missing sentence", nil, Scores{0, 0, 0, 0, 0, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(gold, tt.pred)
			for _, f := range []struct {
				name      string
				got, want float64
			}{{"UPOS", got.UPOS, tt.want.UPOS}, {"XPOS", got.XPOS, tt.want.XPOS}, {"Lemma", got.Lemma, tt.want.Lemma},
				{"UAS", got.UAS, tt.want.UAS}, {"LAS", got.LAS, tt.want.LAS}} {
				if math.Abs(f.got-f.want) > 1e-9 {
					t.Errorf("%s = %.2f, want %.2f", f.name, f.got, f.want)
				}
			}
			if got.Words != tt.want.Words {
				t.Errorf("Words = %d, want %d", got.Words, tt.want.Words)
			}
		})
	}
}

func ExampleScores_String() {
	fmt.Print(Scores{UPOS: 95.123, XPOS: 94.5, Lemma: 97, UAS: 88.25, LAS: 85.5})
	// Output:
	// UPOS  95.12
	// XPOS  94.50
	// LEMMA 97.00
	// UAS   88.25
	// LAS   85.50
}
