package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// Who "we" are, on documents shaped like the corpus's: the parties come
// from the title, a group's members, the publisher of a readout, or not at
// all; and the one urged or called on does what follows.
func TestExtract_parties(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		doc   schema.Document
		facts []string // "subject | predicate | object" that must be there
		not   []string // subjects no resolved fact may have
		gone  []string // "subject | predicate | object" that must not be there
	}{
		{
			name:  "a body sentence names no party",
			doc:   schema.Document{Text: "We deplore Russia's repression of civil society in Ukraine."},
			not:   []string{"Russia", "Ukraine"},
			facts: nil,
		},
		{
			name: "a group's members from the title, its topic left out",
			doc: schema.Document{Title: "Quad Joint Statement on Japan",
				Text: "We condemned the missile tests."},
			facts: []string{"Australia | condemn | missile tests", "India | condemn | missile tests",
				"United States | condemn | missile tests", "Japan | condemn | missile tests"},
		},
		{
			name: "we do nothing to us",
			doc: schema.Document{Title: "Joint Statement of the United States and Japan",
				Text: "We are committed to collaborating with our framework partners in a manner that acknowledges the importance of technical " +
					"assistance and capacity building, allows us to maintain a flexible approach, and delivers tangible benefits for our peoples."},
			gone: []string{"United States | allow | Japan", "Japan | allow | United States"},
		},
		{
			name: "each other of two parties is the other party",
			doc: schema.Document{Title: "Joint Statement of the United States and Japan",
				Text: "We intend to cooperate with each other."},
			facts: []string{"United States | intend to cooperate with | Japan", "Japan | intend to cooperate with | United States"},
			gone:  []string{"United States | intend to cooperate with | other", "Japan | intend to cooperate with | other"},
		},
		{
			name: "a press secretary who announces a visit is none of the leaders",
			doc: schema.Document{Title: "Statement by White House Press Secretary Jen Psaki on the Visit of Chancellor Olaf Scholz of Germany",
				Text: "The leaders will discuss their shared commitment to diplomacy."},
			not: []string{"Jennifer Psaki", "Jen Psaki"},
		},
		{
			name: "a readout's other party is its publisher",
			doc: schema.Document{Title: "Readout of the President's Meeting with Prime Minister Albanese of Australia",
				URL:  "https://www.whitehouse.gov/briefing-room/readout",
				Text: "The leaders discussed the AUKUS partnership."},
			facts: []string{"Australia | discuss | AUKUS partnership", "United States | discuss | AUKUS partnership"},
		},
		{
			name:  "a statement on one country has no parties",
			doc:   schema.Document{Title: "Statement on Ukraine", URL: "https://www.whitehouse.gov/x", Text: "We support Ukraine."},
			not:   []string{"Ukraine", "United States"},
			facts: nil,
		},
		{
			name: "a transcript's turns: the speaker's I and we, and no one else's",
			doc: schema.Document{Title: "Remarks by President Biden in a Roundtable with Business Leaders", URL: "https://www.whitehouse.gov/t",
				Text: "THE PRESIDENT:\u00a0 Good afternoon, folks. We passed the law.\n\nMS. BARRA:\u00a0 Thank you. We provide the engines for the railroad.\n\nTHE PRESIDENT:\u00a0 We support the workers."},
			facts: []string{"United States | pass | law", "United States | support | workers"},
			gone:  []string{"United States | provide | engines for railroad", "Biden | be | Good afternoon", "Biden | be | folks"},
		},
		{
			name: "a statement of an unnamed President is not from the person its title names",
			doc: schema.Document{Title: "Statement of the President on the NATO Summit and Call with President Zelenskyy", URL: "https://www.whitehouse.gov/s",
				Text: "Today I met with fellow leaders from our NATO Allies. We support Ukraine."},
			facts: []string{"United States | support | Ukraine"},
			not:   []string{"Zelenskyy", "Volodymyr Zelenskyy"},
		},
		{
			name: "the governments that are we, after a dash or an opening phrase",
			doc: schema.Document{Title: "Declaration on Partnership", URL: "https://www.whitehouse.gov/d",
				Text: "We—the governments of Fiji, Samoa, and the United States of America—meet today. We condemn the attacks."},
			facts: []string{"Fiji | condemn | attacks", "Samoa | condemn | attacks", "United States | condemn | attacks"},
			gone:  []string{"Fiji | — | Samoa"},
			not:   []string{"We"},
		},
		{
			name: "a statement from one person: I, my Administration, we",
			doc: schema.Document{Title: "Statement from President Joe Biden on Sanctions", URL: "https://www.whitehouse.gov/s",
				Text: "I issued a memorandum. My Administration will impose sanctions. We will support the survivors."},
			facts: []string{"Joseph Biden | issue | memorandum", "Biden Administration | impose | sanctions", "United States | support | survivors"},
		},
		{
			name: "the President of a readout is the one its title names",
			doc: schema.Document{Title: "Readout of President Joe Biden's Call with Chancellor Olaf Scholz of Germany", URL: "https://www.whitehouse.gov/r",
				Text: "The President thanked the Chancellor for his leadership."},
			facts: []string{"Joseph Biden | thank | Olaf Scholz"},
		},
		{
			name:  "the one urged does the act",
			doc:   schema.Document{Text: "Japan urged the DPRK to cease its destabilizing actions."},
			facts: []string{"Democratic People's Republic of Korea | be urged to cease | destabilizing actions", "Japan | urge | Democratic People's Republic of Korea"},
			not:   []string{},
		},
		{
			name:  "they are the persons who acted just before, not the parties",
			doc:   schema.Document{Title: "Readout of a Roundtable", Text: "Senior Advisor Susan Rice and Senior Advisor Cedric Richmond hosted the families at the White House. They also thanked the families for their advocacy."},
			facts: []string{"Susan Rice | thank | families", "Cedric Richmond | thank | families"},
		},
		{
			name:  "a statement of a person is that person's",
			doc:   schema.Document{Title: "Statement of President Joe Biden on Senate Passage of the Act", Text: "I applaud the Senate for passing the Act."},
			facts: []string{"Joseph Biden | applaud | United States Senate"},
		},
		{
			name: "a proclamation's formula names its speaker",
			doc: schema.Document{Title: "A Proclamation on Greek Independence Day, 2021",
				Text: "I admire the courage of the Greek people. NOW, THEREFORE, I, JOSEPH R. BIDEN JR., President of the United States of America, do hereby proclaim March 25, 2021, as Greek Independence Day."},
			facts: []string{"Joseph Biden | admire | courage of Greek people"},
		},
		{
			name:  "the two leaders of a meeting are the persons its title names",
			doc:   schema.Document{Title: "Readout of President Joe Biden’s Meeting with Prime Minister Kishida Fumio of Japan", Text: "The two leaders discussed trade."},
			facts: []string{"Joseph Biden | discuss | trade", "Kishida Fumio | discuss | trade"},
		},
		{
			name: "a \"they\" after a plural noun of its sentence is not the parties",
			doc: schema.Document{Title: "Joint Statement of Japan and Canada",
				Text: "Japan and Canada condemned the attacks. They will seize illicit drugs and precursor chemicals before they reach the region."},
			facts: []string{"Japan | seize | illicit drugs", "Canada | seize | illicit drugs"},
			gone:  []string{"Japan | reach | region", "Canada | reach | region"},
		},
		{
			name:  "markup is blanked, not read as words",
			doc:   schema.Document{Text: "Japan joined the [Quad Cyber Challenge](https://example.org/c) on **Monday**."},
			facts: []string{"Japan | join | Quad Cyber Challenge"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.ID = "t"
			res, err := p.Extract(context.Background(), tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			var all []string
			shown := shownFacts(res)
			for i, f := range res.Facts {
				if f.Unresolved {
					continue
				}
				k := shown[i]
				if f.Negated {
					k = "not " + k
				}
				have[k] = true
				all = append(all, k)
				for _, s := range tt.not {
					if strings.EqualFold(f.Subject, s) {
						t.Errorf("%q is not a speaker here: %s", s, k)
					}
				}
			}
			for _, want := range tt.facts {
				if !have[want] && !have["not "+want] {
					t.Errorf("missing %q; have:\n%s", want, strings.Join(all, "\n"))
				}
			}
			for _, g := range tt.gone {
				if have[g] || have["not "+g] {
					t.Errorf("%q should not be said; have:\n%s", g, strings.Join(all, "\n"))
				}
			}
		})
	}
}
