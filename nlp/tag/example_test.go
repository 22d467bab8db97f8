package tag_test

import (
	"fmt"

	"github.com/kgraph/kgraph/nlp/tag"
)

func ExampleTagger_Tag() {
	tg, err := tag.Default()
	if err != nil {
		panic(err)
	}
	words := []string{"Korea", "'s", "president", "was", "elected", "in", "2017", "."}
	upos, xpos := tg.Tag(words)
	for i, w := range words {
		fmt.Printf("%s\t%s\t%s\n", w, upos[i], xpos[i])
	}
	// Output:
	// Korea	PROPN	NNP
	// 's	PART	POS
	// president	NOUN	NN
	// was	AUX	VBD
	// elected	VERB	VBN
	// in	ADP	IN
	// 2017	NUM	CD
	// .	PUNCT	.
}
