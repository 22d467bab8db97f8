package extract_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/extract"
	"github.com/kgraph/kgraph/schema"
)

func ExamplePipeline_Extract() {
	ex, err := extract.Default()
	if err != nil {
		panic(err)
	}
	doc := schema.Document{ID: "note", Text: "Russia violated the UN Charter. The two countries condemned the attack."}
	res, err := ex.Extract(context.Background(), doc)
	if err != nil {
		panic(err)
	}
	for _, f := range res.Facts {
		fmt.Printf("%d: %s | %s | %s", f.Sentence, f.Subject, f.Predicate, f.Object)
		if f.Unresolved {
			// No opening names the parties "the two countries" refers to.
			fmt.Print(" (unresolved)")
		}
		fmt.Println()
	}
	// Output:
	// 1: Russia | violate | United Nations Charter
	// 2: The two countries | condemn | attack (unresolved)
}

func ExamplePipeline_ExtractSentence() {
	ex, err := extract.Default()
	if err != nil {
		panic(err)
	}
	for _, e := range ex.ExtractSentence("The United States and the ROK reaffirmed their commitment to the alliance .") {
		fmt.Printf("%s (%s)\n", e.Relation, strings.Join(e.Args, "; "))
	}
	// Output:
	// reaffirmed (The United States; their commitment to the alliance)
	// reaffirmed (the ROK; their commitment to the alliance)
}
