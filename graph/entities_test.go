package graph

import (
	"context"
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
