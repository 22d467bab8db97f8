package extract

import (
	"slices"
	"strings"
)

// Asserted acts. A sentence asserts its main clause, but not every clause
// inside it: "will enable farmers to rebuild their livelihoods" does not
// say farmers rebuild anything, "legislation to reduce gun violence" does
// not say anyone reduces it, and "discussions focused on improving tribal
// consultation" improves nothing. A fact read off such a clause, with the
// clause's own verb as its predicate, says what the sentence does not:
// judges mark it wrong. So a clause's fact stands only when every clause
// it hangs from lets it through, and otherwise it is either said as what
// the sentence does assert ("the DPRK is urged to cease …") or not at all.

// embedding returns, for the clause headed by v, the word that keeps it
// from being asserted (the control verb, noun or adjective it completes),
// or -1 when the sentence asserts it; sure says the clause is plainly not
// asserted (a noun's complement, what is to be ensured) rather than
// perhaps not (the complement of a verb that does not entail it, which
// annotators often read as done: "the UNC's role in enforcing the
// Armistice"). A governor already written into the fact's relation pred
// ("pledge to coordinate") asserts the act as pledged.
func (p *parse) embedding(v int, pred string) (gov int, sure bool) {
	inPred := func(g int) bool {
		for _, w := range strings.Fields(pred) {
			if w == p.lemma(g) || w == p.lower(g) {
				return true
			}
		}
		return false
	}
	for steps := 0; v >= 0 && steps < 20; steps++ {
		g := p.head(v)
		if g < 0 {
			return -1, false
		}
		if p.forSubject(v) >= 0 {
			// "his call for the Senate to pass the bill", "grants for
			// states to create or enhance teams": what is wanted or
			// paid for, not done.
			return g, true
		}
		r := p.rel(v)
		if (r == "advcl" || r == "conj") && p.purposeClause(v) {
			// "so that Americans can seize the opportunities": a purpose
			// says what the act is for, not that it happens. The parser
			// may join it as a conjunct with a "so" of its own. A bare
			// "so" without "that" or a modal is a result ("…, so we
			// acted"), which is asserted.
			return g, true
		}
		switch r {
		case "conj":
			// A conjunct is asserted as its first conjunct is.
		case "xcomp":
			if !inPred(g) && !implicative[p.lemma(g)] && p.pos(g) != "AUX" {
				return g, false
			}
		case "ccomp", "csubj":
			if nonFactive[p.lemma(g)] && !inPred(g) {
				return g, true // "ensure that every American has access"
			}
			if deontic[p.lemma(g)] && p.hasChild(g, "cop") {
				// "It is a top priority that these investments deliver
				// results", "it is time that we invest": what ought to
				// be, not what is.
				return g, true
			}
		case "acl:relcl":
			// "It is long past time that we require safe storage": the
			// parser reads the "that" clause of "it is time" as a
			// relative clause of "time"; it says what ought to be.
			if deontic[p.lemma(g)] && p.hasChild(g, "cop") {
				if s := p.child(g, "nsubj", "expl"); s >= 0 && p.lower(s) == "it" {
					return g, true
				}
			}
			return -1, false
		case "acl":
			// A noun's complement clause: "legislation to reduce",
			// "ways that we can protect". A participle modifying a noun
			// ("troops deployed to Russia") describes what is so.
			// An infinitive there is often the noun's purpose, which
			// annotators read as its act ("a memorandum to strengthen
			// …"): only perhaps unasserted.
			// Money to an end is the giver's purpose, said as a purpose
			// is ("provide $25M to strengthen the sector").
			if m := p.child(v, "mark"); m >= 0 && !inPred(g) && !(p.lower(m) == "to" && p.resource(g)) {
				return g, p.lower(m) != "to"
			}
		case "advcl":
			// "If Russia invades Ukraine, …" says no one invades
			// anything: a condition is supposed, not asserted.
			if m := p.child(v, "mark"); m >= 0 && conditionMarks[p.lower(m)] {
				return g, true
			}
			// "kids can thrive when parents affirm them": a "when"
			// under a modal is a condition; "was killed when …" is not.
			if a := p.child(v, "advmod"); a >= 0 && a < v && whenWords[p.lower(a)] && hypothetical[p.modalOf(g)] {
				return g, true
			}
			// A gerund after a preposition names a topic or an aim
			// ("focused on improving", "a plan for expanding"); "by
			// investing", "after meeting" say what was done.
			if m := p.child(v, "mark"); m >= 0 && p.xpos(v) == "VBG" && topicMarks[p.lower(m)] && !inPred(g) {
				return g, false
			}
			// An infinitive the parser hung on a control verb as an
			// adverbial is its complement: "urged the DPRK to cease".
			if p.infinitive(v) && objectControl[p.lemma(g)] && p.controller(g) >= 0 && !inPred(g) {
				return g, false
			}
		default:
			// Root, relative clauses, parataxis: asserted as they stand.
			return -1, false
		}
		v = g
	}
	return -1, false
}

