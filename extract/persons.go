package extract

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/schema"
)

// titleWords open a person's title: "Secretary of State Antony J. Blinken",
// "President Yoon". The title runs from the first of them to the name.
var titleWords = map[string]bool{
	"secretary": true, "secretaries": true, "minister": true, "ministers": true, "president": true, "presidents": true,
	"vice": true, "prime": true, "ambassador": true, "general": true, "admiral": true, "director": true,
	"chairman": true, "chair": true, "chairwoman": true, "senator": true, "governor": true, "chancellor": true,
	"king": true, "queen": true, "prince": true, "mr.": true, "ms.": true, "mrs.": true, "dr.": true,
	"commander": true, "representative": true, "spokesperson": true, "spokesman": true, "adviser": true,
	"advisor": true, "envoy": true, "deputy": true, "undersecretary": true, "under": true, "assistant": true,
	"premier": true, "speaker": true, "sheikh": true, "pope": true, "elect": true,
	"congressman": true, "congresswoman": true, "congressmember": true, "mayor": true, "administrator": true,
	"commissioner": true, "leader": true, "lady": true, "judge": true, "chief": true, "counselor": true,
	"lieutenant": true, "colonel": true, "captain": true, "sergeant": true, "gentleman": true, "attorney": true,
	"counsel": true, "honorable": true,
}

// notNames end a capitalized phrase that is an institution or a document,
// never a person: "Secretary of Defense Treaty" is no one.
var notNames = map[string]bool{
	"treaty": true, "agreement": true, "council": true, "ministerial": true, "meeting": true, "group": true,
	"department": true, "ministry": true, "office": true, "declaration": true, "guidelines": true, "summit": true,
	"forum": true, "command": true, "alliance": true, "dialogue": true, "state": true, "defense": true,
	"affairs": true, "security": true, "initiative": true, "program": true, "act": true, "plan": true,
	"foundation": true, "college": true, "university": true, "coalition": true, "commission": true,
	"institute": true, "center": true, "strategy": true, "request": true, "channel": true, "fund": true,
	"nominee": true, "nominees": true, "campaign": true, "band": true, "corporation": true, "county": true,
	"city": true, "district": true, "court": true, "province": true, "region": true,
}

// officeWords may stand in a title after "of" without being part of a name:
// "Minister of National Defense Kim Yong-hyun".
var officeWords = map[string]bool{
	"state": true, "defense": true, "defence": true, "foreign": true, "affairs": true, "national": true,
	"homeland": true, "security": true, "treasury": true, "commerce": true, "justice": true, "interior": true,
	"unification": true, "trade": true, "energy": true, "health": true, "finance": true, "economy": true,
	"general": true, "staff": true, "joint": true, "chiefs": true, "council": true, "house": true, "navy": true,
	"army": true, "air": true, "force": true, "armed": true, "forces": true, "department": true, "ministry": true,
	"the": true, "of": true, "and": true, "for": true, "agriculture": true, "education": true, "labor": true,
	"transportation": true, "veterans": true, "environment": true, "industry": true, "science": true,
	"technology": true, "intelligence": true, "policy": true, "operations": true, "secretary": true,
	"minister": true, "president": true, "vice": true, "prime": true, "deputy": true, "assistant": true,
	"under": true, "-": true, "(": true, ")": true,
}

// titleJoins are the prepositions a title may hold.
var titleJoins = map[string]bool{"of": true, "for": true, "to": true, "on": true}

// person is a name with the title it was given.
type person struct {
	name, title string
	affiliation string // canonical label of a country or organization named in the title
}

