package graph

import (
	"context"
	"github.com/kgraph/kgraph/schema"
	"strings"
	"testing"
)

func TestStore_Entities(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult(), otherResult())
	tests := []struct {
		typ  string
		want string // label:types:aliases:facts, one entity a line
	}{
		{"Country", "Republic of Korea:Country:ROK:2\nUnited States:Country:U.S.:1"},
		{"country", "Republic of Korea:Country:ROK:2\nUnited States:Country:U.S.:1"},
		{"Concept", "cooperation:Concept::1\nnuclear weapons:Concept::1"},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			rows, err := s.Entities(ctx, EntityOptions{Type: tt.typ})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, strings.Join([]string{r.Label, strings.Join(r.Types, ","), strings.Join(r.Aliases, ","), itoa(int64(r.Facts))}, ":"))
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("got\n%s\nwant\n%s", g, tt.want)
			}
		})
	}
	all, err := s.Entities(ctx, EntityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var person *EntityRow
	for i := range all {
		if all[i].Label == "Antony Blinken" {
			person = &all[i]
		}
	}
	if person == nil || len(person.Titles) != 1 || person.Titles[0] != "U.S. Secretary of State" {
		t.Errorf("person row = %+v", person)
	}
}

func TestStore_Aliases(t *testing.T) {
	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			s := sc.open(t)
			mustLoad(t, s, docResult(), otherResult())
			got, err := s.Aliases(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, a := range got {
				rows = append(rows, a.Name+"="+a.Label+":"+a.Type+":"+strings.Join(a.Documents, ","))
			}
			// U.S. comes from the gazetteer (no sentence), so from no document.
			want := "Blinken=Antony Blinken:Person:kg:d/other ROK=Republic of Korea:Country:kg:d/doc U.S.=United States:Country:"
			if g := strings.Join(rows, " "); g != want {
				t.Errorf("got  %s\nwant %s", g, want)
			}
		})
	}
}

// One document writes a name in capitals (a heading, a signature), others
// in prose: every answer shows the prose form, whichever was stored first.
func TestStore_labelInCapitals(t *testing.T) {
	text := "ANTONY BLINKEN VISITED THE REPUBLIC OF KOREA."
	heading := schema.Result{
		Document:  schema.Document{ID: "heading", Text: text},
		Sentences: []schema.Sentence{{N: 1, Text: text, Start: 0, End: len(text)}},
		Entities:  []schema.Entity{{Label: "ANTONY BLINKEN", Type: schema.TypePerson}},
		Facts: []schema.Fact{{Subject: "ANTONY BLINKEN", Predicate: "visit", Object: "Republic of Korea", Sentence: 1,
			Confidence: 0.7, Relation: "visited", SubjectText: "ANTONY BLINKEN", ObjectText: "THE REPUBLIC OF KOREA"}},
	}
	ctx := context.Background()
	for _, order := range [][]schema.Result{{heading, docResult(), otherResult()}, {docResult(), otherResult(), heading}} {
		for _, sc := range storeCases() {
			t.Run(sc.name+"/"+order[0].Document.ID, func(t *testing.T) {
				s := sc.open(t)
				mustLoad(t, s, order...)
				rows, err := s.Entities(ctx, EntityOptions{Type: schema.TypePerson})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rows {
					if strings.HasPrefix(strings.ToLower(r.Label), "antony") && r.Label != "Antony Blinken" {
						t.Errorf("Entities: label %q", r.Label)
					}
				}
				v, err := s.Entity(ctx, schema.EntityIRI("ANTONY BLINKEN"), 10)
				if err != nil {
					t.Fatal(err)
				}
				if v.Label != "Antony Blinken" {
					t.Errorf("Entity: label %q", v.Label)
				}
				for _, indexed := range []bool{false, s.IndexReady()} {
					res, err := s.related(ctx, RelatedOptions{A: "Yoon Suk Yeol", B: "Republic of Korea"}, indexed)
					if err != nil {
						t.Fatal(err)
					}
					if len(res.Entities) == 0 || res.Entities[0].Label != "Antony Blinken" {
						t.Errorf("related (indexed %v): %+v", indexed, res.Entities)
					}
				}
			})
		}
	}
}

func TestBetterLabel(t *testing.T) {
	for _, tt := range []struct {
		l, old string
		want   bool
	}{
		{"People", "", true},
		{"", "People", false},
		{"People", "PEOPLE", true},
		{"PEOPLE", "People", false},
		{"NATO", "Nato", true}, // an acronym is no heading: the smaller wins
		{"Antony Blinken", "Antony blinken", true},
		{"Antony blinken", "Antony Blinken", false},
	} {
		if got := betterLabel(tt.l, tt.old); got != tt.want {
			t.Errorf("betterLabel(%q, %q) = %v, want %v", tt.l, tt.old, got, tt.want)
		}
	}
}