// implicative verbs assert their complement: who continues to do, begins
// to do or manages to do it does it; and who welcomes, condemns or notes
// someone's doing it says that it is done.
var implicative = wordSet(`continue begin start manage succeed keep proceed resume remain stay
	go come get happen tend serve stop cease finish help work move act rush
	welcome applaud commend praise celebrate condemn deplore denounce note recognize acknowledge
	appreciate regret see hear witness highlight mark`)

// nonFactive verbs take a clause that is wished, planned or demanded, not
// said to be so.
var nonFactive = wordSet(`ensure ensures hope wish want propose demand insist recommend ask require
	intend plan seek aim urge request suggest expect prefer decide direct order encourage strive
	guarantee`)

// deontic predicates say a clause ought to hold: "it is important that …".
var deontic = wordSet(`priority important essential critical imperative necessary vital time crucial
	urgent key goal aim objective incumbent paramount best`)

// conditionMarks open a clause that is supposed, not said to hold.
var conditionMarks = wordSet(`if unless whether lest`)

// whenWords open a clause of time that under a modal is a condition.
var whenWords = wordSet(`when whenever once`)

// hypothetical modals say what may or can be, not what is.
var hypothetical = wordSet(`can could may might would should must`)

var topicMarks = wordSet(`on for about toward towards at of in to`)

// controlled reports whether the act of clause v is done by the object
// of the control verb g ("urged the DPRK to cease", "called on Russia to
// withdraw"), and returns the relation that asserts it: "be urged to",
// "be called on to".
func (p *parse) controlled(v, g int, subj span) (string, bool) {
	// "urged Russia to withdraw its troops and return the ships": a
	// later verb of the series is urged as the first is.
	for p.rel(v) == "conj" && p.head(v) >= 0 && p.head(v) != g {
		v = p.head(v)
	}
	if x := p.forSubject(v); x >= 0 {
		// "called for states to use the funds", "his call for the Senate
		// to pass": the one called for is called to act.
		if !objectControl[p.lemma(g)] || !slices.Contains(p.conjuncts(x), headOf(p, subj)) {
			return "", false
		}
		return "be " + participle(p, g) + " to", true
	}
	if p.rel(v) == "acl" && p.head(g) >= 0 && p.controller(p.head(g)) == g {
		// "called on the DPRK to abide by", the infinitive hung on
		// the noun.
		g = p.head(g)
	} else if p.rel(v) != "xcomp" && p.rel(v) != "advcl" {
		return "", false
	}
	if !p.controls(g, v) {
		return "", false
	}
	o := p.controller(g)
	if o < 0 || headOf(p, subj) != o {
		return "", false
	}
	rel := "be " + participle(p, g)
	if p.rel(o) == "obl" {
		if c := p.child(o, "case"); c >= 0 {
			rel += " " + p.lower(c)
		}
	}
	return rel + " to", true
}

