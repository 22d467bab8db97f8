package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// Entity and reference resolution end to end, on short documents written
// for the purpose.
func TestExtract_resolution(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		text  string
		facts []string // "subject | predicate | object" that must be there
		not   []string // subjects that must not head a resolved fact
	}{
		{
			name: "group reference to the parties of the opening",
			text: "The Governments of the United States of America and the Republic of Korea released this statement.\n" +
				"Both sides condemned the missile test.",
			facts: []string{"United States | condemn | missile test", "Republic of Korea | condemn | missile test",
				"United States | release | statement"},
			not: []string{"Both sides"},
		},
		{
			name:  "pronoun to the last named thing",
			text:  "Russia launched a missile. It violated the UN Charter.",
			facts: []string{"Russia | launch | missile", "Russia | violate | United Nations Charter"},
			not:   []string{"It"},
		},
		{
			name:  "acronym defined in the text",
			text:  "Japan joined the Nuclear Consultative Group (NCG). Korea supports the NCG.",
			facts: []string{"Japan | join | Nuclear Consultative Group", "Korea | support | Nuclear Consultative Group"},
		},
		{
			name:  "titled person and surname",
			text:  "U.S. Secretary of State Antony J. Blinken visited Seoul. Blinken praised the agreement.",
			facts: []string{"Antony J. Blinken | visit | Seoul", "Antony J. Blinken | praise | agreement", "Antony J. Blinken | be | U.S. Secretary of State"},
		},
		{
			name:  "light verb folds into the predicate",
			text:  "Japan expressed its support for Ukraine.",
			facts: []string{"Japan | express support for | Ukraine"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Extract(context.Background(), schema.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			var all []string
			for _, f := range res.Facts {
				if f.Unresolved {
					continue
				}
				k := f.Subject + " | " + f.Predicate + " | " + f.Object
				have[k] = true
				all = append(all, k)
				for _, s := range tt.not {
					if strings.EqualFold(f.Subject, s) {
						t.Errorf("reference %q kept as subject: %s", s, k)
					}
				}
			}
			for _, want := range tt.facts {
				if !have[want] {
					t.Errorf("missing %q; have:\n%s", want, strings.Join(all, "\n"))
				}
			}
		})
	}
}

func TestExtract_personEntity(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Extract(context.Background(), schema.Document{ID: "t",
		Text: "U.S. Secretary of State Antony J. Blinken visited Seoul."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entities {
		if e.Label == "Antony J. Blinken" {
			if e.Type != schema.TypePerson || len(e.Titles) != 1 || e.Titles[0] != "U.S. Secretary of State" ||
				len(e.Affiliations) != 1 || e.Affiliations[0] != "United States" {
				t.Errorf("person = %+v", e)
			}
			return
		}
	}
	t.Errorf("no person entity in %+v", res.Entities)
}