// splitPerson reads "U.S. Secretary of State Antony J. Blinken" as the
// person Antony J. Blinken with the title "U.S. Secretary of State". The
// words are the argument's core; ok is false when it is not a titled name.
func (d *docState) splitPerson(p *parse, core span) (person, bool) {
	if len(core) < 2 {
		return person{}, false
	}
	// "King Abdullah II of Jordan", "President Dina Boluarte of Peru": the
	// country after the name is whose the person is.
	var of string
	for k := len(core) - 2; k >= 2 && k >= len(core)-4; k-- {
		if p.lower(core[k]) != "of" {
			continue
		}
		e, ok := d.gaz.Lookup(p.text(d.text, core[k+1:]))
		if _, whole := d.gaz.Lookup(p.text(d.text, core[k-1:])); ok && !whole && e.Type == schema.TypeCountry &&
			(p.pos(core[k-1]) == "PROPN" || nameSuffixes[p.lower(core[k-1])]) && !notNames[p.lower(core[k-1])] && !institutions[p.lower(core[k-1])] {
			// Not "Ambassador to the Republic of Panama" (a country's
			// name) nor "the Export-Import Bank of the United States".
			of, core = e.Canonical, core[:k]
		}
		break
	}
	// The name: the capitalized words at the end that are no office word.
	first := len(core)
	for i := len(core) - 1; i >= 0; i-- {
		w := p.s.Words[core[i]]
		if nameSuffixes[strings.ToLower(w.Text)] && i == len(core)-1 && i >= 2 && p.givenName(core[i-2]) {
			continue // "Lloyd J. Austin III": the suffix ends the name
		}
		if w.Text == "-" && i > 0 && i < len(core)-1 && p.s.Words[core[i-1]].End == w.Start && w.End == p.s.Words[core[i+1]].Start {
			first = i // "Jean-Yves Le Drian": a hyphen inside a name
			continue
		}
		if officeWords[strings.ToLower(w.Text)] || titleWords[strings.ToLower(w.Text)] || !capitalized(w.Text) || isAcronym(w.Text) && len(w.Text) > 1 && !strings.HasSuffix(w.Text, ".") {
			break
		}
		if i < len(core)-1 && notNames[strings.ToLower(w.Text)] {
			// No person's name has "Meeting" or "Forum" in it.
			break
		}
		if e, ok := d.gaz.Lookup(w.Text); ok && i < len(core)-1 && e.Type == schema.TypeCountry {
			break // "Prime Minister of Sweden Kristersson"
		}
		if i < len(core)-1 && d.endsCountry(p, core, i) {
			break // "Ambassador to the United States Kirsten Hillman"
		}
		if w.UPOS != "PROPN" && w.UPOS != "X" && w.Text != "-" {
			break
		}
		first = i
	}
	if first == len(core) || first == 0 || notNames[strings.ToLower(p.s.Words[core[len(core)-1]].Text)] {
		return person{}, false
	}
	if first == len(core)-1 && roleWords[p.lower(core[first])] {
		// "Chief Economist", "Senior Fellow": a role after a title word
		// is the rest of the title, no one's name.
		return person{}, false
	}
	if first == len(core)-1 && roleModifiers[p.lower(core[first-1])] && (first == 1 || !titleWords[p.lower(core[first-2])]) {
		// "an Assistant Scoutmaster", "Deputy Counselor": a word that
		// grades a post goes before the post, never alone before a
		// surname.
		return person{}, false
	}
	if titleJoins[p.lower(core[first-1])] {
		// "Executive Director of Women for …": a title never ends in
		// "of", so the words after it name what the office is of.
		return person{}, false
	}
	if b := strings.ToLower(p.s.Words[core[first-1]].Text); notNames[b] && !officeWords[b] {
		// A title ends in an office, not in an institution or a
		// document: in "the Defense Ministers' Meeting Plus" the last
		// word goes on the meeting's name.
		return person{}, false
	}
	// Hyphen parts of a name ("Tae - yul") come back in with their word.
	for first < len(core) && p.s.Words[core[first]].Text == "-" {
		first++
	}
	words := 0
	for _, j := range core[first:] {
		if p.s.Words[j].Text != "-" {
			words++
		}
	}
	if words > 4 {
		return person{}, false
	}
	// The title: must contain a title word right before the name or start
	// one of the words before it.
	hasTitle := false
	for _, j := range core[:first] {
		// A title is capitalized: "vice Robert K. Hur" of a nomination
		// means "in place of".
		if titleWords[strings.ToLower(p.s.Words[j].Text)] && capitalized(p.s.Words[j].Text) {
			hasTitle = true
		}
	}
	if !hasTitle {
		return person{}, false
	}
	for _, j := range core[:first] {
		if titleWords[p.lower(j)] && capitalized(p.s.Words[j].Text) {
			break
		}
		if p.pos(j) == "ADP" && j != core[0] {
			// "the Presidential Delegation to the State Funeral of former
			// Prime Minister Abe Shinzo" is a delegation, not a person.
			return person{}, false
		}
	}
	inTitle := false
	for _, j := range core[:first] {
		if titleWords[p.lower(j)] {
			inTitle = true
		}
		// A title joins its words with "of" ("Minister of Defense"),
		// never with "at" or "in": "President Dina Boluarte of Peru at
		// the APEC week in Lima" is no title of Lima.
		if inTitle && p.pos(j) == "ADP" && !titleJoins[p.lower(j)] {
			return person{}, false
		}
	}
	// "met with Polish Prime Minister Mateusz Morawiecki": the
	// preposition of the verb is no part of the title.
	lead := 0
	for lead < first && p.pos(core[lead]) == "ADP" {
		lead++
	}
	for _, j := range core[lead:first] {
		if givenNames()[p.s.Words[j].Text] && !titleWords[p.lower(j)] && !officeWords[p.lower(j)] {
			// "President Emmanuel Macron of France Olaf Scholz": another
			// person's name is no part of a title.
			return person{}, false
		}
	}
	title := singularTitle(strings.TrimSpace(p.text(d.text, stripParenAcronym(p, core[lead:first]))))
	if t, ok := strings.CutSuffix(title, " Dr."); ok {
		title = t // "President Dr. Irfaan Ali": the doctor is no office
	}
	name := p.text(d.text, core[first:])
	if e, known := d.gaz.Lookup(name); known && e.Type != schema.TypePerson || name == "" {
		// A name the gazetteer knows as something else is no person's; a
		// person an earlier document named ("Joe Biden") still is one.
		return person{}, false
	}
	// "President of the United States": the words before the "name" end
	// a name the gazetteer knows, which is no person's.
	for j := first - 1; j >= 0 && j >= first-3; j-- {
		if _, known := d.gaz.Lookup(p.text(d.text, core[j:])); known {
			return person{}, false
		}
	}
	if a := p.listedOffice(core); a >= 0 && !strings.ContainsAny(title, " ") && !honorifics[strings.ToLower(title)] {
		// "Department of Commerce, Secretary Gina Raimondo": a bare
		// title after the office it heads is that office's.
		office := p.trim(p.subtree(a, func(k int) bool {
			switch p.rel(k) {
			case "appos", "conj", "cc", "punct", "acl", "acl:relcl":
				return p.head(k) == a
			}
			return false
		}))
		title += " of " + stripDeterminer(p.text(d.text, office))
		title = strings.Replace(title, " of Department of ", " of ", 1)
	}
	per := person{name: name, title: title, affiliation: of}
	for _, m := range d.scanNames(nlpSentence(p, core[:first])) {
		if m.Type == schema.TypeCountry || m.Type == schema.TypeOrganization {
			per.affiliation = m.Canonical
			break
		}
	}
	if per.affiliation == "" {
		for _, j := range core[:first] {
			if a, ok := d.acronyms[Key(p.s.Words[j].Text)]; ok {
				per.affiliation = a.long
				break
			}
		}
	}
	return per, true
}

