package graph

// Faults in the store's writes (issue 14, point 7): a disk that fills up
// part way through a load, and readers that query while a load writes.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kgraph/schema"
)

// manyResults is n documents of k sentences, one fact each, naming
// entities other documents name too: enough quads for several batches.
func manyResults(n, k int) []schema.Result {
	countries := []string{"Japan", "France", "Kenya", "Chile", "India", "Norway", "Ghana"}
	out := make([]schema.Result, n)
	for i := range out {
		var text strings.Builder
		r := schema.Result{Document: schema.Document{ID: fmt.Sprintf("many-%02d", i), Title: "Statement"}}
		seen := map[string]bool{}
		for j := 1; j <= k; j++ {
			subj, obj := countries[(i+j)%len(countries)], countries[(i+2*j+1)%len(countries)]
			if subj == obj {
				obj = "Peru"
			}
			s := fmt.Sprintf("%s supported %s in matter %d.", subj, obj, j)
			start := text.Len()
			text.WriteString(s + "\n")
			r.Sentences = append(r.Sentences, schema.Sentence{N: j, Text: s, Start: start, End: start + len(s)})
			r.Facts = append(r.Facts, schema.Fact{Subject: subj, Predicate: "support", Object: obj, Sentence: j,
				Confidence: 0.5 + float64(j%5)/10, Relation: "supported", SubjectText: subj, ObjectText: obj})
			for _, e := range []string{subj, obj} {
				if !seen[e] {
					seen[e] = true
					r.Entities = append(r.Entities, schema.Entity{Label: e, Type: schema.TypeCountry,
						Aliases: []schema.Alias{{Name: strings.ToUpper(e[:3]), Sentence: j}}})
				}
			}
		}
		r.Document.Text = text.String()
		out[i] = r
	}
	return out
}

// documentsOf groups a store's quads by the document that owns them (by
// label: the document or one of its sentences), as N-Quads lines, sorted;
// "" holds the unlabeled ones.
func documentsOf(t *testing.T, qs []quad.Quad) map[string][]string {
	t.Helper()
	docs := map[string][]string{}
	for _, q := range qs {
		d := ""
		if q.Label != nil {
			if d = sentenceDocument(q.Label); d == "" {
				d = iriString(q.Label)
			}
		}
		docs[d] = append(docs[d], q.NQuad())
	}
	for _, lines := range docs {
		slices.Sort(lines)
	}
	return docs
}

func storeDocuments(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	qs, err := s.sortedQuads(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return documentsOf(t, qs)
}

// checkWhole reports every document got holds that is not exactly as in
// one of wants, and every unlabeled quad got holds that none of wants has.
func checkWhole(t *testing.T, what string, got map[string][]string, wants ...map[string][]string) {
	t.Helper()
	for d, lines := range got {
		if d == "" {
			for _, l := range lines {
				if !slices.ContainsFunc(wants, func(want map[string][]string) bool {
					_, ok := slices.BinarySearch(want[""], l)
					return ok
				}) {
					t.Errorf("%s: unlabeled quad no whole load has: %s", what, l)
				}
			}
			continue
		}
		if !slices.ContainsFunc(wants, func(want map[string][]string) bool { return slices.Equal(lines, want[d]) }) {
			t.Errorf("%s: document %s has %d quads, want %d", what, d, len(lines), len(wants[0][d]))
		}
	}
}

// A disk that fills up during a load: the error says so and what was
// being written, the documents written before are whole, nothing of the
// failing batch is stored, what the store held before is intact, and
// loading again once there is room completes the store.
func TestStore_WriteError(t *testing.T) {
	rs := manyResults(60, 20)
	ref := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, ref, append([]schema.Result{otherResult()}, rs...)...)
	want := storeDocuments(t, ref)
	full := fmt.Errorf("write indexes.bolt: %w", syscall.ENOSPC)

	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			s := sc.open(t)
			mustLoad(t, s, otherResult())
			other := storeDocuments(t, s)["kg:d/other"]

			real := s.apply
			calls := 0
			s.apply = func(d []cgraph.Delta) error {
				if calls++; calls >= 2 {
					return full
				}
				return real(d)
			}
			st, err := s.Load(context.Background(), rs...)
			if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") ||
				!strings.Contains(err.Error(), "load: write ") {
				t.Fatalf("Load on a full disk: err = %v, want one saying what it wrote and that the disk is full", err)
			}
			if calls < 2 || st.Loaded == 0 || st.Loaded >= len(rs) {
				t.Fatalf("%d writes, %d documents loaded before the disk filled: the test wants several batches", calls, st.Loaded)
			}
			t.Logf("disk full at write %d: %v (%d documents written before)", calls, err, st.Loaded)
			got := storeDocuments(t, s)
			checkWhole(t, "after the failed load", got, want)
			if n := len(got) - 1; n != st.Loaded+1 {
				t.Errorf("%d documents stored, want the %d of the written batches and the one before", n, st.Loaded+1)
			}
			if !slices.Equal(got["kg:d/other"], other) {
				t.Errorf("the document stored before the failed load changed")
			}

			// Removing on a full disk fails and changes nothing.
			before := dump(t, s)
			if _, err := s.Remove(context.Background(), "other"); !errors.Is(err, syscall.ENOSPC) {
				t.Errorf("Remove on a full disk: err = %v", err)
			}
			if dump(t, s) != before {
				t.Errorf("a failed Remove changed the store")
			}

			s.apply = real
			if sc.reopen != nil {
				s = sc.reopen(t, s)
				checkWhole(t, "reopened", storeDocuments(t, s), want)
			}
			mustLoad(t, s, rs...)
			if got := storeDocuments(t, s); !mapsEqual(got, want) {
				t.Errorf("loading again with room: the store differs from one whole load")
			}
		})
	}
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// revised is a second version of each of rs: another title and other
// confidences, the same sentences.
func revised(rs []schema.Result) []schema.Result {
	out := make([]schema.Result, len(rs))
	for i, r := range rs {
		r.Document.Title = "Statement, revised"
		r.Facts = slices.Clone(r.Facts)
		for j := range r.Facts {
			r.Facts[j].Confidence = 1 - r.Facts[j].Confidence/2
		}
		out[i] = r
	}
	return out
}

