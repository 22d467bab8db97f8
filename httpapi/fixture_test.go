package httpapi

import (
	"bufio"
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// seedDir holds the seed statement's sentences and its hand-made gold facts
// (../shared beside the checkout, in CI too).
const seedDir = "../../shared/bench/seed"

// The seed graph: the 73 sentences of the seed statement with its 96 gold
// facts, entities typed and named as the embedded gazetteer names them
// ("DPRK" for the Democratic People's Republic of Korea), plus a one-line
// note with a negated fact.
func seedResults(tb testing.TB) []schema.Result {
	tb.Helper()
	gaz := readGazetteer(tb)
	r := schema.Result{Document: schema.Document{ID: "statement"}}
	readTSV(tb, filepath.Join(seedDir, "statement-sentences.tsv"), func(f []string) {
		n, _ := strconv.Atoi(f[0])
		start := len(r.Document.Text)
		r.Document.Text += f[1] + "\n"
		r.Sentences = append(r.Sentences, schema.Sentence{N: n, Text: f[1], Start: start, End: start + len(f[1])})
		if n == 1 {
			r.Document.Title = f[1]
		}
	})
	seen := map[string]bool{}
	entity := func(label string) {
		if seen[label] {
			return
		}
		seen[label] = true
		e := schema.Entity{Label: label, Type: schema.TypeConcept}
		if g, ok := gaz[label]; ok {
			e.Type = g.typ
			for _, a := range g.aliases {
				e.Aliases = append(e.Aliases, schema.Alias{Name: a})
			}
		}
		r.Entities = append(r.Entities, e)
	}
	readTSV(tb, filepath.Join(seedDir, "dev-facts-gold.tsv"), func(f []string) {
		n, err := strconv.Atoi(f[0])
		if err != nil {
			return // header
		}
		r.Facts = append(r.Facts, schema.Fact{Subject: f[1], Predicate: f[2], Object: f[3], Sentence: n,
			Confidence: 0.9, Relation: f[2], SubjectText: f[1], ObjectText: f[3]})
		entity(f[1])
		entity(f[3])
	})
	note := "The Republic of Korea will not develop nuclear weapons."
	return []schema.Result{r, {
		Document:  schema.Document{ID: "note", Title: "A note", Text: note},
		Sentences: []schema.Sentence{{N: 1, Text: note, End: len(note)}},
		Entities: []schema.Entity{{Label: "Republic of Korea", Type: schema.TypeCountry},
			{Label: "nuclear weapons", Type: schema.TypeConcept}},
		Facts: []schema.Fact{{Subject: "Republic of Korea", Predicate: "develop", Object: "nuclear weapons", Sentence: 1,
			Confidence: 0.8, Negated: true, Modality: "will", Relation: "will not develop",
			SubjectText: "The Republic of Korea", ObjectText: "nuclear weapons"}},
	}}
}

type gazEntry struct {
	typ     string
	aliases []string
}

// readGazetteer reads the embedded gazetteer by canonical name.
func readGazetteer(tb testing.TB) map[string]*gazEntry {
	out := map[string]*gazEntry{}
	sc := bufio.NewScanner(bytes.NewReader(data.Gazetteer))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		e := out[f[1]]
		if e == nil {
			e = &gazEntry{typ: f[2]}
			out[f[1]] = e
		}
		if f[0] != f[1] {
			e.aliases = append(e.aliases, f[0])
		}
	}
	return out
}

func readTSV(tb testing.TB, path string, fn func([]string)) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("no seed data: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fn(strings.Split(sc.Text(), "\t"))
	}
}

var seed struct {
	once sync.Once
	nq   []byte
	err  error
}

// seedNQuads is the seed graph as N-Quads, built once per test binary.
func seedNQuads(tb testing.TB) []byte {
	tb.Helper()
	results := seedResults(tb) // skips without the seed data
	seed.once.Do(func() {
		ctx := context.Background()
		s, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
		if err != nil {
			seed.err = err
			return
		}
		defer s.Close()
		if _, err := s.Load(ctx, results...); err != nil {
			seed.err = err
			return
		}
		var b bytes.Buffer
		seed.err = s.Export(ctx, &b, "nquads", graph.ExportOptions{})
		seed.nq = b.Bytes()
	})
	if seed.err != nil {
		tb.Fatal(seed.err)
	}
	return seed.nq
}

// seedStore opens a new store of the backend ("memstore" or a disk one)
// holding the seed graph.
func seedStore(tb testing.TB, backend string) *graph.Store {
	tb.Helper()
	nq := seedNQuads(tb)
	cfg := graph.Config{Backend: backend}
	if graph.IsDirectoryBackend(backend) {
		cfg.Address = filepath.Join(tb.TempDir(), "db")
	}
	s, err := graph.Open(context.Background(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.Import(context.Background(), bytes.NewReader(nq)); err != nil {
		tb.Fatal(err)
	}
	return s
}

// seedServer serves the seed graph with cfg (its Store is filled in).
func seedServer(tb testing.TB, backend string, cfg Config) (*httptest.Server, *graph.Store) {
	tb.Helper()
	cfg.Store = seedStore(tb, backend)
	h, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(h)
	tb.Cleanup(ts.Close)
	return ts, cfg.Store
}
