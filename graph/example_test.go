package graph_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// result is what package extract would produce for a one-sentence document.
func result() schema.Result {
	text := "The United States reaffirmed its commitment to the Republic of Korea."
	return schema.Result{
		Document:  schema.Document{ID: "statement", Title: "Joint Statement", Text: text},
		Sentences: []schema.Sentence{{N: 1, Text: text, End: len(text)}},
		Entities: []schema.Entity{
			{Label: "United States", Type: schema.TypeCountry},
			{Label: "Republic of Korea", Type: schema.TypeCountry, Aliases: []schema.Alias{{Name: "ROK"}}},
		},
		Facts: []schema.Fact{{
			Subject: "United States", Predicate: "reaffirm", Object: "Republic of Korea",
			Sentence: 1, Confidence: 0.9, Relation: "reaffirmed",
		}},
	}
}

// Open a store, load a document and ask Gizmo what the United States
// reaffirmed. Loading the same document again adds nothing.
func Example() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	st, err := s.Load(ctx, result())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("loaded %d document, %d fact, %d quads\n", st.Loaded, st.Facts, st.QuadsAdded)

	err = s.QueryJSON(ctx, os.Stdout, "gizmo",
		`g.V().Has("<kg:label>", "United States").Out("<kg:p/reaffirm>").Out("<kg:label>").All()`,
		graph.QueryOptions{})
	if err != nil {
		log.Fatal(err)
	}

	st, _ = s.Load(ctx, result())
	fmt.Printf("again: %d skipped, %d quads\n", st.Skipped, st.QuadsAdded)
	// Output:
	// loaded 1 document, 1 fact, 25 quads
	// {"result":[{"id":"Republic of Korea"}]}
	// again: 1 skipped, 0 quads
}

// The facts table, as rows for a program or as tsv for a spreadsheet.
func ExampleStore_Facts() {
	ctx := context.Background()
	s, _ := graph.Open(ctx, graph.Config{Backend: "memstore"})
	defer s.Close()
	if _, err := s.Load(ctx, result()); err != nil {
		log.Fatal(err)
	}
	rows, _ := s.Facts(ctx, graph.FactsOptions{})
	for _, r := range rows {
		fmt.Printf("%s -%s-> %s (%s, sentence %d, %.2f)\n", r.Subject, r.Predicate, r.Object, r.Document, r.Sentence, r.Confidence)
	}
	if err := s.Export(ctx, os.Stdout, "tsv", graph.ExportOptions{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// United States -reaffirm-> Republic of Korea (statement, sentence 1, 0.90)
	// subject	predicate	object	document	sentence	confidence	polarity
	// United States	reaffirm	Republic of Korea	statement	1	0.900	positive
}

// Start a traversal from a statement node to read a fact's provenance.
func ExampleStore_Query() {
	ctx := context.Background()
	s, _ := graph.Open(ctx, graph.Config{Backend: "memstore"})
	defer s.Close()
	if _, err := s.Load(ctx, result()); err != nil {
		log.Fatal(err)
	}
	res, err := s.Query(ctx, "gizmo",
		`g.V("<kg:f/statement/1/1>").Out("<kg:sentence>").Out("<kg:text>").All()`,
		graph.QueryOptions{Limit: 10})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Rows[0].(map[string]any)["id"])
	// Output:
	// The United States reaffirmed its commitment to the Republic of Korea.
}
