package lemma_test

import (
	"fmt"

	"github.com/kgraph/kgraph/nlp/lemma"
)

func ExampleLemmatizer_Lemma() {
	l, err := lemma.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Lemma("reaffirmed", "VERB", "VBD"))
	fmt.Println(l.Lemma("was", "AUX", "VBD"))
	fmt.Println(l.Lemma("Americans", "PROPN", "NNPS"))
	fmt.Println(l.Lemma("frobnicated", "VERB", "VBD"))
	// Output:
	// reaffirm
	// be
	// American
	// frobnicate
}
