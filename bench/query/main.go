// Command query times issue 14's graph questions on a store: a one-hop
// question, a two-hop one with a predicate filter, and what is related to
// both of two entities, hubs included (the United States, the Republic of
// Korea, Russia, China, Japan), and the time to open the store.
//
// In-process it asks through the Go API (Store.Hop, Store.Related), the
// store opened once, and takes the median of -n runs of each question;
// with -kgraph it also runs each question -n times through `kgraph
// related`, start-up and opening included. With -gizmo it times the
// Gizmo forms of the questions too, for comparison (seconds on a hub).
// It prints one line per question, then a table of the median over the
// questions of each kind against issue 14's targets.
//
//	go run ./bench/query -db /tmp/wh.db -kgraph /tmp/kgraph
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kgraph/kgraph/graph"
)

// Question is one question timed: Entities and Steps as `kgraph related`
// takes them, and the Gizmo form that answers it.
type Question struct {
	Kind     string
	Entities []string
	Steps    []string
	Gizmo    string
}

// Kinds and their targets, issue 14 point 3.
var targets = []struct {
	Kind   string
	Target time.Duration
}{
	{"open", time.Second},
	{"1-hop", 5 * time.Millisecond},
	{"2-hop", 50 * time.Millisecond},
	{"both", 200 * time.Millisecond},
}

// Questions are the questions timed.
var Questions = []Question{
	{"1-hop", []string{"kg:e/united-states"}, []string{"out:reaffirm"},
		`g.V("<kg:e/united-states>").Out("<kg:p/reaffirm>").Unique().All()`},
	{"1-hop", []string{"kg:e/russia"}, []string{"in"},
		`g.V("<kg:e/russia>").In(` + factPredicates + `).Unique().All()`},
	{"1-hop", []string{"kg:e/china"}, []string{"out:support"},
		`g.V("<kg:e/china>").Out("<kg:p/support>").Unique().All()`},
	{"1-hop", []string{"kg:e/republic-of-korea"}, []string{"in"},
		`g.V("<kg:e/republic-of-korea>").In(` + factPredicates + `).Unique().All()`},
	{"1-hop", []string{"kg:e/united-states"}, []string{"either"},
		`g.V("<kg:e/united-states>").Both(` + factPredicates + `).Unique().All()`},
	{"1-hop", []string{"kg:e/japan"}, []string{"out:condemn"},
		`g.V("<kg:e/japan>").Out("<kg:p/condemn>").Unique().All()`},
	{"2-hop", []string{"kg:e/japan"}, []string{"out:condemn", "out:violate"},
		`g.V("<kg:e/japan>").Out("<kg:p/condemn>").Out("<kg:p/violate>").Unique().All()`},
	{"2-hop", []string{"kg:e/united-states"}, []string{"out:support", "out:support"},
		`g.V("<kg:e/united-states>").Out("<kg:p/support>").Out("<kg:p/support>").Unique().All()`},
	{"2-hop", []string{"kg:e/republic-of-korea"}, []string{"out:support", "out:support"},
		`g.V("<kg:e/republic-of-korea>").Out("<kg:p/support>").Out("<kg:p/support>").Unique().All()`},
	{"2-hop", []string{"kg:e/russia"}, []string{"in", "out:support"},
		`g.V("<kg:e/russia>").In(` + factPredicates + `).Out("<kg:p/support>").Unique().All()`},
	{"2-hop", []string{"kg:e/china"}, []string{"out:support", "in:support"},
		`g.V("<kg:e/china>").Out("<kg:p/support>").In("<kg:p/support>").Unique().All()`},
	{"both", []string{"kg:e/united-states", "kg:e/republic-of-korea"}, nil, ""},
	{"both", []string{"kg:e/united-states", "kg:e/china"}, nil, ""},
	{"both", []string{"kg:e/united-states", "kg:e/russia"}, nil, ""},
	{"both", []string{"kg:e/united-states", "kg:e/japan"}, nil, ""},
	{"both", []string{"kg:e/russia", "kg:e/china"}, nil, ""},
	{"both", []string{"kg:e/republic-of-korea", "kg:e/japan"}, nil, ""},
}

// factPredicates is, in Gizmo, the predicates of fact edges: the nodes
// typed kg:t/Predicate.
const factPredicates = `g.V().Has("<kg:type>", "<kg:t/Predicate>")`

// bothGizmo is the Gizmo form of "related to both": fact edges followed
// either way from each entity, intersected.
func bothGizmo(a, b string) string {
	return fmt.Sprintf(`g.V("<%s>").Both(%s).Intersect(g.V("<%s>").Both(%s)).Unique().All()`, a, factPredicates, b, factPredicates)
}

