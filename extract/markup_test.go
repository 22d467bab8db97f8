package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

func TestBlankMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"See [the plan](https://x.org/a) now.", "See  the plan                   now."},
		{"**said Deese.**", "  said Deese.  "},
		{"the 21<sup>st</sup> century", "the 21     st       century"},
		{"# # #\nText", "     \nText"},
		{"a [bracket] and 3 < 4 > 2", "a [bracket] and 3 < 4 > 2"},
		{"no markup", "no markup"},
		{"- Sen. Cory Booker (NJ) - Rep. Troy Carter (LA)", "  Sen. Cory Booker (NJ)\n  Rep. Troy Carter (LA)"},
		{"Members: Ann Lee - Bob Roy - Cy Day", "Members\n Ann Lee\n  Bob Roy\n  Cy Day"},
		// Headings end their own sentence; a bold phrase inside one stays.
		{"**Trade:** We seek.", "  Trade:\n  We seek."},
		{"x. -   **Deterring Activity**: EPA will.", "x. -     Deterring Activity\n   EPA will."},
		{"**NEW SUPPORTS ** During a visit", "  NEW SUPPORTS \n  During a visit"},
		{"**Dispatch:** [**Users gain**](https://a.b/c) More", "  Dispatch:\n     Users gain\n                  More"},
		{"**The President** will sign.", "  The President   will sign."},
		{"We said **Trade:** it is.", "We said   Trade:   it is."},
		{"- COVID-19 Training: Peace Corps is", "  COVID-19 Training\n Peace Corps is"},
		{"THE PRESIDENT:\u00a0 Good afternoon.", "THE PRESIDENT\n\u00a0 Good afternoon."},
		{"- The plan will: Require checks", "  The plan will: Require checks"},
		{"one dash - Here it stays", "one dash - Here it stays"},
		{"Jackson-Lee and 2021 - to be - continued", "Jackson-Lee and 2021 - to be - continued"},
	}
	// An image tag longer than a line of prose goes whole.
	img := `<img src="a.png" srcset="` + strings.Repeat("https://x.org/a.png?resize=850,850 850w, ", 12) + `" width="977" />`
	tests = append(tests, struct{ in, want string }{"Milk. " + img + " Formula.", "Milk. " + strings.Repeat(" ", len(img)) + " Formula."})
	for _, tt := range tests {
		got := blankMarkup(tt.in)
		if got != tt.want {
			t.Errorf("blankMarkup(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("blankMarkup(%q) changed the length", tt.in)
		}
	}
}

// TestExtract_headings checks that a heading is read apart from the
// sentence it runs into, and that the person it names is known after it.
func TestExtract_headings(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "**Leveraging Enforcement through the Department of Justice:** The Department of Justice fully supports efforts to pursue the illicit trade.\n\n" +
		"- **Deterring Illegal Activity**: EPA, in coordination with CBP, will deter illegal activity.\n\n" +
		"**Judge Wilma K. Zork: Nominee for the District Court of Nowhere** Judge Zork has served on the bench since 2006, where she heard appeals.\n\n" +
		"Judge Zork received her degree from Yale University in 1990."
	res, err := p.Extract(context.Background(), schema.Document{ID: "headings", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	var all []string
	for _, f := range res.Facts {
		s := f.Subject + " | " + f.Predicate + " | " + f.Object
		have[s] = true
		all = append(all, s)
	}
	for _, want := range []string{"United States Department of Justice | support | efforts", "EPA | deter | activity", "Wilma Zork | receive | degree", "Wilma Zork | hear | appeals"} {
		if !have[want] {
			t.Errorf("missing %q; have:\n%s", want, strings.Join(all, "\n"))
		}
	}
	for _, f := range res.Facts {
		if strings.Contains(strings.ToLower(f.Subject), "deterring") || strings.Contains(strings.ToLower(f.Subject), "leveraging") || f.Subject == "Zork" || f.Subject == "Nominee" || f.Subject == "Illegal Activity" {
			t.Errorf("a heading read into its sentence: %+v", f)
		}
	}
}