// forSubject returns the subject of a "for X to do" clause headed by v,
// or -1. The parser reads "his call for the Senate to pass the bill" as a
// prepositional phrase and an infinitive of the word before, so the clause
// has no subject of its own and would take the caller's. The nominal of
// "for" that ends right before the "to" is the doer. Only a name, a
// pronoun or a plural can do the act: in "ask for help to reform their
// practices" the infinitive is the help's purpose, in "worked for years to
// end it" the time's.
func (p *parse) forSubject(v int) int {
	if v < 0 || !p.infinitive(v) || p.hasChild(v, "nsubj", "nsubj:pass", "expl") {
		return -1
	}
	t := p.child(v, "mark")
	for a := t - 1; a >= 0 && a < t; a = p.head(a) {
		sp := p.subtree(a, nil)
		if sp[len(sp)-1] != t-1 {
			return -1
		}
		if f := p.child(a, "case"); f >= 0 && p.lower(f) == "for" {
			if sp[0] != f || !p.agentLike(a) || p.dominates(v, a) {
				return -1
			}
			return a
		}
	}
	return -1
}

// agentLike says whether nominal i can be the doer of an act: a name, a
// pronoun or a plural ("states", "families"), not a mass noun or a time
// ("worked for years to eliminate the gap").
func (p *parse) agentLike(i int) bool {
	return (p.pos(i) == "PROPN" || p.pos(i) == "PRON" || p.xpos(i) == "NNS" || p.xpos(i) == "NNPS") && !p.isTimeWord(i)
}

// participle is the past participle of verb g: its own form when written
// so, or made from its lemma.
func participle(p *parse, g int) string {
	if x := p.xpos(g); x == "VBN" || x == "VBD" && !irregularPast[p.lemma(g)] {
		return p.lower(g)
	}
	l := p.lemma(g)
	if pp, ok := irregularParticiples[l]; ok {
		return pp
	}
	switch {
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case strings.HasSuffix(l, "y") && len(l) > 2 && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		return l[:len(l)-1] + "ied"
	}
	return l + "ed"
}

// The control verbs whose past participle is not made by rule.
var irregularParticiples = map[string]string{"bid": "bid", "forbid": "forbidden", "tell": "told",
	"get": "got", "lead": "led", "bring": "brought", "set": "set", "let": "let", "drive": "driven",
	"compel": "compelled", "permit": "permitted", "commit": "committed", "spur": "spurred",
	"equip": "equipped"}

var irregularPast = map[string]bool{"forbid": true}

// wish reports whether the clause of verb v, or the clause it is a
// conjunct of, is a wish: "May God bless our troops and protect them",
// "may" opening the sentence before its subject. A wish says nothing done.
func (p *parse) wish(v int) bool {
	for steps := 0; v >= 0 && steps < 20; steps++ {
		for _, k := range p.kids[v] {
			if p.rel(k) == "aux" && p.lower(k) == "may" && p.opens(k) {
				return true
			}
		}
		if p.rel(v) != "conj" {
			return false
		}
		v = p.head(v)
	}
	return false
}

// opens reports whether word k begins the sentence, punctuation aside.
func (p *parse) opens(k int) bool {
	for j := 0; j < k; j++ {
		if p.pos(j) != "PUNCT" {
			return false
		}
	}
	return true
}

// purposeClause reports whether the adverbial clause v says what its governor
// is for: "so that" or "so" with a modal ("so families can afford care"),
// "in order that".
func (p *parse) purposeClause(v int) bool {
	marks := map[string]bool{}
	for _, k := range p.kids[v] {
		if p.rel(k) == "mark" && k < v {
			marks[p.lower(k)] = true
		}
	}
	if marks["in"] && marks["that"] {
		return true
	}
	return marks["so"] && (marks["that"] || p.modalOf(v) != "")
}

// modalOf returns the modal auxiliary of clause head v ("can", "must"),
// or "".
func (p *parse) modalOf(v int) string {
	for _, k := range p.kids[v] {
		if p.rel(k) == "aux" && modals[p.lemma(k)] {
			return p.lemma(k)
		}
	}
	return ""
}

// modalOver returns the modal that governs the act of clause v: its own,
// or that of the clause it continues or completes ("must work together to
// learn the lessons and strengthen practices": the learning is what must
// be done, not what is).
func (p *parse) modalOver(v int) string {
	for steps := 0; v >= 0 && steps < 10; steps++ {
		if m := p.modalOf(v); m != "" {
			return m
		}
		switch p.rel(v) {
		case "conj", "xcomp":
		case "advcl":
			if !p.infinitive(v) {
				return ""
			}
		default:
			return ""
		}
		v = p.head(v)
	}
	return ""
}
