package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// A fact read off a clause the sentence does not assert is said as what it
// does assert, said with less confidence, or not said.
func TestExtract_asserted(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want, not  []string
		doubted    []string // kept, with half the confidence of the clause
	}{
		{
			name: "the one urged is urged, and does nothing yet",
			text: "Japan urged the DPRK to cease its destabilizing actions.",
			want: []string{"Democratic People's Republic of Korea | be urged to cease | destabilizing actions"},
			not:  []string{"Democratic People's Republic of Korea | cease | destabilizing actions"},
		},
		{
			name: "who is called for is called, and does nothing yet",
			text: "The President called for Congress to pass the bill.",
			want: []string{"United States Congress | be called to pass | bill"},
			not:  []string{"President | pass | bill", "United States Congress | pass | bill"},
		},
		{
			name: "what is paid for is not done",
			text: "The agency provides grants for states to build new clinics.",
			want: []string{"agency | provide | grants"},
			not:  []string{"states | build | new clinics", "agency | build | new clinics", "grants | build | new clinics"},
		},
		{
			name: "the purpose of a mass noun is not its act",
			text: "Police departments ask for help to reform their practices.",
			not:  []string{"help | reform | practices"},
		},
		{
			name: "what it is long past time for is not done",
			text: "It’s long past time that Congress requires safe storage of firearms.",
			not:  []string{"United States Congress | require | safe storage of firearms"},
		},
		{
			name: "what must be done is said with its modal",
			text: "Ministries must work together to close the gaps and improve reporting.",
			want: []string{"ministries | must close | gaps"},
			not:  []string{"ministries | close | gaps", "ministries | improve | reporting", "ministries | work | gaps"},
		},
		{
			name: "what a bill would do is said with its modal",
			text: "Spain supports the Clean Water Act, which would protect rivers.",
			want: []string{"Clean Water Act | would protect | rivers"},
			not:  []string{"Clean Water Act | protect | rivers"},
		},
		{
			name: "a commitment keeps its bare verb",
			text: "Mexico will expand the program.",
			want: []string{"Mexico | expand | program"},
		},
		{
			name: "a purpose with so that is not done",
			text: "Canada is funding new clinics so that families can see a doctor.",
			want: []string{"Canada | fund | new clinics"},
			not:  []string{"families | see | doctor", "families | can see | doctor"},
		},
		{
			name: "a result with so is done",
			text: "The talks failed, so France withdrew its envoy.",
			want: []string{"France | withdraw | envoy"},
		},
		{
			name: "a when under a modal is a condition",
			text: "Farmers can prosper when governments lower tariffs.",
			not:  []string{"governments | lower | tariffs"},
		},
		{
			name: "a when in the past happened",
			text: "The embassy closed when protesters stormed the gates.",
			want: []string{"protesters | storm | gates"},
		},
		{
			name: "the later verbs of an urged series are urged too",
			text: "The ministers urged Iran to release the detainees and allow inspectors into the country.",
			want: []string{"Iran | be urged to release | detainees", "Iran | be urged to allow | inspectors"},
			not:  []string{"Iran | allow | inspectors"},
		},
		{
			name: "what is enabled is not done",
			text: "The plan will enable farmers to rebuild their livelihoods.",
			want: []string{"farmers | be enabled to rebuild | livelihoods"},
			not:  []string{"farmers | rebuild | livelihoods"},
		},
		{
			name: "what is to be ensured is not so",
			text: "Canada will ensure that every citizen has access to care.",
			not:  []string{"every citizen | have | access to care", "citizen | have | access to care"},
		},
		{
			name:    "a topic is perhaps not done",
			text:    "The ministers held discussions focused on improving tribal consultation.",
			doubted: []string{"improve"},
		},
		{
			name: "the ones mobilized act, not the plan that mobilizes them",
			text: "The plan will mobilize small contractors to meet the challenges of our time.",
			want: []string{"small contractors | be mobilized to meet | challenges of our time"},
			not:  []string{"plan | meet | challenges of our time"},
		},
		{
			name: "a pledge is said as pledged",
			text: "Japan pledged to deepen cooperation.",
			want: []string{"Japan | pledge to deepen | cooperation"},
		},
		{
			name: "money to an end is its giver's purpose",
			text: "Canada will provide $25 million to strengthen the agricultural sector.",
			want: []string{"Canada | strengthen | agricultural sector"},
			not:  []string{"$25 million | strengthen | agricultural sector", "dollars | strengthen | agricultural sector"},
		},
		{
			name: "an it that stands for its clause is no subject",
			text: "The Department of Justice acted. Now, it is time for Congress to codify these actions.",
			not:  []string{"United States Department of Justice | be | time for Congress to codify", "it | be | time"},
		},
		{
			name: "an adverb of time is no subject",
			text: "Today, Tatiana, a student from Milwaukee, is a Policy Associate at the Center.",
			not:  []string{"today | be | Policy Associate at Center"},
		},
		{
			name: "what the object is made is the relation",
			text: "The American Families Plan will make health care more affordable.",
			want: []string{"American Families Plan | make more affordable | health care"},
			not:  []string{"American Families Plan | make | health care"},
		},
		{
			name: "an infinitive series says what the legislation does, not the signer",
			text: "Today, President Biden will sign the Bipartisan Infrastructure Deal into law – historic legislation to rebuild crumbling infrastructure, create good paying jobs, and grow our economy.",
			want: []string{"Biden | sign | historic legislation to rebuild crumbling infrastructure"},
			not:  []string{"Biden | create | good paying jobs", "Biden | grow | economy", "Biden | sign | historic legislation to rebuild crumbling infrastructure create and grow"},
		},
		{
			name: "adjectives in series before their noun are one object",
			text: "Japan condemned the senseless, cowardly, and brutal attack on civilians.",
			want: []string{"Japan | condemn | senseless cowardly and brutal attack on civilians"},
			not:  []string{"Japan | condemn | senseless"},
		},
		{
			name: "a title with office words joined by and is one person's",
			text: "The Canadian delegation included National Security and Intelligence Advisor Jody Thomas, Canadian Ambassador to the United States Kirsten Hillman, and Chief of Staff Ramzi Nashef.",
			want: []string{"Jody Thomas | be | National Security and Intelligence Advisor", "Canadian delegation | include | Jody Thomas",
				"Kirsten Hillman | be | Canadian Ambassador to United States"},
			not: []string{"Jody Thomas | be | Intelligence Advisor", "Canadian delegation | include | National Security"},
		},
		{
			name: "a titled person of a country",
			text: "President Biden spoke with Prime Minister Boris Johnson of the United Kingdom. Jake Sullivan met with Foreign Minister Jean-Yves Le Drian of France.",
			want: []string{"Biden | speak with | Boris Johnson", "Boris Johnson | be | Prime Minister", "Jean-Yves Le Drian | be | Foreign Minister"},
			not:  []string{"Yves Le Drian | be | Foreign Minister Jean-"},
		},
		{
			name: "a delegation to a person's funeral is no person",
			text: "Vice President Kamala Harris will lead the Presidential Delegation to the State Funeral of former Prime Minister Abe Shinzo of Japan.",
			not:  []string{"Kamala Harris | lead | Abe Shinzo"},
		},
		{
			name: "what an aim would prevent is not said not to happen",
			text: "The leaders discussed their joint commitment to prevent Iran from obtaining a nuclear weapon. Sanctions prevented Russia from acquiring the chips.",
			want: []string{"Russia | acquire | chips"},
			not:  []string{"Iran | obtain | nuclear weapon"},
		},
		{
			name: "a bare title after the office it heads in a list",
			text: "Participants included:\n\nDepartment of Commerce, Secretary Gina Raimondo\n\nDepartment of Labor, Secretary Martin Walsh",
			want: []string{"Gina Raimondo | be | Secretary of Commerce", "Martin Walsh | be | Secretary of Labor"},
			not:  []string{"Gina Raimondo | be | Secretary"},
		},
		{
			name: "no before the subject is the fact's polarity",
			text: "The President made clear that no executive action can substitute for federal legislation. No family making less than $400,000 a year will pay more.",
			want: []string{"executive action | can substitute for | federal legislation", "family | pay | more"},
			not:  []string{"no executive action | substitute for | federal legislation", "making $400,000 | pay | more"},
		},
		{
			name: "what ought to be is not what is",
			text: "It is a top priority for the President that these investments deliver meaningful results. It is clear that Russia violated the Charter.",
			want: []string{"Russia | violate | Charter"},
			not:  []string{"investments | deliver | meaningful results"},
		},
		{
			name: "a who clause is about the people it follows",
			text: "My plan lowered premiums for nine million Americans who buy their coverage through the exchange.",
			want: []string{"nine million Americans | buy | coverage"},
			not:  []string{"premiums | buy | coverage"},
		},
		{
			name: "a condition is supposed, not asserted",
			text: "If Russia invades Ukraine, the United States will impose severe sanctions.",
			want: []string{"United States | impose | severe sanctions"},
			not:  []string{"Russia | invade | Ukraine"},
		},
		{
			name: "a relative clause is asserted",
			text: "Japan thanked the nurses who cared for the victims.",
			want: []string{"nurses | care for | victims"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, p, tt.text)
			shown := shownFacts(res)
			have := map[string]bool{}
			for i, f := range res.Facts {
				if !f.Unresolved {
					have[shown[i]] = true
				}
			}
			all := strings.Join(shown, "\n")
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("missing %q; have:\n%s", w, all)
				}
			}
			for _, w := range tt.not {
				if have[w] {
					t.Errorf("unasserted %q said; have:\n%s", w, all)
				}
			}
			for _, pred := range tt.doubted {
				found := false
				for _, f := range res.Facts {
					if f.Predicate == pred {
						found = true
						// On the fact model's scale (factconf.go), below
						// 0.4 judged facts are wrong more often than right.
						if f.Confidence > 0.4 {
							t.Errorf("%s said with confidence %.2f, want at most 0.4", pred, f.Confidence)
						}
					}
				}
				if !found {
					t.Errorf("no fact with predicate %q; have:\n%s", pred, all)
				}
			}
		})
	}
}

