package graph

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/kgraph/kgraph/schema"
)

func openBoltT(t *testing.T, dir string) *Store {
	t.Helper()
	return mustOpen(t, Config{Backend: "bolt", Address: dir, FewWrites: true})
}

// TestAsk_seed pins the answers on the seed documents, from the index
// (bolt) and through Cayley's iterators (memstore).
func TestAsk_seed(t *testing.T) {
	ctx := context.Background()
	stores := map[string]*Store{
		"bolt":     openBoltT(t, filepath.Join(t.TempDir(), "db")),
		"memstore": mustOpen(t, Config{Backend: "memstore"}),
	}
	for name, s := range stores {
		if _, err := s.Load(ctx, docResult(), otherResult()); err != nil {
			t.Fatal(err)
		}
		if got, want := s.IndexReady(), name == "bolt"; got != want {
			t.Fatalf("%s: IndexReady = %v, want %v", name, got, want)
		}
	}
	hops := []struct {
		name string
		opts HopOptions
		want []Reached
	}{
		{"out by lemma", HopOptions{From: "United States", Steps: []Step{{Predicate: "reaffirm", Direction: Out}}},
			[]Reached{{IRI: "kg:e/republic-of-korea", Label: "Republic of Korea", Edges: 1}}},
		{"out by IRI", HopOptions{From: "<kg:e/united-states>", Steps: []Step{{Predicate: "<kg:p/reaffirm>", Direction: Out}}},
			[]Reached{{IRI: "kg:e/republic-of-korea", Label: "Republic of Korea", Edges: 1}}},
		{"in", HopOptions{From: "ROK", Steps: []Step{{Direction: In}}},
			[]Reached{{IRI: "kg:e/united-states", Label: "United States", Edges: 1}}},
		{"wrong way", HopOptions{From: "ROK", Steps: []Step{{Predicate: "reaffirm", Direction: Out}}}, nil},
		{"either, any predicate", HopOptions{From: "Republic of Korea"},
			[]Reached{{IRI: "kg:e/nuclear-weapons", Label: "nuclear weapons", Edges: 1},
				{IRI: "kg:e/united-states", Label: "United States", Edges: 1}}},
		{"two steps", HopOptions{From: "United States", Steps: []Step{{Predicate: "reaffirm", Direction: Out}, {Predicate: "develop", Direction: Out}}},
			[]Reached{{IRI: "kg:e/nuclear-weapons", Label: "nuclear weapons", Edges: 1}}},
		{"there and back", HopOptions{From: "United States", Steps: []Step{{Direction: Out}, {Direction: In}}},
			[]Reached{{IRI: "kg:e/united-states", Label: "United States", Edges: 1}}},
		{"limit", HopOptions{From: "Republic of Korea", Limit: 1},
			[]Reached{{IRI: "kg:e/nuclear-weapons", Label: "nuclear weapons", Edges: 1}}},
		{"no edges to an unresolved subject", HopOptions{From: "cooperation"}, nil},
	}
	for name, s := range stores {
		for _, tc := range hops {
			t.Run(name+"/"+tc.name, func(t *testing.T) {
				res, err := s.Hop(ctx, tc.opts)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(res.Entities, tc.want) {
					t.Errorf("got %+v, want %+v", res.Entities, tc.want)
				}
				if res.Indexed != (name == "bolt") {
					t.Errorf("Indexed = %v on %s", res.Indexed, name)
				}
			})
		}
		t.Run(name+"/related", func(t *testing.T) {
			res, err := s.Related(ctx, RelatedOptions{A: "United States", B: "nuclear weapons"})
			if err != nil {
				t.Fatal(err)
			}
			want := []Shared{{IRI: "kg:e/republic-of-korea", Label: "Republic of Korea", EdgesA: 1, EdgesB: 1}}
			if !reflect.DeepEqual(res.Entities, want) || res.A.Label != "United States" || res.B.IRI != "kg:e/nuclear-weapons" {
				t.Errorf("got %+v", res)
			}
			// An affiliation is no fact edge: Blinken and the ROK share
			// nothing.
			res, err = s.Related(ctx, RelatedOptions{A: "Antony Blinken", B: "Republic of Korea"})
			if err != nil || len(res.Entities) != 0 {
				t.Errorf("Blinken and the ROK: %+v, %v", res, err)
			}
		})
		t.Run(name+"/unknown", func(t *testing.T) {
			for _, from := range []string{"Atlantis", "kg:e/atlantis"} {
				if _, err := s.Hop(ctx, HopOptions{From: from}); !errors.Is(err, ErrUnknownEntity) {
					t.Errorf("%s: %v, want ErrUnknownEntity", from, err)
				}
			}
		})
	}
}

