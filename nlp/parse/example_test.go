package parse_test

import (
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/nlp/parse"
)

func ExampleParser_Parse() {
	p, err := parse.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("The committee approved the new budget on Monday .")
	upos := strings.Fields("DET NOUN VERB DET ADJ NOUN ADP PROPN PUNCT")
	xpos := strings.Fields("DT NN VBD DT JJ NN IN NNP .")
	heads, rels := p.Parse(words, upos, xpos)
	for i, w := range words {
		head := "ROOT"
		if heads[i] > 0 {
			head = words[heads[i]-1]
		}
		fmt.Printf("%s(%s, %s)\n", rels[i], head, w)
	}
	// Output:
	// det(committee, The)
	// nsubj(approved, committee)
	// root(ROOT, approved)
	// det(budget, the)
	// amod(budget, new)
	// obj(approved, budget)
	// case(Monday, on)
	// obl(approved, Monday)
	// punct(approved, .)
}
