package graph

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// oldSchema is the export of a store as kgraph wrote it before statements
// lost their kg:type kg:t/Statement and kg:document quads: the quads
// Load writes now, plus those two for every statement.
func oldSchema(t *testing.T, s *Store) string {
	t.Helper()
	stmt := regexp.MustCompile(`^<(kg:f/([^/]+)/[0-9]+/[0-9]+)> <kg:predicate> <[^>]+> (<[^>]+>) \.$`)
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(dump(t, s)), "\n") {
		b.WriteString(l + "\n")
		if m := stmt.FindStringSubmatch(l); m != nil {
			fmt.Fprintf(&b, "<%s> <kg:type> <kg:t/Statement> %s .\n", m[1], m[3])
			fmt.Fprintf(&b, "<%s> <kg:document> <kg:d/%s> %s .\n", m[1], m[2], m[3])
		}
	}
	return b.String()
}

// ownedByDoc is the lines of nq whose quads document "doc" owns: labeled
// with it or one of its sentences.
func ownedByDoc(nq string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(nq, "\n") {
		rest := strings.TrimSuffix(strings.TrimSpace(l), " .")
		label := rest[strings.LastIndex(rest, " ")+1:]
		if label == "<kg:d/doc>" || strings.HasPrefix(label, "<kg:s/doc/") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// A store written with the earlier schema reads as one written now, and
// replacing one of its documents leaves nothing of the old version.
func TestStore_earlierSchema(t *testing.T) {
	ctx := context.Background()
	now := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, now, docResult(), otherResult())
	old := oldSchema(t, now)
	if n := strings.Count(old, "<kg:t/Statement>"); n != 4 {
		t.Fatalf("%d old statement types, want 4:\n%s", n, old)
	}
	wantFacts, err := now.Facts(ctx, FactsOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	wantStats, err := now.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			s := sc.open(t)
			if _, err := s.Import(ctx, strings.NewReader(old)); err != nil {
				t.Fatal(err)
			}
			facts, err := s.Facts(ctx, FactsOptions{All: true})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(facts, wantFacts) {
				t.Errorf("facts of the earlier schema:\n%v\nwant\n%v", facts, wantFacts)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Facts != wantStats.Facts || st.Sentences != wantStats.Sentences {
				t.Errorf("stats: %d facts, %d sentences; want %d, %d", st.Facts, st.Sentences, wantStats.Facts, wantStats.Sentences)
			}

			mustLoad(t, s, docResultV2())
			fresh := mustOpen(t, Config{Backend: "memstore"})
			mustLoad(t, fresh, otherResult(), docResultV2())
			got, want := ownedByDoc(labeledQuads(t, s)), ownedByDoc(labeledQuads(t, fresh))
			if got != want {
				t.Errorf("after replacing doc:\n%s\nwant\n%s", got, want)
			}
		})
	}
}