// An apposition does not cross a semicolon: in a list of participants each
// office goes with its own holder.
func TestExtract_listItems(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := extractText(t, p, "Representing Canada were the Minister of Health, Jane Roe; "+
		"the Minister of National Defence, John Doe; the Ambassador of Canada to Mexico, Ann Poe; and the Deputy Minister of Public Safety, Tom Coe.")
	shown := shownFacts(res)
	have := map[string]bool{}
	for _, s := range shown {
		have[s] = true
	}
	if !have["John Doe | be | Minister of National Defence"] {
		t.Errorf("an office lost its holder; have:\n%s", strings.Join(shown, "\n"))
	}
	for _, s := range shown {
		if strings.HasSuffix(s, "| be | Minister of National Defence") && !strings.HasPrefix(s, "John Doe ") {
			t.Errorf("an office paired across items: %s", s)
		}
	}
}

// A conjunct verb without an auxiliary of its own falls under the
// negation of the verb it is coordinated with, and "but" ends it.
func TestExtract_sharedNegation(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, pred string
		negated    bool
	}{
		{"Big corporations can't escape or eliminate the taxes they owe.", "can eliminate", true},
		{"Japan will not develop, produce or acquire nuclear weapons.", "acquire", true},
		{"Japan did not attend but sent a message.", "send", false},
		{"Canada signed the treaty and joined the alliance.", "join", false},
		// Published text writes the apostrophe typographically.
		{"Big corporations can’t escape or eliminate the taxes they owe.", "can eliminate", true},
		{"People who haven’t renewed their coverage can still visit the site.", "renew", true},
	}
	for _, tt := range tests {
		res := extractText(t, p, tt.text)
		found := false
		for _, f := range res.Facts {
			if f.Predicate == tt.pred {
				found = true
				if f.Negated != tt.negated {
					t.Errorf("%q: %s negated %v, want %v", tt.text, tt.pred, f.Negated, tt.negated)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s fact", tt.text, tt.pred)
		}
	}
}

// The items of a list its lead-in opens are done by the lead-in's subject;
// a bare verb elsewhere is an imperative that asserts nothing.
func TestExtract_listLeadIn(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := extractText(t, p, "The American Jobs Plan will:\n\n"+
		"Require background checks for all gun sales.\n\nCreate a new financing facility for small manufacturers.\n\n"+
		"The President met the Governor.\n\nRequire nothing.")
	got := map[string]string{}
	for _, f := range res.Facts {
		got[f.Subject+" | "+f.Predicate] = f.Modality
	}
	for _, want := range []string{"American Jobs Plan | require", "American Jobs Plan | create"} {
		if m, ok := got[want]; !ok || m != "will" {
			t.Errorf("%q: modality %q (found %v), want will; have %v", want, m, ok, got)
		}
	}
	for k := range got {
		if strings.HasSuffix(k, "| require") && !strings.HasPrefix(k, "American Jobs Plan") {
			t.Errorf("an imperative outside a list got a doer: %s", k)
		}
	}
}

// A nomination line says whom the President nominates as what.
func TestExtract_nomination(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := extractText(t, p, "Rachael S. Rollins, of Massachusetts, to be United States Attorney "+
		"for the District of Massachusetts for the term of four years, vice Andrew E. Lelling, resigned.")
	shown := shownFacts(res)
	found := false
	for _, s := range shown {
		if strings.HasPrefix(s, "Rachael S. Rollins | be nominated as | United States Attorney") {
			found = true
		}
		if strings.Contains(s, "Lelling") || strings.Contains(s, "Massachusetts |") {
			t.Errorf("a nomination line's aside made a fact: %s", s)
		}
	}
	if !found {
		t.Errorf("no nomination; have:\n%s", strings.Join(shown, "\n"))
	}
}

// extractText extracts a document of text alone.
func extractText(t *testing.T, p *Pipeline, text string) schema.Result {
	t.Helper()
	res, err := p.Extract(context.Background(), schema.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A wish asserts nothing; "may" inside a clause is a modality kept on the
// fact.
func TestExtract_wish(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range extractText(t, p, "May God bless our troops and protect their families.").Facts {
		t.Errorf("a wish gave (%s, %s, %s)", f.Subject, f.Predicate, f.Object)
	}
	var hedged bool
	for _, f := range extractText(t, p, "Russia may attack Ukraine again.").Facts {
		hedged = hedged || f.Predicate == "may attack" && f.Modality == "may"
	}
	if !hedged {
		t.Error(`"Russia may attack Ukraine" gave no fact "may attack" with modality "may"`)
	}
}
