package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// seedDir holds the seed document and its gold facts (../shared beside the
// checkout, in CI too).
const seedDir = "../../shared/bench/seed"

// seedResult builds a Result from the seed statement's 73 sentences and its
// hand-made gold facts: the size and shape of one real document.
func seedResult(tb testing.TB, id string) schema.Result {
	tb.Helper()
	r := schema.Result{Document: schema.Document{ID: id, Title: "2024 US-ROK 2+2 joint statement"}}
	readTSV(tb, filepath.Join(seedDir, "statement-sentences.tsv"), func(f []string) {
		n, _ := strconv.Atoi(f[0])
		r.Sentences = append(r.Sentences, schema.Sentence{N: n, Text: f[1]})
		r.Document.Text += f[1] + "\n"
	})
	seen := map[string]bool{}
	readTSV(tb, filepath.Join(seedDir, "dev-facts-gold.tsv"), func(f []string) {
		n, err := strconv.Atoi(f[0])
		if err != nil {
			return // header
		}
		r.Facts = append(r.Facts, schema.Fact{Subject: f[1], Predicate: f[2], Object: f[3], Sentence: n,
			Confidence: 0.5 + float64(len(r.Facts)%50)/100, Relation: f[2], SubjectText: f[1], ObjectText: f[3]})
		for _, e := range []string{f[1], f[3]} {
			if !seen[e] {
				seen[e] = true
				r.Entities = append(r.Entities, schema.Entity{Label: e, Type: schema.TypeConcept})
			}
		}
	})
	return r
}

func readTSV(tb testing.TB, path string, fn func([]string)) {
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

// corpus is n copies of the seed document under different ids.
func corpus(tb testing.TB, n int) []schema.Result {
	out := make([]schema.Result, n)
	for i := range out {
		out[i] = seedResult(tb, fmt.Sprintf("seed-%03d", i))
	}
	return out
}

// BenchmarkLoad loads the seed document, then about 100k quads (the seed 70
// times), into a new store of each backend, and reports the quads written,
// the heap in use after the load and the size on disk:
//
//	go test ./graph -run '^$' -bench BenchmarkLoad -benchtime 3x
func BenchmarkLoad(b *testing.B) {
	sizes := []struct {
		name string
		docs int
	}{{"seed", 1}, {"100k", 70}}
	names := []string{"memstore", "bolt", "leveldb", "badger"}
	if postgresURL() != "" {
		names = append(names, "postgres")
	}
	for _, name := range names {
		for _, size := range sizes {
			docs := corpus(b, size.docs)
			b.Run(name+"/"+size.name, func(b *testing.B) {
				var quads int
				var heap, disk float64
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					cfg := Config{Backend: name}
					if name == "postgres" {
						cfg.Address = postgresURL()
						resetPostgres(b, cfg.Address)
					} else if name != "memstore" {
						cfg.Address = b.TempDir()
					}
					runtime.GC()
					var before runtime.MemStats
					runtime.ReadMemStats(&before)
					b.StartTimer()
					s, err := Open(context.Background(), cfg)
					if err != nil {
						b.Fatal(err)
					}
					st, err := s.Load(context.Background(), docs...)
					if err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					var after runtime.MemStats
					runtime.ReadMemStats(&after)
					heap += float64(after.HeapInuse-min(before.HeapInuse, after.HeapInuse)) / 1e6
					quads += st.QuadsAdded
					s.Close()
					disk += float64(dirSize(cfg.Address)) / 1e6
					b.StartTimer()
				}
				b.ReportMetric(float64(quads)/float64(b.N), "quads/op")
				b.ReportMetric(heap/float64(b.N), "heap-MB")
				b.ReportMetric(disk/float64(b.N), "disk-MB")
			})
		}
	}
}

func dirSize(dir string) int64 {
	if dir == "" || strings.Contains(dir, "://") {
		return 0
	}
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// BenchmarkRead reads a 100k-quad store back: Stats, Facts and the
// exports scan every quad once; Reload checks the 70 stored versions and
// skips them; Replace swaps one document for another version and back.
//
//	go test ./graph -run '^$' -bench BenchmarkRead -benchtime 1x
func BenchmarkRead(b *testing.B) {
	docs := corpus(b, 70)
	for _, name := range []string{"memstore", DefaultBackend} {
		cfg := Config{Backend: name}
		if name != "memstore" {
			cfg.Address = b.TempDir()
		}
		s, err := Open(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Load(context.Background(), docs...); err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		b.Run(name+"/Stats", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Stats(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/Facts", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Facts(ctx, FactsOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/Reload", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if st, err := s.Load(ctx, docs...); err != nil || st.Skipped != len(docs) {
					b.Fatal(st, err)
				}
			}
		})
		b.Run(name+"/Replace", func(b *testing.B) {
			// The stored hash covers the document and the extractor, not
			// the facts: another version needs another text or title.
			v2 := seedResult(b, docs[0].Document.ID)
			v2.Document.Title += ", revised"
			v2.Facts = v2.Facts[:len(v2.Facts)/2]
			for i := 0; i < b.N; i++ {
				for _, r := range []schema.Result{v2, docs[0]} {
					if st, err := s.Load(ctx, r); err != nil || st.Replaced != 1 {
						b.Fatal(st, err)
					}
				}
			}
		})
		for _, f := range []string{"nquads", "tsv", "graphml"} {
			b.Run(name+"/Export/"+f, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if err := s.Export(ctx, io.Discard, f, ExportOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		s.Close()
	}
}
