package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestStore_Entity(t *testing.T) {
	for _, c := range storeCases() {
		t.Run(c.name, func(t *testing.T) {
			s := c.open(t)
			mustLoad(t, s, docResult(), otherResult())
			ctx := context.Background()

			for _, name := range []string{"Republic of Korea", "ROK"} {
				id, err := s.FindEntity(ctx, name)
				if err != nil || id != "kg:e/republic-of-korea" {
					t.Errorf("FindEntity(%q) = %q, %v", name, id, err)
				}
			}
			if _, err := s.FindEntity(ctx, "Atlantis"); !errors.Is(err, ErrNotFound) {
				t.Errorf("FindEntity(Atlantis): %v, want ErrNotFound", err)
			}

			e, err := s.Entity(ctx, "<kg:e/republic-of-korea>", 0)
			if err != nil {
				t.Fatal(err)
			}
			if e.Label != "Republic of Korea" || e.Type != "Country" || strings.Join(e.Aliases, ",") != "ROK" {
				t.Errorf("entity = %+v", e.Node)
			}
			if len(e.Facts) != 2 || e.Truncated {
				t.Fatalf("%d facts (truncated %v), want 2: %+v", len(e.Facts), e.Truncated, e.Facts)
			}
			dev, re := e.Facts[0], e.Facts[1] // develop < reaffirm
			if dev.Predicate.Label != "develop" || !dev.Negated || dev.Object.Label != "nuclear weapons" ||
				dev.Object.Type != "Concept" || dev.Modality != "will" || dev.Sentence.Number != 2 ||
				dev.Sentence.Text != "The ROK will not develop nuclear weapons." || dev.Document.ID != "doc" ||
				dev.Document.Title != "Joint Statement" {
				t.Errorf("negated fact = %+v", dev)
			}
			if re.Subject.IRI != "kg:e/united-states" || re.Subject.Label != "United States" || re.Negated ||
				re.Confidence != 0.9 || re.Statement != "kg:f/doc/1/1" {
				t.Errorf("reaffirm fact = %+v", re)
			}
			if e, err := s.Entity(ctx, "kg:e/republic-of-korea", 1); err != nil || len(e.Facts) != 1 || !e.Truncated {
				t.Errorf("limit 1: %v, %+v", err, e)
			}
			b, err := s.Entity(ctx, "kg:e/antony-blinken", 0)
			if err != nil || len(b.Titles) != 1 || len(b.Affiliations) != 1 || b.Affiliations[0].Label != "United States" {
				t.Errorf("person: %v, %+v", err, b)
			} else if f := b.Facts[0]; f.Place != "in Seoul" || f.Time != "on Tuesday" || len(f.Arguments) != 1 {
				t.Errorf("person's fact: %+v", f)
			}
			if _, err := s.Entity(ctx, "kg:e/atlantis", 0); !errors.Is(err, ErrNotFound) {
				t.Errorf("missing entity: %v", err)
			}
		})
	}
}

func TestStore_Sentence(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult())
	ctx := context.Background()
	v, err := s.Sentence(ctx, "<kg:s/doc/2>")
	if err != nil {
		t.Fatal(err)
	}
	if v.Number != 2 || v.Text != "The ROK will not develop nuclear weapons." || v.Document.ID != "doc" ||
		v.Document.Date != "2023-04-26" || v.Document.URL != "https://example.org/doc" || v.Document.Sentences != 3 {
		t.Errorf("sentence = %+v", v)
	}
	if !strings.HasPrefix(v.Previous, "The United States reaffirmed") || !strings.HasPrefix(v.Next, "Both sides") {
		t.Errorf("neighbours %q, %q", v.Previous, v.Next)
	}
	if len(v.Facts) != 1 || v.Facts[0].Predicate.Label != "develop" {
		t.Errorf("facts = %+v", v.Facts)
	}
	if len(v.Mentions) != 2 {
		t.Errorf("mentions = %+v", v.Mentions)
	}
	u, err := s.Sentence(ctx, "kg:s/doc/3")
	if err != nil || len(u.Facts) != 1 || !u.Facts[0].Unresolved || u.Facts[0].Subject.Label != "Both sides" || u.Next != "" {
		t.Errorf("unresolved: %v, %+v", err, u)
	}
	if _, err := s.Sentence(ctx, "kg:s/doc/9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing sentence: %v", err)
	}
}

