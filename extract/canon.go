package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/schema"
)

// docState carries what one document teaches about its own names while its
// facts are built: acronyms it defines, the parties of a joint statement,
// and the entities seen so far.
type docState struct {
	gaz      *Gazetteer
	text     string
	acronyms map[string]acronymDef // Key(acronym) → definition
	parties  []string              // canonical labels of the document's parties
	ents     map[string]*schema.Entity
	order    []string
	out      []schema.Fact
	surnames map[string]string // Key(surname) → person label
	given    map[string]string // Key(given name) → person label, "" when two share it
	lead     *listLead         // the list the sentences are items of, if any
	doers    map[int][]string  // sentence → the persons its facts' subjects are, for "they"
	met      []string          // the persons who last met, for "they"
	metAt    int               // the sentence they met in
	leaders  []string          // the persons the title names, for "the two leaders"
	titled   map[string]bool   // person+title facts already written
	// The most recent named subjects, for pronouns: "it" and "its" take a
	// thing, "he" and "she" a person, if one was named in the last
	// sentences.
	lastThing, lastPerson         string
	lastThingSent, lastPersonSent int
	// The thing the last sentence's main clause was about, named or not
	// ("The rule requires …"), for an "it" that opens the next one.
	topic     mention
	topicSent int
	sentence  int // the sentence being read
	// Who speaks (speakers.go): the persons the title names by their
	// title, the one person a statement is from, and the country that
	// person's "we" stands for.
	byTitle              map[string]string // Key(title) → person label
	speaker, speakerSide string
	otherTurn            bool            // a transcript's turn by someone not the speaker
	people               *people         // persons of earlier documents, by surname
	terms                map[string]bool // concept keys of several words that stay whole
	allTerms             bool
	// What each fact's clause looked like (factKey → features), for
	// scoring the fact once the document is read (factconf.go).
	clauseOf map[string][nFeatures]float64
	observe  func(schema.Fact, map[string]float64)
}

type acronymDef struct {
	long     string // canonical label of the long form
	typ      string
	short    string
	sentence int
}

func newDocState(gaz *Gazetteer, pp *people, doc schema.Document, title *nlp.Sentence, sents []nlp.Sentence) *docState {
	text := doc.Text
	d := &docState{gaz: gaz, text: text, acronyms: map[string]acronymDef{}, ents: map[string]*schema.Entity{},
		surnames: map[string]string{}, given: map[string]string{}, titled: map[string]bool{}, people: pp, doers: map[int][]string{},
		clauseOf: map[string][nFeatures]float64{}}
	for i, s := range sents {
		d.findAcronyms(i+1, s)
	}
	d.findParties(doc, title, sents)
	d.findSpeakers(doc, title)
	return d
}

// findAcronyms records "Long Name (LN)" definitions. The letters of the
// acronym are matched right to left against the initials of the words
// before the bracket, skipping function words, and a word written in
// capitals may supply all its letters ("UN Security Council (UNSC)").
func (d *docState) findAcronyms(n int, s nlp.Sentence) {
	w := s.Words
	for i := 2; i+2 < len(w); i++ {
		if w[i].Text != "(" || w[i+2].Text != ")" || !isAcronym(w[i+1].Text) {
			continue
		}
		acr := strings.ReplaceAll(w[i+1].Text, ".", "")
		first := matchAcronym(w[:i], acr)
		if first < 0 {
			continue
		}
		long := d.surface(w[first:i])
		long = stripDeterminer(long)
		k := Key(acr)
		if _, ok := d.acronyms[k]; ok {
			continue // the first definition wins
		}
		def := acronymDef{long: long, short: w[i+1].Text, sentence: n}
		if e, ok := d.gaz.Lookup(long); ok {
			def.long, def.typ = e.Canonical, e.Type
		}
		d.acronyms[k] = def
	}
}

func matchAcronym(words []nlp.Word, acr string) int {
	// A long form has at most a few function words per letter; bounding the
	// window bounds the search.
	off := max(0, len(words)-2*len(acr)-4)
	k := matchFrom(words[off:], len(words)-off-1, strings.ToUpper(acr), 0)
	if k < 0 {
		return -1
	}
	return k + off
}

