package extract

import (
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
}

type acronymDef struct {
	long     string // canonical label of the long form
	typ      string
	short    string
	sentence int
}

func newDocState(gaz *Gazetteer, text string, sents []nlp.Sentence) *docState {
	d := &docState{gaz: gaz, text: text, acronyms: map[string]acronymDef{}, ents: map[string]*schema.Entity{}}
	for i, s := range sents {
		d.findAcronyms(i+1, s)
	}
	d.findParties(sents)
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
func (d *docState) findParties(sents []nlp.Sentence) {
	seen := map[string]bool{}
	for i := 0; i < len(sents) && i < 3; i++ {
		s := sents[i]
		if i == 0 {
			s = withoutSiteName(d.text, s)
		}
		for _, m := range d.scanNames(s) {
			if m.Type != schema.TypeCountry && m.Type != schema.TypeOrganization {
				continue
			}
			if !seen[m.Canonical] {
				seen[m.Canonical] = true
				d.parties = append(d.parties, m.Canonical)
			}
		}
		if len(d.parties) >= 2 {
			break
		}
	}
	if len(d.parties) < 2 {
		d.parties = nil // one party is no joint statement: leave references unresolved
	}
}

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
func (d *docState) scanNames(s nlp.Sentence) []nameMatch {
	var out []nameMatch
	w := s.Words
	for i := 0; i < len(w); i++ {
		if strings.EqualFold(w[i].Text, "the") {
			continue // Key ignores a leading "the"; the name starts after it
		}
		for j := min(len(w), i+d.gaz.maxWords+2); j > i; j-- {
			text := d.text[w[i].Start:w[j-1].End]
			if e, ok := d.gaz.Lookup(text); ok {
				out = append(out, nameMatch{e, text})
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
var groupRefs = map[string]bool{
	"both sides": true, "two sides": true, "the two sides": true, "both countries": true, "two countries": true,
	"the two countries": true, "secretaries and ministers": true, "the secretaries and ministers": true,
	"leaders": true, "both leaders": true, "two leaders": true, "the two leaders": true, "ministers": true,
	"both governments": true, "two governments": true, "the two governments": true, "two nations": true,
	"both nations": true, "we": true, "us": true, "they": true, "them": true, "the two presidents": true,
	"two presidents": true, "both presidents": true, "the ministers": true, "the leaders": true,
	"the allies": true, "both allies": true, "two allies": true, "the two allies": true,
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
	return groupRefs[k] || groupRefs["the "+k] || pronouns[k]
}

// mention is an argument resolved to entities.
type mention struct {
	labels     []string // canonical labels; several for a group reference
	text       string   // as written
	unresolved bool
}

// resolve maps an argument span to canonical entities.
func (d *docState) resolve(p *parse, sp span) mention {
	m := mention{text: p.text(d.text, sp)}
	h := headOf(p, sp)
	if h < 0 {
		return m
	}
	core := p.core(h, sp)
	label := d.labelOf(p, core)
	k := Key(label)
	switch {
	case groupRefs[Key(m.text)] || groupRefs[k] || groupRefs["the "+k]:
		if d.parties == nil {
			m.labels, m.unresolved = []string{m.text}, true
			return m
		}
		for _, party := range d.parties {
			m.labels = append(m.labels, d.entity(party, p, h))
		}
		return m
	case pronouns[k] || p.pos(h) == "PRON" && len(core) == 1:
		m.labels, m.unresolved = []string{m.text}, true
		return m
	case label == "":
		return m
	}
	m.labels = []string{d.entity(label, p, h)}
	return m
}

// entity returns the canonical label for a name and records the entity.
func (d *docState) entity(label string, p *parse, h int) string {
	typ := ""
	canonical := label
	var alias *schema.Alias
	if e, ok := d.gaz.Lookup(label); ok {
		canonical, typ = e.Canonical, e.Type
		if Key(label) != Key(canonical) {
			alias = &schema.Alias{Name: label}
		}
	} else if a, ok := d.acronyms[Key(label)]; ok {
		canonical, typ = a.long, a.typ
		alias = &schema.Alias{Name: a.short, Sentence: a.sentence}
	} else {
		typ = guessType(p, h, label)
	}
	k := Key(canonical)
	e, ok := d.ents[k]
	if !ok {
		e = &schema.Entity{Label: canonical, Type: typ}
		d.ents[k] = e
		d.order = append(d.order, k)
	} else if e.Type == "" || e.Type == schema.TypeConcept && typ != "" {
		e.Type = typ
	}
	if alias != nil {
		addAlias(e, *alias)
	}
	return canonical
}

// guessType types an entity the gazetteer does not know from its head word.
func guessType(p *parse, h int, label string) string {
	last := strings.ToLower(label)
	if i := strings.LastIndexByte(last, ' '); i >= 0 {
		last = last[i+1:]
	}
	if p.pos(h) == "PROPN" || startsUpper(label) {
		switch last {
		case "treaty", "agreement", "declaration", "resolution", "resolutions", "guidelines", "charter", "accord", "accords", "convention", "act", "framework", "statement", "communiqué", "protocol":
			return schema.TypeAgreement
		case "council", "group", "department", "ministry", "agency", "organization", "alliance", "forces", "command",
			"commission", "committee", "government", "office", "administration", "bank", "fund", "union", "corporation", "inc", "company":
			return schema.TypeOrganization
		case "meeting", "summit", "dialogue", "conference", "exercise", "exercises", "war", "ministerial":
			return schema.TypeEvent
		case "peninsula", "sea", "strait", "region", "island", "islands", "ocean":
			return schema.TypeLocation
		case "program", "programme", "initiative", "missile", "missiles":
			return schema.TypeProgram
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
	if len(keep) > 0 && keep[0] == 0 && p.pos(keep[0]) != "PROPN" {
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
func (p *parse) core(h int, within span) span {
	in := map[int]bool{}
	for _, j := range within {
		in[j] = true
	}
	var out span
	var walk func(int)
	walk = func(j int) {
		out = append(out, j)
		for _, k := range p.kids[j] {
			if !in[k] {
				continue
			}
			switch p.rel(k) {
			case "conj", "cc":
				// "Foreign and Defense Ministerial": coordination inside a
				// modifier is part of the name; only the head's own
				// conjuncts are separate entities.
				if j != h {
					walk(k)
				}
			case "compound", "flat", "amod", "nummod", "fixed", "goeswith", "nmod:desc", "case":
				if p.rel(k) == "case" && p.head(k) == h {
					continue
				}
				walk(k)
			case "nmod:poss":
				if p.pos(k) != "PRON" {
					walk(k)
				}
			case "nmod":
				c := p.child(k, "case")
				if c >= 0 && (p.lower(c) == "of" || p.pos(k) == "PROPN" || p.pos(k) == "NOUN" && len(p.kids[k]) <= 2) {
					walk(k)
				}
			case "punct":
				if t := p.s.Words[k].Text; t == "-" || t == "(" || t == ")" {
					walk(k)
				}
			case "det":
				if p.lower(k) == "no" {
					walk(k)
				}
			}
		}
	}
	walk(h)
	sort.Ints(out)
	return p.trim(out)
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
	switch {
	case t.copula && p.pos(h) == "ADJ":
		parts = append(parts, "be", p.lower(h))
	case t.copula:
		parts = append(parts, "be")
	case t.passive && t.agent == nil:
		parts = append(parts, "be", p.lower(h))
	default:
		parts = append(parts, strings.ToLower(p.lemma(h)))
	}
	if prt := p.child(h, "compound:prt"); prt >= 0 && !t.copula {
		parts = append(parts, p.lower(prt))
	}
	for _, x := range t.xcomp {
		parts = append(parts, "to", strings.ToLower(p.lemma(x)))
		if prt := p.child(x, "compound:prt"); prt >= 0 {
			parts = append(parts, p.lower(prt))
		}
	}
	if t.objCase >= 0 {
		parts = append(parts, p.lower(t.objCase))
	}
	return strings.Join(parts, " ")
}

// facts turns the tuples of sentence n into facts.
func (d *docState) facts(n int, p *parse, ts []tuple) {
	seen := map[string]bool{}
	for _, t := range ts {
		if len(t.obj) == 0 {
			continue
		}
		oh := headOf(p, t.obj)
		if oh >= 0 && p.rel(oh) == "ccomp" {
			continue // an attributed clause is no entity; its own facts come from its clause
		}
		subj, obj := d.resolve(p, t.subj), d.resolve(p, t.obj)
		pred := p.predicate(t)
		if t.passive && t.agent != nil {
			// "X was released by Y": Y releases X.
			subj, obj = obj, subj
		}
		if len(subj.labels) == 0 || len(obj.labels) == 0 || pred == "" {
			continue
		}
		if obj.unresolved && !subj.unresolved {
			// An object we cannot name says nothing a reader can use.
			continue
		}
		conf := confidence(p, t)
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
		for _, s := range subj.labels {
			for _, o := range obj.labels {
				if Key(s) == Key(o) {
					continue
				}
				g := f
				g.Subject, g.Object = s, o
				key := s + "\x00" + pred + "\x00" + o
				if seen[key] {
					continue
				}
				seen[key] = true
				d.out = append(d.out, g)
			}
		}
	}
}

// entityList returns the entities in order of first mention.
func (d *docState) entityList() []schema.Entity {
	out := make([]schema.Entity, 0, len(d.order))
	for _, k := range d.order {
		out = append(out, *d.ents[k])
	}
	return out
}
