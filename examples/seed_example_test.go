package examples_test

import (
	"context"
	"fmt"
	"os"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/extract"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// Build the graph of the bundled statement in memory and ask who
// reaffirmed anything.
func Example() {
	ctx := context.Background()
	ex, err := extract.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	res, err := ex.Extract(ctx, schema.Document{ID: "statement", Text: data.Statement})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	store, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	defer store.Close()
	if _, err := store.Load(ctx, res); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	ans, err := store.Query(ctx, "gizmo", `g.V().In("<kg:p/reaffirm>").Unique().Out("<kg:label>").All()`, graph.QueryOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, row := range ans.Rows {
		fmt.Println(row.(map[string]any)["id"])
	}
	// Output:
	// United States
	// Republic of Korea
}