// randomResult is a document over a few entities and predicates, so that
// documents share entities and edges, and edges repeat across sentences.
func randomResult(r *rand.Rand, id string) schema.Result {
	names := []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"}
	preds := []string{"support", "condemn", "meet"}
	res := schema.Result{Document: schema.Document{ID: id, Title: id, Text: fmt.Sprint(r.Int())}}
	for n := 1; n <= 1+r.IntN(3); n++ {
		res.Sentences = append(res.Sentences, schema.Sentence{N: n, Text: fmt.Sprintf("sentence %d", n)})
		for range r.IntN(4) {
			f := schema.Fact{Subject: names[r.IntN(len(names))], Predicate: preds[r.IntN(len(preds))],
				Object: names[r.IntN(len(names))], Sentence: n, Confidence: 0.5, Negated: r.IntN(5) == 0,
				Unresolved: r.IntN(8) == 0}
			res.Facts = append(res.Facts, f)
		}
	}
	types := []string{schema.TypeCountry, schema.TypePerson, ""}
	for _, n := range names {
		if r.IntN(2) == 0 {
			e := schema.Entity{Label: n, Type: types[r.IntN(len(types))]}
			for range r.IntN(3) {
				e.Aliases = append(e.Aliases, schema.Alias{Name: n[:1+r.IntN(3)], Sentence: 1 + r.IntN(len(res.Sentences))})
			}
			res.Entities = append(res.Entities, e)
		}
	}
	return res
}

// indexDump is every key of the fact index.
func indexDump(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	var keys []string
	err := hkv.View(ctx, s.index.kv, func(tx hkv.Tx) error {
		return s.index.scan(ctx, tx, nil, func(rest []byte) bool {
			keys = append(keys, string(rest))
			return true
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// compareAnswers asks every question the random stores allow, from the
// index and through Cayley's iterators, and wants the same answers.
func compareAnswers(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	if !s.IndexReady() {
		t.Fatalf("%s: index not ready", when)
	}
	fast, err := s.Aliases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.index.ready.Store(false)
	slow, err := s.Aliases(ctx)
	s.index.ready.Store(true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: aliases from the index\n%v\nfrom the iterators\n%v", when, fast, slow)
	}
	for i := range 8 {
		doc := quad.IRI(schema.DocumentIRI(fmt.Sprintf("doc%d", i)))
		// As sets of quads, not of N-Quads lines: a value read back as
		// another type (a string for an IRI) is another quad to Cayley.
		var sets [2]map[quad.Quad]bool
		for j, indexed := range []bool{true, false} {
			var sd storedDoc
			if err := s.documentRest(ctx, doc, &sd, indexed); err != nil {
				t.Fatal(err)
			}
			sets[j] = map[quad.Quad]bool{}
			for _, q := range sd.quads {
				sets[j][q] = true
			}
		}
		if !maps.Equal(sets[0], sets[1]) {
			t.Errorf("%s: %s's quads from the index\n%v\nfrom the iterators\n%v", when, doc, sets[0], sets[1])
		}
	}
	var names []string
	for _, n := range []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"} {
		if ref, _ := s.qs.ValueOf(quad.IRI(schema.EntityIRI(n))); ref != nil {
			names = append(names, schema.EntityIRI(n))
		}
	}
	stepSets := [][]Step{
		nil,
		{{Predicate: "support", Direction: Out}},
		{{Predicate: "condemn", Direction: In}},
		{{Direction: Out}},
		{{Predicate: "support", Direction: Out}, {Predicate: "meet", Direction: Either}},
		{{Direction: Either}, {Direction: In}, {Predicate: "condemn"}},
	}
	for _, a := range names {
		for _, steps := range stepSets {
			opts := HopOptions{From: a, Steps: steps}
			fast, err := s.hop(ctx, opts, true)
			if err != nil {
				t.Fatal(err)
			}
			slow, err := s.hop(ctx, opts, false)
			if err != nil {
				t.Fatal(err)
			}
			if !fast.Indexed || slow.Indexed {
				t.Fatalf("Indexed: %v %v", fast.Indexed, slow.Indexed)
			}
			fast.Indexed = false
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("%s: hop %+v:\nindex  %+v\ncayley %+v", when, opts, fast, slow)
			}
		}
		for _, b := range names {
			opts := RelatedOptions{A: a, B: b}
			fast, err := s.related(ctx, opts, true)
			if err != nil {
				t.Fatal(err)
			}
			slow, err := s.related(ctx, opts, false)
			if err != nil {
				t.Fatal(err)
			}
			fast.Indexed = false
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("%s: related %+v:\nindex  %+v\ncayley %+v", when, opts, fast, slow)
			}
		}
	}
}

// TestIndex_matchesCayley loads, replaces and removes random documents,
// and after each write wants the index's answers to be the iterators',
// and the index kept write by write to be the index built from scratch.
func TestIndex_matchesCayley(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 14))
			dir := filepath.Join(t.TempDir(), "db")
			s := openBoltT(t, dir)
			for step := range 12 {
				id := fmt.Sprintf("doc%d", r.IntN(5))
				var what string
				switch k := r.IntN(4); {
				case k < 3: // a new document or a new version of one
					what = "load " + id
					batch := []schema.Result{randomResult(r, id)}
					if r.IntN(2) == 0 {
						batch = append(batch, randomResult(r, fmt.Sprintf("doc%d", 5+r.IntN(3))))
					}
					if _, err := s.Load(ctx, batch...); err != nil {
						t.Fatal(err)
					}
				default:
					what = "remove " + id
					if _, err := s.Remove(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
						t.Fatal(err)
					}
				}
				when := fmt.Sprintf("step %d (%s)", step, what)
				compareAnswers(t, s, when)
				if err := s.CheckIndex(ctx); err != nil {
					t.Fatalf("%s: %v", when, err)
				}
				kept := indexDump(t, s)
				if _, err := s.BuildIndex(ctx); err != nil {
					t.Fatal(err)
				}
				if built := indexDump(t, s); !slices.Equal(kept, built) {
					t.Fatalf("%s: index kept by writes has %d keys, built from the quads %d:\n%q\n%q", when, len(kept), len(built), kept, built)
				}
			}
			// And the index survives a reopen.
			s2 := reopenT(t, s, dir)
			compareAnswers(t, s2, "reopened")
		})
	}
}