func main() {
	db := flag.String("db", "kgraph.db", "the store's `directory`")
	backend := flag.String("backend", graph.DefaultBackend, "the store's backend")
	n := flag.Int("n", 5, "runs of each question")
	kgraph := flag.String("kgraph", "", "the kgraph `binary` to time the CLI with (none: in-process only)")
	gizmo := flag.Bool("gizmo", false, "time the Gizmo forms too")
	gizmoTimeout := flag.Duration("gizmo-timeout", 30*time.Second, "give up on a Gizmo question after this long")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *db, *backend, *kgraph, *n, *gizmo, *gizmoTimeout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, w io.Writer, db, backend, kgraph string, n int, gizmo bool, gizmoTimeout time.Duration) error {
	var opens []time.Duration
	var s *graph.Store
	for i := range n {
		start := time.Now()
		var err error
		if s, err = graph.Open(ctx, graph.Config{Backend: backend, Address: db, FewWrites: true}); err != nil {
			return err
		}
		opens = append(opens, time.Since(start))
		if i < n-1 {
			if err := s.Close(); err != nil { // bolt locks its file: one open at a time
				return err
			}
		}
	}
	defer s.Close() // on an early return; closing twice is harmless
	if !s.IndexReady() {
		fmt.Fprintf(w, "the store's fact index is not ready: the Go API goes through Cayley's iterators (kgraph index --db %s builds it)\n", db)
	}

	// In-process first, then the CLI: bolt locks its file, so the
	// commands cannot open the store while this process holds it.
	type timing struct {
		api, cli time.Duration
		rows     int
	}
	timings := make([]timing, len(Questions))
	for i, q := range Questions {
		t := &timings[i]
		var runs []time.Duration
		for range n {
			start := time.Now()
			rows, err := ask(ctx, s, q)
			if err != nil {
				return err
			}
			runs = append(runs, time.Since(start))
			t.rows = rows
		}
		t.api = median(runs)
	}
	if err := s.Close(); err != nil {
		return err
	}
	if kgraph != "" {
		for i, q := range Questions {
			args := append([]string{"related", "--db", db, "--backend", backend}, q.Entities...)
			for _, st := range q.Steps {
				args = append(args, "--step", st)
			}
			var runs []time.Duration
			for range n {
				start := time.Now()
				cmd := exec.CommandContext(ctx, kgraph, args...)
				cmd.Stderr = os.Stderr
				if err := cmd.Run(); err != nil {
					return fmt.Errorf("%s %s: %w", kgraph, strings.Join(args, " "), err)
				}
				runs = append(runs, time.Since(start))
			}
			timings[i].cli = median(runs)
		}
	}

	byKind := map[string][]timing{"open": {{api: median(opens)}}}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\tquestion\tentities\tGo API\tCLI")
	fmt.Fprintf(tw, "open\t%s\t\t%s\t\n", db, ms(median(opens)))
	for i, q := range Questions {
		t := timings[i]
		byKind[q.Kind] = append(byKind[q.Kind], t)
		cli := ""
		if t.cli > 0 {
			cli = ms(t.cli)
		}
		fmt.Fprintf(tw, "%s\t%s %s\t%d\t%s\t%s\n", q.Kind, strings.Join(q.Entities, " & "), strings.Join(q.Steps, " "),
			t.rows, ms(t.api), cli)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nmedian over the questions of each kind (each question the median of %d runs); max in brackets\n", n)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\ttarget\tGo API\tholds\tCLI\tholds")
	for _, k := range targets {
		var api, cli []time.Duration
		for _, t := range byKind[k.Kind] {
			api = append(api, t.api)
			if t.cli > 0 {
				cli = append(cli, t.cli)
			}
		}
		row := fmt.Sprintf("%s\t≤ %s\t%s (%s)\t%s", k.Kind, k.Target, ms(median(api)), ms(slices.Max(api)), holds(median(api), k.Target))
		if len(cli) > 0 {
			row += fmt.Sprintf("\t%s (%s)\t%s", ms(median(cli)), ms(slices.Max(cli)), holds(median(cli), k.Target))
		} else {
			row += "\t\t"
		}
		fmt.Fprintln(tw, row)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if gizmo {
		return timeGizmo(ctx, w, db, backend, gizmoTimeout)
	}
	return nil
}

// timeGizmo times the Gizmo form of each question once, in-process, and
// prints each line as it is done: on a hub they take seconds to minutes.
func timeGizmo(ctx context.Context, w io.Writer, db, backend string, timeout time.Duration) error {
	s, err := graph.Open(ctx, graph.Config{Backend: backend, Address: db, FewWrites: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nthe Gizmo forms, in-process, one run each (timeout %s)\n", timeout)
	timedOut := false
	for _, q := range Questions {
		g := q.Gizmo
		if g == "" {
			g = bothGizmo(q.Entities[0], q.Entities[1])
		}
		start := time.Now()
		res, err := s.Query(ctx, "gizmo", g, graph.QueryOptions{Timeout: timeout})
		took := "> " + timeout.String()
		rows := ""
		switch {
		case errors.Is(err, graph.ErrTimeout):
			timedOut = true
		case err != nil:
			return fmt.Errorf("%s: %w", g, err)
		default:
			took, rows = ms(time.Since(start)), fmt.Sprintf("%d rows", len(res.Rows))
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", q.Kind, took, rows, g)
	}
	if timedOut {
		// Cayley's Gizmo goes on reading after the timeout returns, and
		// closing bolt under it faults: leave the store to the exit.
		return nil
	}
	return s.Close()
}

// ask asks q through the Go API and says how many entities answer it.
func ask(ctx context.Context, s *graph.Store, q Question) (int, error) {
	if len(q.Entities) == 2 {
		r, err := s.Related(ctx, graph.RelatedOptions{A: q.Entities[0], B: q.Entities[1]})
		if err != nil {
			return 0, err
		}
		return len(r.Entities), nil
	}
	var steps []graph.Step
	for _, st := range q.Steps {
		step, err := graph.ParseStep(st)
		if err != nil {
			return 0, err
		}
		steps = append(steps, step)
	}
	r, err := s.Hop(ctx, graph.HopOptions{From: q.Entities[0], Steps: steps})
	if err != nil {
		return 0, err
	}
	return len(r.Entities), nil
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	d = slices.Clone(d)
	slices.Sort(d)
	return d[len(d)/2]
}

func holds(d, target time.Duration) string {
	if d <= target {
		return "yes"
	}
	return "no"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