func stripParenAcronym(p *parse, sp span) span {
	var out span
	for i := 0; i < len(sp); i++ {
		t := p.s.Words[sp[i]].Text
		if t == "(" && i+2 < len(sp) && p.s.Words[sp[i+2]].Text == ")" {
			i += 2
			continue
		}
		out = append(out, sp[i])
	}
	return out
}

func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lastWord is the last of the words of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

// monarchs are the titles a ruler is known by with one name.
var monarchs = map[string]bool{"king": true, "queen": true, "sheikh": true, "emir": true, "sultan": true,
	"prince": true, "princess": true, "pope": true, "majesty": true}

// person records a titled person and returns the entity label.
func (d *docState) person(per person, n int) string {
	var label string
	if m := lastWord(strings.ToLower(per.title)); monarchs[m] && len(strings.Fields(per.name)) <= 2 {
		// "King Abdullah II" is known by his title and regnal name: his
		// one name is no surname to join with another Abdullah.
		label = d.known(strings.ToUpper(m[:1])+m[1:]+" "+per.name, schema.TypePerson, schema.Alias{})
	} else {
		label = d.personName(per.name, per.title, n)
	}
	e := d.ents[Key(label)]
	if e.Type != schema.TypePerson {
		e.Type = schema.TypePerson
	}
	if per.title != "" && !contains(e.Titles, per.title) {
		e.Titles = append(e.Titles, per.title)
	}
	if per.affiliation != "" && !contains(e.Affiliations, per.affiliation) {
		d.known(per.affiliation, "", schema.Alias{})
		e.Affiliations = append(e.Affiliations, per.affiliation)
	}
	if per.title != "" && !strings.HasPrefix(Key(label), lastWord(Key(per.title))+" ") {
		// A title is said of the person: "President Yoon" says Yoon is
		// President. Recorded once per sentence that says it.
		f := schema.Fact{Subject: label, Predicate: "be", Object: per.title,
			Sentence: n, Confidence: 0.6, Relation: "title", SubjectText: per.name, ObjectText: per.title}
		// The checks every fact passes: "Dr." is no title a person is,
		// "General Attorney of" is cut off.
		if k := label + "\x00" + per.title + "\x00" + strconv.Itoa(n); !d.titled[k] && d.plausible(&f) {
			d.titled[k] = true
			d.known(per.title, schema.TypeConcept, schema.Alias{})
			d.out = append(d.out, f)
		}
	}
	return label
}