func reopenT(t *testing.T, s *Store, dir string) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return openBoltT(t, dir)
}

// TestIndex_staleStore writes to a store behind the index's back, as a
// kgraph without the index would: the index then stands aside, the
// questions still answer, and BuildIndex brings it back.
func TestIndex_staleStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	s := openBoltT(t, dir)
	if _, err := s.Load(ctx, docResult()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Cayley's own store over the same file, without the index.
	qs, err := cgraph.NewQuadStore(boltType, dir, cgraph.Options{"no_bloom": true})
	if err != nil {
		t.Fatal(err)
	}
	q := quad.Make(quad.IRI("kg:e/united-states"), quad.IRI("kg:p/meet"), quad.IRI("kg:e/japan"), quad.IRI("kg:s/x/1"))
	if err := qs.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	qs.Close()

	s = openBoltT(t, dir)
	if s.IndexReady() {
		t.Fatal("index ready after a write that did not keep it")
	}
	want := []Reached{{IRI: "kg:e/japan", Label: "kg:e/japan", Edges: 1}}
	ask := func(indexed bool) {
		t.Helper()
		res, err := s.Hop(ctx, HopOptions{From: "United States", Steps: []Step{{Predicate: "meet", Direction: Out}}})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res.Entities, want) || res.Indexed != indexed {
			t.Errorf("got %+v (indexed %v), want %+v (indexed %v)", res.Entities, res.Indexed, want, indexed)
		}
	}
	ask(false)
	// A write while the index stands aside leaves it aside.
	if _, err := s.Load(ctx, otherResult()); err != nil {
		t.Fatal(err)
	}
	s = reopenT(t, s, dir)
	if s.IndexReady() {
		t.Fatal("index ready again without BuildIndex")
	}
	st, err := s.BuildIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Keys == 0 || !s.IndexReady() {
		t.Fatalf("BuildIndex: %+v, ready %v", st, s.IndexReady())
	}
	ask(true)
	s = reopenT(t, s, dir)
	if !s.IndexReady() {
		t.Fatal("built index not ready after reopening")
	}
	compareSeed := func() {
		for _, from := range []string{"United States", "Republic of Korea", "Antony Blinken"} {
			fast, err := s.hop(ctx, HopOptions{From: from}, true)
			if err != nil {
				t.Fatal(err)
			}
			slow, err := s.hop(ctx, HopOptions{From: from}, false)
			if err != nil {
				t.Fatal(err)
			}
			fast.Indexed = false
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("%s: index %+v, cayley %+v", from, fast, slow)
			}
		}
	}
	compareSeed()
}

// FuzzIndex drives loads, replacements and removals of random documents
// from the fuzzer's seed: after them the fact index must match the quads
// and answer as Cayley's iterators do.
func FuzzIndex(f *testing.F) {
	f.Add(uint64(1), uint8(4))
	f.Add(uint64(14), uint8(9))
	f.Fuzz(func(t *testing.T, seed uint64, ops uint8) {
		ctx := context.Background()
		r := rand.New(rand.NewPCG(seed, uint64(ops)))
		s := openBoltT(t, filepath.Join(t.TempDir(), "db"))
		for range ops % 10 {
			id := fmt.Sprintf("doc%d", r.IntN(4))
			if r.IntN(4) == 0 {
				if _, err := s.Remove(ctx, id); err != nil && !errors.Is(err, ErrNotFound) {
					t.Fatal(err)
				}
				continue
			}
			if _, err := s.Load(ctx, randomResult(r, id)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CheckIndex(ctx); err != nil {
			t.Fatal(err)
		}
		compareAnswers(t, s, fmt.Sprintf("seed %d, %d writes", seed, ops%10))
	})
}