// matchFrom matches the acronym letters still to place (rest) against
// words[..j], right to left. A function word may be skipped or give its
// initial (Republic Of Korea); the first word of the long form must not be
// a function word.
func matchFrom(words []nlp.Word, j int, rest string, content int) int {
	if rest == "" {
		return -1
	}
	if j < 0 {
		return -1
	}
	t := words[j].Text
	lt := strings.ToLower(t)
	function := false
	switch lt {
	case "of", "and", "the", "for", "on", "in", "'s", "’s", "-", "&", "to":
		function = true
	}
	done := func(content int) int {
		if content >= 2 && !function {
			return j
		}
		return -1
	}
	if function && j < len(words)-1 {
		if k := matchFrom(words, j-1, rest, content); k >= 0 {
			return k
		}
	}
	if isAcronym(t) {
		bare := strings.ReplaceAll(t, ".", "")
		if strings.HasSuffix(rest, strings.ToUpper(bare)) {
			r := rest[:len(rest)-len(bare)]
			if r == "" {
				if k := done(content + 2); k >= 0 {
					return k
				}
			} else if k := matchFrom(words, j-1, r, content+1); k >= 0 {
				return k
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, size := utf8.DecodeLastRuneInString(rest)
	if unicode.ToUpper(first) != last || function && j == len(words)-1 {
		return -1
	}
	r := rest[:len(rest)-size]
	if r == "" {
		return done(content + 1)
	}
	return matchFrom(words, j-1, r, content+1)
}

// findParties finds who speaks in a joint statement: the countries and
// organizations named in its first sentences (title and opening), in order
// of first mention. "Both sides" and "the two countries" refer to them.
// withoutSiteName drops what follows the last " – " or " | " in a title
// line, the publisher's name ("… Meeting – United States Department of
// State"), which names no party.
func withoutSiteName(text string, s nlp.Sentence) nlp.Sentence {
	for i := len(s.Words) - 2; i > 0; i-- {
		switch s.Words[i].Text {
		case "–", "—", "|":
			if i+1 < len(s.Words) && s.Words[i].Start > 0 && text[s.Words[i].Start-1] == ' ' {
				s.Words = s.Words[:i]
				return s
			}
		}
	}
	return s
}

// mentions returns the canonical labels of the known names a sentence
// uses, from the gazetteer and the document's own acronyms, and records
// them as entities.
func (d *docState) mentions(s nlp.Sentence) []string {
	var out []string
	seen := map[string]bool{}
	add := func(label, typ string, alias schema.Alias) {
		l := d.known(label, typ, alias)
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, m := range d.scanNames(s) {
		add(m.Canonical, m.Type, schema.Alias{Name: m.text})
	}
	for _, w := range s.Words {
		if a, ok := d.acronyms[Key(w.Text)]; ok && w.Text == a.short {
			add(a.long, a.typ, schema.Alias{Name: a.short, Sentence: a.sentence})
		}
	}
	return out
}

// known records an entity whose canonical label and type are already
// known, and the name it went by when that differs from the label.
func (d *docState) known(label, typ string, alias schema.Alias) string {
	k := Key(label)
	e, ok := d.ents[k]
	if !ok {
		e = &schema.Entity{Label: label, Type: typ}
		d.ents[k] = e
		d.order = append(d.order, k)
	} else if typ != "" && (e.Type == "" || e.Type == schema.TypeConcept) {
		e.Type = typ
	}
	if alias.Name != "" && Key(alias.Name) != k {
		addAlias(e, alias)
	}
	return e.Label
}

func addAlias(e *schema.Entity, a schema.Alias) {
	for _, x := range e.Aliases {
		if Key(x.Name) == Key(a.Name) {
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
}

// nameMatch is a gazetteer name found in a sentence.
type nameMatch struct {
	GazEntry
	text string // as written
}

// scanNames finds gazetteer names in a sentence, longest first.
func (d *docState) scanNames(s nlp.Sentence) []nameMatch { return d.scanNamesIn(d.text, s) }

// scanNamesIn is scanNames for a sentence of another text (a title).
func (d *docState) scanNamesIn(text string, s nlp.Sentence) []nameMatch {
	var out []nameMatch
	w := s.Words
	for i := 0; i < len(w); i++ {
		if strings.EqualFold(w[i].Text, "the") {
			continue // Key ignores a leading "the"; the name starts after it
		}
		// The text's word that starts at w[i], to the next white space:
		// a span that runs past it has its Key as its first word.
		end := w[i].Start + strings.IndexFunc(text[w[i].Start:], unicode.IsSpace)
		if end < w[i].Start {
			end = len(text)
		}
		may := d.gaz.mayStart(Key(text[w[i].Start:end]))
		for j := min(len(w), i+d.gaz.maxWords+2); j > i; j-- {
			if w[j-1].End > end && !may {
				continue
			}
			name := text[w[i].Start:w[j-1].End]
			if e, ok := d.gaz.Lookup(name); ok {
				out = append(out, nameMatch{e, name})
				i = j - 1
				break
			}
		}
	}
	return out
}

func (d *docState) surface(w []nlp.Word) string {
	if len(w) == 0 {
		return ""
	}
	return d.text[w[0].Start:w[len(w)-1].End]
}

var determiners = []string{"the ", "a ", "an ", "this ", "that ", "these ", "those ", "our ", "their ", "its ",
	"his ", "her ", "my ", "your ", "such ", "any ", "each ", "every ", "all ", "both "}

func stripDeterminer(s string) string {
	for {
		l := strings.ToLower(s)
		cut := false
		for _, d := range determiners {
			if strings.HasPrefix(l, d) && len(s) > len(d) {
				s, cut = s[len(d):], true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

// groupRefs are the phrases by which a joint statement names its parties.
// countedGroup reads a reference to the parties that counts them, "the
// three governments", "our two nations", "the three North American
// governments", and returns the count; 0 when k is no such reference. It
// stands for the parties only when there are that many of them.
func countedGroup(k string) int {
	ws := strings.Fields(k)
	if len(ws) > 0 && (ws[0] == "the" || ws[0] == "our" || ws[0] == "all") {
		ws = ws[1:]
	}
	if len(ws) < 2 || len(ws) > 4 || !groupNouns[ws[len(ws)-1]] {
		return 0
	}
	n := map[string]int{"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}[ws[0]]
	return n
}

// leaderRef reports a group reference to persons: "the two leaders",
// "both presidents".
func leaderRef(k string) bool {
	last := k
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		last = k[i+1:]
	}
	switch last {
	case "leaders", "presidents":
		return groupRefs[k] || groupRefs["the "+k] || countedGroup(k) > 0
	}
	return false
}

var groupNouns = map[string]bool{"sides": true, "countries": true, "governments": true, "nations": true,
	"leaders": true, "presidents": true, "ministers": true, "allies": true, "partners": true, "parties": true,
	"delegations": true, "democracies": true, "economies": true}

var groupRefs = map[string]bool{
	"both sides": true, "two sides": true, "the two sides": true, "both countries": true, "two countries": true,
	"the two countries": true, "secretaries and ministers": true, "the secretaries and ministers": true,
	"leaders": true, "both leaders": true, "two leaders": true, "the two leaders": true, "ministers": true,
	"both governments": true, "two governments": true, "the two governments": true, "two nations": true,
	"both nations": true, "we": true, "us": true, "they": true, "them": true, "the two presidents": true,
	"two presidents": true, "both presidents": true, "the ministers": true, "the leaders": true,
	"the allies": true, "both allies": true, "two allies": true, "the two allies": true, "sides": true,
}

// pronouns that need an antecedent we do not find yet.
var pronouns = map[string]bool{"it": true, "its": true, "he": true, "she": true, "him": true, "her": true,
	"his": true, "this": true, "that": true, "these": true, "those": true, "which": true, "who": true,
	"i": true, "you": true, "one": true, "itself": true, "themselves": true, "ourselves": true, "each other": true,
	"there": true, "what": true, "whom": true, "all": true, "both": true, "some": true, "others": true}

// IsReference reports whether a subject is a pronoun or group reference
// rather than a name.
func IsReference(label string) bool {
	k := Key(label)
	return groupRefs[k] || groupRefs["the "+k] || pronouns[k] || countedGroup(k) > 0
}

// mention is an argument resolved to entities.
type mention struct {
	labels     []string // canonical labels; several for a group reference
	text       string   // as written; for a concept, the phrase within the fact's bounds
	unresolved bool
	// notThing marks a phrase headed by a word that names no thing (a
	// verb not in -ing, an adjective, an adverb, a preposition): a
	// fragment of a misread clause, which can be no doer.
	notThing bool
}

// resolve maps an argument span to canonical entities.
func (d *docState) resolve(p *parse, sp span) mention { return d.resolveArg(p, sp, false) }

// resolveObject resolves an object: its label keeps short prepositional
// modifiers ("disinformation about extended deterrence"), which say what
// the object is, where a subject's label stays a name.
func (d *docState) resolveObject(p *parse, sp span) mention { return d.resolveArg(p, sp, true) }

func (d *docState) resolveArg(p *parse, sp span, wide bool) mention {
	m := mention{text: p.text(d.text, sp)}
	h := headOf(p, sp)
	if h < 0 {
		return m
	}
	switch p.pos(h) {
	case "VERB", "AUX":
		m.notThing = p.xpos(h) != "VBG"
	case "ADJ", "ADV", "ADP", "DET", "PART", "CCONJ", "SCONJ", "INTJ":
		m.notThing = true
	}
	if g := p.head(h); g >= 0 && p.rel(h) == "conj" && p.sharesModifiers(g, h) {
		// "abuses" of "the DPRK's human rights violations and abuses" is
		// read with the noun whose modifiers it shares.
		h, sp = g, p.phrase(g)
	}
	for _, k := range p.kids[h] {
		if p.rel(k) == "conj" && p.sharesModifiers(h, k) {
			sp = append(append(span{}, sp...), p.subtree(k, nil)...)
			sort.Ints(sp)
		}
	}
	core := p.core(h, sp, wide)
	// The doer of an act named by its acronym is written first and as
	// written: "any nuclear attack by the DPRK" is the "DPRK nuclear
	// attack", "the DPRK's human rights violations" the "DPRK human rights
	// violations".
	doer := ""
	if agent := p.nounAgent(h); agent >= 0 {
		if doer = d.agentName(p, agent); doer != "" {
			core = without(core, p.subtree(agent, nil))
		}
	} else if len(core) > 2 && p.rel(core[0]) == "nmod:poss" && p.head(core[0]) == h && isAcronym(p.s.Words[core[0]].Text) {
		if m := p.s.Words[core[1]].Text; m == "’s" || m == "'s" {
			doer, core = p.s.Words[core[0]].Text, core[2:]
		}
	}
	label := d.labelOf(p, core)
	if poss := p.child(h, "nmod:poss"); poss >= 0 && p.lower(poss) == "my" && d.speaker != "" && p.lower(h) == "administration" {
		// "my Administration" in a statement from President Joe Biden is
		// the Biden Administration.
		parts := strings.Fields(d.speaker)
		label = parts[len(parts)-1] + " " + label
	}
	if d.demonymNoun(p, h) {
		// "every American" is the nation's people, not its state.
		label = strings.TrimSuffix(p.s.Words[h].Text, "s") + "s"
	}
	k := Key(label)
	switch {
	case (k == "they" || k == "them") && p.pluralBefore(h) >= 0:
		// "disrupt the supply of fentanyl and precursor chemicals before
		// they reach the Hemisphere", "the support they need", "steps to
		// fulfill them": a plural noun earlier in the sentence is the
		// likelier antecedent than the parties or the persons of the
		// sentence before, and which one it is the parse does not say.
		m.labels, m.unresolved = []string{m.text}, true
		return m
	case (k == "we" || k == "us") && d.parties == nil && d.speakerSide != "" && !d.otherTurn:
		m.labels = []string{d.entity(d.speakerSide, p, h)}
		return m
	case (k == "they" || k == "them") && len(d.doers[d.sentence-1]) >= 2:
		// "Rice and Richmond hosted the families. They thanked …": the
		// persons who acted in the sentence before, not the parties.
		m.labels = append([]string(nil), d.doers[d.sentence-1]...)
		return m
	case k == "they" && len(d.met) >= 2 && d.sentence > d.metAt && d.sentence <= d.metAt+3:
		// A readout's "they" after "Sullivan met with Dokos" is the two
		// who met, for a few sentences; "them" is as often whom they
		// spoke of.
		m.labels = append([]string(nil), d.met...)
		return m
	case leaderRef(k) && len(d.leaders) >= 2 && (countedGroup(k) == 0 || countedGroup(k) == len(d.leaders)):
		// "the two leaders" of a readout of a meeting between two
		// persons the title names are those persons, not their countries.
		for _, l := range d.leaders {
			m.labels = append(m.labels, d.entity(l, p, h))
		}
		return m
	case groupRefs[Key(m.text)] || groupRefs[k] || groupRefs["the "+k] || countedGroup(k) > 0:
		if c := countedGroup(k); d.parties == nil || c > 0 && c != len(d.parties) {
			m.labels, m.unresolved = []string{m.text}, true
			return m
		}
		for _, party := range d.parties {
			m.labels = append(m.labels, d.entity(party, p, h))
		}
		return m
	case isRelativePronoun(p, h) && len(core) == 1:
		// "the Guidelines, which … as endorsed by President Biden": the
		// relative pronoun stands for the noun its clause modifies.
		if a := p.relativeAntecedent(h); a >= 0 {
			return d.resolveArg(p, p.phrase(a), wide)
		}
		m.labels, m.unresolved = []string{m.text}, true
		return m
	case k == "it" && !wide && d.antecedent(k) == "" && d.topicSent > 0 && d.sentence-d.topicSent == 1 && p.rel(h) == "nsubj" &&
		p.head(h) >= 0 && p.rel(p.head(h)) == "root" && !quoted(p):
		// "The rule requires … It also provides …": the main clause's
		// "it" is what the sentence before was about.
		return mention{labels: d.topic.labels, text: d.topic.text}
	case pronouns[k] || p.pos(h) == "PRON" && len(core) == 1:
		if a := p.reporter(h); a >= 0 {
			// "the White House announced that it will hold …": the
			// one who says what it will do.
			r := d.resolveArg(p, p.phrase(a), false)
			if !r.unresolved && len(r.labels) > 0 && d.agrees(k, r.labels[0]) {
				r.text = m.text
				return r
			}
		}
		if a := d.antecedent(k); a != "" {
			m.labels = []string{a}
			if d.lastPerson == a && slices.Contains(d.doers[d.sentence-1], a) {
				// "He was a brother. He was a friend.": a "he" that goes
				// on from a sentence the person did something in keeps
				// the person in view for the next; a sentence about
				// someone else ("Elnahal has overseen …") ends the run.
				d.lastPersonSent = d.sentence
			}
			return m
		}
		m.labels, m.unresolved = []string{m.text}, true
		return m
	case label == "":
		return m
	case d.byTitle[k] != "" && strings.HasPrefix(strings.ToLower(m.text), "the "):
		// "the President" of a readout is the President its title names.
		m.labels = []string{d.byTitle[k]}
		d.lastPerson, d.lastPersonSent = m.labels[0], d.sentence
		return m
	}
	if ls := d.governments(p, h); ls != nil {
		m.labels = ls
		return m
	}
	if per, ok := d.sharedTitle(p, h, core); ok {
		m.labels = []string{d.person(per, d.sentence)}
		d.lastPerson, d.lastPersonSent = m.labels[0], d.sentence
		return m
	}
	if pers, ok := d.splitPersons(p, core); ok {
		for _, per := range pers {
			m.labels = append(m.labels, d.person(per, d.sentence))
		}
		d.lastPerson, d.lastPersonSent = m.labels[len(m.labels)-1], d.sentence
		return m
	}
	if who, ok := d.surnames[k]; ok && !strings.Contains(label, " ") {
		m.labels = []string{who}
		d.lastPerson, d.lastPersonSent = who, d.sentence
		return m
	}
	if who := d.given[k]; who != "" && !strings.Contains(label, " ") && capitalized(label) {
		m.labels = []string{who}
		d.lastPerson, d.lastPersonSent = who, d.sentence
		return m
	}
	if d.untitledName(p, core, label) {
		m.labels = []string{d.personName(label, "", d.sentence)}
		d.lastPerson, d.lastPersonSent = m.labels[0], d.sentence
		return m
	}
	concept := d.conceptLabel(p, h, label)
	label = d.expandAbbreviation(label)
	if doer != "" {
		label = doer + " " + label
	}
	if concept != "" {
		// The node is the head phrase; the fact keeps the phrase it is
		// about, bounded and cleaned as the label would have been.
		// The doer stays in the wording: a kind of thing is the same
		// kind whoever does it.
		m.text = label
		if wide {
			if w := d.labelOf(p, p.wording(h, sp)); len(w) > len(label) {
				m.text = d.expandAbbreviation(w)
			}
		}
		label = concept
	}
	m.labels = []string{d.entity(label, p, h)}
	if e := d.ents[Key(m.labels[0])]; concept != "" && e.Type == "" {
		e.Type = schema.TypeConcept // an amount or an activity: no name
	}
	if concept == "" && d.ents[Key(m.labels[0])].Type == schema.TypeConcept {
		// A table shows a concept by its fact's phrase: here the label.
		m.text = m.labels[0]
	}
	if d.named(m.labels[0]) {
		if e := d.ents[Key(m.labels[0])]; e.Type == schema.TypePerson {
			d.lastPerson, d.lastPersonSent = m.labels[0], d.sentence
		} else {
			d.lastThing, d.lastThingSent = m.labels[0], d.sentence
		}
	}
	return m
}

// quoted reports a sentence that opens with a quotation mark: its "it"
// is the quoted speaker's, whatever the sentence before was about.
func quoted(p *parse) bool {
	t := p.s.Words[0].Text
	return t == "“" || t == "\"" || t == "‘"
}

// proper reports whether a capitalized word is a name or made from one
// ("American"), whose capital stays at the start of a sentence too.
func (d *docState) proper(w string) bool {
	_, ok := d.gaz.Lookup(w)
	return ok
}

// demonymNoun reports whether h is a nation's demonym used as a noun with
// a determiner or a quantifier ("every American", "a single Korean"): a
// person of the nation, which the gazetteer, knowing the word as the
// adjective that names the country ("American leadership"), would take
// for the state.
func (d *docState) demonymNoun(p *parse, h int) bool {
	w := p.s.Words[h].Text
	e, ok := d.gaz.Lookup(w)
	if !ok || e.Type != schema.TypeCountry || Key(w) == Key(e.Canonical) || !startsUpper(w) || isAcronym(w) {
		return false
	}
	for _, k := range p.kids[h] {
		switch p.rel(k) {
		case "nummod":
			return true
		case "det":
			switch p.lower(k) {
			case "every", "each", "a", "an", "any", "no", "another":
				return true
			}
		}
	}
	return false
}

// relativeAntecedent is the noun modified by the relative clause that word
// i belongs to, or -1.
func (p *parse) relativeAntecedent(i int) int {
	for j, steps := i, 0; j >= 0 && steps < 50; j, steps = p.head(j), steps+1 {
		if p.rel(j) == "acl:relcl" {
			return p.head(j)
		}
	}
	return -1
}

// antecedent resolves a pronoun to the most recent compatible name, if it
// was named in this sentence or the one before; "" when unsure.
func (d *docState) antecedent(k string) string {
	switch k {
	case "i", "me", "my", "myself", "mine":
		if d.otherTurn {
			return ""
		}
		return d.speaker
	case "it", "its", "itself":
		if d.lastThing != "" && d.sentence-d.lastThingSent <= 1 {
			return d.lastThing
		}
	case "he", "she", "him", "her", "his":
		if d.lastPerson != "" && d.sentence-d.lastPersonSent <= 2 {
			return d.lastPerson
		}
	}
	return ""
}

// governments reads "the Governments of the United States and the Republic
// of Korea" as the two countries, which is what such a phrase refers to.
func (d *docState) governments(p *parse, h int) []string {
	switch strings.ToLower(p.lemma(h)) {
	case "government", "governments", "people", "leader", "leaders", "leadership":
	default:
		return nil
	}
	for _, k := range p.kids[h] {
		if p.rel(k) != "nmod" {
			continue
		}
		if c := p.child(k, "case"); c < 0 || p.lower(c) != "of" {
			continue
		}
		var out []string
		for _, c := range p.conjuncts(k) {
			label := d.labelOf(p, p.core(c, p.phrase(c), false))
			e, ok := d.gaz.Lookup(label)
			if !ok || e.Type != schema.TypeCountry {
				if a, ok := d.acronyms[Key(label)]; ok && a.typ == schema.TypeCountry {
					e = GazEntry{Canonical: a.long, Type: a.typ}
				} else {
					return nil
				}
			}
			out = append(out, d.known(e.Canonical, e.Type, schema.Alias{Name: label}))
		}
		return out
	}
	return nil
}

// expandAbbreviation writes a country's short form in full at the start of
// a description: "U.S. forces" → "United States forces", so that the label
// does not depend on how one document abbreviates.
func (d *docState) expandAbbreviation(label string) string {
	first, rest, ok := strings.Cut(label, " ")
	if !ok || rest == "" {
		return label
	}
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsLower(r) {
		// A name ("U.S.-ROK Alliance", "Nuclear Consultative Group") is
		// kept as written; "U.S. forces" is a description.
		if r2, _ := utf8.DecodeRuneInString(rest); !isAcronym(first) || !unicode.IsLower(r2) {
			return label
		}
	}
	// In a description, every abbreviation of a name is written in full:
	// "defense of ROK" → "defense of Republic of Korea".
	words := strings.Split(label, " ")
	changed := false
	for i, w := range words {
		if !isAcronym(w) {
			continue
		}
		if a, ok := d.acronyms[Key(w)]; ok && w == a.short {
			words[i], changed = a.long, true
		} else if e, ok := d.gaz.Lookup(w); ok && (e.Type == schema.TypeCountry || e.Type == schema.TypeOrganization) {
			words[i], changed = e.Canonical, true
		}
	}
	if !changed {
		return label
	}
	return strings.Join(words, " ")
}

// entity returns the canonical label for a name and records the entity.
func (d *docState) entity(label string, p *parse, h int) string {
	typ := ""
	canonical := label
	var alias *schema.Alias
	// The document's own definitions come first: "MDT" means what this
	// text says it means.
	if a, ok := d.acronyms[Key(label)]; ok && label == a.short {
		canonical, typ = a.long, a.typ
		alias = &schema.Alias{Name: a.short, Sentence: a.sentence}
	} else if e, ok := d.gaz.Lookup(label); ok {
		canonical, typ = e.Canonical, e.Type
		if Key(label) != Key(canonical) {
			alias = &schema.Alias{Name: label}
		}
	} else {
		typ = guessType(p, h, label)
	}
	k := Key(canonical)
	e, ok := d.ents[k]
	if !ok {
		e = &schema.Entity{Label: canonical, Type: typ}
		d.ents[k] = e
		d.order = append(d.order, k)
		d.shortForm(canonical)
	} else if e.Type == "" || e.Type == schema.TypeConcept && typ != "" {
		e.Type = typ
	}
	if alias != nil {
		addAlias(e, *alias)
	}
	return canonical
}

// shortForm lets a body's name stand for itself without what its "on" or
// "for" phrase says: after "the Interagency Working Group on Coal and Power
// Plant Communities", "the Interagency Working Group" is the same group.
func (d *docState) shortForm(label string) {
	i := strings.Index(label, " on ")
	if j := strings.Index(label, " for "); j > 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 || !startsUpper(label) {
		return
	}
	short := label[:i]
	if !strings.Contains(short, " ") || !namesKind(surname(short)) {
		return // "Center" alone names too many centers; "Remarks on …" names no body
	}
	k := Key(short)
	if _, taken := d.acronyms[k]; taken {
		return
	}
	if _, known := d.gaz.Lookup(short); known {
		return
	}
	d.acronyms[k] = acronymDef{long: label, typ: d.ents[Key(label)].Type, short: short, sentence: d.sentence}
}

// guessType types an entity the gazetteer does not know from its head word.
func guessType(p *parse, h int, label string) string {
	last := nameHead(strings.ToLower(label))
	if p.pos(h) == "PROPN" || startsUpper(label) {
		if t := nameKind(last); t != "" {
			return t
		}
		if p.pos(h) == "PROPN" {
			return ""
		}
	}
	if p.pos(h) == "NOUN" {
		return schema.TypeConcept
	}
	return ""
}

// nameHead is the word of a lower-cased label that says what kind of
// thing it names: the last word before its first preposition ("provost"
// of "provost at minerva university", "department" of "department of
// energy"), else its last word. What follows a preposition is where or
// of what, not the thing: "Provost at Minerva University" is no
// university.
func nameHead(label string) string {
	f := strings.Fields(label)
	for i, w := range f {
		if i > 0 && namePrepositions[w] {
			return f[i-1]
		}
	}
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

var namePrepositions = wordSet(`of at for on in with from to against`)

// nameKind is the type of the names a word ends, lower-cased: "treaty"
// ends agreements, "council" organizations; "" for a word that ends no
// name of one kind.
func nameKind(last string) string {
	switch last {
	case "treaty", "agreement", "declaration", "resolution", "resolutions", "guidelines", "charter", "accord", "accords", "convention", "act", "framework", "statement", "communiqué", "protocol":
		return schema.TypeAgreement
	case "council", "group", "department", "ministry", "agency", "organization", "alliance", "force", "forces", "command",
		"commission", "committee", "government", "office", "administration", "bank", "fund", "union", "corporation", "inc", "company",
		"university", "college", "school", "institute", "foundation", "center", "centre", "hospital", "museum", "party",
		"association", "coalition", "network", "service", "board", "authority", "court", "caucus", "corps", "bureau", "laboratory":
		return schema.TypeOrganization
	case "meeting", "summit", "dialogue", "conference", "exercise", "exercises", "war", "ministerial":
		return schema.TypeEvent
	case "peninsula", "sea", "strait", "region", "island", "islands", "ocean", "county", "city", "river", "lake", "valley", "airport":
		return schema.TypeLocation
	case "program", "programme", "initiative", "missile", "missiles":
		return schema.TypeProgram
	}
	return ""
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// labelOf renders the core of an argument as an entity label: no leading
// determiner or possessive, no bracketed acronym, and the capital of a
// sentence-initial common word lowered.
func (d *docState) labelOf(p *parse, core span) string {
	var keep span
	for i, j := range core {
		w := p.s.Words[j]
		if w.Text == "(" || w.Text == ")" {
			continue
		}
		if j > 0 && p.s.Words[j-1].Text == "(" && j+1 < len(p.s.Words) && p.s.Words[j+1].Text == ")" && isAcronym(w.Text) && i > 0 {
			continue
		}
		keep = append(keep, j)
	}
	label := stripDeterminer(p.text(d.text, keep))
	if len(keep) > 0 && keep[0] == 0 && p.pos(keep[0]) != "PROPN" && !d.proper(p.s.Words[0].Text) {
		if first := p.s.Words[0].Text; strings.HasPrefix(label, first) && !isAcronym(first) {
			r, size := utf8.DecodeRuneInString(label)
			label = string(unicode.ToLower(r)) + label[size:]
		}
	}
	return strings.TrimSpace(label)
}

// core is the part of the phrase headed by h that names the thing: the
// head with its compounds, adjectives and numbers, and "of" phrases (and
// other prepositional phrases about a proper name), but no determiners,
// relative clauses, appositions or coordinated phrases.
func (p *parse) core(h int, within span, wide bool) span {
	in := map[int]bool{}
	for _, j := range within {
		in[j] = true
	}
	var out span
	var walk func(int, bool)
	walk = func(j int, title bool) {
		out = append(out, j)
		for _, k := range p.kids[j] {
			if !in[k] {
				continue
			}
			if p.hyphenJoined(k) {
				// A hyphen joins one word, whatever the parser calls the
				// link: "peer-reviewed", "all-time", "money-laundering".
				walk(k, title)
				continue
			}
			switch p.rel(k) {
			case "conj", "cc":
				// "Foreign and Defense Ministerial": coordination inside a
				// modifier is part of the name; only the head's own
				// conjuncts are separate entities.
				// "the DPRK's human rights violations and abuses": a bare
				// noun conjoined to a modified one shares its modifiers,
				// and the two name one thing.
				if p.rel(j) == "acl" && p.rel(k) == "conj" && p.pos(k) == "VERB" && p.child(j, "mark") >= 0 {
					// The infinitive that says which: its first verb only,
					// not the series it opens ("legislation to rebuild
					// infrastructure, create jobs, and grow the economy").
					continue
				}
				if j != h || p.rel(k) == "conj" && p.sharesModifiers(h, k) {
					walk(k, title)
				}
			case "compound", "flat", "amod", "nummod", "fixed", "goeswith", "nmod:desc", "case":
				if p.rel(k) == "case" && p.head(k) == h {
					continue
				}
				if p.rel(k) == "amod" && transient[p.lower(k)] && len(p.kids[k]) == 0 {
					// "the recent military drills" are the military
					// drills: when is no part of what.
					continue
				}
				walk(k, title)
			case "nmod:poss":
				// "against the United States or its allies": a pronoun
				// inside a modifier stays; the head's own does not.
				if p.pos(k) != "PRON" || j != h {
					walk(k, title)
				}
			case "nmod":
				c := p.child(k, "case")
				switch {
				case c < 0:
				case p.lower(c) == "of":
					walk(k, title)
				case j != h && (p.pos(k) == "PROPN" || p.pos(k) == "NOUN" && len(p.kids[k]) <= 2):
					// Inside a name: "Guidelines for Nuclear Deterrence".
					walk(k, title)
				case j == h && p.titleContinues(h, k, c):
					// A document's or a body's title goes on after its
					// head: "Guidelines for Nuclear Deterrence", "Convention
					// on the Law of the Sea", with its articles.
					walk(k, true)
				case j == h && p.pos(h) == "NOUN" && placePreps[p.lower(c)] && p.pos(k) == "PROPN":
					// "military drills around Taiwan", "an attack against
					// the United States": where a description points to a
					// name is part of what it is.
					walk(k, title)
				case wide && (p.pos(k) == "PROPN" || len(p.subtree(k, nil)) <= 8):
					walk(k, title)
				}
			case "acl":
				// "attempts to change the status quo": a short infinitive
				// says which attempts.
				if wide && j == h && p.child(k, "mark") >= 0 {
					walk(k, title)
				}
			case "obj", "mark":
				if p.rel(j) == "acl" {
					walk(k, title)
				} else if j == h && p.rel(k) == "obj" && p.s.Words[h].XPOS == "VBG" {
					// A gerund is named with its object: "upholding
					// international law".
					walk(k, title)
				}
			case "obl":
				// "elections free of intimidation": an adjective after its
				// noun takes its "of" phrase with it.
				if c := p.child(k, "case"); c >= 0 && p.lower(c) == "of" && p.rel(j) == "amod" && p.head(j) < j {
					walk(k, title)
				}
			case "advmod":
				// "more than 300", "nearly 40 percent": how many is part
				// of the amount.
				if p.pos(j) == "NUM" {
					walk(k, title)
				}
			case "punct":
				if t := p.s.Words[k].Text; t == "-" || t == "(" || t == ")" {
					walk(k, title)
				}
			case "det":
				if p.lower(k) == "no" || title && p.lower(k) == "the" {
					walk(k, title)
				}
			}
		}
	}
	walk(h, false)
	sort.Ints(out)
	return p.trim(out)
}

// hyphenJoined says whether the common word i is joined by a hyphen,
// written without spaces, to a common word before or after it. Names are
// left to the name rules ("Ives-Rublee", "Cho Tae-yong"), and "then-" says
// when, not what ("then-Secretary of State").
func (p *parse) hyphenJoined(i int) bool {
	w := p.s.Words
	joined := func(h int) bool { // w[h] is a hyphen between two words
		return h > 0 && h+1 < len(w) && w[h].Text == "-" && !w[h-1].SpaceAfter && !w[h].SpaceAfter &&
			p.pos(h-1) != "PROPN" && p.pos(h+1) != "PROPN" && p.lower(h-1) != "then"
	}
	return joined(i-1) || joined(i+1)
}

// whichPreps open a phrase that says which thing a noun is: "a vision for
// the region", "the need for partnership", "training on safeguards".
var whichPreps = wordSet(`of for to on about with between among against toward towards regarding`)

// placePreps relate a description to the name it is about.
var placePreps = map[string]bool{"against": true, "around": true, "toward": true, "towards": true, "near": true}

// transient adjectives say when, not what.
var transient = map[string]bool{"recent": true, "ongoing": true, "current": true, "latest": true}

// titleContinues says whether the "for" or "on" phrase k, with case word
// c, continues the proper name headed by h: the head is a capitalized
// document or institution word and the phrase a capitalized name too.
func (p *parse) titleContinues(h, k, c int) bool {
	// A capitalized common noun inside a sentence is a name's head too:
	// taggers read "Guidelines" as a noun.
	named := func(i int) bool {
		return capitalized(p.s.Words[i].Text) && (p.pos(i) == "PROPN" || p.pos(i) == "NOUN" && i > 0)
	}
	if !named(h) || !named(k) {
		return false
	}
	if w := p.lower(c); w != "for" && w != "on" {
		return false
	}
	switch guessType(p, h, p.s.Words[h].Text) {
	case schema.TypeAgreement, schema.TypeOrganization, schema.TypeProgram, schema.TypeEvent:
		return true
	}
	return false
}

// wording is how a fact words a generic object: its core, and a short
// participle phrase that says which ("the risks posed to international
// security by Iran's escalating nuclear program"). A concept's node is its
// head phrase (concept.go), so the wording can say all this without making
// a node per wording; a name's label cannot.
func (p *parse) wording(h int, within span) span {
	out := p.core(h, within, true)
	in := map[int]bool{}
	for _, j := range within {
		in[j] = true
	}
	if slices.Max(out) == h && p.wordCount(out) <= 2 {
		// A bare head says too little ("share a vision", "the need"):
		// its first prepositional phrase says which, if it is short
		// enough to read ("a vision for a resilient Pacific region").
		for _, k := range p.kids[h] {
			if !in[k] || k < h || p.rel(k) != "nmod" {
				continue
			}
			if c := p.child(k, "case"); c < 0 || !whichPreps[p.lower(c)] {
				break // "partners in a manner", "issues, including …": no part of which
			}
			sub := p.subtree(k, func(j int) bool {
				switch p.rel(j) {
				case "nmod", "punct":
					return p.head(j) != k // the phrase's own "of …" stays, a deeper one goes
				case "advcl", "ccomp", "parataxis", "acl:relcl", "acl", "conj", "cc", "appos":
					return true
				}
				return false
			})
			if len(sub) <= 8 && p.pos(sub[len(sub)-1]) != "ADP" {
				out = append(out, sub...)
			}
			break
		}
	}
	for _, k := range p.kids[h] {
		if !in[k] || k < h || p.rel(k) != "acl" || p.child(k, "mark") >= 0 {
			continue
		}
		if p.xpos(k) != "VBN" {
			continue // an "-ing" word after a noun is as often a verb the parser hung there
		}
		sub := p.subtree(k, func(j int) bool {
			switch p.rel(j) {
			case "advcl", "ccomp", "parataxis", "acl:relcl", "conj", "cc":
				return true // a clause of its own, or a list: no part of what
			}
			return false
		})
		if len(sub) > 12 || p.pos(sub[0]) == "PUNCT" || sub[0] > 0 && p.pos(sub[0]-1) == "PUNCT" {
			continue // after a comma a participle is as often a verb of its own
		}
		whole := true
		for _, j := range sub {
			if !in[j] {
				whole = false
			}
		}
		if whole {
			out = append(out, sub...)
		}
	}
	sort.Ints(out)
	return p.trim(slices.Compact(out))
}

// headOf is the word of sp whose head lies outside it.
func headOf(p *parse, sp span) int {
	in := map[int]bool{}
	for _, j := range sp {
		in[j] = true
	}
	for _, j := range sp {
		if h := p.head(j); h < 0 || !in[h] {
			return j
		}
	}
	return -1
}

// predicate is the normalized relation of a tuple: the lowercase lemma of
// the verb with what completes it ("commit to", "pledge to coordinate with",
// "be built on", "be open to").
func (p *parse) predicate(t tuple) string {
	if t.kind == "appos" {
		return "be"
	}
	var parts []string
	h := t.verb
	// "Russia's attempts to change borders": the intention noun is part of
	// what is said, "attempt to change".
	if p.rel(h) == "acl" && p.child(h, "mark") >= 0 {
		if n := p.head(h); n >= 0 && intentionNouns[strings.ToLower(p.lemma(n))] {
			parts = append(parts, strings.ToLower(p.lemma(n)), "to")
		}
	}
	// "committed to strengthening cooperation to promote human rights":
	// the purpose is committed to as well, "commit to promote".
	if g := p.commissiveGovernor(h); g >= 0 && p.committer(headOf(p, t.subj), g) {
		parts = append(parts, strings.ToLower(p.lemma(g)), "to")
	}
	// "pledged to deepen X, enhance Y and expand Z": the later verbs are
	// conjuncts of the complement and share its governor, "pledge to".
	if p.rel(h) == "conj" {
		if x := p.head(h); x >= 0 && p.rel(x) == "xcomp" {
			// Not "urged Iran to release … and allow …": the one urged
			// does it, and says it as urged (controlled).
			if g := p.head(x); g >= 0 && p.child(g, "obj") < 0 && !(objectControl[p.lemma(g)] && p.controller(g) >= 0) {
				parts = append(parts, strings.ToLower(p.lemma(g)), "to")
			}
		}
	}
	switch {
	case t.copula && p.pos(h) == "ADJ":
		parts = append(parts, "be", p.lower(h))
	case t.copula:
		parts = append(parts, "be")
		if c := p.child(h, "case"); c >= 0 && c < h && t.objCase < 0 && p.nominal(h) && !notWhere[p.lower(c)] {
			// "The President is in Ohio", "our prayers are with the
			// people": where or with whom, not what.
			parts = append(parts, p.lower(c))
		}
	case t.passive && t.agent == nil:
		parts = append(parts, "be", p.lower(h))
	default:
		parts = append(parts, strings.ToLower(p.lemma(h)))
	}
	if prt := p.child(h, "compound:prt"); prt >= 0 && !t.copula {
		parts = append(parts, p.lower(prt))
	} else if a := p.child(h, "advmod"); a >= 0 && p.lower(a) == "together" && gatherVerbs[p.lemma(h)] {
		// "brought together 36 countries": to bring them together is
		// not to bring them.
		parts = append(parts, "together")
	}
	for _, x := range t.xcomp {
		parts = append(parts, "to", strings.ToLower(p.lemma(x)))
		if prt := p.child(x, "compound:prt"); prt >= 0 {
			parts = append(parts, p.lower(prt))
		}
	}
	if t.light >= 0 {
		// "expressed concern over X" → "express concern over".
		if _, c := p.lightNoun(t.light); c >= 0 {
			parts = append(parts, strings.ToLower(p.lemma(t.light)), p.lower(c))
		}
	}
	if t.objCase >= 0 {
		parts = append(parts, p.lower(t.objCase))
	}
	return strings.Join(parts, " ")
}

// gatherVerbs take "together" as part of what they say.
var gatherVerbs = wordSet(`bring put pull keep get band piece knit`)

// notWhere are case words that before a copula's noun say no place or
// company: "is as a Member" and "was until 2019 Director" are misread
// clauses.
var notWhere = wordSet(`as until since like than`)

// commissive verbs bind their speaker to what follows.
var commissive = map[string]bool{"commit": true, "pledge": true, "vow": true, "resolve": true, "promise": true,
	"undertake": true, "agree": true}

// commissiveGovernor finds, for a purpose infinitive ("to promote" in
// "committed to strengthening cooperation to promote human rights"), the
// commissive verb a few steps up that governs it; -1 if none.
func (p *parse) commissiveGovernor(h int) int {
	if r := p.rel(h); r != "advcl" && r != "acl" {
		return -1
	}
	if m := p.child(h, "mark"); m < 0 || p.lower(m) != "to" {
		return -1
	}
	for j, steps := p.head(h), 0; j >= 0 && steps < 4; j, steps = p.head(j), steps+1 {
		if p.pos(j) != "VERB" || p.s.Words[j].XPOS == "VBG" || p.rel(j) == "xcomp" {
			// Through nouns, gerunds and open complements: "pledged to
			// deepen cooperation to promote peace".
			continue
		}
		if commissive[strings.ToLower(p.lemma(j))] {
			return j
		}
		return -1
	}
	return -1
}

// gerundOwner finds who acts in "the role of the UNC in managing and
// enforcing the armistice": the gerund's doer is the "of" phrase of the
// noun it completes, not the subject of the sentence.
func (d *docState) gerundOwner(p *parse, h int) (mention, bool) {
	if h < 0 || p.s.Words[h].XPOS != "VBG" {
		return mention{}, false
	}
	g := h
	for p.rel(g) == "conj" && p.head(g) >= 0 {
		g = p.head(g)
	}
	if r := p.rel(g); r != "acl" && r != "advcl" {
		return mention{}, false
	}
	if m := p.child(g, "mark"); m < 0 || p.lower(m) != "in" && p.lower(m) != "for" {
		return mention{}, false
	}
	n := p.head(g)
	if n >= 0 && p.pos(n) == "VERB" {
		// Attached to the verb: "recognized [the role of X] [in managing]".
		n = p.child(n, "obj")
	}
	if n < 0 || p.pos(n) != "NOUN" {
		return mention{}, false
	}
	for _, k := range p.kids[n] {
		if p.rel(k) != "nmod" {
			continue
		}
		if c := p.child(k, "case"); c < 0 || p.lower(c) != "of" {
			continue
		}
		m := d.resolve(p, p.stripCase(p.phrase(k)))
		if !m.unresolved && len(m.labels) > 0 && d.named(m.labels[0]) {
			return m, true
		}
	}
	return mention{}, false
}

// possessor returns the named actor of an action noun: "Russia" for
// "Russia's violation of the Charter".
func (d *docState) possessor(p *parse, h int) (mention, bool) {
	if p.pos(h) != "NOUN" {
		return mention{}, false
	}
	l := strings.ToLower(p.lemma(h))
	if _, ok := nominalVerbs[l]; !ok {
		if _, ok := nominalVerbs[strings.TrimSuffix(l, "s")]; !ok {
			return mention{}, false
		}
	}
	poss := p.child(h, "nmod:poss")
	if poss < 0 || p.pos(poss) == "PRON" {
		return mention{}, false
	}
	m := d.resolve(p, p.phrase(poss))
	if m.unresolved || len(m.labels) == 0 || !d.named(m.labels[0]) {
		return mention{}, false
	}
	return m, true
}

// examples returns the phrases a noun lists with "such as" or "including".
func (p *parse) examples(h int) []span {
	if h < 0 {
		return nil
	}
	var out []span
	for _, k := range p.kids[h] {
		if p.rel(k) != "nmod" {
			continue
		}
		c := p.child(k, "case")
		if c < 0 {
			continue
		}
		word := p.lower(c)
		if word == "such" || word == "including" || word == "like" {
			for _, e := range p.conjuncts(k) {
				out = append(out, p.stripCase(p.phrase(e)))
			}
		}
	}
	// "provocative actions, particularly the recent military drills": an
	// apposition names the same thing more precisely.
	for _, k := range p.kids[h] {
		if p.rel(k) == "appos" && p.pos(k) != "PROPN" && p.pos(k) != "NUM" {
			out = append(out, p.phrase(k))
		}
	}
	return out
}

// reciprocals stand for the other party of each subject ("other" is what
// the parse leaves of "each other").
var reciprocals = map[string]bool{"each other": true, "one another": true, "other": true}

// functionWords are never entities: a label that is one of them comes from
// a misread phrase ("such as").
var functionWords = map[string]bool{"as": true, "such": true, "such as": true, "including": true, "like": true,
	"of": true, "to": true, "and": true, "or": true, "than": true, "so": true, "well": true, "as well": true}

// intentionNouns take an infinitive that says what is intended.
var intentionNouns = map[string]bool{"attempt": true, "effort": true, "plan": true, "decision": true,
	"commitment": true, "pledge": true, "intention": true, "bid": true, "move": true, "push": true,
	"readiness": true, "willingness": true, "determination": true, "resolve": true, "ability": true,
	"right": true, "goal": true, "aim": true, "agreement": true, "promise": true, "threat": true}

// oblAfter finds a prepositional argument of verb v right after its
// object o, with its preposition.
func (p *parse) oblAfter(v, o int) (string, []int) {
	if v < 0 {
		return "", nil
	}
	for _, k := range p.kids[v] {
		if k < o {
			continue
		}
		switch p.rel(k) {
		case "obl":
			if c := p.child(k, "case"); c >= 0 {
				return p.lower(c), p.conjuncts(k)
			}
		case "advcl":
			// "play a critical role [in maintaining peace]".
			if m := p.child(k, "mark"); m >= 0 && p.s.Words[k].XPOS == "VBG" {
				return p.lower(m), []int{k}
			}
		}
	}
	return "", nil
}

// agentPhrase says whether n heads a "by" phrase of a passive or is
// coordinated with one: in "endorsed by President Biden and President
// Yoon" both are doers.
func (p *parse) agentPhrase(n int) bool {
	for d := 0; n >= 0 && d < 8; d++ {
		switch p.rel(n) {
		case "obl:agent":
			return true
		case "conj":
			n = p.head(n)
		default:
			return false
		}
	}
	return false
}

// facts turns the tuples of sentence n into facts.
func (d *docState) facts(n int, p *parse, ts []tuple) {
	d.sentence = n
	lead := d.lead
	d.lead = d.leadIn(p)
	if p.unasserted() {
		if lead == nil || !p.imperative() {
			return
		}
		// An item of a list its lead-in opens ("The Plan will:" then
		// "Require background checks for all gun sales."): the lead-in's
		// subject does it, with the lead-in's modal.
		d.lead = lead
	}
	seen := map[string]bool{}
	for _, t := range ts {
		if len(t.obj) == 0 {
			if p.together(t) {
				d.reciprocal(n, p, t, d.resolve(p, t.subj), p.predicate(t), seen)
			}
			continue
		}
		oh := headOf(p, t.obj)
		if oh >= 0 && p.rel(oh) == "ccomp" && !(t.copula && oh == t.verb) {
			continue // an attributed clause is no entity; its own facts come from its clause
		}
		if !t.passive && oh >= 0 && p.agentPhrase(oh) {
			// "as commended and endorsed by President Biden": a
			// participle's "by" phrase is its doer. What the parties
			// say is not what others did to them: such a subject is a
			// misread attachment, and no fact is better than a wrong one.
			if IsReference(p.text(d.text, t.subj)) {
				d.resolve(p, t.obj) // the doer is still named, with its title
				continue
			}
			t.passive, t.agent = true, t.obj
		}
		if p.expletive(t) || p.deicticSubject(t) {
			continue
		}
		if sh := headOf(p, t.subj); sh >= 0 && !t.inherit && !strings.HasPrefix(t.kind, "acl") && p.lower(sh) != "matter" {
			// Only the clause's own subject: in "no family making
			// $400,000 will pay more" the family does make it.
			if no := p.child(sh, "det"); no >= 0 && p.lower(no) == "no" && p.s.Words[no+1].Text != "-" {
				// "no executive action can substitute for legislation":
				// the action cannot; the "no" is the fact's polarity.
				t.negated = !t.negated
				t.subj = slices.DeleteFunc(slices.Clone(t.subj), func(j int) bool { return j == no })
			}
		}
		aside := t.kind == "appos" || t.kind == "poss" || t.kind == "title"
		focus, focusSent := d.lastPerson, d.lastPersonSent
		subj := d.resolve(p, t.subj)
		if sh := headOf(p, t.subj); t.kind == "root" && !t.inherit && sh >= 0 && len(subj.labels) == 1 && !subj.unresolved &&
			(p.xpos(sh) == "NN" || p.xpos(sh) == "NNP") && !d.isPerson(subj.labels[0]) && !pronouns[strings.ToLower(subj.text)] {
			d.topic, d.topicSent = subj, n
		}
		if aside && focusSent == n {
			// A name inside another phrase ("served on Senator Tom
			// Daschle's staff", "Office of Senator Joe Manchin III") is not
			// whom the next "he" is about: the sentence's own subject is.
			d.lastPerson, d.lastPersonSent = focus, focusSent
		}
		if t.leadSubject {
			if lead == nil {
				continue
			}
			subj = lead.subject
			if t.modality == "" {
				t.modality = lead.modality
			}
		}
		if owner, ok := d.gerundOwner(p, t.verb); ok {
			subj = owner
		}
		pred := p.predicate(t)
		if o := p.asParticipleOf(t.verb); o >= 0 {
			// "upholding international law as reflected in UNCLOS": what
			// is reflected is the law, not the clause's subject.
			subj = d.resolve(p, p.phrase(o))
			pred = "be " + p.lower(t.verb)
			if t.objCase >= 0 {
				pred += " " + p.lower(t.objCase)
			}
		}
		if t.copula && oh == t.verb && pred == "be "+p.lower(oh) {
			// "is unacceptable": the adjective is the object, not part
			// of the relation too.
			pred = "be"
		}
		for _, a := range t.extra {
			// "make health care more affordable": what the object is
			// made is the relation, or the fact says the plan makes
			// health care.
			if h := headOf(p, a.words); h >= 0 && p.rel(h) == "xcomp" && p.pos(h) == "ADJ" && p.head(h) == t.verb && len(a.words) <= 4 {
				pred += " " + strings.ToLower(p.text(d.text, a.words))
			}
		}
		if t.copula && p.nominee >= 0 && headOf(p, t.subj) == p.nominee && strings.HasPrefix(pred, "be") {
			pred = "be nominated as" // "Rollins, of Massachusetts, to be United States Attorney"
		}
		if p.wish(t.verb) {
			continue // "May God bless our troops" asserts nothing
		}
		if g, sure := p.embedding(t.verb, pred); g >= 0 {
			// The sentence may not assert this clause (asserted.go): it
			// says the act was urged of the one urged, or nothing, or
			// something to be said with less confidence.
			if rel, ok := p.controlled(t.verb, g, t.subj); ok {
				// "required to predict and to cope with": the conjunct's
				// own "to" is the relation's.
				pred = rel + " " + strings.TrimPrefix(pred, "to ")
			} else if sure || p.prevented(t.verb) {
				// "efforts to prevent Iran from acquiring a weapon" do
				// not say Iran acquires none.
				continue
			} else {
				t.doubt = true
			}
		}
		// "Agencies must learn the lessons", "the Act would expedite the
		// response": what must, may or would be done is not done, and an
		// edge with the bare verb would say it is. The modal stays in
		// the predicate; "will" is a commitment and says the act.
		if m := t.modality; t.verb >= 0 {
			if m == "" {
				m = p.modalOver(t.verb)
			}
			if hypothetical[m] && !strings.HasPrefix(pred, m+" ") {
				pred = m + " " + pred
				t.modality = m
			}
		}
		objSpans := []span{t.obj}
		// Further light-noun complements about a name, each with its own
		// preposition: "noted consultations for collaboration [on projects
		// under AUKUS Pillar II]".
		type group struct {
			pred  string
			spans []span
		}
		var more []group
		// Only a direct object folds: "built on respect" is about respect.
		if oh >= 0 && !t.copula && t.objCase < 0 && t.light < 0 && p.rel(oh) != "obl:agent" && p.foldable(oh) {
			prep, heads := p.folded(oh)
			if len(heads) == 0 {
				// "reaffirmed [their commitment] [to X]": the parser may
				// attach the complement to the verb instead of the noun.
				prep, heads = p.oblAfter(t.verb, oh)
			}
			if len(heads) > 0 {
				base := pred + " " + strings.ToLower(p.lemma(oh)) + " "
				for _, k := range p.namedComplements(oh, heads[0]) {
					g := group{pred: base + p.lower(p.child(k, "case"))}
					for _, c := range p.conjuncts(k) {
						g.spans = append(g.spans, p.stripCase(p.phrase(c)))
					}
					more = append(more, g)
				}
				pred = base + prep
				objSpans = objSpans[:0]
				for _, c := range heads {
					objSpans = append(objSpans, p.stripCase(p.phrase(c)))
				}
				// "their commitment to working within the UN framework":
				// the gerund is what is committed to, its argument the
				// object.
				if len(heads) == 1 && prep == "to" {
					if verb, args := p.gerundArgs(heads[0]); verb != "" {
						pred += " " + verb
						objSpans = args
					}
				}
			}
		} else if oh >= 0 && t.objCase < 0 && t.light < 0 && p.pos(oh) == "ADJ" {
			// "remain open to dialogue with the DPRK": the adjective and
			// its preposition join the predicate.
			if prep, heads := p.adjComplement(oh); len(heads) > 0 {
				pred += " " + p.lower(oh) + " " + prep
				objSpans = objSpans[:0]
				for _, c := range heads {
					objSpans = append(objSpans, p.stripCase(p.phrase(c)))
				}
			} else if x := p.child(oh, "xcomp"); x >= 0 && p.child(x, "mark") >= 0 {
				// "remain ready to talk with the DPRK".
				if verb, args := p.verbArgs(x); verb != "" {
					pred += " " + p.lower(oh) + " to " + verb
					objSpans = args
				}
			}
		}
		// "expressed concern over provocative actions, particularly the
		// recent military drills": the singled-out example is an object
		// too.
		for _, a := range t.extra {
			if ah := headOf(p, a.words); ah >= 0 && p.singledOut(ah) {
				objSpans = append(objSpans, a.words)
			}
		}
		d.reciprocal(n, p, t, subj, pred, seen)
		subjects := []mention{subj}
		if sh := headOf(p, t.subj); sh >= 0 {
			if owner, ok := d.possessor(p, sh); ok {
				// "Russia's violation of the Charter presents a challenge":
				// what an action does, its actor does.
				subjects = append(subjects, owner)
			}
		}
		for _, os := range objSpans {
			if pred == "be" && !p.describes(headOf(p, os)) {
				continue
			}
			if oh := headOf(p, os); len(os) == 1 && p.pos(oh) == "ADJ" && p.hasChild(oh, "xcomp", "ccomp", "advcl") {
				// "we are committed to sharing lessons", "making sure
				// that …": the adjective alone is a stub of what its clause
				// says, and the clause has facts of its own.
				continue
			}
			obj := d.resolveObject(p, os)
			for _, s := range subjects {
				d.fact(n, p, t, s, obj, pred, seen)
			}
			// "mechanisms such as the East Asia Summit and the ASEAN
			// Regional Forum": each example is an object too.
			for _, ex := range p.examples(headOf(p, os)) {
				for _, s := range subjects {
					d.fact(n, p, t, s, d.resolveObject(p, ex), pred, seen)
				}
			}
		}
		// "committed to accelerate cooperation with the goal of signing
		// the agreement": the goal is the subject's aim.
		active := t // these facts are stated actively, whatever the clause's voice
		active.passive = false
		for _, a := range p.aims(t) {
			obj := d.resolveObject(p, a.obj)
			for _, s := range subjects {
				d.fact(n, p, active, s, obj, a.pred, seen)
			}
		}
		for _, g := range more {
			for _, os := range g.spans {
				obj := d.resolveObject(p, os)
				for _, s := range subjects {
					d.fact(n, p, active, s, obj, g.pred, seen)
				}
			}
		}
	}
	d.nominalFacts(n, p, seen)
}

// reciprocal records, for "Both sides pledged to coordinate closely
// together", that each party does it with the other.
func (d *docState) reciprocal(n int, p *parse, t tuple, subj mention, pred string, seen map[string]bool) {
	if len(subj.labels) != 2 || subj.unresolved || !p.together(t) {
		return
	}
	if t.objCase >= 0 {
		pred = strings.TrimSuffix(pred, " "+p.lower(t.objCase))
	}
	pred += " with"
	t.passive = false
	for i, s := range subj.labels {
		other := subj.labels[1-i]
		d.fact(n, p, t, mention{labels: []string{s}, text: subj.text}, mention{labels: []string{other}, text: other}, pred, seen)
	}
}

// fact records the facts of one tuple with one object: one per pair of
// resolved subject and object entities.
func (d *docState) fact(n int, p *parse, t tuple, subj, obj mention, pred string, seen map[string]bool) {
	if t.passive && t.agent != nil {
		// "X was released by Y": Y releases X.
		subj, obj = obj, subj
	}
	if len(subj.labels) == 0 || len(obj.labels) == 0 || pred == "" || subj.notThing {
		return
	}
	recip := reciprocals[strings.ToLower(obj.text)]
	if recip && (len(subj.labels) != 2 || subj.unresolved) {
		// "We intend to cooperate with each other": of two parties,
		// each with the other; of more, no pair is said.
		return
	}
	if w := strings.ToLower(obj.text); (w == "us" || w == "ourselves") && len(subj.labels) > 1 && slices.Equal(subj.labels, obj.labels) {
		// "we … allow us": a clause whose doer the parse took from
		// "we" does nothing to its own parties; read as said, each
		// party would act on each other one.
		return
	}
	if obj.unresolved && !subj.unresolved && !recip {
		// An object we cannot name says nothing a reader can use.
		return
	}
	feat := features(p, t) // kept for scoring the fact again (factconf.go)
	conf := clauseScore(feat)
	if t.doubt {
		conf /= 2
	}
	f := schema.Fact{Predicate: pred, Sentence: n, Confidence: conf, Negated: t.negated, Modality: t.modality,
		Relation: p.text(d.text, t.relWords), SubjectText: subj.text, ObjectText: obj.text, Unresolved: subj.unresolved}
	for _, a := range t.extra {
		x := p.text(d.text, a.words)
		switch {
		case x == "":
		case a.role == "time" && f.Time == "":
			f.Time = x
		case a.role == "place" && f.Place == "":
			f.Place = x
		default:
			f.Extra = append(f.Extra, x)
		}
	}
	if f.Unresolved {
		f.Confidence = conf * 0.5
	}
	for i, s := range subj.labels {
		objects := obj.labels
		if recip {
			objects = []string{subj.labels[1-i]}
		}
		for _, o := range objects {
			if Key(s) == Key(o) || functionWords[Key(o)] || functionWords[Key(s)] {
				continue
			}
			if pred == "be" && d.knownName(s) && d.knownName(o) {
				// Two different known names are two entities: "Australia
				// is the United Kingdom" comes from a misread list.
				continue
			}
			if len(subj.labels) > 1 && d.owns(s, obj.text) {
				// "We welcome Japan’s intention" of the United States and
				// Japan: the other party welcomes what Japan intends.
				continue
			}
			g := f
			g.Subject, g.Object = s, o
			if !d.plausible(&g) {
				continue
			}
			key := g.Subject + "\x00" + pred + "\x00" + g.Object
			if seen[key] {
				continue
			}
			seen[key] = true
			d.out = append(d.out, g)
			d.clauseOf[factKey(g)] = feat
			if pred == "be" && (humanRoles[Key(g.Object)] || hasRole(g.Object)) && !g.Unresolved {
				// "Ahmaud Arbery was a son", "Jed Kolko has been Chief
				// Economist": only a person is a son or holds a post, and
				// "he" in the next sentence is that person.
				if e := d.ents[Key(g.Subject)]; e != nil && d.nameLike(g.Subject) {
					d.becomesPerson(e, g.Sentence)
				}
				if d.isPerson(g.Subject) {
					d.lastPerson, d.lastPersonSent = g.Subject, g.Sentence
				}
			}
			if !g.Unresolved && d.isPerson(g.Subject) && !slices.Contains(d.doers[g.Sentence], g.Subject) {
				d.doers[g.Sentence] = append(d.doers[g.Sentence], g.Subject)
			}
			if meetings[pred] && !g.Unresolved && g.Polarity() == "positive" && d.isPerson(g.Subject) && d.isPerson(g.Object) {
				// "Sullivan met with Dokos. They discussed …": the two
				// who met are "they" for the sentences that follow.
				if d.metAt != g.Sentence {
					d.met, d.metAt = nil, g.Sentence
				}
				for _, x := range []string{g.Subject, g.Object} {
					if !slices.Contains(d.met, x) {
						d.met = append(d.met, x)
					}
				}
			}
		}
	}
}

// humanRoles are what only a person is.
var humanRoles = wordSet(`son daughter brother sister father mother husband wife friend child grandson
	granddaughter grandfather grandmother uncle aunt cousin nephew niece widow widower veteran nurse
	teacher student mentor hero patriot neighbor colleague`)

// meetings are the predicates whose subject and object act together
// afterwards.
var meetings = map[string]bool{"meet with": true, "meet": true, "speak with": true, "talk with": true,
	"speak by phone with": true, "host": true, "join": true}

// owns reports whether text opens with the possessive of the entity
// labelled label, under its label or one of its aliases.
func (d *docState) owns(label, text string) bool {
	names := []string{label}
	if e := d.ents[Key(label)]; e != nil {
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
	}
	t := strings.ToLower(text)
	for _, n := range names {
		n = strings.ToLower(n)
		if strings.HasPrefix(t, n+"’s ") || strings.HasPrefix(t, n+"'s ") || strings.HasPrefix(t, "the "+n+"’s ") {
			return true
		}
	}
	return false
}

// entityList returns the entities in order of first mention.
func (d *docState) entityList(sents []schema.Sentence) []schema.Entity {
	// Only what the document says something of: a phrase resolved for a
	// fact the checks then dropped ("including", "elements") would be a
	// node no edge reaches.
	used := map[string]bool{}
	for _, f := range d.out {
		if !f.Unresolved {
			used[Key(f.Subject)] = true
		}
		used[Key(f.Object)] = true
	}
	for _, s := range sents {
		for _, m := range s.Mentions {
			used[Key(m)] = true
		}
	}
	for _, k := range d.order {
		if e := d.ents[k]; used[k] {
			for _, a := range e.Affiliations {
				used[Key(a)] = true
			}
		}
	}
	out := make([]schema.Entity, 0, len(d.order))
	for _, k := range d.order {
		if e := d.ents[k]; used[k] || slices.ContainsFunc(e.Aliases, func(a schema.Alias) bool { return a.Sentence > 0 }) {
			out = append(out, *e) // a name the document defines is said of in its sentence
		}
	}
	return out
}

// expletive reports a clause whose subject is an "it" that stands for
// nothing: "it's time for Congress to act", "it was important to fund
// broadband". The clause that follows is what is spoken of, and has facts
// of its own.
func (p *parse) expletive(t tuple) bool {
	if len(t.subj) != 1 || p.lower(t.subj[0]) != "it" {
		return false
	}
	s := t.subj[0]
	if p.rel(s) == "expl" {
		return true
	}
	v := p.head(s)
	// Only a copula or a verb of seeming takes an "it" that stands for
	// its clause: "as it advances work on key issues" is the Council.
	if v < 0 || !p.hasChild(v, "cop") && !expletiveVerbs[p.lemma(v)] {
		return false
	}
	for _, k := range p.kids[v] {
		switch p.rel(k) {
		case "ccomp", "csubj", "xcomp":
			return true
		case "acl", "advcl":
			for _, m := range p.kids[k] {
				if p.rel(m) == "mark" && (p.lower(m) == "to" || p.lower(m) == "that") {
					return true
				}
			}
		}
	}
	return false
}

var expletiveVerbs = wordSet(`be seem appear take matter remain happen`)

// deicticSubject reports a clause whose subject is "today" or
// "yesterday": an adverb of time the parser took for the subject ("Today,
// Tatiana … is a Policy Associate").
func (p *parse) deicticSubject(t tuple) bool {
	h := headOf(p, t.subj)
	if h < 0 || p.hasChild(h, "det") {
		return false
	}
	switch p.lower(h) {
	case "today", "tonight", "yesterday", "tomorrow":
		return true
	}
	return false
}

// listLead is the lead-in of a list: "The American Jobs Plan will:" gives
// the items after it their doer and modal.
type listLead struct {
	subject  mention
	modality string
}

// leadIn reads a sentence that opens a list ("The Plan will:", "The
// President is directing agencies to:"), or returns nil. The subject is
// the lead-in's last clause's, resolved as any subject is.
func (d *docState) leadIn(p *parse) *listLead {
	n := len(p.s.Words)
	if n < 3 || p.s.Words[n-1].Text != ":" {
		return nil
	}
	v := n - 2
	if p.lower(v) == "also" || p.lower(v) == "further" {
		v--
	}
	if v < 0 || p.pos(v) != "AUX" || p.xpos(v) != "MD" {
		return nil
	}
	s := p.child(v, "nsubj")
	if s < 0 {
		if h := p.head(v); h >= 0 {
			s = p.child(h, "nsubj")
		}
	}
	if s < 0 || s > v {
		return nil
	}
	m := d.resolve(p, p.phrase(s))
	if len(m.labels) == 0 || m.unresolved {
		return nil
	}
	return &listLead{subject: m, modality: p.lemma(v)}
}

// imperative reports a sentence that opens with a bare verb: a list item.
func (p *parse) imperative() bool {
	for i, w := range p.s.Words {
		if w.UPOS == "PUNCT" || w.UPOS == "SYM" {
			continue
		}
		return p.rel(i) == "root" && w.UPOS == "VERB" && w.XPOS == "VB"
	}
	return false
}

// unasserted reports a sentence that asserts nothing of anyone: an
// imperative ("Encourage small businesses to engage in …", an item of a
// fact sheet's list of aims), whose embedded acts are wished, not done;
// or a letter's salutation ("Dear Madam Speaker:").
func (p *parse) unasserted() bool {
	first := -1
	for i, w := range p.s.Words {
		if w.UPOS != "PUNCT" && w.UPOS != "SYM" {
			first = i
			break
		}
	}
	if first < 0 {
		return false
	}
	if p.lower(first) == "dear" {
		return true
	}
	w := p.s.Words[first]
	return p.rel(first) == "root" && w.UPOS == "VERB" && w.XPOS == "VB" &&
		!p.hasChild(first, "nsubj", "nsubj:pass", "expl", "aux", "mark")
}

// reporter is, for a pronoun subject of a reported clause ("X announced
// that it will …", "X said he would …"), the subject X of the verb that
// reports it, or -1. A pronoun there almost always stands for the speaker.
func (p *parse) reporter(h int) int {
	if !strings.HasPrefix(p.rel(h), "nsubj") {
		return -1
	}
	c := p.head(h)
	if c < 0 || p.rel(c) != "ccomp" {
		return -1
	}
	v := p.head(c)
	if v < 0 {
		return -1
	}
	s := p.child(v, "nsubj")
	if s < 0 || p.pos(s) == "PRON" {
		return -1
	}
	return s
}

// agrees reports whether pronoun k can stand for the entity label: "he"
// and "she" for a person, "it" for anything else, "they" for anyone.
func (d *docState) agrees(k, label string) bool {
	person := false
	if e, ok := d.ents[Key(label)]; ok {
		person = e.Type == schema.TypePerson
	}
	switch k {
	case "he", "she", "him", "her":
		return person
	case "it", "its":
		return !person
	case "they", "them", "their":
		return true
	}
	return false
}

// describes reports whether word h can head what something is said to be:
// a noun, a name, an adjective, a number or a pronoun. A verb, adverb or
// preposition there ("the purpose is provide", "the emergency is
// continue") is a clause the parser tore apart.
func (p *parse) describes(h int) bool {
	if h < 0 {
		return false
	}
	switch p.pos(h) {
	case "VERB", "AUX", "ADV", "ADP", "PART", "SCONJ", "CCONJ", "PUNCT", "SYM", "INTJ":
		return false
	}
	return true
}

// pluralBefore returns a plural noun before word h in its sentence that
// could be what a "they" or "them" at h stands for, or -1: not a word for
// the parties themselves ("the leaders … they"), nor a time, nor a name
// ("the United States and Japan announced they would").
func (p *parse) pluralBefore(h int) int {
	if v := p.head(h); v >= 0 && p.urel(h) == "nsubj" && p.rel(v) == "conj" {
		if g := p.head(v); g >= 0 && p.child(g, "nsubj", "nsubj:pass") >= 0 {
			// "Both sides condemned the threats and attacks, and they
			// reiterated …": the subject of a coordinated clause is
			// the first clause's.
			return -1
		}
	}
	for j := h - 1; j >= 0; j-- {
		if p.pos(j) != "NOUN" || p.xpos(j) != "NNS" && p.xpos(j) != "NNPS" || groupNouns[p.lower(j)] || p.isTimeWord(j) {
			continue
		}
		if r := p.urel(j); r == "compound" || r == "nummod" {
			continue
		}
		return j
	}
	return -1
}
