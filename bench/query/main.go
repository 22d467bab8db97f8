// Command query times graph questions on a store in-process, through the
// Go API, the store opened once: the median of -n runs of each query of
// issue 14's kinds (a one-hop question, a two-hop one with a predicate
// filter, what both of two entities did), and the time to open the store.
// bench/query.sh runs it beside the same questions through the CLI.
//
//	go run ./bench/query -db /tmp/wh.db
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"slices"
	"time"

	"github.com/kgraph/kgraph/graph"
)

// Queries are the questions timed, by kind.
var Queries = []struct{ Kind, Gizmo string }{
	{"1-hop", `g.V("<kg:e/united-states>").Out("<kg:p/reaffirm>").Out("<kg:label>").All()`},
	{"1-hop", `g.V("<kg:e/russia>").In("<kg:p/condemn>").Out("<kg:label>").All()`},
	{"2-hop", `g.V("<kg:e/japan>").Out("<kg:p/condemn>").Out("<kg:p/violate>").Out("<kg:label>").All()`},
	{"2-hop", `g.V("<kg:e/united-states>").Out("<kg:p/support>").Out("<kg:p/support>").Out("<kg:label>").All()`},
	{"both A and B", `g.V("<kg:e/united-states>").Out("<kg:p/reaffirm>").Intersect(g.V("<kg:e/republic-of-korea>").Out("<kg:p/reaffirm>")).Out("<kg:label>").All()`},
	{"both A and B", `g.V("<kg:e/united-states>").Out("<kg:p/condemn>").Intersect(g.V("<kg:e/japan>").Out("<kg:p/condemn>")).Out("<kg:label>").All()`},
}

func main() {
	db := flag.String("db", "kgraph.db", "the store's `directory`")
	backend := flag.String("backend", graph.DefaultBackend, "the store's backend")
	n := flag.Int("n", 5, "runs of each query")
	flag.Parse()
	ctx := context.Background()
	start := time.Now()
	s, err := graph.Open(ctx, graph.Config{Backend: *backend, Address: *db, FewWrites: true})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	fmt.Printf("open\t%s\n", ms(time.Since(start)))
	for _, q := range Queries {
		var runs []time.Duration
		rows := 0
		for range *n {
			t := time.Now()
			res, err := s.Query(ctx, "gizmo", q.Gizmo, graph.QueryOptions{})
			if err != nil {
				log.Fatalf("%s: %v", q.Gizmo, err)
			}
			runs = append(runs, time.Since(t))
			rows = len(res.Rows)
		}
		slices.Sort(runs)
		fmt.Printf("%s\t%s median of %d\t%d rows\t%s\n", q.Kind, ms(runs[len(runs)/2]), *n, rows, q.Gizmo)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
