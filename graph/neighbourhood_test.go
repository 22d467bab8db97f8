package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// neighbourhoodString is a neighbourhood one entity or edge a line.
func neighbourhoodString(nb *Neighbourhood) string {
	var b strings.Builder
	fmt.Fprintf(&b, "centre %s\n", nb.Center)
	for _, e := range nb.Entities {
		fmt.Fprintf(&b, "%d %s (%s)\n", e.Hops, e.Label, e.Type)
	}
	for _, e := range nb.Edges {
		neg := ""
		if e.Negated {
			neg = " negated"
		}
		fmt.Fprintf(&b, "%s -%s-> %s%s facts=%d sentences=%d conf=%.2f strength=%.2f\n",
			e.Subject, e.Predicate, e.Object, neg, e.Facts, e.Sentences, e.Confidence, e.Strength)
	}
	return b.String()
}

func TestStore_Neighbourhood(t *testing.T) {
	rok := "centre Republic of Korea\n" +
		"0 Republic of Korea (Country)\n" +
		"1 United States (Country)\n" +
		"1 nuclear weapons (Concept)\n" +
		"United States -reaffirm-> Republic of Korea facts=1 sentences=1 conf=0.90 strength=0.90\n" +
		"Republic of Korea -develop-> nuclear weapons negated facts=1 sentences=1 conf=0.80 strength=0.80\n"
	tests := []struct {
		name   string
		entity string
		hops   int
		want   string
	}{
		{"label", "Republic of Korea", 1, rok},
		{"alias", "ROK", 1, rok},
		{"any case", "republic OF korea", 1, rok},
		{"alias any case", "rok", 0, rok},
		{"one hop", "nuclear weapons", 1, "centre nuclear weapons\n" +
			"0 nuclear weapons (Concept)\n" +
			"1 Republic of Korea (Country)\n" +
			"Republic of Korea -develop-> nuclear weapons negated facts=1 sentences=1 conf=0.80 strength=0.80\n"},
		{"two hops", "nuclear weapons", 2, "centre nuclear weapons\n" +
			"0 nuclear weapons (Concept)\n" +
			"1 Republic of Korea (Country)\n" +
			"2 United States (Country)\n" +
			"United States -reaffirm-> Republic of Korea facts=1 sentences=1 conf=0.90 strength=0.90\n" +
			"Republic of Korea -develop-> nuclear weapons negated facts=1 sentences=1 conf=0.80 strength=0.80\n"},
		// The unresolved fact ("both sides expand cooperation") is not an edge.
		{"only unresolved facts", "cooperation", 1, "centre cooperation\n0 cooperation (Concept)\n"},
		{"person", "Blinken", 1, "centre Antony Blinken\n" +
			"0 Antony Blinken (Person)\n" +
			"1 Yoon Suk Yeol (Person)\n" +
			"Antony Blinken -meet-> Yoon Suk Yeol facts=1 sentences=1 conf=0.70 strength=0.70\n"},
	}
	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			s := sc.open(t)
			mustLoad(t, s, docResult(), otherResult())
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					nb, err := s.Neighbourhood(context.Background(), NeighbourhoodOptions{Entity: tt.entity, Hops: tt.hops})
					if err != nil {
						t.Fatal(err)
					}
					if got := neighbourhoodString(nb); got != tt.want {
						t.Errorf("got\n%s\nwant\n%s", got, tt.want)
					}
				})
			}
		})
	}
}

// An edge said by more sentences is stronger than one said once, at the
// same confidence.
func TestStore_Neighbourhood_Strength(t *testing.T) {
	text := "Japan welcomed the summit.\nJapan welcomed the summit again.\nJapan praised the summit."
	res := schema.Result{
		Document: schema.Document{ID: "s", Text: text},
		Sentences: []schema.Sentence{
			{N: 1, Text: "Japan welcomed the summit.", Start: 0, End: 26},
			{N: 2, Text: "Japan welcomed the summit again.", Start: 27, End: 59},
			{N: 3, Text: "Japan praised the summit.", Start: 60, End: 85},
		},
		Entities: []schema.Entity{{Label: "Japan", Type: schema.TypeCountry}, {Label: "summit", Type: schema.TypeEvent}},
		Facts: []schema.Fact{
			{Subject: "Japan", Predicate: "welcome", Object: "summit", Sentence: 1, Confidence: 0.5},
			{Subject: "Japan", Predicate: "welcome", Object: "summit", Sentence: 2, Confidence: 0.5},
			{Subject: "Japan", Predicate: "praise", Object: "summit", Sentence: 3, Confidence: 0.6},
		},
	}
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, res)
	nb, err := s.Neighbourhood(context.Background(), NeighbourhoodOptions{Entity: "Japan"})
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Edges) != 2 {
		t.Fatalf("edges:\n%s", neighbourhoodString(nb))
	}
	first, second := nb.Edges[0], nb.Edges[1]
	if first.Predicate != "welcome" || first.Sentences != 2 || first.Facts != 2 || math.Abs(first.Strength-0.75) > 1e-9 {
		t.Errorf("strongest edge %+v, want welcome said twice, strength 0.75", first)
	}
	if second.Predicate != "praise" || math.Abs(second.Strength-0.6) > 1e-9 {
		t.Errorf("second edge %+v", second)
	}
}

func TestStore_Neighbourhood_Unknown(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult(), otherResult())
	tests := []struct {
		entity string
		want   []string
	}{
		{"Narnia", []string{`unknown entity "Narnia"`, "kgraph entities"}},
		{"Korea", []string{`unknown entity "Korea"`, "did you mean: Republic of Korea"}},
		{"  ", []string{"no name given"}},
	}
	for _, tt := range tests {
		_, err := s.Neighbourhood(context.Background(), NeighbourhoodOptions{Entity: tt.entity})
		if !errors.Is(err, ErrUnknownEntity) {
			t.Errorf("%q: err %v, want ErrUnknownEntity", tt.entity, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q lacks %q", tt.entity, err, w)
			}
		}
	}
}
