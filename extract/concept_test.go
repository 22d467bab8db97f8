package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// A generic phrase is a concept node keyed by its head phrase, so that
// its wordings meet; the fact keeps the wording.
func TestExtract_conceptNodes(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, pred string
		node, shown      string
	}{
		{"grading adjectives go, classifying ones stay", "Japan welcomed the strong economic ties.", "welcome", "economic ties", "strong economic ties"},
		{"the nearest classifier makes the kind", "Canada supported the vibrant nuclear energy industry.", "support", "energy industry", "vibrant nuclear energy industry"},
		{"a possessor is no part of the kind", "Australia studied Japan's revised defense strategy.", "study", "defense strategy", "Japan’s revised defense strategy"},
		{"a classifier the statements do not repeat makes no term", "Canada hired local clean energy employers.", "hire", "employers", "local clean energy employers"},
		{"prepositional phrases go", "Canada supported the continued implementation of its commitments.", "support", "implementation", "continued implementation of its commitments"},
		{"an amount is keyed by its unit", "Canada pledged $2 billion.", "pledge", "dollars", "$2 billion"},
		{"a name stays a name", "Canada joined the Mutual Defense Treaty.", "join", "Mutual Defense Treaty", "Mutual Defense Treaty"},
		{"the wording keeps a participle that says which", "Canada discussed the risks posed by cyber attacks.", "discuss", "risks", "risks posed by cyber attacks"},
		{"a demonym with a determiner is the people", "Japan thanked each American for the support.", "thank", "Americans", "Americans"},
		{"a demonym as a modifier names the country's", "Japan welcomed American leadership.", "welcome", "leadership", "American leadership"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Extract(context.Background(), schema.Document{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			types := entityTypes(res)
			var all []string
			for _, f := range res.Facts {
				shown := schema.Shown(f.Object, types[f.Object], f.ObjectText)
				all = append(all, f.Predicate+" → "+f.Object+" ("+shown+")")
				if f.Predicate == tt.pred && f.Object == tt.node && strings.EqualFold(strings.ReplaceAll(shown, "'", "’"), strings.ReplaceAll(tt.shown, "'", "’")) {
					return
				}
			}
			t.Errorf("no %s → %s (%s); have:\n%s", tt.pred, tt.node, tt.shown, strings.Join(all, "\n"))
		})
	}

	// Two wordings, one node.
	res, err := p.Extract(context.Background(), schema.Document{ID: "t",
		Text: "Japan welcomed the strong economic ties. Canada praised the deepening economic ties with Japan."})
	if err != nil {
		t.Fatal(err)
	}
	objects := map[string]int{}
	for _, f := range res.Facts {
		objects[f.Object]++
	}
	if objects["economic ties"] < 2 {
		t.Errorf("the two wordings of economic ties are not one node: %v", objects)
	}
}

func TestForeign(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"The United States and the Republic of Korea reaffirmed the alliance.", false},
		{"La designación se debe a condiciones extraordinarias y temporales existentes en Venezuela.", true},
		{"Les dirigeants ont réaffirmé leur engagement pour la paix et la sécurité dans la région.", true},
		{"We met with the Secretary de la Fuente in Madrid.", false},
	}
	for _, tt := range tests {
		if got := foreign(p.ann.AnnotateSentence(tt.text)); got != tt.want {
			t.Errorf("foreign(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestShouted(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"NOMINATIONS SENT TO THE SENATE:", true},
		{"FOR FURTHER INFORMATION MEDIA SHOULD CONTACT THE FEMA NEWS DESK AT (202) 646-3272.", true},
		{"NATO, the EU and the UN met in Brussels.", false},
		{"WASHINGTON – Today, President Biden announced his intent to nominate two judges.", false},
		{"USA and ROK.", false},
	} {
		if got := shouted(p.ann.AnnotateSentence(tt.text)); got != tt.want {
			t.Errorf("shouted(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
