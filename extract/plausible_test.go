package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

func TestPlausible(t *testing.T) {
	d := &docState{ents: map[string]*schema.Entity{}}
	for _, p := range []string{"Lisa Monaco", "Joseph Biden", "Kamala Harris"} {
		d.ents[Key(p)] = &schema.Entity{Label: p, Type: schema.TypePerson}
	}
	d.ents[Key("Department of Energy")] = &schema.Entity{Label: "Department of Energy", Type: schema.TypeOrganization}
	for _, c := range []string{"law", "wife", "Trevor Project", "member"} {
		d.ents[Key(c)] = &schema.Entity{Label: c, Type: schema.TypeConcept}
	}
	tests := []struct {
		subj, pred, obj string
		keep            bool
		wantSubj        string
	}{
		{"United States", "reaffirm", "Mutual Defense Treaty", true, "United States"},
		{"Deputy Attorney General", "be", "Lisa Monaco", true, "Lisa Monaco"},
		{"Lisa Monaco", "be", "Deputy Attorney General", true, "Lisa Monaco"},
		{"term of four years", "be", "Lisa Monaco", false, ""},
		{"Joseph Biden", "be", "Kamala Harris", false, ""},
		{"Lisa Monaco", "be", "Dr.", false, ""},
		{"Steven Horsford", "be", "NV-04", false, ""},
		{"Raphael Warnock", "be", "D-GA", false, ""},
		{"Joseph Biden", "represent", "NV-04", true, "Joseph Biden"},
		{"United States", "can", "ways", false, ""},
		{"Korea", "be", "Chairman of SK Group from", false, ""},
		{"infrastructure law and", "bring", "investments", false, ""},
		{"two-thirds", "consider", "infrastructure", false, ""},
		{"50-year", "become", "national model", false, ""},
		{"Ten Cabinet Secretaries", "participate in", "discussions", true, "Ten Cabinet Secretaries"},
		{"term", "be", "vice Wanda Felton", false, ""},
		{"Ambassador", "replace", "vice president", true, "Ambassador"},
		// A role beside an untyped name turns round; an office or a
		// government does not, nor is a person an institution.
		{"Secretary of Interior", "be", "Luisa María Alcalde Luján", true, "Luisa María Alcalde Luján"},
		{"Mexican Government", "be", "Jesús Ramírez Cuevas", false, ""},
		{"Personnel Management", "be", "Kiran Ahuja", false, ""},
		{"mother", "be", "Wanda Cooper-Jones", true, "mother"},
		{"Joseph Biden", "be", "Department of Energy", false, ""},
		{"Joseph Biden", "be", "National Security", false, ""},
		{"Joseph Biden", "be", "FEMA Administrator", true, "Joseph Biden"},
		{"Joseph Biden", "be", "Member of Commission", true, "Joseph Biden"},
		{"Joseph Biden", "be", "advocate", true, "Joseph Biden"},
		// A phrase cut from its noun, a lone noun beside a name, a name
		// beside an institution are misread lists; kin say who.
		{"member", "be", "of Governor Evers’ Broadband Task Force", false, ""},
		{"law", "be", "S. 619", false, ""},
		{"wife", "be", "Yekaterina", true, "wife"},
		{"Casey Pick", "be", "Trevor Project", false, ""},
		{"Special Drawing Rights", "be", "SDRs", true, "Special Drawing Rights"},
	}
	for _, tt := range tests {
		f := schema.Fact{Subject: tt.subj, Predicate: tt.pred, Object: tt.obj}
		keep := d.plausible(&f)
		if keep != tt.keep || keep && f.Subject != tt.wantSubj {
			t.Errorf("(%s, %s, %s): kept %v with subject %q, want %v with %q", tt.subj, tt.pred, tt.obj, keep, f.Subject, tt.keep, tt.wantSubj)
		}
	}
}

func TestCountedGroup(t *testing.T) {
	for k, want := range map[string]int{
		"the three governments": 3, "our two nations": 2, "the three north american governments": 3,
		"both leaders": 2, "two political and military targets": 0, "governments": 0, "the two": 0,
	} {
		if got := countedGroup(k); got != want {
			t.Errorf("countedGroup(%q) = %d, want %d", k, got, want)
		}
	}
}

func TestExtract_reportedPronoun(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Extract(context.Background(), schema.Document{ID: "t", Text: "In addition, the White House today announced that it will hold a Tribal Leaders Summit in late 2021."})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Facts {
		if f.Predicate == "hold" {
			if f.Subject != "White House" || f.Unresolved {
				t.Errorf("'it' of the reported clause is %q (unresolved %v), want White House", f.Subject, f.Unresolved)
			}
			return
		}
	}
	t.Errorf("no hold fact in %+v", res.Facts)
}

// What something is said to be is a noun, a name or an adjective: a verb or
// an adverb there is a clause torn apart.
func TestExtract_beDescribes(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range extractText(t, p, "The purpose of the Summit was to provide a forum for leaders.").Facts {
		if f.Predicate == "be" && strings.Contains(f.Object, "provide") {
			t.Errorf("(%s, be, %s)", f.Subject, f.Object)
		}
	}
	var lifeline bool
	for _, f := range extractText(t, p, "The Affordable Care Act is a lifeline for millions of families.").Facts {
		lifeline = lifeline || f.Predicate == "be" && f.Object == "lifeline"
	}
	if !lifeline {
		t.Error("a noun complement of 'be' is gone too")
	}
}