// Readers that query and export while a load writes, and then while a
// second load replaces every document, never see part of a document, nor
// miss one stored before they began: each document they see is whole, in
// one version or the other, in every answer.
//
// On bolt the store is mapped small, so that the load remaps the file
// again and again while the readers read: before reads and batches
// excluded each other (Store.mu) that deadlocked once in a few runs.
func TestStore_ReadDuringLoad(t *testing.T) {
	rs := manyResults(24, 20)
	rs2 := revised(rs)
	var wants []map[string][]string
	for _, v := range [][]schema.Result{rs, rs2} {
		ref := mustOpen(t, Config{Backend: "memstore"})
		mustLoad(t, ref, v...)
		wants = append(wants, storeDocuments(t, ref))
	}
	const sentencesQuery = `g.V().Has("<kg:type>", "<kg:t/Sentence>").Out("<kg:document>").All()`

	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			if sc.name == "bolt" {
				defer func(size int) { boltMmapSize = size }(boltMmapSize)
				boltMmapSize = 0 // bolt's own: 32 KB, doubling
			}
			s := sc.open(t)
			ctx := context.Background()
			done := make(chan struct{})
			var stored atomic.Int64 // documents loaded, by loads that have returned
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer close(done)
				for _, v := range [][]schema.Result{rs, rs2} {
					for i := 0; i < len(v); i += 3 {
						st, err := s.Load(ctx, v[i:i+3]...)
						if err != nil {
							t.Errorf("Load: %v", err)
							return
						}
						stored.Add(int64(st.Loaded))
					}
				}
			}()
			reads, seen := 0, 0
			for stop := false; !stop; reads++ {
				select {
				case <-done:
					stop = true // one read more, of the whole store
				default:
				}
				before := int(stored.Load())
				// The whole store, exported.
				var b bytes.Buffer
				if err := s.Export(ctx, &b, "nquads", ExportOptions{}); err != nil {
					t.Fatalf("Export during a load: %v", err)
				}
				qs, err := quad.ReadAll(nquads.NewReader(&b, false))
				if err != nil {
					t.Fatal(err)
				}
				got := documentsOf(t, qs)
				checkWhole(t, fmt.Sprintf("export %d", reads), got, wants...)
				n := len(got)
				if _, ok := got[""]; ok {
					n-- // the unlabeled quads
				}
				if n < before {
					t.Errorf("export %d: %d documents, but %d were stored before it began", reads, n, before)
				}
				// Each document a query finds has all its sentences.
				res, err := s.Query(ctx, "gizmo", sentencesQuery, QueryOptions{Timeout: time.Minute})
				if err != nil {
					t.Fatalf("Query during a load: %v", err)
				}
				sentences := map[string]int{}
				for _, row := range res.Rows {
					sentences[fmt.Sprint(row)]++
				}
				for d, n := range sentences {
					if n != 20 {
						t.Errorf("query %d: %s has %d sentences, want 20", reads, d, n)
					}
				}
				if len(sentences) < before {
					t.Errorf("query %d: %d documents, but %d were stored before it began", reads, len(sentences), before)
				}
				seen = max(seen, len(sentences))
				// A query its limit cuts short stops gizmo part way
				// through: it must not leave it reading.
				res, err = s.Query(ctx, "gizmo", sentencesQuery, QueryOptions{Limit: 5, Timeout: time.Minute})
				if err != nil {
					t.Fatalf("limited query during a load: %v", err)
				}
				if len(res.Rows) > 5 || before > 0 && (len(res.Rows) != 5 || !res.Truncated) {
					t.Errorf("limited query %d: %d rows, truncated %v; want 5 of 20 a document, cut", reads, len(res.Rows), res.Truncated)
				}
				if t.Failed() {
					break
				}
			}
			wg.Wait()
			t.Logf("%d reads during the loads", reads)
			if seen != len(rs) {
				t.Errorf("the last read saw %d documents, want %d", seen, len(rs))
			}
			if got := storeDocuments(t, s); !mapsEqual(got, wants[1]) {
				t.Errorf("after the loads the store differs from the second version loaded whole")
			}
		})
	}
}