// roleModifiers grade a post: "Assistant Secretary", "Deputy Director".
var roleModifiers = wordSet(`assistant deputy associate acting vice interim principal`)

// nlpSentence views some words of a parsed sentence as a sentence of
// their own, for name scanning.
func nlpSentence(p *parse, sp span) nlp.Sentence {
	s := nlp.Sentence{Words: make([]nlp.Word, 0, len(sp))}
	for _, j := range sp {
		s.Words = append(s.Words, p.s.Words[j])
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// singularTitle gives each person of "Presidents Biden and Yoon" the title
// "President".
func singularTitle(t string) string {
	i := strings.LastIndexByte(t, ' ') + 1
	switch last := t[i:]; last {
	case "Presidents", "Ministers", "Secretaries", "Ambassadors", "Generals", "Senators", "Governors", "Leaders":
		last = strings.TrimSuffix(last, "s")
		if strings.HasSuffix(last, "ie") {
			last = strings.TrimSuffix(last, "ie") + "y"
		}
		return t[:i] + last
	}
	return t
}

// splitPersons reads a titled name, or titled names joined by "and":
// "President Biden and President Yoon" is two persons, each titled
// President and each what the phrase says of both; in "Presidents Biden
// and Yoon" the bare name takes the plural title of the first.
func (d *docState) splitPersons(p *parse, core span) ([]person, bool) {
	var parts []span
	start := 0
	for i, j := range core {
		if p.pos(j) == "CCONJ" && p.lower(j) == "and" && !d.andInName(p, core, i) &&
			(!officeOnly(p, core[start:i]) || i+1 < len(core) && titleWords[p.lower(core[i+1])]) {
			// An "and" between office words joins them inside one title:
			// "National Security and Intelligence Advisor Jody Thomas" is
			// one person, "the Vice President and President-elect
			// Arévalo" two.
			parts = append(parts, core[start:i])
			start = i + 1
		}
	}
	if len(parts) == 0 {
		per, ok := d.splitPerson(p, core)
		if !ok {
			return nil, false
		}
		return []person{per}, true
	}
	parts = append(parts, core[start:])
	var out []person
	for i, part := range parts {
		// A comma before "and" belongs to neither name.
		for len(part) > 0 && p.pos(part[len(part)-1]) == "PUNCT" {
			part = part[:len(part)-1]
		}
		per, ok := d.splitPerson(p, part)
		if !ok && i > 0 && len(out) > 0 && out[0].title != "" && d.bareName(p, part) {
			per, ok = person{name: p.text(d.text, part), title: out[0].title, affiliation: out[0].affiliation}, true
		}
		if !ok {
			return nil, false
		}
		out = append(out, per)
	}
	return out, true
}

// listedOffice is, for the words of a titled name written after an office
// and a comma ("Department of Commerce, Secretary Gina Raimondo", as
// lists of participants write them), the office's head word, or -1.
func (p *parse) listedOffice(core span) int {
	h := headOf(p, core)
	if h < 0 || p.urel(h) != "appos" && p.urel(h) != "conj" {
		return -1
	}
	a := p.head(h)
	if a < 0 || a > core[0] || a+1 >= len(p.s.Words) || p.pos(a) != "PROPN" && p.pos(a) != "NOUN" {
		return -1
	}
	if !officeHeads[p.lower(a)] || core[0] == 0 || p.s.Words[core[0]-1].Text != "," {
		return -1
	}
	// The office opens the item: "Department of Labor, Secretary …",
	// not "… between the Administration office, President …".
	for j := 0; j < a; j++ {
		if w := p.s.Words[j]; w.UPOS != "PUNCT" && w.UPOS != "DET" && p.head(j) != a && !p.dominates(a, j) {
			return -1
		}
	}
	return a
}

// officeHeads name a government office a title may be of.
var officeHeads = wordSet(`department agency office council commission administration bureau service
	board ministry corporation institute foundation`)

// endsCountry says whether core[i] ends a country's name of two or three
// words: "States" of "the United States".
func (d *docState) endsCountry(p *parse, core span, i int) bool {
	for j := max(0, i-2); j < i; j++ {
		if e, ok := d.gaz.Lookup(p.text(d.text, core[j:i+1])); ok && e.Type == schema.TypeCountry {
			return true
		}
	}
	return false
}

// andInName says whether the "and" at core[i] is inside a name the
// gazetteer knows: "Prime Minister Keith Rowley of Trinidad and Tobago".
func (d *docState) andInName(p *parse, core span, i int) bool {
	for a := max(0, i-3); a < i; a++ {
		for b := i + 1; b < len(core) && b <= i+3; b++ {
			if _, ok := d.gaz.Lookup(p.text(d.text, core[a:b+1])); ok {
				return true
			}
		}
	}
	return false
}

// institutions end the name of a body, never of a person, before "of".
var institutions = map[string]bool{"bank": true, "republic": true, "kingdom": true, "class": true,
	"service": true, "county": true, "schools": true, "funeral": true, "delegation": true, "community": true,
	"union": true, "federation": true, "states": true, "emirates": true, "islands": true, "agency": true,
	"board": true, "court": true, "house": true, "committee": true, "chamber": true, "party": true,
	"army": true, "navy": true, "government": true, "people": true, "embassy": true, "consulate": true}

// officeOnly says whether every word of sp is an office or title word.
func officeOnly(p *parse, sp span) bool {
	for _, j := range sp {
		if l := p.lower(j); !officeWords[l] && !titleWords[l] {
			return false
		}
	}
	return len(sp) > 0
}

// bareName says whether the words are a short capitalized name with no
// title or office word: "Yoon" of "Presidents Biden and Yoon".
func (d *docState) bareName(p *parse, sp span) bool {
	if _, known := d.gaz.Lookup(p.text(d.text, sp)); known {
		return false
	}
	if len(sp) == 0 || len(sp) > 4 {
		return false
	}
	for _, j := range sp {
		w := p.s.Words[j]
		lw := strings.ToLower(w.Text)
		if titleWords[lw] || officeWords[lw] || w.UPOS != "PROPN" || !capitalized(w.Text) {
			return false
		}
	}
	return true
}

// sharedTitle reads the later names of "Presidents Biden and Yoon": a bare
// name conjoined to a name under a plural title has that title too.
func (d *docState) sharedTitle(p *parse, h int, core span) (person, bool) {
	g := p.head(h)
	if p.rel(h) != "conj" || g < 0 || !d.bareName(p, core) {
		return person{}, false
	}
	gc := p.core(g, p.phrase(g), false)
	first, ok := d.splitPerson(p, gc)
	if !ok {
		return person{}, false
	}
	plural := false
	for _, j := range gc {
		if w := p.s.Words[j].Text; titleWords[strings.ToLower(w)] && singularTitle(w) != w {
			plural = true
		}
	}
	if !plural {
		return person{}, false
	}
	return person{name: p.text(d.text, core), title: first.title, affiliation: first.affiliation}, true
}

// One person goes by many names: "President Joseph R. Biden, Jr.", "Joe
// Biden", "President Biden", "Biden". A person's label is the name without
// its initials and suffixes, with a common short form of the first name
// written out ("Joseph Biden"), so the same person gets the same node in
// every document; the forms as written stay aliases. A surname alone names
// the person named in full earlier in the document or, failing that, in an
// earlier document, as long as no other person of that surname was seen.

// shortNames are the common short forms of English first names that stand
// for one full name only.
var shortNames = map[string]string{
	"joe": "Joseph", "bill": "William", "bob": "Robert", "mike": "Michael", "jim": "James", "tom": "Thomas",
	"dick": "Richard", "chuck": "Charles", "pete": "Peter", "dan": "Daniel", "dave": "David", "ron": "Ronald",
	"ken": "Kenneth", "don": "Donald", "jeff": "Jeffrey", "liz": "Elizabeth", "sue": "Susan", "deb": "Deborah",
	"marty": "Martin", "rob": "Robert", "jen": "Jennifer", "matt": "Matthew", "greg": "Gregory", "andy": "Andrew", "tim": "Timothy",
	"bobby": "Robert", "billy": "William", "jimmy": "James", "tommy": "Thomas", "danny": "Daniel",
	"nick": "Nicholas", "ed": "Edward", "ben": "Benjamin", "patty": "Patricia",
}

var nameSuffixes = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// personLabel is the canonical label of a person's name as written.
func personLabel(name string) string {
	f := strings.Fields(strings.NewReplacer(",", " ").Replace(name))
	var out []string
	for i, w := range f {
		lw := strings.ToLower(w)
		switch {
		case nameSuffixes[lw] && i > 0:
			continue
		case len(out) > 0 && i < len(f)-1 && isInitial(w):
			continue // a middle initial
		}
		out = append(out, w)
	}
	if len(out) > 1 {
		if full, ok := shortNames[strings.ToLower(out[0])]; ok {
			out[0] = full
		}
	}
	if len(out) == 0 {
		return name
	}
	label := strings.Join(out, " ")
	if strings.ToUpper(label) == label && strings.ToLower(label) != label {
		// A heading or a signature in capitals: "KENIA SEOANE LOPEZ" is
		// Kenia Seoane Lopez, one label with her name written in prose.
		label = titleCase(label)
	}
	return label
}

// isInitial: "R.", "J", "H.W.".
func isInitial(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 2 && (letters == 1 || strings.Contains(w, "."))
}

// surname is the last word of a person label.
func surname(label string) string {
	f := strings.Fields(label)
	return f[len(f)-1]
}

// people remembers, across the documents of one pipeline, which person
// each surname names. A surname two persons share names the one that far
// more documents name in full ("Macron" is Emmanuel Macron beside one
// mention of Brigitte Macron), and a title with the surname names the one
// who carried that title ("President Biden" is Joseph Biden, "Dr. Biden"
// Jill Biden), so that most documents' lone surnames join a full name.
type people struct {
	bySurname map[string]string // Key(surname) → label; "" when ambiguous
	// Key(given name and surname) → label, so that "Troy Damian Fitrell"
	// and "Troy Fitrell" are one person; "" when ambiguous.
	byGivenSurname map[string]string
	// Key(first two words) of names of three words or more → label, so
	// that a name cut after its middle word ("Eddie Bernice" of "Eddie
	// Bernice Johnson") is the person; "" when ambiguous.
	byFirstTwo map[string]string
	// Key(surname) → label → how many documents named the person in full.
	docs map[string]map[string]int
	// titleHead(title) + " " + Key(surname) → label; "" when ambiguous.
	byTitle map[string]string
}

// learn records a person that a document named in full, with the titles
// it gave them.
func (pp *people) learn(label string, titles []string) {
	if !strings.Contains(label, " ") || monarchs[strings.ToLower(strings.Fields(label)[0])] {
		return // "King Abdullah II" has no surname
	}
	if pp.byGivenSurname == nil {
		pp.byGivenSurname, pp.docs, pp.byTitle = map[string]string{}, map[string]map[string]int{}, map[string]string{}
	}
	last := Key(surname(label))
	remember(pp.bySurname, last, label)
	remember(pp.byGivenSurname, givenSurname(label), label)
	if f := strings.Fields(label); len(f) > 2 {
		if pp.byFirstTwo == nil {
			pp.byFirstTwo = map[string]string{}
		}
		remember(pp.byFirstTwo, Key(f[0]+" "+f[1]), label)
	}
	if pp.docs[last] == nil {
		pp.docs[last] = map[string]int{}
	}
	pp.docs[last][label]++
	for _, t := range titles {
		if h := titleHead(t); h != "" {
			remember(pp.byTitle, h+" "+last, label)
		}
	}
}

// titleHead is the office a title names, lower-cased: "President" of
// "Vice President", "Secretary" of "Secretary of State", "Lady" of "First
// Lady".
func titleHead(title string) string {
	f := strings.Fields(strings.ToLower(title))
	for i, w := range f {
		if titleJoins[w] {
			f = f[:i]
			break
		}
	}
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// dominant is how many times more documents must name a person in full
// than every other person of the surname together for the surname alone
// to name them.
const dominant = 4

// remember maps k to label, or to "" once two persons claim it (two forms
// of one name, "Troy Fitrell" and "Troy Damian Fitrell", are one person).
func remember(m map[string]string, k, label string) {
	prev, ok := m[k]
	switch {
	case !ok:
		m[k] = label
	case prev != "" && givenSurname(prev) != givenSurname(label):
		m[k] = ""
	case prev != "" && fuller(prev, label) != prev:
		m[k] = label
	}
}

// fuller is the better label of two for one person: a name written out
// ("Antony Blinken") before a short form that could stand for two
// ("Tony Blinken").
func fuller(a, b string) string {
	if shortForm(a) && !shortForm(b) {
		return b
	}
	return a
}

// shortForm reports a label whose given name is one of shortForms.
func shortForm(label string) bool {
	f := strings.Fields(label)
	return len(f) > 0 && shortForms[Key(f[0])]
}

// givenSurname keys a full name by its first and last words.
func givenSurname(label string) string {
	f := strings.Fields(label)
	given := Key(f[0])
	if g, ok := givenForms[given]; ok {
		given = g
	}
	return given + " " + Key(f[len(f)-1])
}

// shortForms are the given names of givenForms that stand for more than
// one full name.
var shortForms = map[string]bool{"phil": true, "tony": true, "steve": true, "ted": true, "kris": true}

// givenForms join the spellings of a given name, and the short forms that
// stand for more than one of them, under one key: "Phil Giudice" is the
// "Philip Giudice" of another document, and "Tony Blinken" "Antony
// Blinken", where shortNames can write out no single full name.
var givenForms = map[string]string{
	"phil": "philip", "phillip": "philip",
	"tony": "anthony", "antony": "anthony",
	"steve": "steven", "stephen": "steven",
	"shelly": "shelley",
	"ted":    "theodore", // and Edward, whom no key can join as well
	"kris":   "kristen",
}

// lookupFirstTwo returns the person of three names or more whose first
// two are the two names of label, or "".
func (pp *people) lookupFirstTwo(label string) string {
	if pp == nil || len(strings.Fields(label)) != 2 {
		return ""
	}
	return pp.byFirstTwo[Key(label)]
}

// lookupFull returns the person an earlier document named with the same
// given name and surname, or "".
func (pp *people) lookupFull(label string) string {
	if pp == nil || !strings.Contains(label, " ") {
		return ""
	}
	return pp.byGivenSurname[givenSurname(label)]
}

func (pp *people) lookup(surname string) string {
	if pp == nil {
		return ""
	}
	k := Key(surname)
	if who := pp.bySurname[k]; who != "" {
		return who
	}
	top, n, total := "", 0, 0
	for label, c := range pp.docs[k] {
		total += c
		if c > n || c == n && label < top {
			top, n = label, c
		}
	}
	if n >= 3 && n >= dominant*(total-n) {
		return top
	}
	return ""
}

// lookupTitled returns the person of the surname who carried the title's
// office in an earlier document, or "".
func (pp *people) lookupTitled(title, surname string) string {
	if pp == nil || title == "" {
		return ""
	}
	return pp.byTitle[titleHead(title)+" "+Key(surname)]
}

// heading reads a sentence that says nothing, as a heading or a list item
// does. A person it names ("Judge William S. Pocan", "Maju Varghese") is
// known to the rest of the document, so that "Judge Pocan" later is the
// same person.
func (d *docState) heading(n int, p *parse) {
	d.sentence = n
	if d.lastPersonSent == n-1 {
		// A line that says no more than a title ("Nominee for the …
		// Court") does not end the run of "he" for the person before it.
		d.lastPersonSent = n
	}
	for i, w := range p.s.Words {
		if p.rel(i) == "root" {
			if w.UPOS == "PROPN" {
				// Only its persons: "it" after a heading is no heading.
				thing, at := d.lastThing, d.lastThingSent
				d.resolve(p, p.phrase(i))
				d.lastThing, d.lastThingSent = thing, at
			}
			return
		}
	}
}

// personName records a person by a name as written, with the title it
// was given ("" for none), and returns the label: the canonical form of a
// full name, or for a surname alone the person it names in this document
// or an earlier one. The surname becomes a name of the person, so that
// "Blinken" later in the text is the same person.
func (d *docState) personName(name, title string, n int) string {
	label := personLabel(name)
	if f := strings.Fields(label); len(f) > 2 {
		// A headline runs a name into its verb: "President Biden
		// Appoints …", "Joe Biden Commemorating …". A known person's
		// given name and surname end the name.
		for i := 1; i < len(f)-1; i++ {
			who, ok := d.surnames[Key(f[i])]
			if !ok {
				who = d.people.lookupFull(f[0] + " " + f[i])
			}
			if who != "" && givenSurname(who) == givenSurname(f[0]+" "+f[i]) {
				label = who
				break
			}
		}
	}
	if f := strings.Fields(label); len(f) > 1 && d.knownSurname(f[0]) && !givenNames()[f[0]] && headlineVerb(f[1]) &&
		!d.knownSurname(f[1]) && !givenNames()[f[1]] {
		// "President Biden Announces …", "Harris Highlights …": a
		// surname no given name opens runs into the headline's words.
		label = f[0]
	}
	if !strings.Contains(label, " ") {
		if who := d.titledHere(title, label); who != "" {
			label = who
		} else if who := d.people.lookupTitled(title, label); who != "" {
			label = who
		} else if who, ok := d.surnames[Key(label)]; ok {
			label = who
		} else if who := d.given[Key(label)]; who != "" {
			label = who
		} else if who := d.people.lookup(label); who != "" {
			label = who
		}
	} else if who, ok := d.surnames[Key(surname(label))]; ok && givenSurname(who) == givenSurname(label) {
		label = fuller(who, label) // "Troy Fitrell" after "Troy Damian Fitrell"
	} else if who := d.people.lookupFull(label); who != "" {
		label = fuller(who, label)
	} else if who := d.people.lookupFirstTwo(label); who != "" {
		label = who // "Eddie Bernice" of "Eddie Bernice Johnson"
	}
	var alias schema.Alias
	if Key(name) != Key(label) {
		alias = schema.Alias{Name: name, Sentence: n}
	}
	label = d.known(label, schema.TypePerson, alias)
	d.becomesPerson(d.ents[Key(label)], n)
	return label
}

// becomesPerson types e a person and lets its surname, if no other
// person of the document has it, stand for it from sentence n on.
func (d *docState) becomesPerson(e *schema.Entity, n int) {
	e.Type = schema.TypePerson
	if strings.Contains(e.Label, " ") {
		last := surname(e.Label)
		if _, taken := d.surnames[Key(last)]; !taken {
			d.surnames[Key(last)] = e.Label
			addAlias(e, schema.Alias{Name: last, Sentence: n})
		}
		// A biography calls its person by the given name too ("Elaine
		// has worked on …" after "Elaine Trevino is the President of
		// …"), unless two persons of the document share it.
		first := strings.Fields(e.Label)[0]
		if capitalized(first) && len(first) > 2 && !titleWords[strings.ToLower(first)] && !officeWords[strings.ToLower(first)] {
			if who, taken := d.given[Key(first)]; !taken {
				d.given[Key(first)] = e.Label
			} else if who != e.Label {
				d.given[Key(first)] = ""
			}
		}
	}
}

// headlineVerb reports whether a capitalized word may be a headline's
// verb: "Announces", "Congratulating", "Designated".
func headlineVerb(w string) bool {
	return len(w) > 3 && capitalized(w) && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

// knownSurname reports whether a person of this document or an earlier
// one has the surname.
func (d *docState) knownSurname(w string) bool {
	if _, ok := d.surnames[Key(w)]; ok {
		return true
	}
	return d.people != nil && d.people.docs[Key(w)] != nil
}

// titledHere returns the person of this document with the surname who was
// given the title's office earlier in it ("First Lady Jill Biden", then
// "the First Lady … Dr. Biden" is not "President Biden"), or "".
func (d *docState) titledHere(title, last string) string {
	h := titleHead(title)
	if h == "" {
		return ""
	}
	who := ""
	for _, e := range d.ents {
		if e.Type != schema.TypePerson || !strings.Contains(e.Label, " ") || Key(surname(e.Label)) != Key(last) {
			continue
		}
		for _, t := range e.Titles {
			if titleHead(t) == h {
				if who != "" && who != e.Label {
					return "" // two of them
				}
				who = e.Label
			}
		}
	}
	return who
}

// givenName reports whether word k can start a person's name before a
// surname and a suffix ("Lloyd" of "Lloyd J. Austin III", "Joseph" of
// "Joseph R. Biden, Jr."): a capitalized proper noun, not an acronym.
func (p *parse) givenName(k int) bool {
	w := p.s.Words[k]
	return w.UPOS == "PROPN" && capitalized(w.Text) && !isAcronym(w.Text) && !notNames[strings.ToLower(w.Text)]
}

// givenNames are first names seen after titles in the statements corpus
// (data/given-names.txt).
var givenNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(string(data.GivenNames), "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			m[l] = true
		}
	}
	return m
})

// untitledName reads a name no title introduces, "John D. Porcari" or
// "Karine Jean-Pierre", as a person: two to four capitalized proper nouns
// (initials and a suffix allowed) opening with a known first name, that
// the gazetteer does not know and whose last word names no institution.
// Without it such a person is a typeless node under each form of the name.
func (d *docState) untitledName(p *parse, core span, label string) bool {
	if len(core) < 2 || len(core) > 5 || !givenNames()[p.s.Words[core[0]].Text] {
		return false
	}
	if _, known := d.gaz.Lookup(label); known {
		return false
	}
	names := 0
	for _, k := range core {
		w := p.s.Words[k]
		switch {
		case isInitial(w.Text) || w.Text == "," || nameSuffixes[strings.ToLower(w.Text)]:
		case w.UPOS == "PROPN" && capitalized(w.Text) && !isAcronym(w.Text) && !notNames[strings.ToLower(w.Text)]:
			names++
		default:
			return false
		}
	}
	return names >= 2 && guessType(p, core[len(core)-1], label) == ""
}
