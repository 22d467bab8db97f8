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
		name   string
		text   string
		facts  []string // "subject | predicate | object" that must be there
		not    []string // subjects that must not head a resolved fact
		absent []string // facts that must not be read
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
			name: "they after a meeting are the two who met",
			text: "National Security Advisor Jake Sullivan met with Greek National Security Advisor Thanos Dokos.\n" +
				"They discussed the importance of countering harmful influence in the region.",
			facts: []string{"Jake Sullivan | discuss importance of | countering harmful influence in region",
				"Thanos Dokos | discuss importance of | countering harmful influence in region"},
			not: []string{"They", "United States"},
		},
		{
			name:   "to bring together is not to bring",
			text:   "The White House brought together 36 countries for the Summit.",
			facts:  []string{"White House | bring together | 36 countries for Summit"},
			absent: []string{"White House | bring | 36 countries for Summit"},
		},
		{
			name:  "an it that opens a sentence is what the sentence before was about",
			text:  "The rule requires employers to report injuries. It also provides new protections for workers.",
			facts: []string{"rule | provide | new protections for workers"},
			not:   []string{"It"},
		},
		{
			name:  "she goes on past a sentence about something else",
			text:  "Kristin Johnson is a professor of law. The work of the clinic has been recognized with multiple awards. Most recently, she was named a Research Scholar.",
			facts: []string{"Kristin Johnson | be named | Research Scholar"},
			not:   []string{"she"},
		},
		{
			name: "a biography's given name alone is its person",
			text: "Elaine Trevino, Nominee for Chief Agricultural Negotiator\n\nElaine Trevino is the President of the Almond Alliance. " +
				"Elaine works on port congestion. She received her degree from Berkeley.",
			facts: []string{"Elaine Trevino | work on | port congestion", "Elaine Trevino | receive | degree"},
			not:   []string{"Elaine", "She"},
		},
		{
			name: "a list line's post names its person, whom the biography is about",
			text: "Parisa Salehi, Nominee for Inspector General, Export-Import Bank of the United States\n\n" +
				"Salehi is the Acting Inspector General of the Bank. She began her career at a law firm.\n\n" +
				"A strong domestically owned and operated steel industry represents an essential national security priority.",
			facts: []string{"Parisa Salehi | be | Nominee for Inspector General", "Parisa Salehi | begin | career",
				"strong owned and operated steel industry | represent | essential national security priority"},
		},
		{
			name: "a copula's preposition is the relation, a manner does nothing, a body holds no post",
			text: "The President is in Ohio. Our prayers are with the families. " +
				"We will meet the needs in a sustainable manner that accelerates the clean energy transition. " +
				"Dr. Siu was an Engineering Fellow at the Idaho National Engineering Laboratory, an Associate Professor of Nuclear Engineering at the Massachusetts Institute of Technology.",
			facts:  []string{"President | be in | Ohio", "prayers | be with | families"},
			absent: []string{"President | be | Ohio", "manner | accelerate | clean energy transition"},
			not:    []string{"Idaho National Engineering Laboratory"},
		},
		{
			name: "a list's number or a year is no subject, a count is",
			text: "3. Managing HFC stocks to promote the use of recovered HFCs.\n\nShe won an award, and in 2019 was recognized as a distinguished alumna. " +
				"Of those, 76,000 have since become lawful permanent residents.",
			facts:  []string{"76,000 | become | lawful permanent residents"},
			absent: []string{"3 | manage | HFC stocks", "2019 | be recognized as | distinguished alumna"},
		},
		{
			name: "a bare object takes the short phrase that says which",
			text: "The United States shares a vision for a resilient Pacific region of peace, harmony, security, and prosperity. " +
				"The agency provides new trainings on energy safeguards in a manner consistent with law.",
			facts: []string{"United States | share | vision for a resilient Pacific region of peace",
				"agency | provide | new trainings on energy safeguards"},
		},
		{
			name:   "an adjective whose clause says the rest is no object alone",
			text:   "The United States is committed to working with ASEAN to fight deforestation.",
			facts:  []string{"United States | work with | Association of Southeast Asian Nations"},
			absent: []string{"United States | be | committed"},
		},
		{
			name: "a nomination heading names a person, whom the next he is about",
			text: "Nickolas Guertin, Nominee for Director of Policy\n\n" +
				"Nickolas Guertin has a long career in submarine operations. Most recently, he has performed applied research for government.",
			facts: []string{"Nickolas Guertin | be | Nominee for Director of Policy",
				"Nickolas Guertin | perform | applied research for government"},
		},
		{
			name:  "a word that grades a post is no title before a name",
			text:  "Jed Kolko, Nominee for Under Secretary of Commerce\n\nJed Kolko is an economist. He is also an Assistant Scoutmaster. He hails from Redding.",
			facts: []string{"Jed Kolko | hail from | Redding"},
			not:   []string{"Scoutmaster"},
		},
		{
			name: "who is given the means or the support to an end does it",
			text: "The Workforce Hub will provide new resources to employers to attract a skilled workforce. " +
				"The CDC awarded $3 million to the Asian Health Forum to translate information. " +
				"The Department will support the Mayor’s Office to train 90 residents. " +
				"The Department will assist households while protecting taxpayers.",
			facts: []string{"employers | attract | skilled workforce", "Asian Health Forum | translate | information",
				"Mayor’s Office | train | 90 residents", "Department | protect | taxpayers"},
			absent: []string{"Workforce Hub | attract | skilled workforce", "CDC | translate | information",
				"Department | train | 90 residents", "households | protect | taxpayers"},
		},
		{
			name:  "a press release's dateline is no subject",
			text:  "WASHINGTON – Today, President Joe Biden announced his intent to nominate Matt Quinn.",
			facts: []string{"Joseph Biden | announce | intent"},
			not:   []string{"Washington"},
		},
		{
			name:  "a hyphen joins the words of an object, and how many is part of an amount",
			text:  "The agency released the first-ever national plan. More than 300 students received all-time high scores.",
			facts: []string{"agency | release | first-ever national plan", "more than 300 students | receive | all-time high scores"},
		},
		{
			name: "a name inside another phrase does not take the next he",
			text: "Steve Dick, Nominee for Director\n\nDick served on Senator Tom Daschle’s (D-SD) staff for ten years. " +
				"In his last position with Senator Daschle, he served as the Agriculture Outreach Coordinator.",
			facts:  []string{"Steve Dick | serve as | Agriculture Outreach Coordinator"},
			absent: []string{"Thomas Daschle | serve as | Agriculture Outreach Coordinator"},
		},
		{
			name:  "he goes on naming the person a run of sentences is about",
			text:  "Maria Lopez was a daughter. She was a sister. She was a teacher. She taught chemistry in Ohio.",
			facts: []string{"Maria Lopez | be | sister", "Maria Lopez | be | teacher", "Maria Lopez | teach | chemistry"},
			not:   []string{"She"},
		},
		{
			name: "a biography's surname and capitalized posts name its person",
			text: "Jed Kolko, Nominee for Under Secretary of Commerce\n\nJed Kolko has been Chief Economist at Indeed since 2016. " +
				"Kolko is a Fellow of the American Statistical Association. She was Provost at Minerva University. He lives in Ohio.",
			facts: []string{"Jed Kolko | be | Chief Economist", "Jed Kolko | be | Fellow of American Statistical Association",
				"Jed Kolko | be provost at | Minerva University", "Jed Kolko | live in | Ohio"},
			not: []string{"Economist", "Kolko", "He", "She"},
		},
		{
			name:   "of the parties who are we, one does not welcome its own intention",
			text:   "Joint Statement of the United States and Japan\n\nWe also welcome Japan’s intention to broaden the scope of the program. We reaffirm our commitment to the Alliance.",
			facts:  []string{"United States | welcome | Japan’s intention to broaden scope of program", "Japan | reaffirm commitment to | Alliance"},
			absent: []string{"Japan | welcome | Japan’s intention to broaden scope of program"},
		},
		{
			name:   "the Honorable is a title, not a name",
			text:   "The Honorable Gina Raimondo, Secretary of Commerce, will lead the delegation.",
			facts:  []string{"Gina Raimondo | lead | delegation"},
			not:    []string{"Honorable Gina Raimondo"},
			absent: []string{"Gina Raimondo | be | Honorable"},
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
			facts: []string{"Antony Blinken | visit | Seoul", "Antony Blinken | praise | agreement", "Antony Blinken | be | U.S. Secretary of State"},
		},
		{
			name:  "light verb folds into the predicate",
			text:  "Japan expressed its support for Ukraine.",
			facts: []string{"Japan | express support for | Ukraine"},
		},
		{
			name: "coordinated titled persons are each the agent and each titled",
			text: "The agreement was endorsed by President Biden and President Yoon.",
			facts: []string{"Biden | endorse | agreement", "Yoon | endorse | agreement",
				"Biden | be | President", "Yoon | be | President"},
		},
		{
			name:  "a plural title goes to every name",
			text:  "The declaration was announced by Presidents Biden and Yoon.",
			facts: []string{"Biden | be | President", "Yoon | be | President", "Yoon | announce | declaration"},
		},
		{
			name:  "a document title goes on after its head",
			text:  "The Guidelines for Nuclear Deterrence were endorsed by Japan.",
			facts: []string{"Japan | endorse | Guidelines for Nuclear Deterrence"},
		},
		{
			name:  "a purpose is committed to as well",
			text:  "Japan pledged to deepen cooperation to promote peace.",
			facts: []string{"Japan | pledge to promote | peace"},
		},
		{
			name:  "a gerund completing a light noun joins the predicate",
			text:  "Japan reaffirmed its commitment to working within the UN framework.",
			facts: []string{"Japan | reaffirm commitment to work within | United Nations framework"},
		},
		{
			name: "parties acting together act with each other",
			text: "The Governments of the United States and the Republic of Korea released this statement.\n" +
				"Both sides pledged to coordinate closely together on sanctions.",
			facts: []string{"United States | pledge to coordinate with | Republic of Korea",
				"Republic of Korea | pledge to coordinate with | United States"},
		},
		{
			name:  "a predicate adjective and its complement join the predicate",
			text:  "Japan remains open to dialogue with China.",
			facts: []string{"Japan | remain open to dialogue with | China"},
		},
		{
			name:  "a singled-out example is an object too",
			text:  "Japan expressed concern over provocative actions, particularly the military drills around Taiwan.",
			facts: []string{"Japan | express concern over | military drills around Taiwan"},
		},
		{
			name:  "the doer of an act names it, and the copula takes the adjective",
			text:  "Any nuclear attack by Russia against Ukraine is unacceptable.",
			facts: []string{"Russia nuclear attack against Ukraine | be | unacceptable"},
		},
		{
			name:  "an acronym possessor is attributive and bare conjuncts share modifiers",
			text:  "The DPRK’s human rights violations and abuses were linked with its missile programs.",
			facts: []string{"DPRK human rights violations and abuses | be linked with | missile programs"},
			not:   []string{"abuses"},
		},
		{
			name:  "a reciprocal noun between two names",
			text:  "Japan recognized the interconnectedness between Europe and the Indo-Pacific.",
			facts: []string{"Europe | be interconnected with | Indo-Pacific", "Indo-Pacific | be interconnected with | Europe"},
		},
		{
			name:  "the goal of doing something is an aim",
			text:  "Japan is committed to accelerate cooperation with the goal of signing the Reciprocal Defense Procurement Agreement.",
			facts: []string{"Japan | aim to sign | Reciprocal Defense Procurement Agreement"},
		},
		{
			name:  "as reflected in describes the object",
			text:  "The United States and the ROK underscored the importance of maritime safety and security, upholding international law as reflected in the United Nations Convention on the Law of the Sea (UNCLOS).",
			facts: []string{"international law | be reflected in | United Nations Convention on the Law of the Sea"},
		},
		{
			name:  "a light noun's later complement about a name",
			text:  "Japan noted consultations for potential collaboration on projects under AUKUS Pillar II.",
			facts: []string{"Japan | note consultation on | projects under AUKUS Pillar II"},
		},
		{
			name:  "a named possessor poses its threats",
			text:  "Japan condemned Russia’s threats.",
			facts: []string{"Russia | pose | threats"},
		},
		{
			name:  "a meeting's name is no titled person",
			text:  "Japan reaffirmed its support for the Defense Ministers' Meeting Plus, stressing its value.",
			facts: []string{"Japan | reaffirm support for | Defense Ministers' Meeting Plus"},
			not:   []string{"Plus", "Meeting Plus"},
		},
		{
			name:  "each example after such as is an object",
			text:  "Japan joined regional forums such as the East Asia Summit and the Pacific Islands Forum.",
			facts: []string{"Japan | join | East Asia Summit", "Japan | join | Pacific Islands Forum"},
		},
		{
			name:  "an activity's infinitive is the subject's purpose",
			text:  "Seoul expanded cooperation to counter threats.",
			facts: []string{"Seoul | expand | cooperation", "Seoul | counter | threats"},
		},
		{
			name:  "each of coordinated doers of a participle does it",
			text:  "They welcomed the charter, which marks a turning point, as reviewed and approved by President Moon and President Abe.",
			facts: []string{"Moon | approve | charter", "Abe | approve | charter"},
		},
		{
			name:  "a body's name goes on after on, and its short form is the body",
			text:  "Canada convened the Interagency Working Group on Coal and Power Plant Communities. The Interagency Working Group discussed recent travel.",
			facts: []string{"Canada | convene | Interagency Working Group on Coal and Power Plant Communities", "Interagency Working Group on Coal and Power Plant Communities | discuss | travel"},
		},
		{
			name:  "the end of a country's name is no person",
			text:  "Joseph Biden, President of the United States, met the Prime Minister.",
			facts: []string{"Joseph Biden | be | President of United States"},
			not:   []string{"States"},
		},
		{
			name:  "when is no part of what",
			text:  "The recent military drills escalate tension.",
			facts: []string{"military drills | escalate | tension"},
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
			shown := shownFacts(res)
			for i, f := range res.Facts {
				if f.Unresolved {
					continue
				}
				k := shown[i]
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
			for _, bad := range tt.absent {
				if have[bad] {
					t.Errorf("read %q", bad)
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
		if e.Label == "Antony Blinken" {
			if !hasAlias(e, "Antony J. Blinken") || !hasAlias(e, "Blinken") {
				t.Errorf("the person lost a name as written: %+v", e.Aliases)
			}
			if e.Type != schema.TypePerson || len(e.Titles) != 1 || e.Titles[0] != "U.S. Secretary of State" ||
				len(e.Affiliations) != 1 || e.Affiliations[0] != "United States" {
				t.Errorf("person = %+v", e)
			}
			return
		}
	}
	t.Errorf("no person entity in %+v", res.Entities)
}

func hasAlias(e schema.Entity, name string) bool {
	for _, a := range e.Aliases {
		if a.Name == name {
			return true
		}
	}
	return false
}

// One person, one label: across titles and name forms within a document,
// and across documents for a surname alone.
func TestExtract_personNames(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	labels := func(text string) map[string]bool {
		res, err := p.Extract(context.Background(), schema.Document{ID: "t", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		p.Learn(res)
		out := map[string]bool{}
		for _, e := range res.Entities {
			if e.Type == schema.TypePerson {
				out[e.Label] = true
			}
		}
		return out
	}
	got := labels("President Joseph R. Biden, Jr. met Secretary of Defense Lloyd J. Austin III. Later President Biden thanked Secretary Austin.")
	if len(got) != 2 || !got["Joseph Biden"] || !got["Lloyd Austin"] {
		t.Errorf("persons %v, want Joseph Biden and Lloyd Austin", got)
	}
	// A name an earlier document taught ("Joe Biden") is still a person's
	// when a title goes before it.
	labels("President Joe Biden thanked the governors.")
	res, err := p.Extract(context.Background(), schema.Document{ID: "t", Text: "Today, President Joe Biden announced a plan."})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facts) == 0 || res.Facts[0].Subject != "Joseph Biden" {
		t.Errorf("a learnt name under a title gave %+v", res.Facts)
	}
	if got := labels("President Biden spoke with Secretary Austin."); len(got) != 2 || !got["Joseph Biden"] || !got["Lloyd Austin"] {
		t.Errorf("a later document's surnames gave %v", got)
	}
	// A king's one name is no surname of another person's.
	labels("Governor Makola Abdullah spoke.")
	if got := labels("President Biden spoke with His Majesty King Abdullah II of Jordan."); !got["King Abdullah II"] || got["Makola Abdullah"] {
		t.Errorf("a king by his regnal name gave %v", got)
	}
	// A surname two persons share names no one of them.
	labels("Senator Jane Roe spoke.")
	labels("Governor John Roe spoke.")
	if got := labels("Roe spoke."); got["Jane Roe"] || got["John Roe"] {
		t.Errorf("an ambiguous surname was resolved: %v", got)
	}
	// A title with the surname names the one who held it, and a surname
	// alone the one far more documents name.
	labels("Dr. Jane Poe thanked the nurses.")
	for range 3 {
		labels("Secretary Max Poe met the press.")
	}
	if got := labels("Secretary Poe visited Ohio."); len(got) != 1 || !got["Max Poe"] {
		t.Errorf("a titled surname gave %v, want Max Poe", got)
	}
	if got := labels("Dr. Poe visited Ohio."); len(got) != 1 || !got["Jane Poe"] {
		t.Errorf("a titled surname gave %v, want Jane Poe", got)
	}
	if got := labels("Poe visited Ohio. Poe thanked the governors."); got["Jane Poe"] {
		t.Errorf("a surname alone gave %v", got)
	}
	labels("Administrator Ann Moe thanked the nurses.")
	for range 4 {
		labels("Governor Bob Moe met the press.")
	}
	if got := labels("Ambassador Moe visited Ohio."); len(got) != 1 || !got["Robert Moe"] {
		t.Errorf("a surname most documents give one person gave %v, want Robert Moe", got)
	}
	// A headline runs a surname into its verb.
	res, err = p.Extract(context.Background(), schema.Document{ID: "h", Title: "Governor Moe Announces New Nominees", Text: "The Governor thanked them."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entities {
		if e.Type == schema.TypePerson && e.Label != "Robert Moe" {
			t.Errorf("a headline gave the person %q, want Robert Moe", e.Label)
		}
	}
	// A title ends in its office, never in "of": what follows names an
	// institution.
	if got := labels("She served as Executive Director of Women for Progress."); len(got) != 0 {
		t.Errorf("an office's institution gave persons %v", got)
	}
	// A middle name and an accent do not make another person, in the
	// same document or a later one.
	if got := labels("Ambassador Troy Damian Fitrell met the press. Ambassador Troy Fitrell thanked the hosts."); len(got) != 1 || !got["Troy Damian Fitrell"] {
		t.Errorf("one person under a middle name and without: %v", got)
	}
	if got := labels("Ambassador Troy Fitrell thanked the governors."); len(got) != 1 || !got["Troy Damian Fitrell"] {
		t.Errorf("a later document's full name gave %v", got)
	}
	// A headline runs a known person's name into its verb.
	if got := labels("Ambassador Troy Fitrell Welcomes the governors."); got["Troy Fitrell Welcomes"] || !got["Troy Damian Fitrell"] {
		t.Errorf("a headline's verb went into a name: %v", got)
	}
	// A nickname is its full name, and a name cut after its middle word
	// is the person named in full before.
	labels("Senator Robert Casey thanked the governors.")
	if got := labels("Senator Bobby Casey thanked the mayors."); !got["Robert Casey"] || len(got) != 1 {
		t.Errorf("a nickname gave %v", got)
	}
	// A short form that stands for two full names is the one known.
	labels("Secretary Antony Zuiko thanked the governors.")
	labels("Secretary Phillip Zuikov thanked the governors.")
	if got := labels("Secretary Tony Zuiko and Director Phil Zuikov thanked the mayors."); !got["Antony Zuiko"] || !got["Phillip Zuikov"] || len(got) != 2 {
		t.Errorf("short forms of two full names gave %v", got)
	}
	labels("Representative Theodore Qwerdeutch thanked the governors.")
	if got := labels("Representative Ted Qwerdeutch thanked the mayors."); !got["Theodore Qwerdeutch"] || len(got) != 1 {
		t.Errorf("Ted after Theodore gave %v", got)
	}
	// A document that knew a person by a short form is read again once
	// the full form is known.
	first, err := p.Extract(context.Background(), schema.Document{ID: "q", Text: "Secretary Tony Qwerb thanked the governors."})
	if err != nil {
		t.Fatal(err)
	}
	p.Learn(first)
	held := LoneSurnames(first)
	if p.Resolves(held) {
		t.Errorf("%v resolved before the full form was known", held)
	}
	labels("Secretary Antony Qwerb thanked the governors.")
	if !p.Resolves(held) {
		t.Errorf("%v not resolved after Antony Qwerb", held)
	}
	if got := labels("Secretary Tony Qwerb thanked the governors."); !got["Antony Qwerb"] || len(got) != 1 {
		t.Errorf("the document read again gave %v", got)
	}
	labels("Secretary Tony Zuikoff thanked the governors.")
	if got := labels("Secretary Antony Zuikoff thanked the governors."); !got["Antony Zuikoff"] || len(got) != 1 {
		t.Errorf("a full name after its short form gave %v", got)
	}
	if got := labels("Secretary Tony Zuikoff thanked the mayors."); !got["Antony Zuikoff"] || len(got) != 1 {
		t.Errorf("a short form after its full name gave %v", got)
	}
	labels("Senator Eddie Bernice Johnson thanked the governors.")
	if got := labels("Senator Eddie Bernice thanked the mayors."); !got["Eddie Bernice Johnson"] || len(got) != 1 {
		t.Errorf("a name cut after its middle word gave %v", got)
	}
	labels("Secretary Miriam Calderón thanked the governors.")
	if got := labels("Secretary Calderon thanked the mayors."); len(got) != 1 || !got["Miriam Calderón"] {
		t.Errorf("a surname without its accent gave %v", got)
	}
	// The Second Gentleman is a title.
	if got := labels("Second Gentleman Douglas Emhoff visited Kenya."); len(got) != 1 || !got["Douglas Emhoff"] {
		t.Errorf("Second Gentleman gave %v", got)
	}
	// Members of Congress and administrators are titled too.
	if got := labels("Congresswoman Grace Meng thanked the volunteers. Administrator Deanne Criswell visited Maui."); len(got) != 2 || !got["Grace Meng"] || !got["Deanne Criswell"] {
		t.Errorf("titled names gave %v", got)
	}
	// A name with no title is a person when it opens with a known first
	// name, and not when it names an institution.
	got = labels("The White House announced that John D. Porcari will be the Port Envoy. Porcari led the Port of Baltimore. John Hopkins University agreed to host the talks.")
	if !got["John Porcari"] || len(got) != 1 {
		t.Errorf("untitled names gave persons %v, want John Porcari alone", got)
	}
}

func TestPersonLabel(t *testing.T) {
	for in, want := range map[string]string{
		"Joseph R. Biden, Jr.": "Joseph Biden", "Joe Biden": "Joseph Biden", "Lloyd J. Austin III": "Lloyd Austin",
		"Kim Yong-hyun": "Kim Yong-hyun", "George H.W. Bush": "George Bush", "Biden": "Biden", "Antony J. Blinken": "Antony Blinken",
		"KENIA SEOANE LOPEZ": "Kenia Seoane Lopez", "JOSEPH R. BIDEN JR.": "Joseph Biden", "BIDEN": "Biden",
	} {
		if got := personLabel(in); got != want {
			t.Errorf("personLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// shownFacts renders each fact as "subject | predicate | object", its
// arguments as a facts table shows them: a concept by its wording.
func shownFacts(res schema.Result) []string {
	types := entityTypes(res)
	out := make([]string, len(res.Facts))
	for i, f := range res.Facts {
		out[i] = schema.Shown(f.Subject, types[f.Subject], f.SubjectText) + " | " + f.Predicate + " | " +
			schema.Shown(f.Object, types[f.Object], f.ObjectText)
	}
	return out
}

// entityTypes maps each entity label of res to its type.
func entityTypes(res schema.Result) map[string]string {
	types := make(map[string]string, len(res.Entities))
	for _, e := range res.Entities {
		types[e.Label] = e.Type
	}
	return types
}

func TestNameHead(t *testing.T) {
	for _, c := range []struct{ label, want string }{
		{"provost at minerva university", "provost"},
		{"department of energy", "department"},
		{"bachelor’s degree from southern illinois university", "degree"},
		{"gordon and betty moore foundation", "foundation"},
		{"summit", "summit"},
		{"", ""},
	} {
		if got := nameHead(c.label); got != c.want {
			t.Errorf("nameHead(%q) = %q, want %q", c.label, got, c.want)
		}
		if c.label != "" && nameKind(nameHead(c.label)) == schema.TypeOrganization && strings.Contains(c.label, " at ") {
			t.Errorf("%q typed an organization", c.label)
		}
	}
}
