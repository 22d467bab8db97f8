package carb_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/kgraph/kgraph/eval/carb"
)

func Example() {
	gold, err := carb.ReadGold(strings.NewReader(`Obama was born in Hawaii .	was born in	Obama	Hawaii
Analysts said prices will rise .	said	Analysts	prices will rise
Analysts said prices will rise .	will rise	prices
`))
	if err != nil {
		log.Fatal(err)
	}
	// System output: sentence, confidence, relation, arguments. The said
	// tuple has its arguments swapped, which CaRB forgives; the last one is
	// wrong and costs precision at the lowest threshold only.
	pred, err := carb.ReadTabbed(strings.NewReader(`Obama was born in Hawaii .	0.9	was born in	Obama	Hawaii
Analysts said prices will rise .	0.7	said	prices will rise	Analysts
Analysts said prices will rise .	0.4	rise	prices	will
Obama was born in Hawaii .	0.2	born	Hawaii	Obama
`))
	if err != nil {
		log.Fatal(err)
	}

	r := carb.Score(gold, pred, carb.Options{})
	fmt.Println(r.Summary())
	for _, p := range r.Curve {
		fmt.Printf("confidence ≥ %.1f: P %.3f R %.3f\n", p.Threshold, p.Precision, p.Recall)
	}
	// Output:
	// AUC: 0.889	 Optimal (precision, recall, F1): [1.    0.889 0.941]
	// confidence ≥ 0.2: P 0.750 R 0.889
	// confidence ≥ 0.4: P 1.000 R 0.889
	// confidence ≥ 0.7: P 1.000 R 0.667
	// confidence ≥ 0.9: P 1.000 R 0.333
}

func ExampleMatch() {
	gold := carb.Extraction{Relation: "was born in", Args: []string{"Barack Obama", "Honolulu , Hawaii"}}
	pred := carb.Extraction{Relation: "born in", Args: []string{"Obama", "Hawaii"}}
	s := carb.Match(gold, pred)
	fmt.Printf("precision %.2f, recall %.2f\n", s.Precision, s.Recall)
	// Output: precision 1.00, recall 0.50
}
