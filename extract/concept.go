package extract

import (
	"slices"
	"strings"
	"sync"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/schema"
)

// A concept is a generic thing a fact is about ("nuclear weapons", "supply
// chain resilience"), as opposed to a named entity. Every wording of one
// ("the continued implementation of commitments", "full implementation")
// would otherwise become a node of its own, and a corpus graph would hold
// one node per object phrase: nothing joins. So a concept node is keyed by
// its normalized head phrase: the head noun with the nearest word that
// classifies it, a noun compounded onto it or an adjective made from a
// noun ("nuclear", "economic"), where the statements repeat the pair
// (Options.Terms, data/terms.txt) and the head alone where they do not;
// without determiners, numbers, possessors,
// names, prepositional phrases or the adjectives that grade it ("strong",
// "continued"). An amount is keyed by its unit, a phrase headed by a verb
// or an adjective by that word. The fact keeps the wording in its
// subject or object text, which is what a table shows (schema.Shown).
//
// Measured on the statements corpus (kgraph extract --format json | go run
// ./bench/entities): one node per wording gave 262,165 entities, the head
// with its nearest classifier everywhere 109,163, and with the term list
// the figure in the README.

// conceptLabel returns the head-phrase label of the generic phrase headed
// by h whose full label is label, or "" when the phrase is a name: the
// gazetteer or the document knows it, or its head is capitalized.
func (d *docState) conceptLabel(p *parse, h int, label string) string {
	// A capital before a common head is a possessor or a modifier
	// ("Japan's strategy documents"), not a name: the head decides. A
	// capitalized head is part of a name ("Guidelines for Nuclear
	// Deterrence"), whatever its tag.
	if startsUpper(p.s.Words[h].Text) {
		return ""
	}
	if _, ok := d.gaz.Lookup(label); ok {
		return ""
	}
	if _, ok := d.acronyms[Key(label)]; ok {
		return ""
	}
	switch p.pos(h) {
	case "NOUN":
		if guessType(p, h, label) != schema.TypeConcept {
			return ""
		}
	case "NUM", "SYM":
		return amountKey(p, h)
	case "PROPN":
		return ""
	default:
		// An activity, a quality or a fragment, headed by a word that is
		// no noun ("promoting innovation", "unstable", "many more"): the
		// word is the concept.
		return p.lower(h)
	}
	// A name may hide in a generic phrase: the head with all its
	// compounds ("United Nations Security Council resolutions" in "consistent
	// with United Nations Security Council resolutions", "Indo-Pacific
	// region" in "the broader Indo-Pacific region") is one the gazetteer
	// knows. Then the name is the node.
	if name := p.compoundName(h); name != "" && name != label {
		if _, ok := d.gaz.Lookup(name); ok {
			return name
		}
	}
	// The head with the nearest word that classifies it: "nuclear
	// weapons", "energy investment" of "clean energy investment". More
	// premodifiers split a concept by wording again, and a proper noun
	// among them is a name the sentence mentions in its own right.
	keep := hyphenated(p, h)
	mod := -1
	for _, k := range p.kids[h] {
		if k > h || p.pos(k) == "PROPN" || isAcronym(p.s.Words[k].Text) || startsUpper(p.s.Words[k].Text) && k > 0 {
			continue
		}
		if r := p.rel(k); (r == "compound" || r == "amod" && classifying(p, k)) && k > mod {
			mod = k
		}
	}
	if mod >= 0 {
		// The classifier is a unit with what classifies it in turn:
		// "supply chain", "human rights".
		var unit func(j int)
		unit = func(j int) {
			keep = append(keep, hyphenated(p, j)...)
			for _, k := range p.kids[j] {
				if k < j && p.pos(k) != "PROPN" && !isAcronym(p.s.Words[k].Text) &&
					(p.rel(k) == "compound" || p.rel(k) == "amod" && classifying(p, k)) {
					unit(k)
				}
			}
		}
		unit(mod)
		// A run of nouns compounded onto the head one by one is a unit
		// too: "supply chain resilience".
		for j := mod - 1; j >= 0 && p.rel(mod) == "compound" && p.head(j) == h && p.rel(j) == "compound" &&
			p.pos(j) != "PROPN" && !isAcronym(p.s.Words[j].Text); j-- {
			unit(j)
		}
	}
	key := p.joined(keep, !d.proper(p.s.Words[0].Text))
	if strings.Contains(key, " ") && !d.allTerms && !d.terms[Key(key)] {
		// A classifier makes a term only where the statements use the
		// term (data/terms.txt): "supply chain resilience", "nuclear
		// weapons". Elsewhere it is one wording among many, and the
		// head alone joins them: "energy employers" is "employers".
		// Unless the head alone is, or may become, a name: "alliance"
		// is the Alliance of the document, and a word that makes a
		// name of its kind ("council", "treaty", "summit") keyed alone
		// would meet every Council.
		head := p.joined(hyphenated(p, h), !d.proper(p.s.Words[0].Text))
		if !d.names(head) && nameKind(strings.ToLower(surname(head))) == "" {
			key = head
		}
	}
	// A head phrase that is also a name would join the concept to the
	// named thing.
	if d.names(key) {
		return ""
	}
	return key
}