func TestStore_QueryTruncated(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult())
	ctx := context.Background()
	for _, tt := range []struct {
		q     string
		limit int
		rows  int
		cut   bool
	}{
		{`g.V("<kg:e/united-states>").Out("<kg:label>").All()`, 1, 1, false}, // exactly one: not cut
		{`g.V().Has("<kg:type>", "<kg:t/Country>").All()`, 1, 1, true},
		{`g.V().Has("<kg:type>", "<kg:t/Country>").All()`, 2, 2, false},
		{`g.V().Has("<kg:type>", "<kg:t/Country>").All()`, 0, 2, false},
	} {
		res, err := s.Query(ctx, "gizmo", tt.q, QueryOptions{Limit: tt.limit})
		if err != nil || len(res.Rows) != tt.rows || res.Truncated != tt.cut {
			t.Errorf("%s limit %d: %v rows %d truncated %v, want %d %v", tt.q, tt.limit, err, len(res.Rows), res.Truncated, tt.rows, tt.cut)
		}
	}
	var b strings.Builder
	if err := s.QueryJSON(ctx, &b, "gizmo", `g.V().Has("<kg:type>", "<kg:t/Country>").All()`, QueryOptions{Limit: 1}); err != nil ||
		!strings.Contains(b.String(), `"truncated":true`) {
		t.Errorf("QueryJSON: %v %s", err, b.String())
	}
}

// On a disk store a query answers while an import is still reading its
// input.
func TestStore_ReadDuringWrite(t *testing.T) {
	s := mustOpen(t, Config{Backend: DefaultBackend, Address: t.TempDir() + "/db"})
	mustLoad(t, s, docResult())
	ctx := context.Background()
	pr, pw := io.Pipe()
	// Cleanups run last first: end the import before Close waits for it.
	t.Cleanup(func() { pw.CloseWithError(errors.New("test over")) })
	done := make(chan error, 1)
	go func() {
		_, err := s.Import(ctx, pr)
		done <- err
	}()
	// A first batch, then the import waits for more input, holding the
	// write.
	for i := range batchSize {
		fmt.Fprintf(pw, "<kg:e/x%d> <kg:label> \"x%d\" .\n", i, i)
	}
	// A read blocked by the write would never answer: give each one 10 s.
	query := func(q string) *QueryResult {
		t.Helper()
		type answer struct {
			res *QueryResult
			err error
		}
		ch := make(chan answer, 1)
		go func() {
			res, err := s.Query(ctx, "gizmo", q, QueryOptions{})
			ch <- answer{res, err}
		}()
		select {
		case a := <-ch:
			if a.err != nil {
				t.Fatal(a.err)
			}
			return a.res
		case <-time.After(10 * time.Second):
			t.Fatal("a query waited for the import")
			return nil
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if res := query(`g.V("<kg:e/x0>").Out("<kg:label>").All()`); len(res.Rows) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first batch never showed")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := s.Entity(ctx, "kg:e/united-states", 0); err != nil {
		t.Errorf("Entity during the import: %v", err)
	}
	select {
	case err := <-done:
		t.Fatalf("import ended early: %v", err)
	default:
	}
	fmt.Fprintln(pw, `<kg:e/last> <kg:label> "last" .`)
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if id, err := s.FindEntity(ctx, "last"); err != nil || id != "kg:e/last" {
		t.Errorf("after the import: %q, %v", id, err)
	}
}