// names reports whether s is a name: the gazetteer, the document's
// acronyms or its entities know it as something other than a concept.
func (d *docState) names(s string) bool {
	if _, ok := d.gaz.Lookup(s); ok {
		return true
	}
	if _, ok := d.acronyms[Key(s)]; ok {
		return true
	}
	e, ok := d.ents[Key(s)]
	return ok && e.Type != "" && e.Type != schema.TypeConcept
}

// classifying reports whether the adjective k says what kind of thing its
// noun is ("nuclear weapons", "economic security") rather than how much or
// how good ("strong ties", "continued support"). Participles grade or
// date in most of their uses ("shared", "increased") and are dropped with
// the adjectives of degree, quality and time; a few participles name a
// kind of thing and stay.
func classifying(p *parse, k int) bool {
	if len(p.kids[k]) > 0 && p.child(k, "advmod") >= 0 {
		return false // "very strong": graded
	}
	l := p.lower(k)
	if termParticiples[l] || relationalAdjectives[l] {
		return true
	}
	if x := p.xpos(k); x == "VBN" || x == "VBG" || x == "JJR" || x == "JJS" || p.pos(k) == "VERB" {
		return false
	}
	if gradingAdjectives[l] {
		return false
	}
	// What classifies is in the main a relational adjective, one made from
	// a noun ("nuclear" of nucleus, "economic" of economy, "Korean"):
	// it cannot be graded ("very nuclear") and says which kind. Adjectives
	// of quality ("sustainable", "clean", "selective") only describe, and
	// keying a concept on them would split it by wording again.
	if startsUpper(p.s.Words[k].Text) {
		return true
	}
	for _, suf := range relationalSuffixes {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// relationalSuffixes end the adjectives made from nouns: national,
// economic, military, regulatory, nuclear, humanitarian.
var relationalSuffixes = []string{"al", "ic", "ary", "ory", "ar", "ian"}

// relationalAdjectives classify without a relational suffix.
var relationalAdjectives = map[string]bool{"human": true, "civil": true, "foreign": true, "domestic": true,
	"private": true, "maritime": true, "cyber": true, "urban": true, "rural": true, "marine": true,
	"clean": true, "green": true, "nuclear-capable": true, "offshore": true, "chemical": true}

// amountKey keys a number or an amount ("$12.5 million", "60% of funds")
// by its unit: an amount is a value of a fact, never a thing of its own.
func amountKey(p *parse, h int) string {
	for _, j := range append([]int{h}, p.kids[h]...) {
		switch strings.ToLower(p.s.Words[j].Text) {
		case "$", "us$", "dollars", "dollar":
			return "dollars"
		case "%", "percent", "per cent":
			return "percent"
		case "€", "euros":
			return "euros"
		}
	}
	return "number"
}

var termParticiples = map[string]bool{"extended": true, "enriched": true, "guided": true, "armed": true,
	"organized": true, "renewable": true, "unmanned": true, "advanced": true, "emerging": true}

// gradingAdjectives grade, praise, count or date a noun rather than say
// what it is.
var gradingAdjectives = wordSet(`new strong stronger significant other many more most great important
	critical key major robust historic historical full further additional close deep broad wide large small
	high low good best better greater long short early late first last next previous recent current
	ongoing latest own various several numerous diverse unprecedented ironclad unwavering steadfast firm
	enduring lasting meaningful concrete tangible practical effective efficient comprehensive specific
	particular certain serious grave profound sincere warm heartfelt swift overwhelming decisive real
	true whole entire total vast huge massive tremendous incredible remarkable extraordinary vital
	essential crucial fundamental urgent immediate positive constructive productive fruitful successful
	ambitious bold clear same similar different such few little much big considerable substantial
	ample sufficient adequate appropriate necessary possible potential likely future past present
	continued increased enhanced expanded improved renewed strengthened deepened growing rising
	increasing evolving changing emerging new-found newfound initial final primary main principal
	special unique rare common usual normal regular frequent constant steady continuous consistent
	proud grateful pleased happy glad sad tragic terrible horrific devastating heinous brutal senseless
	excellent outstanding exceptional wonderful beautiful incredible fantastic amazing tremendous
	dear beloved honorable distinguished esteemed respected renowned famous well-known notable
	active strong-willed innovative creative dynamic vibrant robust resilient reliable trusted
	fair transparent inclusive equitable stable prosperous peaceful
	healthy rich poor hard difficult easy simple complex complicated serious severe acute extreme
	modest humble generous kind gracious warm friendly cordial candid frank productive substantive
	timely rapid quick fast slow gradual sudden recent annual monthly weekly daily yearly quarterly
	multi-year multiyear long-term short-term near-term medium-term long-standing longstanding
	high-level senior junior top leading prominent foremost premier ultimate utmost maximum minimum
	sound solid firm deep-rooted unshakable unbreakable steadfast stalwart staunch vigorous intense
	extensive intensive thorough detailed in-depth wide-ranging far-reaching sweeping landmark
	groundbreaking transformational transformative pivotal decisive`)

// hyphenated is word j with the words hyphenated to it: "long-range",
// "self-determination".
func hyphenated(p *parse, j int) []int {
	out := []int{j}
	for _, k := range p.kids[j] {
		if d := k - j; (d == 2 || d == -2) && p.s.Words[(k+j)/2].Text == "-" {
			out = append(out, (k+j)/2)
			out = append(out, hyphenated(p, k)...)
		}
	}
	return out
}

// compoundName is the head h with the compounds before it, as written.
func (p *parse) compoundName(h int) string {
	var keep []int
	var walk func(j int)
	walk = func(j int) {
		keep = append(keep, hyphenated(p, j)...)
		for _, k := range p.kids[j] {
			if k < j && (p.rel(k) == "compound" || p.rel(k) == "flat") {
				walk(k)
			}
		}
	}
	walk(h)
	return p.joined(keep, false)
}

// joined renders words as one phrase, a hyphen joining its neighbours
// ("long-range missiles"); lower lowers a sentence-initial capital, which
// is no part of a name.
func (p *parse) joined(words []int, lower bool) string {
	words = slices.Compact(slices.Sorted(slices.Values(words)))
	var b strings.Builder
	for i, j := range words {
		t := p.s.Words[j].Text
		if lower && j == 0 && p.pos(j) != "PROPN" && !isAcronym(t) {
			t = strings.ToLower(t)
		}
		if i > 0 && t != "-" && p.s.Words[words[i-1]].Text != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// DefaultTerms returns the embedded term list (data/terms.txt): concept
// keys of several words that recur across the statements corpus.
var DefaultTerms = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(string(data.Terms), "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			m[Key(l)] = true
		}
	}
	return m
})
