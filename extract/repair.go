package extract

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/nlp/lemma"
	"github.com/kgraph/kgraph/schema"
)

// Parse repair: the first stage of reading a sentence. The parser makes
// errors of a few recurring shapes, and each repair* function mends one
// shape in place before clauses are read off the tree (clause.go). Each is
// tested on a hand-built tree in repair_test.go; repair runs them in order
// and undoes any that leaves a cycle.

// repair mends parse errors that follow a pattern the grammar rules out,
// before any clause is read. Each repair rewrites heads or tags and the
// children lists are rebuilt after it, so the next one sees its result.
func (p *parse) repair() {
	var saved []nlp.Word
	for _, r := range []func() bool{
		p.repairOpener, p.repairCasedObject, p.repairBareComplement, p.repairGerundSubject, p.repairFusedParticiple, p.repairPastAdjective, p.repairNominalConj, p.repairAdjectiveSeries,
		p.repairPastConj, p.repairLightObl, p.repairNounInfinitive, p.repairObjectPurpose,
		p.repairReportedConj, p.repairSubjectAgreement, p.repairAsWellAs, p.repairNounGerund,
		p.repairGerundAdjective, p.repairAdjectiveVerb, p.repairNameConjunction,
		p.repairGerundSeries, p.repairListedVerb, p.repairInfinitiveSeries, p.repairHyphenSplit, p.repairPunctHead,
		p.repairSpeakerObject, p.repairSpeakerTitle, p.repairNounRoot,
		p.repairReportingRoot, p.repairClausalNoun, p.repairAdjectivalIng, p.repairSingledOut,
		p.repairControlledGerund, p.repairSplitSubject, p.repairStrayConjunct, p.repairConjLevel,
		p.repairRootVerb, p.repairOpenerSubject, p.repairReportedClause,
		p.repairParticipleModifier, p.repairOfConjunct, p.repairSemicolonSeries,
		p.repairNomination, p.repairNameCoordination, p.repairNameContinues, p.repairTitleName, p.repairTitleRun,
		p.repairWhoRelative, p.repairTrailingParticiple, p.repairNameParticiple, p.repairReducedRelative,
		p.repairListApposition, p.repairDescribedName, p.repairGerundRoot, p.repairGerundItem, p.repairCaseConjunct, p.repairTimeObject, p.repairPostComplement, p.repairTitleObl, p.repairRootParticiple, p.repairParticipleSeries, p.repairTitleLine,
	} {
		saved = append(saved[:0], p.s.Words...)
		if !r() {
			continue
		}
		if p.cyclic() {
			// Repairs each assume a tree; one that met a parse its
			// pattern did not foresee and left a cycle is undone.
			copy(p.s.Words, saved)
		}
		p.index()
	}
}

// cyclic reports whether following heads from some word never reaches the
// root.
func (p *parse) cyclic() bool {
	n := len(p.s.Words)
	for i := range p.s.Words {
		j := i
		for steps := 0; j >= 0; steps++ {
			if steps > n {
				return true
			}
			j = p.head(j)
		}
	}
	return false
}

// finitePast says whether i is a past-tense verb standing alone: no
// auxiliary, no copula, tagged VBD.
func (p *parse) finitePast(i int) bool {
	return p.pos(i) == "VERB" && p.xpos(i) == "VBD" && !p.hasChild(i, "aux", "aux:pass", "cop")
}

// repairOpener mends a sentence-initial participle phrase taken for a
// second subject: in "Building on this progress, the Ministers pledged …"
// the clause has two subjects, the first set off by a comma. A clause has
// one subject: the first phrase is an adverbial clause. The parser may
// also hang the real subject on the "-ing" word as its apposition; a
// nominal set off by a comma right before the verb group is the subject
// all the same.
func (p *parse) repairOpener() bool {
	changed := false
	for h := range p.s.Words {
		var subj []int
		for _, k := range p.kids[h] {
			if p.rel(k) == "nsubj" || p.rel(k) == "csubj" {
				subj = append(subj, k)
			}
		}
		if len(subj) == 1 && subj[0] < h {
			if a := p.openerAppos(subj[0], h); a >= 0 {
				p.attach(a, h, "nsubj")
				p.index()
				subj = append(subj, a)
				changed = true
			}
		}
		if len(subj) != 2 {
			continue
		}
		s1, s2 := subj[0], subj[1]
		sp := p.subtree(s1, nil)
		comma := sp[len(sp)-1] + 1
		if p.s.Words[comma-1].Text == "," {
			comma--
		}
		if sp[0] != 0 || comma >= s2 || p.s.Words[comma].Text != "," || !strings.HasSuffix(p.lower(s1), "ing") {
			continue
		}
		p.attach(s1, h, "advcl")
		p.attach(comma, s1, "punct")
		p.verbalGerund(s1)
		changed = true
	}
	return changed
}

// openerAppos is the apposition of the sentence-initial "-ing" subject s
// of verb h that stands right before h's verb group, set off by a comma:
// "Building on this progress, the Ministers pledged …" parsed with "the
// Ministers" as an apposition of "Building". It returns -1 when there is
// none. An "-ing" noun with a "the" or a possessor is a plain noun
// ("The building, a tower, stands …") and keeps its apposition.
func (p *parse) openerAppos(s, h int) int {
	if !strings.HasSuffix(p.lower(s), "ing") || p.hasChild(s, "det", "nmod:poss") {
		return -1
	}
	if sp := p.subtree(s, nil); sp[0] != 0 {
		return -1
	}
	for _, a := range p.kids[s] {
		if p.rel(a) != "appos" || a < s || !p.nominal(a) && p.pos(a) != "PRON" {
			continue
		}
		sp := p.subtree(a, nil)
		first := sp[0]
		if p.s.Words[first].Text == "," && len(sp) > 1 {
			first = sp[1]
		}
		if first == 0 || p.s.Words[first-1].Text != "," {
			continue
		}
		ok := true
		for j := sp[len(sp)-1] + 1; j < h; j++ {
			if p.head(j) != h || p.urel(j) != "aux" && p.urel(j) != "advmod" {
				ok = false
			}
		}
		if ok {
			return a
		}
	}
	return -1
}

// dominates says whether a is b or one of b's heads.
func (p *parse) dominates(a, b int) bool {
	for d := 0; b >= 0 && d <= len(p.s.Words); b, d = p.head(b), d+1 {
		if b == a {
			return true
		}
	}
	return false
}

// repairFusedParticiple mends a hyphenated participle compound the parser
// read as a verb: "ASEAN-led mechanisms" is a noun modified by "ASEAN-led",
// not "led mechanisms". The words are written together, so the noun after
// them takes the place of the first part. The parser may also read the
// participle right, as a modifier of the noun, but leave the first part
// as the argument ("commitment to ASEAN" and "-led mechanisms" hung on
// the verb): the first part of such a compound is no phrase of its own,
// so the noun takes its place just the same.
func (p *parse) repairFusedParticiple() bool {
	changed := false
	for k := 2; k+1 < len(p.s.Words); k++ {
		x, hy, n := k-2, k-1, k+1
		w := p.s.Words
		if w[hy].Text != "-" || w[x].End != w[hy].Start || w[hy].End != w[k].Start ||
			p.xpos(k) != "VBN" && p.xpos(k) != "VBD" ||
			!p.nominal(n) || p.head(x) == k || p.head(x) < 0 {
			continue
		}
		switch {
		case p.head(n) == k && p.rel(n) == "obj":
		case p.head(k) == n && p.urel(k) == "amod" && !p.dominates(n, x) && !p.dominates(x, n) &&
			p.nominal(x) && p.hasChild(x, "case"):
			// The participle already modifies the noun: the noun moves
			// up to where the first part hung, with its preposition.
			p.attach(n, p.head(x), p.rel(x))
			for _, c := range p.kids[x] {
				if c != hy && c != n {
					p.attach(c, n, p.rel(c))
				}
			}
			p.attach(x, k, "compound")
			p.attach(hy, k, "punct")
			p.s.Words[k].UPOS = "ADJ"
			changed = true
			continue
		default:
			continue
		}
		p.attach(n, p.head(x), p.rel(x))
		for _, c := range p.kids[x] {
			if c < x {
				p.attach(c, n, p.rel(c))
			}
		}
		for _, c := range p.kids[k] {
			switch {
			case c <= n:
			case p.rel(c) == "obl" || p.rel(c) == "nmod":
				p.attach(c, n, "nmod")
			case p.head(k) >= 0:
				// A clause or a comma after the noun belongs where the
				// participle hung.
				p.attach(c, p.head(k), p.rel(c))
			}
		}
		p.attach(k, n, "amod")
		p.attach(x, k, "compound")
		p.attach(hy, k, "punct")
		p.s.Words[k].UPOS = "ADJ"
		changed = true
	}
	return changed
}

// repairPastAdjective mends a past verb tagged as an adjective ("Both
// sides committed to …", "… and committed to ensure …"): an "-ed"
// adjective with no copula that heads the sentence or is coordinated with
// a verb is the verb. An infinitive right after it is its complement.
func (p *parse) repairPastAdjective() bool {
	changed := false
	for i := range p.s.Words {
		if p.pos(i) != "ADJ" || !strings.HasSuffix(p.lower(i), "ed") || p.hasChild(i, "cop", "aux", "aux:pass") {
			continue
		}
		switch {
		case p.rel(i) == "root" && p.hasChild(i, "nsubj"):
		case p.rel(i) == "conj" && p.head(i) >= 0 && p.pos(p.head(i)) == "VERB" && !p.hasChild(i, "nsubj"):
		case p.rel(i) == "conj" && p.head(i) >= 0 && p.pos(p.head(i)) == "NOUN" && !p.hasChild(i, "nsubj") &&
			p.hasChild(i, "obl", "xcomp", "advcl", "obj"):
			// An adjective coordinated with a noun and taking a verb's
			// complements: "… with advancements, and committed to …".
		case p.rel(i) == "amod" && p.head(i) >= 0 && p.head(i) < i && p.rel(p.head(i)) == "root" && p.nominal(p.head(i)) &&
			p.hasChild(i, "obl", "xcomp", "obj", "ccomp"):
			// An adjective after the noun that roots a verbless
			// sentence, taking a verb's complements: "The three
			// governments further committed to enhance …". The noun is
			// its subject.
			h := p.head(i)
			p.attach(i, -1, "root")
			p.attach(h, i, "nsubj")
			for _, k := range p.kids[h] {
				if k > i && p.rel(k) == "punct" {
					p.attach(k, i, "punct")
				}
			}
		default:
			continue
		}
		p.s.Words[i].UPOS, p.s.Words[i].XPOS = "VERB", "VBD"
		p.relemma(i)
		for _, k := range p.kids[i] {
			if p.rel(k) == "advcl" && k == i+2 && p.lower(i+1) == "to" && p.head(i+1) == k {
				p.s.Words[k].Deprel = "xcomp"
			}
		}
		changed = true
	}
	return changed
}

// repairNominalConj mends a noun coordinated with a verb: in "reaffirmed
// the vision, values, and commitment" the nouns after the object are
// coordinated with the object, not with the verb.
func (p *parse) repairNominalConj() bool {
	changed := false
	for k := range p.s.Words {
		h := p.head(k)
		if p.rel(k) != "conj" || h < 0 || p.pos(h) != "VERB" || !p.nominal(k) ||
			p.hasChild(k, "cop", "nsubj", "nsubj:pass", "aux", "aux:pass", "obj", "mark") {
			continue
		}
		if m := p.listBefore(k); m >= 0 && p.dominates(h, m) {
			// "reaffirmed their commitment to mechanisms such as the
			// Summit, the Forum, and the Meeting, emphasizing …": the
			// last item joins the list that ends before its "and",
			// and a clause the parser hung on that item goes back to
			// the verb.
			p.attach(k, m, "conj")
			for _, v := range p.kids[k] {
				if v > k && p.rel(v) == "conj" && p.pos(v) == "VERB" {
					p.attach(v, h, "conj")
				}
			}
			changed = true
			continue
		}
		if o := p.child(h, "obj"); o >= 0 && o < k {
			p.attach(k, o, "conj")
			changed = true
		}
	}
	return changed
}

// listBefore finds, for a noun k opened by "and" or "or", the first item of
// the list of nouns that ends right before the coordinator (and its comma),
// or -1 if no list of two or more ends there.
func (p *parse) listBefore(k int) int {
	c := p.child(k, "cc")
	if c < 1 || c > k || p.pos(c) != "CCONJ" {
		return -1
	}
	for j := c + 1; j < k; j++ {
		if !p.dominates(k, j) {
			return -1
		}
	}
	end := c - 1
	comma := p.s.Words[end].Text == ","
	if comma {
		end--
	}
	for a, d := end, 0; a >= 0 && d < 8; a, d = p.head(a), d+1 {
		if !p.nominal(a) || p.dominates(k, a) {
			return -1
		}
		sp := p.subtree(a, nil)
		if sp[len(sp)-1] != end {
			return -1
		}
		// A comma before "and" ends a list written with commas: "the
		// Summit, the Forum, and the Meeting", not "navigation and
		// overflight and other uses of the sea, and peaceful resolution".
		if p.rel(a) == "conj" && (!comma || p.s.Words[sp[0]].Text == ",") {
			for p.rel(a) == "conj" && p.head(a) >= 0 {
				a = p.head(a)
			}
			return a
		}
	}
	return -1
}

// repairPastConj mends a past-tense verb coordinated with a clause it
// cannot share a subject with: in "affirmed that our resolve is our
// deterrent and pledged to …" or "concern over drills that escalate
// tension and concurred that …" the bare past verb cannot continue a
// present-tense or auxiliary verb group, so it is coordinated with the
// nearest past-tense verb above.
func (p *parse) repairPastConj() bool {
	changed := false
	for k := range p.s.Words {
		h := p.head(k)
		if p.rel(k) != "conj" || h < 0 || !p.finitePast(k) || p.hasChild(k, "nsubj", "nsubj:pass", "expl") || p.finitePast(h) {
			continue
		}
		for g, n := p.head(h), 0; g >= 0 && n < 8; g, n = p.head(g), n+1 {
			if p.finitePast(g) && g < k {
				p.attach(k, g, "conj")
				changed = true
				break
			}
		}
	}
	return changed
}

// repairLightObl mends the phrase completing the noun of an attitude verb
// that the parser hung on the verb: "expressed their strong opposition to
// any attempts" relates "opposition" to the attempts.
func (p *parse) repairLightObl() bool {
	changed := false
	for h := range p.s.Words {
		switch p.lemma(h) {
		case "express", "voice":
		default:
			continue
		}
		o := p.child(h, "obj")
		if o < 0 || p.pos(o) != "NOUN" || p.hasChild(o, "conj") {
			continue
		}
		if n, _ := p.lightNoun(o); n >= 0 {
			continue
		}
		sp := p.subtree(o, nil)
		for _, k := range p.kids[h] {
			if p.rel(k) != "obl" || k < o {
				continue
			}
			if c := p.child(k, "case"); c == sp[len(sp)-1]+1 && p.lower(c) != "of" && p.lower(c) != "as" {
				p.attach(k, o, "nmod")
				changed = true
			}
		}
	}
	return changed
}

func (p *parse) repairNounInfinitive() bool {
	changed := false
	for k := 2; k < len(p.s.Words); k++ {
		n, h := k-2, p.head(k)
		if p.rel(k) != "advcl" && p.rel(k) != "xcomp" || p.lower(k-1) != "to" || p.head(k-1) != k ||
			p.pos(n) != "NOUN" || !infinitiveNouns[p.lemma(n)] || h < 0 || h == n {
			continue
		}
		// n must be inside an argument of h.
		inside := false
		for a, d := n, 0; a >= 0 && d < 6; a, d = p.head(a), d+1 {
			if p.head(a) == h {
				inside = true
				break
			}
		}
		if inside {
			p.attach(k, n, "acl")
			changed = true
		}
	}
	return changed
}

// repairObjectPurpose mends the converse of repairNounInfinitive: an
// infinitive with an object of its own right after a verb's object noun
// that names an activity or an attitude of the subject ("deepen
// cooperation to promote peace", "ordered assistance to supplement
// efforts") is the purpose of the verb, not a relative on the noun: the
// cooperation does not promote, the parties do by cooperating. Nouns of
// things and means keep their infinitive ("solutions to ease congestion",
// "ways to strengthen"), as does a noun that takes an infinitive as its
// complement or is marked as one of a kind ("the first support to …").
func (p *parse) repairObjectPurpose() bool {
	changed := false
	for k := 2; k < len(p.s.Words); k++ {
		o := p.head(k)
		if p.rel(k) != "acl" || p.pos(k) != "VERB" || p.lower(k-1) != "to" || p.head(k-1) != k || o < 0 ||
			p.rel(o) != "obj" || !p.foldable(o) || infinitiveNouns[p.lemma(o)] ||
			!p.hasChild(k, "obj") || p.hasChild(k, "nsubj", "nsubj:pass") {
			continue
		}
		if sp := p.subtree(o, func(c int) bool { return c == k }); sp[len(sp)-1] != k-2 {
			continue
		}
		marked := false
		for _, c := range p.kids[o] {
			if p.rel(c) == "amod" && (p.xpos(c) == "JJS" || ordinalWords[p.lower(c)]) {
				marked = true
			}
		}
		if marked {
			continue
		}
		p.attach(k, p.head(o), "advcl")
		changed = true
	}
	return changed
}

// ordinalWords single out one of a kind, like a superlative.
var ordinalWords = map[string]bool{"first": true, "last": true, "next": true, "only": true, "second": true,
	"third": true, "sole": true, "final": true}

// repairReportedConj mends the converse of repairPastConj: in "reiterated
// that any attack is unacceptable and will result in …" a verb with a
// modal or in the present tense cannot share the subject of the past
// reporting verb, so it is coordinated with the reported clause before it.
func (p *parse) repairReportedConj() bool {
	changed := false
	for k := range p.s.Words {
		h := p.head(k)
		if p.rel(k) != "conj" || h < 0 || !p.finitePast(h) || p.hasChild(k, "nsubj", "nsubj:pass", "expl") {
			continue
		}
		a := p.child(k, "aux")
		if !(a >= 0 && modals[p.lemma(a)] || p.xpos(k) == "VBZ" || p.xpos(k) == "VBP") {
			continue
		}
		if c := p.child(h, "ccomp"); c >= 0 && c < k && p.hasChild(c, "nsubj", "nsubj:pass") {
			p.attach(k, c, "conj")
			changed = true
		}
	}
	return changed
}

// singularVerb says whether the finite verb of clause h is singular: its
// first auxiliary or copula, or h itself without one, is "is", "was",
// "has", "does" or another third-person "-s" form.
func (p *parse) singularVerb(h int) bool {
	v := h
	for _, k := range p.kids[h] {
		if (p.urel(k) == "aux" || p.rel(k) == "cop") && k < h {
			v = k
			break
		}
	}
	return p.xpos(v) == "VBZ" || p.lower(v) == "was"
}

// repairSubjectAgreement mends a coordination the parser took for a
// coordinated subject though the verb rules it out: in "any attack by
// the DPRK against the United States or its allies is unacceptable" a
// subject "attack … or its allies" would take "are", as "X or Y" agrees
// with Y and "X and Y" is plural. With a singular verb the second
// conjunct is coordinated with the nearest noun inside the subject's
// phrase instead, when there is one.
func (p *parse) repairSubjectAgreement() bool {
	changed := false
	for s := range p.s.Words {
		h := p.head(s)
		if p.rel(s) != "nsubj" && p.rel(s) != "nsubj:pass" || h < 0 || h < s || !p.singularVerb(h) {
			continue
		}
		for _, c := range p.kids[s] {
			if p.rel(c) != "conj" || c > h || !p.nominal(c) {
				continue
			}
			cc := p.child(c, "cc")
			if cc < 0 {
				continue
			}
			if d1, d2 := p.child(s, "det"), p.child(c, "det"); d1 >= 0 && d2 >= 0 && p.lemma(d1) == p.lemma(d2) {
				// "the passage of the act and the assurance …": the same
				// determiner on both makes them the conjuncts.
				continue
			}
			switch p.lower(cc) {
			case "and":
			case "or", "nor":
				if x := p.xpos(c); x != "NNS" && x != "NNPS" {
					continue
				}
			default:
				continue
			}
			// The nearest noun before the conjunction that hangs, through
			// prepositional phrases, on the subject.
			g := -1
			for j := cc - 1; j > s && g < 0; j-- {
				if !p.nominal(j) || p.rel(j) != "nmod" {
					continue
				}
				for a, d := j, 0; a >= 0 && d < 6; a, d = p.head(a), d+1 {
					if a == s {
						g = j
						break
					}
					if p.rel(a) != "nmod" && a != j {
						break
					}
				}
				if g < 0 {
					break
				}
			}
			if g >= 0 {
				p.attach(c, g, "conj")
				changed = true
			}
		}
	}
	return changed
}

// repairAsWellAs mends "reaffirmed X to Y as Z, as well as W": "as well
// as" joins W to the object X, though the parser hung it on a phrase in
// between, and the phrases between belong to X, the first conjunct.
func (p *parse) repairAsWellAs() bool {
	changed := false
	for k := range p.s.Words {
		cc := p.child(k, "cc")
		if p.rel(k) != "conj" || cc < 0 || p.lower(cc) != "as" || cc+2 >= k || p.lower(cc+1) != "well" || p.lower(cc+2) != "as" {
			continue
		}
		if !p.nominal(k) {
			continue
		}
		v := p.head(k)
		for n := 0; v >= 0 && p.pos(v) != "VERB" && n < 6; n++ {
			v = p.head(v)
		}
		if v < 0 || p.pos(v) != "VERB" {
			continue
		}
		o := p.child(v, "obj")
		if o < 0 || o > k || p.head(k) == o {
			continue
		}
		for _, c := range p.kids[v] {
			if p.urel(c) == "obl" && c > o && c < k {
				p.attach(c, o, "nmod")
			}
		}
		p.attach(k, o, "conj")
		changed = true
	}
	return changed
}

// relemma lemmatizes word i again after a repair changed its tag, so that
// facts get the verb's lemma ("committed" → "commit").
func (p *parse) relemma(i int) {
	if l, err := lemma.Default(); err == nil {
		w := &p.s.Words[i]
		w.Lemma = l.Lemma(w.Text, w.UPOS, w.XPOS)
	}
}

// gerundNouns take "in" or "to" and a gerund as their complement ("the
// importance of these platforms in promoting peace", "a role in
// maintaining peace", "their commitment to working closely").
var gerundNouns = map[string]bool{"role": true, "importance": true, "interest": true, "progress": true,
	"success": true, "experience": true, "cooperation": true, "partnership": true, "effort": true,
	"leadership": true, "difficulty": true, "contribution": true, "value": true, "significance": true,
	"commitment": true, "dedication": true, "approach": true}

// repairNounGerund mends an "in"- or "to"-gerund that completes the object noun
// but that the parser hung on the verb: right after the object phrase of
// such a noun it belongs to the noun.
func (p *parse) repairNounGerund() bool {
	changed := false
	for k := 1; k < len(p.s.Words); k++ {
		v := p.head(k)
		if p.rel(k) != "advcl" || p.xpos(k) != "VBG" || p.lower(k-1) != "in" && p.lower(k-1) != "to" || p.head(k-1) != k || v < 0 {
			continue
		}
		o := p.child(v, "obj")
		if o < 0 || o > k || !gerundNouns[p.lemma(o)] {
			continue
		}
		if sp := p.subtree(o, nil); sp[len(sp)-1] == k-2 {
			p.attach(k, o, "acl")
			changed = true
		}
	}
	return changed
}

// catenative verbs take a gerund as their object ("avoid paying taxes",
// "continue expanding measures").
var catenative = map[string]bool{"avoid": true, "consider": true, "enjoy": true, "suggest": true,
	"recommend": true, "risk": true, "mind": true, "admit": true, "deny": true, "discuss": true,
	"practice": true, "miss": true, "imagine": true, "involve": true, "mention": true, "postpone": true,
	"delay": true, "prevent": true, "include": true, "support": true, "oppose": true, "stop": true}

// repairGerundAdjective mends an "-ing" adjective read as a gerund: in
// "to address pressing global issues" a verb that takes no gerund is
// followed by an adjective and its noun, "pressing issues" being what it
// addresses.
func (p *parse) repairGerundAdjective() bool {
	changed := false
	for x := 1; x+1 < len(p.s.Words); x++ {
		v := p.head(x)
		if p.rel(x) != "xcomp" || p.xpos(x) != "VBG" || v != x-1 || p.pos(v) != "VERB" ||
			aspectual[p.lemma(v)] || catenative[p.lemma(v)] || p.hasChild(v, "obj") || len(p.kids[x]) != 1 {
			continue
		}
		o := p.child(x, "obj")
		if o < 0 || p.pos(o) != "NOUN" {
			continue
		}
		// Only modifiers of the noun stand between: no determiner, which
		// would make "pressing" a verb ("pressing the issue").
		ok := true
		for j := x + 1; j < o; j++ {
			if p.head(j) != o || p.rel(j) != "amod" && p.rel(j) != "compound" {
				ok = false
			}
		}
		if !ok {
			continue
		}
		p.attach(o, v, "obj")
		p.attach(x, o, "amod")
		p.s.Words[x].UPOS, p.s.Words[x].XPOS = "ADJ", "JJ"
		changed = true
	}
	return changed
}

// quantifiers are the adjectives that count or single out, a closed
// class that never stands for a verb.
var quantifiers = map[string]bool{"other": true, "such": true, "many": true, "few": true, "several": true,
	"same": true, "own": true, "certain": true, "various": true, "numerous": true, "additional": true,
	"further": true, "more": true, "most": true, "less": true, "least": true, "only": true, "entire": true,
	"whole": true, "next": true, "last": true, "first": true, "much": true, "little": true, "enough": true}

// repairAdjectiveVerb mends a verb the tagger took for an adjective, which
// leaves two noun phrases side by side with no preposition: "the drills
// escalate tension" parsed as "the drills [escalate tension]", and "drills
// that escalate tension" as "drills [that escalate tension]", with
// "tension" a modifier of "drills". A noun modifies another through a
// preposition (or a possessive, or as a bare time phrase, which the parser
// labels apart); a noun phrase that starts with an adjective right after
// a complete one, with nothing to join them, is a clause: the adjective
// is its verb, the phrase's noun its object. With a "that" or "which"
// before the adjective it is a relative clause on the noun; otherwise it
// has to be the verb of a sentence that has none.
func (p *parse) repairAdjectiveVerb() bool {
	changed := false
	for o := range p.s.Words {
		n := p.head(o)
		if p.rel(o) != "nmod" || n < 0 || n > o || p.hasChild(o, "case") ||
			!p.nominal(o) || !p.nominal(n) {
			continue
		}
		sp := p.subtree(o, nil)
		r, a := -1, sp[0]
		if (p.lower(a) == "that" || p.lower(a) == "which") && p.head(a) == o && len(sp) > 1 {
			r, a = a, sp[1]
		}
		w := p.s.Words[a]
		if p.head(a) != o || p.rel(a) != "amod" || p.pos(a) != "ADJ" || w.XPOS != "JJ" || quantifiers[p.lower(a)] ||
			w.Text != strings.ToLower(w.Text) || p.hasChild(a, "advmod", "obl", "conj") {
			continue
		}
		// "resilience that other states are required to invest in": a
		// phrase followed by a verb is that verb's subject; the
		// adjective is no verb.
		if e := p.subtree(o, nil); e[len(e)-1]+1 < len(p.s.Words) {
			if nx := e[len(e)-1] + 1; p.pos(nx) == "VERB" || p.pos(nx) == "AUX" {
				continue
			}
		}
		// Between the adjective and its noun only what a noun phrase
		// has; and the phrase follows straight on the modified one.
		ok := a > 0 && p.pos(a-1) != "PUNCT" && p.pos(a-1) != "CCONJ"
		for j := a + 1; j < o && ok; j++ {
			if p.head(j) != o || p.rel(j) != "amod" && p.rel(j) != "compound" && p.rel(j) != "det" {
				ok = false
			}
		}
		if !ok || r < 0 && (p.rel(n) != "root" || p.hasChild(n, "cop")) {
			continue
		}
		p.retagVerb(a)
		if r >= 0 {
			p.attach(a, n, "acl:relcl")
			p.attach(r, a, "nsubj")
			p.s.Words[r].UPOS, p.s.Words[r].XPOS = "PRON", "WDT"
		} else {
			p.attach(a, -1, "root")
			p.attach(n, a, "nsubj")
			for _, k := range p.kids[n] {
				if k > o {
					p.attach(k, a, p.rel(k))
				}
			}
		}
		p.attach(o, a, "obj")
		changed = true
	}
	// The same clause read as one noun phrase: "The recent military drills
	// escalate tension" as "tension" with the compound "drills" and the
	// adjective "escalate". A compound with its own determiner is a noun
	// phrase of its own, so the adjective after it is the verb.
	for o := range p.s.Words {
		if p.rel(o) != "root" || p.pos(o) != "NOUN" || p.hasChild(o, "cop", "nsubj", "case") {
			continue
		}
		a := o - 1
		if a < 1 || p.head(a) != o || p.rel(a) != "amod" || p.pos(a) != "ADJ" || p.xpos(a) != "JJ" ||
			quantifiers[p.lower(a)] || p.s.Words[a].Text != p.lower(a) || len(p.kids[a]) > 0 {
			continue
		}
		n := a - 1
		if p.head(n) != o || p.rel(n) != "compound" || p.pos(n) != "NOUN" || !p.hasChild(n, "det") {
			continue
		}
		p.retagVerb(a)
		p.attach(a, -1, "root")
		p.attach(n, a, "nsubj")
		p.attach(o, a, "obj")
		for _, k := range p.kids[o] {
			if k > o {
				p.attach(k, a, p.rel(k))
			}
		}
		changed = true
	}
	return changed
}

// retagVerb makes adjective a the finite verb it is, its tense guessed
// from its ending.
func (p *parse) retagVerb(a int) {
	x := "VBP"
	switch l := p.lower(a); {
	case strings.HasSuffix(l, "ed"):
		x = "VBD"
	case strings.HasSuffix(l, "s"):
		x = "VBZ"
	}
	p.s.Words[a].UPOS, p.s.Words[a].XPOS = "VERB", x
	p.relemma(a)
}

// repairNameConjunction mends a capitalized conjunction that ends a name:
// in "the ASEAN Defense Ministers' Meeting Plus, emphasizing …" "Plus"
// coordinates nothing, as a coordinator never stands before a comma or
// the end of the sentence, and it is capitalized like the name it
// follows. It is the last word of that name.
func (p *parse) repairNameConjunction() bool {
	changed := false
	for i := 2; i < len(p.s.Words); i++ {
		t := p.s.Words[i].Text
		if p.pos(i) != "CCONJ" || !capitalized(t) || strings.ToUpper(t) == t ||
			i+1 < len(p.s.Words) && p.pos(i+1) != "PUNCT" {
			continue
		}
		// The name's capital is its own, not the sentence's.
		n := i - 1
		if n == 0 || !p.nominal(n) || !capitalized(p.s.Words[n].Text) || p.head(n) == i {
			continue
		}
		p.attach(i, n, "flat")
		p.s.Words[i].UPOS, p.s.Words[i].XPOS = "PROPN", "NNP"
		for _, k := range p.kids[i] {
			if p.rel(k) == "punct" && k > i {
				p.attach(k, p.head(n), "punct")
			}
		}
		changed = true
	}
	return changed
}

// repairGerundSeries mends a series of gerunds after one preposition that
// the parser broke up: in "recognized the role of X in managing,
// implementing, and enforcing the terms" it hangs "in managing" on the
// verb and "implementing, and enforcing …" on the verb again as a clause
// of its own. A bare gerund right after a comma that ends a
// preposition's gerund, with no preposition or subject of its own,
// continues the series: it is coordinated with that gerund.
func (p *parse) repairGerundSeries() bool {
	changed := false
	for g2 := range p.s.Words {
		v := p.head(g2)
		if v < 0 || p.rel(g2) != "advcl" || p.xpos(g2) != "VBG" ||
			p.hasChild(g2, "mark", "case", "nsubj", "nsubj:pass", "cc") {
			continue
		}
		sp := p.subtree(g2, nil)
		start := sp[0]
		if p.s.Words[start].Text == "," && len(sp) > 1 {
			start = sp[1]
		}
		if start != g2 || g2 < 2 || p.s.Words[g2-1].Text != "," {
			continue
		}
		// The gerund before: the one whose phrase ends at the comma
		// ("in managing, implementing", "on strengthening the
		// relationship, improving consultation"). It may sit deeper
		// than the verb the parser gave the second one: "participated
		// in discussions focused on strengthening X, improving Y".
		// Deeper, only a series closed by "and" counts: "recognized X as
		// committed to addressing challenges, noting its membership"
		// notes beside the recognizing.
		closed := false
		for _, c := range p.kids[g2] {
			closed = closed || p.rel(c) == "conj" && p.hasChild(c, "cc")
		}
		g1 := -1
		for k := 0; k < g2; k++ {
			if k != v && p.dominates(v, k) && (p.head(k) == v || closed) && p.xpos(k) == "VBG" && (p.urel(k) == "obl" || p.urel(k) == "advcl") {
				if sp := p.subtree(k, nil); sp[len(sp)-1] == g2-2 {
					g1 = k
				}
			}
		}
		if g1 < 0 {
			continue
		}
		if m := p.child(g1, "mark", "case"); m < 0 || p.pos(m) != "ADP" && p.pos(m) != "SCONJ" {
			continue
		}
		p.attach(g2, g1, "conj")
		if c := g2 - 1; p.head(c) != g2 {
			p.attach(c, g2, "punct")
		}
		p.gerundClause(g1)
		changed = true
	}
	// The series' last gerund, after "and", read as a conjunct of the verb
	// ("recognized the role … in managing, implementing, and enforcing the
	// terms"): it joins the series that ends before the "and".
	for g2 := range p.s.Words {
		v := p.head(g2)
		c := p.child(g2, "cc")
		if v < 0 || p.rel(g2) != "conj" || p.xpos(g2) != "VBG" || p.xpos(v) == "VBG" || c < 2 || c != g2-1 ||
			p.hasChild(g2, "mark", "case", "nsubj", "nsubj:pass") {
			continue
		}
		end := c - 1
		if p.s.Words[end].Text == "," {
			end--
		}
		g0 := -1
		for a, d := end, 0; a >= 0 && a != v && d < 8; a, d = p.head(a), d+1 {
			if p.xpos(a) == "VBG" && p.head(a) == v && (p.urel(a) == "obl" || p.urel(a) == "advcl") {
				if m := p.child(a, "mark", "case"); m >= 0 && (p.pos(m) == "ADP" || p.pos(m) == "SCONJ") {
					g0 = a
				}
				break
			}
		}
		if g0 < 0 {
			continue
		}
		if sp := p.subtree(g0, nil); sp[len(sp)-1] != end {
			continue
		}
		p.attach(g2, g0, "conj")
		p.gerundClause(g0)
		changed = true
	}
	return changed
}

// gerundClause makes a gerund the parser read as a nominal ("in managing"
// as an obl) the adverbial clause it heads, its preposition the marker.
func (p *parse) gerundClause(g int) {
	if p.urel(g) != "obl" {
		return
	}
	p.attach(g, p.head(g), "advcl")
	if m := p.child(g, "case"); m >= 0 {
		p.attach(m, g, "mark")
	}
}

// prepositions are the English prepositions, a closed class: a word the
// tagger calls a preposition and that is none of them is mistagged.
var prepositions = map[string]bool{"aboard": true, "about": true, "above": true, "across": true, "after": true,
	"against": true, "ago": true, "ahead": true, "along": true, "alongside": true, "amid": true, "amidst": true,
	"among": true, "amongst": true, "apart": true, "around": true, "as": true, "aside": true, "at": true,
	"atop": true, "away": true, "barring": true, "because": true, "before": true, "behind": true, "below": true,
	"beneath": true, "beside": true, "besides": true, "between": true, "beyond": true, "but": true, "by": true,
	"circa": true, "concerning": true, "considering": true, "despite": true, "down": true, "due": true,
	"during": true, "except": true, "excluding": true, "following": true, "for": true, "from": true, "in": true,
	"including": true, "inside": true, "instead": true, "into": true, "like": true, "minus": true, "near": true,
	"next": true, "notwithstanding": true, "of": true, "off": true, "on": true, "onto": true, "opposite": true,
	"out": true, "outside": true, "over": true, "past": true, "pending": true, "per": true, "plus": true,
	"prior": true, "pursuant": true, "regarding": true, "regardless": true, "round": true, "save": true,
	"since": true, "than": true, "thanks": true, "through": true, "throughout": true, "till": true, "to": true,
	"toward": true, "towards": true, "under": true, "underneath": true, "unlike": true, "until": true,
	"unto": true, "up": true, "upon": true, "versus": true, "via": true, "with": true, "within": true,
	"without": true, "worth": true, "according": true, "whether": true}

// repairListedVerb mends a verb the tagger took for a preposition in a
// series of verb phrases: in "pledged to deepen consultations, further
// enhance the visibility of assets, and expand exercises" "enhance" is no
// preposition (they are a closed class), and after the comma that ends
// the first verb's phrase it is the next verb of the series, its "object"
// its object.
func (p *parse) repairListedVerb() bool {
	changed := false
	for w := 1; w < len(p.s.Words); w++ {
		l := p.lower(w)
		n := p.head(w)
		if p.pos(w) != "ADP" || p.rel(w) != "case" || prepositions[l] || len(l) < 4 || n < 0 || n < w ||
			strings.IndexFunc(l, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		v := p.head(n)
		if p.rel(n) == "conj" {
			// Or the "object" joined to the list of the verb before:
			// "deepen consultations and planning, further enhance …".
			top := n
			for d := 0; p.rel(top) == "conj" && d < 8; d++ {
				top = p.head(top)
			}
			if p.urel(top) != "obj" && p.urel(top) != "obl" {
				continue
			}
			v = p.head(top)
		} else if p.urel(n) != "obl" {
			continue
		}
		if v < 0 || p.pos(v) != "VERB" || v > w {
			continue
		}
		// A comma, maybe with an adverb, right before: the start of the
		// next phrase of a series.
		b := w - 1
		adv := -1
		if p.pos(b) == "ADV" && p.head(b) == n {
			adv, b = b, b-1
		}
		if b < 0 || p.s.Words[b].Text != "," && p.pos(b) != "CCONJ" {
			continue
		}
		x := "VB"
		switch {
		case strings.HasSuffix(l, "ing"):
			x = "VBG"
		case strings.HasSuffix(l, "ed"):
			x = p.xpos(v)
		case strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss"):
			x = "VBZ"
		case p.xpos(v) == "VBP":
			x = "VBP"
		}
		p.s.Words[w].UPOS, p.s.Words[w].XPOS = "VERB", x
		p.relemma(w)
		p.attach(w, v, "conj")
		p.attach(n, w, "obj")
		if adv >= 0 {
			p.attach(adv, w, "advmod")
		}
		if p.head(b) == n {
			p.attach(b, w, p.rel(b))
		}
		changed = true
	}
	return changed
}

// repairHyphenSplit mends a hyphenated word the parser split across two
// arguments: in "expand table-top exercises" it reads "table" and "top
// exercises" as two objects of "expand". Words written together with a
// hyphen are one word, and a verb takes one argument of each kind: the
// first part belongs to the phrase of the second. Nor is the second part
// an apposition of the first.
func (p *parse) repairHyphenSplit() bool {
	changed := false
	for x := 0; x+2 < len(p.s.Words); x++ {
		hy, y := x+1, x+2
		w := p.s.Words
		if w[hy].Text != "-" || w[x].End != w[hy].Start || w[hy].End != w[y].Start {
			continue
		}
		v, n := p.head(x), y
		if p.head(y) > y && p.urel(y) != "conj" {
			n = p.head(y) // the head of the phrase "top" starts
		}
		if p.head(n) == x && (p.urel(n) == "appos" || p.urel(n) == "dep" || p.urel(n) == "list") && p.nominal(n) {
			// "COVID-19 Training" read as "COVID", with "19 Training"
			// its apposition: the hyphenated word modifies the noun,
			// which takes its place, and its case and determiner.
			p.attach(n, v, p.rel(x))
			for _, k := range p.kids[x] {
				if k != n && k != hy && k < x {
					p.attach(k, n, p.rel(k))
				}
			}
			p.attach(x, n, "compound")
			p.attach(hy, y, "punct")
			changed = true
			continue
		}
		if v < 0 || n == x || p.head(n) != v || p.rel(n) != p.rel(x) || len(p.kids[x]) > 1 ||
			len(p.kids[x]) == 1 && p.kids[x][0] != hy ||
			!p.nominal(n) {
			continue
		}
		switch p.urel(x) {
		case "obj", "nsubj", "iobj":
		default:
			continue
		}
		p.attach(x, y, "compound")
		if p.head(hy) != y && p.head(hy) != n {
			p.attach(hy, y, "punct")
		}
		changed = true
	}
	return changed
}

// firstConjunct finds the conjunct a noun phrase k opened by coordinator c
// joins: the noun phrase that ends right before c.
func (p *parse) firstConjunct(k, c int) int {
	// The first conjunct is a noun phrase that ends right before the
	// coordinator: a full one with its determiner ("… and the
	// community's response" joins "Russia's invasion of Ukraine", not
	// "Ukraine"), else the nearest noun ("agriculture and food
	// innovation").
	full := false
	for j := c + 1; j < k; j++ {
		if p.head(j) == k && (p.rel(j) == "det" || p.rel(j) == "nmod:poss") {
			full = true
		}
	}
	// A full second conjunct pairs with the nearest full phrase: in
	// "an attack against the United States or its allies" the allies
	// join "the United States", not the attack. A name is full of itself
	// ("between Europe and the Indo-Pacific") unless it is part of a
	// longer name ("America" in "the United States of America"); and
	// "between" takes its two conjuncts itself.
	m := -1
	for a, d := c-1, 0; a >= 0 && a != k && d < 8; a, d = p.head(a), d+1 {
		if !p.nominal(a) {
			break
		}
		sp := p.subtree(a, func(j int) bool { return j == k })
		if sp[len(sp)-1] != c-1 {
			break
		}
		m = a
		if !full || p.hasChild(a, "det", "nmod:poss") || p.between(a) ||
			p.isName(k) && p.pos(a) == "PROPN" && (p.head(a) < 0 || p.pos(p.head(a)) != "PROPN") {
			break
		}
	}
	return m
}

// isName says whether word k is a name: a proper noun, or an acronym the
// tagger took for a common noun ("the DPRK").
func (p *parse) isName(k int) bool {
	return p.pos(k) == "PROPN" || isAcronym(p.s.Words[k].Text)
}

// repairConjLevel mends a full noun phrase the parser joined to a noun
// nested inside the phrase it coordinates with: in "the Governments of the
// United States of America and the Republic of Korea" it makes "the
// Republic" a conjunct of "America". A phrase with its own determiner or
// possessor joins the nearest phrase that has one too.
func (p *parse) repairConjLevel() bool {
	changed := false
	for k := range p.s.Words {
		if p.rel(k) != "conj" || (!p.nominal(k)) || !p.hasChild(k, "det", "nmod:poss") {
			continue
		}
		c := p.subtree(k, nil)[0]
		if c < 1 || p.pos(c) != "CCONJ" || p.head(c) != k {
			continue
		}
		m := p.firstConjunct(k, c)
		if m < 0 || m == p.head(k) || p.dominates(k, m) || !p.dominates(m, p.head(k)) {
			continue
		}
		p.attach(k, m, "conj")
		changed = true
	}
	return changed
}

// repairNounRoot mends a coordinated subject the parser read as a noun
// root with a clause conjoined to it: "The DPRK's violations and abuses
// were linked with …" as "violations" the root and "abuses were linked"
// its conjunct. The verb is the root; the first noun is its subject, the
// second that subject's conjunct.
func (p *parse) repairNounRoot() bool {
	for o := range p.s.Words {
		if p.rel(o) != "root" || !p.nominal(o) || p.hasChild(o, "cop", "nsubj", "nsubj:pass") {
			continue
		}
		for _, v := range p.kids[o] {
			if p.rel(v) != "conj" || p.pos(v) != "VERB" {
				continue
			}
			c, sj := p.child(v, "cc"), p.child(v, "nsubj", "nsubj:pass")
			if c < 0 || sj < 0 || sj > v || c > sj || p.subtree(sj, nil)[0] != c+1 {
				continue
			}
			if sp := p.subtree(o, func(k int) bool { return k >= v }); sp[len(sp)-1] != c-1 {
				continue
			}
			p.attach(v, -1, "root")
			for _, k := range p.kids[o] {
				if k > v {
					p.attach(k, v, p.rel(k))
				}
			}
			p.attach(o, v, p.rel(sj))
			p.attach(sj, o, "conj")
			p.attach(c, sj, "cc")
			return true
		}
	}
	return false
}

// repairSingledOut hangs a singled-out example ("…, particularly the
// recent military drills") on the noun right before it, where the parser
// may hang it on a noun further up, as an apposition or a conjunct with no
// coordinator: in "concern over provocative actions,
// particularly the drills" the drills are actions, not the concern (see
// singledOut for what the example then gives).
func (p *parse) repairSingledOut() bool {
	changed := false
	for k := range p.s.Words {
		h := p.head(k)
		if p.rel(k) != "appos" && (p.rel(k) != "conj" || p.hasChild(k, "cc")) || h < 0 || !p.singledOut(k) {
			continue
		}
		end := p.subtree(k, nil)[0] - 1
		for end > h && p.pos(end) == "PUNCT" {
			end--
		}
		n := end
		for d := 0; n >= 0 && n != h && d < 8 && !p.nominal(n); d++ {
			n = p.head(n)
		}
		if n < 0 || n == h || !p.nominal(n) || !p.dominates(h, n) {
			continue
		}
		p.attach(k, n, "appos")
		changed = true
	}
	return changed
}

// repairControlledGerund mends "welcomed the U.S. Navy certifying ROK
// shipyards" read as one noun phrase, "shipyards" modified by the gerund
// "certifying" which has "Navy" as a compound. A compound hangs on a noun,
// not on a verb: the name before the gerund is the object, the gerund
// what it does (an open complement, whose subject is that object), the
// noun after it the gerund's object.
func (p *parse) repairControlledGerund() bool {
	changed := false
	for a := range p.s.Words {
		o := p.head(a)
		if o < 0 || p.rel(a) != "amod" || p.xpos(a) != "VBG" || o < a || p.rel(o) != "obj" {
			continue
		}
		n := p.child(a, "compound")
		if n < 0 || n != a-1 || !p.nominal(n) {
			continue
		}
		v := p.head(o)
		if v < 0 || p.pos(v) != "VERB" || v > a {
			continue
		}
		p.attach(n, v, "obj")
		for _, k := range p.kids[o] {
			if k < n && (p.rel(k) == "det" || p.rel(k) == "nmod:poss") {
				p.attach(k, n, p.rel(k))
			}
		}
		p.attach(a, v, "xcomp")
		p.attach(o, a, "obj")
		changed = true
	}
	return changed
}

// adjectivalIng are -ing words that, before a noun, are adjectives far
// more often than verbs: "unwavering commitment", "ongoing efforts".
var adjectivalIng = map[string]bool{"unwavering": true, "unyielding": true, "unrelenting": true, "unflinching": true,
	"unending": true, "unceasing": true, "unstinting": true, "uncompromising": true, "unflagging": true,
	"enduring": true, "lasting": true, "ongoing": true, "outstanding": true, "pressing": true, "upcoming": true,
	"emerging": true, "existing": true, "remaining": true, "growing": true, "increasing": true, "evolving": true,
	"continuing": true}

// repairAdjectivalIng mends an -ing adjective the parser read as a verb in
// a list of nouns: "reaffirmed the shared vision, common values, and
// unwavering commitment to the Treaty" with "unwavering" a conjunct of
// "vision" that takes "commitment" as its object and "to the Treaty" as
// its oblique. The noun is the conjunct; the adjective and the oblique
// modify it.
func (p *parse) repairAdjectivalIng() bool {
	changed := false
	for g := range p.s.Words {
		m := p.head(g)
		if m < 0 || p.rel(g) != "conj" || !adjectivalIng[p.lower(g)] || !p.nominal(m) {
			continue
		}
		o := g + 1
		if o >= len(p.s.Words) || p.head(o) != g || p.rel(o) != "obj" || p.pos(o) != "NOUN" {
			continue
		}
		p.attach(o, m, "conj")
		for _, k := range p.kids[g] {
			switch {
			case k == o:
			case k < g:
				p.attach(k, o, p.rel(k)) // its "and" and comma
			case p.urel(k) == "obl":
				p.attach(k, o, "nmod")
			default:
				p.attach(k, o, p.rel(k))
			}
		}
		p.attach(g, o, "amod")
		p.s.Words[g].UPOS, p.s.Words[g].XPOS = "ADJ", "JJ"
		p.s.Words[g].Lemma = p.lower(g)
		changed = true
	}
	return changed
}

// repairClausalNoun mends a gerund the tagger took for a noun where the
// parser still saw a clause: "Building on this progress, the Ministers
// pledged …" has "Building" a noun heading an adverbial clause. Only a
// verb heads such a clause; its noun modifiers are its obliques.
func (p *parse) repairClausalNoun() bool {
	changed := false
	for k := range p.s.Words {
		l := p.lower(k)
		if p.rel(k) != "advcl" || p.pos(k) != "NOUN" || !strings.HasSuffix(l, "ing") || len(l) < 6 ||
			p.hasChild(k, "det", "case", "nmod:poss", "amod") {
			continue
		}
		p.verbalGerund(k)
		changed = true
	}
	return changed
}

// verbalGerund makes k, an "-ing" word the tagger took for a noun, the
// gerund that heads a clause: a verb, its noun modifiers its obliques.
func (p *parse) verbalGerund(k int) {
	p.s.Words[k].UPOS, p.s.Words[k].XPOS = "VERB", "VBG"
	p.relemma(k)
	for _, c := range p.kids[k] {
		if p.rel(c) == "nmod" {
			p.attach(c, k, "obl")
		}
	}
}

// repairReportingRoot mends a reporting verb the parser hung on the clause
// it reports: "The Ministers also recognized the Alliance has evolved into
// …" with "recognized" an adverbial clause of "evolved". An adverbial
// clause with a subject of its own opens with a marker ("when", "as"); one
// without, before the main clause's subject, is the main clause itself,
// the other its complement.
func (p *parse) repairReportingRoot() bool {
	for v := range p.s.Words {
		r := p.head(v)
		if r < 0 || p.rel(v) != "advcl" || p.rel(r) != "root" || p.pos(v) != "VERB" ||
			!p.hasChild(v, "nsubj") || p.hasChild(v, "mark", "obj", "ccomp", "xcomp", "aux", "aux:pass", "cop") {
			continue
		}
		s := p.child(r, "nsubj", "nsubj:pass")
		if s < 0 || s < v || s > r || p.hasChild(r, "mark") {
			continue
		}
		if sp := p.subtree(v, nil); sp[len(sp)-1] != p.subtree(s, nil)[0]-1 {
			continue
		}
		p.attach(v, -1, "root")
		p.attach(r, v, "ccomp")
		for _, k := range p.kids[r] {
			if p.rel(k) == "punct" && k == len(p.s.Words)-1 {
				p.attach(k, v, "punct")
			}
		}
		if p.xpos(v) == "VBN" {
			p.s.Words[v].XPOS = "VBD" // it has a subject and no auxiliary
		}
		return true
	}
	return false
}

// repairPunctHead mends a word the parser hung on a punctuation mark,
// which heads nothing in UD: "include : review of data" with "review" an
// apposition of the colon. A noun goes to the mark's head, as its object
// if that is a verb before it with none. (A clause hung on a mark is left
// alone: where it belongs is anyone's guess.)
func (p *parse) repairPunctHead() bool {
	changed := false
	for k := range p.s.Words {
		m := p.head(k)
		if m < 0 || p.pos(m) != "PUNCT" || !p.nominal(k) {
			continue
		}
		h := p.head(m)
		if h < 0 || h == k || p.dominates(k, h) {
			continue
		}
		rel := p.rel(k)
		if (rel == "appos" || rel == "dep") && p.pos(h) == "VERB" && h < k && !p.hasChild(h, "obj") {
			rel = "obj"
		}
		p.attach(k, h, rel)
		changed = true
	}
	return changed
}

// sayVerbs report speech; the speaker may follow them ("…, said Jacob
// Dreyer, the institute's chief economist").
var sayVerbs = map[string]bool{"say": true, "add": true, "tell": true, "state": true, "note": true,
	"explain": true, "write": true, "announce": true, "report": true, "argue": true}

// repairSpeakerObject mends the speaker of a quotation inversion read as
// the object of the verb of saying: "“Locking in is going on,” said Mr.
// Mills" has "Mills" the object of "said". A verb of saying whose reported
// clause comes before it has no object; the name after it is its subject.
func (p *parse) repairSpeakerObject() bool {
	changed := false
	for v := range p.s.Words {
		if !sayVerbs[p.lemma(v)] || p.pos(v) != "VERB" || p.hasChild(v, "nsubj", "nsubj:pass") {
			continue
		}
		c, o := p.child(v, "ccomp", "parataxis"), p.child(v, "obj")
		if c < 0 || c > v || o < v || p.pos(o) != "PROPN" && p.pos(o) != "PRON" {
			continue
		}
		p.attach(o, v, "nsubj")
		changed = true
	}
	return changed
}

// repairSpeakerTitle mends the speaker of a quotation inversion read as the
// subject of a clause that is only the speaker's title: in "…, said Jacob
// Dreyer, the institute's chief economist" the parser makes "economist"
// the reported clause and "Jacob Dreyer" its subject. The name is who
// said it; the title, set off by a comma, is its apposition.
func (p *parse) repairSpeakerTitle() bool {
	changed := false
	for c := range p.s.Words {
		v := p.head(c)
		if v < 0 || p.rel(c) != "ccomp" || c < v || !sayVerbs[p.lemma(v)] ||
			!p.nominal(c) || p.hasChild(c, "cop", "mark") {
			continue
		}
		n := p.child(c, "nsubj")
		if n < 0 || n > c || p.pos(n) != "PROPN" || p.hasChild(v, "nsubj") {
			continue
		}
		sp := p.subtree(n, nil)
		comma := sp[len(sp)-1] + 1
		if comma >= c || p.s.Words[comma].Text != "," {
			continue
		}
		p.attach(n, v, "nsubj")
		p.attach(c, n, "appos")
		if p.head(comma) != c {
			p.attach(comma, c, "punct")
		}
		changed = true
	}
	return changed
}

// repairSplitSubject mends a coordinated subject the parser split into two
// subjects of one verb, the coordinator hung on the verb: "The United
// States and the ROK underscored …" has "ROK" as a second nsubj of
// "underscored". The coordinator goes to the second subject, which
// repairStrayConjunct then joins to the first.
func (p *parse) repairSplitSubject() bool {
	changed := false
	for h := range p.s.Words {
		var subj []int
		for _, k := range p.kids[h] {
			if p.rel(k) == "nsubj" || p.rel(k) == "nsubj:pass" {
				subj = append(subj, k)
			}
		}
		if len(subj) < 2 {
			continue
		}
		for i := 1; i < len(subj); i++ {
			s1, s2 := subj[i-1], subj[i]
			sp1, sp2 := p.subtree(s1, nil), p.subtree(s2, nil)
			c := sp2[0] - 1
			if s2 > h || c <= sp1[len(sp1)-1] || p.head(c) != h || p.pos(c) != "CCONJ" || p.rel(c) != "cc" {
				continue
			}
			p.attach(c, s2, "cc")
			changed = true
		}
	}
	return changed
}

// repairStrayConjunct mends a noun phrase that opens with "and" or "or"
// but that the parser made an argument of its own: in "as reviewed and
// approved by President Moon and President Abe" it reads "President Abe"
// as the object of "reviewed". A coordinator joins its phrase to the
// phrase right before it: the noun phrase that ends just before "and" is
// the first conjunct.
func (p *parse) repairStrayConjunct() bool {
	changed := false
	for k := range p.s.Words {
		switch p.rel(k) {
		case "obj", "iobj", "obl", "nmod", "nsubj", "nsubj:pass":
		default:
			continue
		}
		if !p.nominal(k) {
			continue
		}
		// The coordinator opens the noun's phrase; it may hang on the
		// noun or on a word before it ("and President Abe").
		sp := p.subtree(k, nil)
		c := sp[0]
		if c < 1 || p.pos(c) != "CCONJ" || p.rel(c) != "cc" || c+len(sp)-1 != sp[len(sp)-1] {
			continue
		}
		m := p.firstConjunct(k, c)
		if m < 0 || p.dominates(k, m) {
			continue
		}
		p.attach(k, m, "conj")
		changed = true
	}
	return changed
}

// repairRootVerb mends a sentence read as one noun phrase whose finite
// verb hangs inside it as a modifier: in "The number of ones equals the
// number of zeros" the parser makes "number" the root and "equals" a
// clause on "ones"; in "Declining issues outnumbered gainers" it makes
// "outnumbered" an adjective on "gainers". A present or past tense verb
// with no subject of its own after the noun that heads the sentence is
// that noun's predicate: the verb is the root and the noun its subject;
// a noun the verb modified as an adjective is its object. (A name before
// the root noun taken for its subject, as in "Baako's grandmother Naana,
// a blind-seer, stands …", stays with it.)
func (p *parse) repairRootVerb() bool {
	for o := range p.s.Words {
		if p.rel(o) != "root" || !p.nominal(o) ||
			p.hasChild(o, "cop", "nsubj:pass", "csubj", "case", "mark") {
			continue
		}
		if sj := p.child(o, "nsubj"); sj > o {
			continue
		}
		for v := o + 1; v < len(p.s.Words); v++ {
			x := p.xpos(v)
			if p.pos(v) != "VERB" || x != "VBZ" && x != "VBP" && x != "VBD" || !p.dominates(o, v) {
				continue
			}
			r := p.rel(v)
			if r != "acl" && r != "amod" && r != "parataxis" ||
				p.hasChild(v, "nsubj", "nsubj:pass", "csubj", "expl", "mark", "aux", "aux:pass", "cop") {
				continue
			}
			n := p.head(v)
			if r == "amod" && (n < v || p.head(n) < 0) {
				continue
			}
			// The subject is all the words before the verb: none of them
			// may hang on anything after it.
			ok := true
			for j := 0; j < v; j++ {
				if p.head(j) > v && p.urel(j) != "punct" && !(r == "amod" && p.head(j) == n) {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
			if r == "amod" {
				p.attach(n, v, "obj")
			}
			p.attach(v, -1, "root")
			for _, k := range p.kids[o] {
				if k > v {
					p.attach(k, v, p.rel(k))
				}
			}
			p.attach(o, v, "nsubj")
			return true
		}
	}
	return false
}

// repairOpenerSubject mends the subject of a verb hung inside the phrase
// that opens the sentence: in "During the celebrations of his Silver
// Jubilee in November 1955, Haile Selassie introduced a constitution" the
// parser makes "Haile Selassie" an apposition of "November", and
// "introduced" has no subject. A nominal set off by a comma at the end of
// an opening phrase, right before a verb that has no subject, is that
// verb's subject: an apposition would not stand between the phrase and
// its verb. (repairOpener does the same for an "-ing" opener.)
func (p *parse) repairOpenerSubject() bool {
	changed := false
	for h := range p.s.Words {
		if p.pos(h) != "VERB" && p.pos(h) != "AUX" && !p.hasChild(h, "cop") ||
			p.hasChild(h, "csubj", "expl") {
			continue
		}
		if r := p.urel(h); r != "root" && r != "ccomp" && r != "parataxis" {
			continue
		}
		// A subject with a preposition of its own is an opening phrase
		// all the same: "According to available information, the
		// Maoists have …" with "information" the subject.
		sj := p.child(h, "nsubj", "nsubj:pass")
		if sj >= 0 && (sj > h || !p.hasChild(sj, "case")) {
			continue
		}
		for _, k := range p.kids[h] {
			if k > h || p.urel(k) != "obl" && p.urel(k) != "advcl" && p.urel(k) != "advmod" && k != sj ||
				p.subtree(k, nil)[0] != p.subtree(h, nil)[0] {
				continue
			}
			a := -1
			for _, j := range p.subtree(k, nil) {
				if p.rel(j) != "appos" && p.rel(j) != "list" ||
					!p.nominal(j) && p.pos(j) != "PRON" {
					continue
				}
				sp := p.subtree(j, nil)
				first := sp[0]
				if p.s.Words[first].Text == "," && len(sp) > 1 {
					first = sp[1]
				}
				if first == 0 || p.s.Words[first-1].Text != "," || p.pos(first) == "ADP" {
					continue
				}
				// Between the nominal and the verb only the verb's
				// auxiliaries and adverbs ("have well-established").
				end := sp[len(sp)-1]
				ok := true
				for m := end + 1; m < h; m++ {
					if g := p.head(m); g > end && g < h {
						continue
					}
					if p.head(m) != h || p.urel(m) != "aux" && p.urel(m) != "advmod" && p.urel(m) != "punct" {
						ok = false
					}
				}
				if ok {
					a = j
				}
			}
			if a >= 0 {
				if k == sj {
					p.attach(k, h, "obl")
				}
				p.attach(a, h, "nsubj")
				changed = true
				break
			}
		}
	}
	return changed
}

// repairReportedClause mends the clause a verb of saying reports, hung as
// a relative clause on the phrase between them: in "Alexander said after
// this incident that he had never been so lucky" the parser makes "that
// he had never been so lucky" a relative clause on "incident"; in "Mr.
// Rifenburgh told industry analysts he is moving …" it makes "he is
// moving" one on "analysts". A clause with a subject of its own, brought
// in by the conjunction "that" or by nothing, after the listener or an
// adverbial of a verb of saying is what is said.
func (p *parse) repairReportedClause() bool {
	changed := false
	for v := range p.s.Words {
		if !sayVerbs[p.lemma(v)] || p.pos(v) != "VERB" || p.hasChild(v, "ccomp", "obj") {
			continue
		}
		for _, n := range p.kids[v] {
			if n < v || p.rel(n) != "obl" && p.rel(n) != "iobj" {
				continue
			}
			for _, c := range p.kids[n] {
				if c < n || p.rel(c) != "acl:relcl" && p.rel(c) != "acl" {
					continue
				}
				sj := p.child(c, "nsubj", "nsubj:pass")
				if sj < 0 || sj > c || strings.HasPrefix(p.xpos(sj), "W") {
					continue
				}
				m := p.child(c, "mark")
				if m >= 0 && p.lower(m) != "that" || m < 0 && p.rel(n) != "iobj" {
					continue
				}
				if m >= 0 && m > sj {
					continue
				}
				p.attach(c, v, "ccomp")
				changed = true
			}
		}
	}
	return changed
}

// repairParticipleModifier mends a past participle that modifies the noun
// after it but was read as a verb coordinated with the clause: in "work
// with the Department of Justice and affected agencies", "affected" is an
// adjective of "agencies", which is the second conjunct of "Department",
// not a verb whose object is "agencies". The shape is "noun and VBN noun"
// with the participle taking no subject or auxiliary of its own; a verb
// in that place would follow another verb ("met and signed agreements").
func (p *parse) repairParticipleModifier() bool {
	changed := false
	for i := 2; i+1 < len(p.s.Words); i++ {
		w := p.s.Words[i]
		if w.UPOS != "VERB" || w.XPOS != "VBN" || p.rel(i) != "conj" ||
			p.hasChild(i, "nsubj", "nsubj:pass", "aux", "aux:pass", "expl") {
			continue
		}
		o := p.child(i, "obj")
		cc := i - 1
		if o < 0 || p.lower(cc) != "and" && p.lower(cc) != "or" || p.head(cc) != i {
			continue
		}
		between := true
		for k := i + 1; k < o; k++ {
			if p.head(k) != o {
				between = false
			}
		}
		n := cc - 1
		if !between || !p.nominal(o) || !p.nominal(n) {
			continue
		}
		// The first conjunct is the noun phrase that ends before "and":
		// climb from its last word while the heads stay nominal and
		// inside the same phrase.
		first := n
		for g := p.head(first); g >= 0 && g < first && p.nominal(g) && (p.urel(first) == "nmod" || p.rel(first) == "flat" || p.rel(first) == "compound"); g = p.head(first) {
			first = g
		}
		h := p.head(i)
		for _, k := range p.kids[i] {
			switch {
			case k == o || k == cc:
			case k > o && (p.rel(k) == "xcomp" || p.rel(k) == "advcl"):
				p.attach(k, h, "advcl")
			default:
				p.attach(k, o, p.rel(k))
			}
		}
		p.attach(o, first, "conj")
		p.attach(cc, o, "cc")
		p.attach(i, o, "amod")
		p.s.Words[i].UPOS = "ADJ"
		changed = true
	}
	return changed
}

// repairOfConjunct mends a conjunct that belongs inside a name's "of"
// phrase: in "the Department of Health and Human Services" the parser
// coordinates "Services" with "Department", making two departments of one.
// A capitalized conjunct with no determiner of its own, right after the
// capitalized "of" complement of a capitalized name, continues that
// complement. "the Department of Justice and the Department of State"
// keeps its two departments: the second has its own "the".
func (p *parse) repairOfConjunct() bool {
	changed := false
	for k := range p.s.Words {
		h := p.head(k)
		if h < 0 || p.rel(k) != "conj" || h > k || !capitalized(p.s.Words[h].Text) || !capitalized(p.s.Words[k].Text) ||
			!p.nominal(k) || p.hasChild(k, "det", "nmod:poss", "case") {
			continue
		}
		// The "of" complement of h nearest before k.
		n := -1
		for _, c := range p.kids[h] {
			if c < k && p.rel(c) == "nmod" && p.nominal(c) && capitalized(p.s.Words[c].Text) {
				if cs := p.child(c, "case"); cs >= 0 && p.lower(cs) == "of" {
					n = c
				}
			}
		}
		if n < 0 {
			continue
		}
		// Between them only the conjunction and k's own modifiers.
		ok := true
		for j := n + 1; j < k; j++ {
			if p.dominates(n, j) {
				continue
			}
			if p.head(j) != k || p.rel(j) != "cc" && p.rel(j) != "amod" && p.rel(j) != "compound" || !capitalized(p.s.Words[j].Text) && p.rel(j) != "cc" {
				ok = false
			}
		}
		if !ok {
			continue
		}
		p.attach(k, n, "conj")
		changed = true
	}
	return changed
}

// repairSemicolonSeries mends a series of verb phrases that semicolons
// divide: in "The Plan will reduce delays by upgrading roads; help shops
// reach customers by providing broadband; and enable Main Street to win"
// the parser hangs "enable" on "reach", deep inside the second phrase,
// and its doer becomes the shops. A semicolon closes a phrase of the
// series: the verb after it joins the series at the level of the first
// verb, whose subject it shares.
func (p *parse) repairSemicolonSeries() bool {
	changed := false
	for w := range p.s.Words {
		n := p.head(w)
		if p.rel(w) != "conj" || p.pos(w) != "VERB" || n < 0 || n > w || p.hasChild(w, "nsubj", "nsubj:pass") {
			continue
		}
		semi := -1
		for j := w - 1; j > n; j-- {
			if p.s.Words[j].Text == ";" {
				semi = j
				break
			}
		}
		if semi < 0 {
			continue
		}
		// The first verb of the series: the highest verb above n that
		// comes before the semicolon.
		top := -1
		for a := n; a >= 0; a = p.head(a) {
			if a < semi && p.pos(a) == "VERB" {
				top = a
			}
			if p.rel(a) == "root" {
				break
			}
		}
		if top < 0 || top == n || p.rel(top) != "root" {
			continue
		}
		// A bare verb joins a verb of its own form or one a modal
		// governs ("will reduce …; help …"), not "is calling on
		// Congress to bolster …; create …", whose series is the
		// infinitive's (repairInfinitiveSeries).
		if p.xpos(w) != p.xpos(top) && !(p.xpos(w) == "VB" && p.modalOf(top) != "") {
			continue
		}
		p.attach(w, top, "conj")
		changed = true
	}
	return changed
}

// repairNomination mends the line of a nomination, "Rachael S. Rollins,
// of Massachusetts, to be United States Attorney for the District of
// Massachusetts …": the parser makes the name the root and hangs "to be
// United States Attorney" on it as a side clause, so no clause has a
// subject. The name is the subject of the copular infinitive, which is
// the root, and the fact says the person is nominated as what follows.
func (p *parse) repairNomination() bool {
	for r := range p.s.Words {
		if p.pos(r) != "PROPN" || p.hasChild(r, "cop") {
			continue
		}
		// The name is the root, or the subject of a later root verb
		// ("…, vice Andrew E. Lelling, resigned" read as the nominee
		// resigning).
		v := -1
		switch {
		case p.rel(r) == "root":
		case p.rel(r) == "nsubj" && p.rel(p.head(r)) == "root" && p.head(r) > r:
			v = p.head(r)
		default:
			continue
		}
		for _, k := range p.kids[r] {
			m, c := p.child(k, "mark"), p.child(k, "cop")
			if k < r || m < 1 || c < 0 || p.lower(m) != "to" || p.lemma(c) != "be" || m > c || p.hasChild(k, "nsubj") {
				continue
			}
			// A comma before "to": the infinitive follows the name's
			// own phrase ("Rollins, of Massachusetts,").
			if p.s.Words[m-1].Text != "," || v >= 0 && v < k {
				continue
			}
			p.attach(k, -1, "root")
			p.attach(r, k, "nsubj")
			if v >= 0 {
				p.attach(v, k, "parataxis")
			}
			// ", of Massachusetts," says where the nominee is from: no
			// part of the name.
			for _, j := range p.kids[r] {
				if p.rel(j) == "nmod" && j > r {
					if c := p.child(j, "case"); c > 0 && p.s.Words[c-1].Text == "," {
						p.attach(j, k, "obl")
					}
				}
			}
			p.nominee = r
			return true
		}
	}
	return false
}

// repairNameCoordination mends a name with "and" inside it, "the U.S.
// Innovation and Competition Act", "the Senate Agriculture, Nutrition, and
// Forestry Committee": the parser reads its words as a list of things, and
// the act becomes "Competition" and "Act". A run of capitalized words,
// commas and one "and" that only its last word ends as a name of its kind
// (Act, Committee, Department …), none of the others a name of a kind or
// with a determiner of its own, is one name headed by that word.
func (p *parse) repairNameCoordination() bool {
	changed := false
	n := len(p.s.Words)
	for e := 2; e < n; e++ {
		if p.pos(e) != "PROPN" || !namesKind(p.s.Words[e].Text) {
			continue
		}
		// Walk back over the run.
		a, and := e, -1
		for j := e - 1; j >= 0; j-- {
			w := p.s.Words[j]
			switch {
			case w.Text == "," || w.Text == "&":
			case p.pos(j) == "CCONJ" && strings.ToLower(w.Text) == "and":
				if and >= 0 {
					j = -1 // one "and" only
					continue
				}
				and = j
			case (p.pos(j) == "PROPN" || p.pos(j) == "NOUN") && capitalized(w.Text) && !namesKind(w.Text):
				a = j
				continue
			default:
				j = -1
				continue
			}
		}
		if and < 0 || a >= and || p.s.Words[a].Text == "," {
			continue
		}
		// The run must be coordinated as the parser read it: a conj arc
		// inside it, else it is no list the parser made.
		conj := false
		for j := a; j <= e; j++ {
			if p.rel(j) == "conj" && p.head(j) >= a && p.head(j) <= e {
				conj = true
			}
		}
		if !conj {
			continue
		}
		// The run's top: the word whose head is outside it.
		top := -1
		for j := a; j <= e; j++ {
			if h := p.head(j); h < a || h > e {
				if top < 0 || p.rel(j) != "conj" {
					top = j
				}
			}
		}
		if top < 0 {
			continue
		}
		// The name takes the run's place: a conjunct of what the run was
		// a conjunct of, the object the run was.
		p.attach(e, p.head(top), p.rel(top))
		// Its "and" and commas are words of the name, as its other words
		// are: "flat" keeps them in its label.
		for j := a; j < e; j++ {
			if capitalized(p.s.Words[j].Text) {
				p.attach(j, e, "compound")
			} else {
				p.attach(j, e, "flat")
			}
		}
		// What hung on the run's words from outside it hangs on the name.
		for k := range p.s.Words {
			if k >= a && k <= e {
				continue
			}
			if h := p.head(k); h >= a && h < e {
				p.attach(k, e, p.rel(k))
			}
		}
		changed = true
		e = e + 1
	}
	return changed
}

// namesKind reports whether a capitalized word ends names of one kind:
// "Act", "Committee", "Department".
func namesKind(w string) bool {
	switch strings.ToLower(w) {
	case "act", "committee", "department", "council", "commission", "agency", "administration", "service",
		"fund", "program", "initiative", "foundation", "institute", "center", "office", "bureau", "board",
		"caucus", "coalition", "association", "corps", "authority", "partnership", "alliance", "forum",
		"treaty", "agreement", "strategy", "framework", "declaration", "network", "organization", "subcommittee",
		"group", "panel", "force", "team":
		return true
	}
	return false
}

// repairNameContinues mends a body's name the parser cut before its "on"
// or "for": in "convened the Interagency Working Group on Coal and Power
// Plant Communities" it hangs "on Coal …" on the verb, and the group is
// "Interagency Working Group". A capitalized "on" or "for" phrase right
// after the name of a body, a document or a programme goes on with the
// name ("Task Force on …", "Convention on …", "Center for …"), unless it
// says when ("on Monday").
func (p *parse) repairNameContinues() bool {
	changed := false
	for k := range p.s.Words {
		c := p.child(k, "case")
		if c < 1 || p.head(k) == c-1 || !capitalized(p.s.Words[k].Text) || p.pos(k) != "PROPN" && p.pos(k) != "NOUN" {
			continue
		}
		if w := p.lower(c); w != "on" && w != "for" {
			continue
		}
		h := c - 1
		if !capitalized(p.s.Words[h].Text) || p.pos(h) != "PROPN" && p.pos(h) != "NOUN" || p.isTimeWord(k) || p.dominates(k, h) {
			continue
		}
		switch guessType(p, h, p.s.Words[h].Text) {
		case schema.TypeAgreement, schema.TypeOrganization, schema.TypeProgram, schema.TypeEvent:
		default:
			continue
		}
		// The words between the case and k are k's own modifiers.
		ok := true
		for j := c + 1; j < k; j++ {
			if !p.dominates(k, j) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		p.attach(k, h, "nmod")
		changed = true
	}
	return changed
}

// repairTitleName mends a title the parser read apart from the name it
// introduces: in "Office of Personnel Management, Director Kiran Ahuja"
// it makes "Kiran Ahuja" an apposition of "Director", and the office is
// said to be the Director, the Director Kiran Ahuja. A title word right
// before a name, with no comma between, is the name's title: the name
// takes the title's place, the title becomes its compound.
func (p *parse) repairTitleName() bool {
	changed := false
	for i := 1; i < len(p.s.Words); i++ {
		t := i - 1
		if p.rel(i) != "appos" || p.head(i) != t || p.pos(i) != "PROPN" || !titleWords[p.lower(t)] || !capitalized(p.s.Words[t].Text) {
			continue
		}
		p.attach(i, p.head(t), p.rel(t))
		p.attach(t, i, "compound")
		for _, k := range p.kids[t] {
			if k != i && p.rel(k) != "compound" && p.rel(k) != "amod" {
				p.attach(k, i, p.rel(k))
			}
		}
		changed = true
	}
	return changed
}

// repairAdjectiveSeries mends a noun phrase whose adjectives are
// coordinated before its noun: in "the senseless, cowardly, and brutal
// attack" or "the deep, enduring, and comprehensive partnership" the
// parser, seeing a comma after the first adjective, makes that adjective
// the phrase's head and the noun its last conjunct, so the fact's object
// becomes "senseless" and the noun a second object. Only adjectives,
// adverbs, participles, commas and coordinators may stand between the two
// for the noun to be the head: a determiner or another noun between them
// opens a phrase of its own.
func (p *parse) repairAdjectiveSeries() bool {
	changed := false
	for k := range p.s.Words {
		if p.pos(k) != "ADJ" || p.head(k) < 0 {
			continue
		}
		switch p.urel(k) {
		case "obj", "iobj", "nsubj", "obl", "nmod", "appos", "conj", "xcomp":
			// Where a noun phrase stands, or where the parser read the
			// series as said of the object ("creating safer, smarter
			// transportation"); an adjective said of an object before it
			// has no noun after it to join.
		default:
			continue
		}
		if p.urel(k) == "xcomp" && p.hasChild(p.head(k), "obj") {
			continue // "make our economy stronger, and more resilient"
		}
		// The noun may hang on the adjective or on a conjunct of it
		// ("deep, enduring, and comprehensive partnership": the parser
		// makes "partnership" a conjunct of "enduring").
		n := -1
		for c := k + 1; c < len(p.s.Words); c++ {
			if p.nominal(c) { // the first noun after it, if it is that conjunct
				if p.rel(c) == "conj" && p.child(c, "det", "nmod:poss") < 0 && p.conjOf(c, k) {
					n = c
				}
				break
			}
		}
		if n < 0 || !p.adjectivesOnly(k+1, n) {
			continue
		}
		h, rel := p.head(k), p.rel(k)
		p.attach(n, h, rel)
		p.attach(k, n, "amod")
		for x := k + 1; x < n; x++ {
			// The adjectives between are the noun's too, and each comma
			// or coordinator goes with the adjective after it, so the
			// phrase reads whole: "senseless, cowardly, and brutal attack".
			switch {
			case p.pos(x) != "PUNCT" && p.pos(x) != "CCONJ":
				p.attach(x, n, "amod")
			case x+1 < n:
				p.attach(x, x+1, p.rel(x))
			}
		}
		for _, c := range p.kids[k] {
			if c < k || c > n {
				// The determiner, possessor and case marker before the
				// series and what follows the noun are the noun's.
				p.attach(c, n, p.rel(c))
			}
		}
		changed = true
	}
	return changed
}

// conjOf says whether c is a conjunct of k, directly or through other
// conjuncts.
func (p *parse) conjOf(c, k int) bool {
	for d := 0; d < 8 && p.rel(c) == "conj"; d++ {
		c = p.head(c)
		if c == k {
			return true
		}
	}
	return false
}

// adjectivesOnly says whether the words from i up to (not including) the
// noun j are all modifiers a series of adjectives is made of, joined by a
// comma or a coordinator, with an adjective right before the noun: "candy
// and books" or "380V, 1000V" with the first word tagged an adjective are
// lists of nouns.
func (p *parse) adjectivesOnly(i, j int) bool {
	if i >= j || p.pos(j-1) != "ADJ" && p.xpos(j-1) != "VBN" && p.xpos(j-1) != "VBG" {
		return false
	}
	joined := false
	for x := i; x < j; x++ {
		switch {
		case p.pos(x) == "ADJ" || p.pos(x) == "ADV":
		case p.pos(x) == "VERB" && (p.xpos(x) == "VBN" || p.xpos(x) == "VBG"):
		case p.s.Words[x].Text == "," || p.pos(x) == "CCONJ":
			joined = true
		default:
			return false
		}
	}
	return joined
}

// repairInfinitiveSeries mends a series of infinitives whose later verbs
// the parser hung on the main verb: in "sign the deal into law, historic
// legislation to rebuild infrastructure, create jobs, and grow our
// economy" it reads "create" as a clause of its own beside "sign", and so
// the President, not the legislation, creates and grows. A bare verb with
// no subject, auxiliary or marker of its own, right after the comma that
// ends a "to" clause, continues that clause's series.
func (p *parse) repairInfinitiveSeries() bool {
	changed := false
	for w := 2; w < len(p.s.Words); w++ {
		h := p.head(w)
		if h < 0 || h > w || p.xpos(w) != "VB" || p.rel(w) != "parataxis" && p.rel(w) != "conj" ||
			p.hasChild(w, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "expl", "cop") {
			continue
		}
		// The series is written with commas or, between long items,
		// semicolons; after a semicolon the last item may open with
		// "and" or "or". (After ", and" the parser's own conjunct is
		// mostly right.)
		sep := w - 1
		if p.rel(sep) == "cc" && p.head(sep) == w && sep > 1 && p.s.Words[sep-1].Text == ";" {
			sep--
		}
		if t := p.s.Words[sep].Text; t != "," && t != ";" {
			continue
		}
		end := sep - 1
		v := -1
		// After a comma the nearest "to" clause is the series'; a
		// semicolon closes long items that hold clauses of their own
		// ("to bolster X; create an office to monitor Y; and establish
		// Z"), so there it is the outermost, and it may stand above the
		// item the parser hung this one on (a conjunct of "create").
		semi := p.s.Words[sep].Text == ";"
		notW := func(k int) bool { return k == w }
		for a, d := end, 0; a >= 0 && (a > h || semi) && d < 10; a, d = p.head(a), d+1 {
			if p.pos(a) == "VERB" && p.xpos(a) == "VB" {
				if m := p.child(a, "mark"); m >= 0 && p.lower(m) == "to" {
					if sp := p.subtree(a, notW); sp[len(sp)-1] == end {
						v = a
					}
					if !semi {
						break
					}
				}
			}
		}
		if v < 0 || !p.dominates(h, v) && !(semi && p.dominates(v, h)) {
			continue
		}
		p.attach(w, v, "conj")
		p.attach(sep, w, "punct")
		p.index() // the next item's series reaches through this one
		changed = true
	}
	return changed
}

// repairTitleRun mends a capitalized title the parser broke off before
// the name it introduces: in "efforts of Majority Leader Schumer" it makes
// "Majority" the head and "Leader Schumer" an apposition of it, and in
// "included National Security and Intelligence Advisor Jody Thomas" it
// makes "Security" the object and "Advisor Jody Thomas" a conjunct of it,
// so the person's title comes out as "Leader" or "Intelligence Advisor".
// The capitalized words that run up to a title word right before a name,
// with no comma between, are that title's: the title word takes the
// place of the run's head, and the run hangs on it.
func (p *parse) repairTitleRun() bool {
	changed := false
	for t := 1; t+1 < len(p.s.Words); t++ {
		n := t + 1
		if !titleWords[p.lower(t)] || !capitalized(p.s.Words[t].Text) || p.pos(n) != "PROPN" ||
			!capitalized(p.s.Words[n].Text) || titleWords[p.lower(n)] || officeWords[p.lower(n)] ||
			p.head(n) != t && p.head(t) != n {
			continue
		}
		s := t
		for x := t - 1; x >= 0; x-- {
			w := p.s.Words[x]
			if capitalized(w.Text) && (w.UPOS == "PROPN" || w.UPOS == "NOUN" || w.UPOS == "ADJ") {
				s = x
				continue
			}
			if (w.Text == "and" || w.Text == "of") && x > 0 && officeWords[p.lower(x-1)] &&
				(officeWords[p.lower(x+1)] || titleWords[p.lower(x+1)]) {
				// Only office words join inside a title: "National Security
				// and Intelligence Advisor", not "the UAE and President
				// Sheikh Mohamed".
				continue
			}
			break
		}
		if s == t {
			continue
		}
		// The run's head: the word of the run above the title word whose
		// own head lies outside the run.
		r := -1
		for a, d := p.head(t), 0; a >= s && a < t && d < 8; a, d = p.head(a), d+1 {
			r = a
		}
		if r < 0 || p.head(r) >= s && p.head(r) <= t {
			continue
		}
		h, rel := p.head(r), p.rel(r)
		p.attach(t, h, rel)
		p.attach(r, t, "compound")
		for _, c := range p.kids[r] {
			if c < s || c > n && p.head(c) == r {
				// What hung on the run's head from outside it (its case
				// marker, the next item of a list) is the title's now.
				p.attach(c, t, p.rel(c))
			}
		}
		for x := s + 1; x < t; x++ {
			switch {
			case p.pos(x) == "CCONJ" && x+1 < t:
				// "Security and Intelligence": the words either side of
				// a coordinator inside the title are conjuncts.
				p.attach(x+1, x-1, "conj")
				p.attach(x, x+1, "cc")
			case x != r && p.head(x) == t && p.rel(x) != "compound" && p.rel(x) != "amod" && p.rel(x) != "cc":
				p.attach(x, t, "compound")
			}
		}
		changed = true
	}
	return changed
}

// repairCasedObject mends an object that opens with a preposition: in
// "spoke with Prime Minister Boris Johnson" the parser hangs "with" on
// "Boris" and makes "Johnson" the object, and "with" is lost from the
// relation. An object takes no preposition; a phrase that opens with one
// is an oblique, its preposition the head's case marker.
func (p *parse) repairCasedObject() bool {
	changed := false
	for k := range p.s.Words {
		if p.rel(k) != "obj" || p.head(k) < 0 || p.pos(p.head(k)) != "VERB" || !p.nominal(k) {
			continue
		}
		sp := p.subtree(k, nil)
		c := sp[0]
		if c == k || p.pos(c) != "ADP" || p.rel(c) != "case" || p.head(c) == k || p.head(c) > k {
			continue
		}
		p.attach(c, k, "case")
		p.attach(k, p.head(k), "obl")
		changed = true
	}
	return changed
}

// clauseVerbs take a clause without "that": "ensure workers have access",
// "believe the plan works".
var clauseVerbs = wordSet(`ensure guarantee believe know think hope mean show demonstrate say expect
	understand recognize insist argue suggest`)

// repairBareComplement mends a complement clause written without "that"
// that the parser split in two: in "committed to ensuring America's
// workers have access to good jobs" it makes "workers" the object of
// "ensuring" and "have" a clause of its own beside the main verb, whose
// subject it then takes ("laws have access"). A finite verb with no
// subject right after the object of such a verb is the object's verb,
// and the two are the verb's complement.
func (p *parse) repairBareComplement() bool {
	changed := false
	for w := 2; w < len(p.s.Words); w++ {
		x := p.xpos(w)
		if p.pos(w) != "VERB" || x != "VBP" && x != "VBZ" && x != "VBD" ||
			p.hasChild(w, "nsubj", "nsubj:pass", "expl", "mark") || p.head(w) < 0 && p.rel(w) != "root" {
			continue
		}
		o := -1
		for a := w - 1; a >= 0; a = p.head(a) {
			if p.rel(a) == "obj" {
				o = a
				break
			}
			if p.head(a) < 0 || p.head(a) > w || !p.nominal(a) && p.rel(a) != "case" && p.rel(a) != "nmod:poss" {
				break
			}
		}
		if o < 0 {
			continue
		}
		g := p.head(o)
		if sp := p.subtree(o, nil); sp[len(sp)-1] != w-1 || !clauseVerbs[p.lemma(g)] || p.dominates(w, g) {
			continue
		}
		p.attach(w, g, "ccomp")
		p.attach(o, w, "nsubj")
		changed = true
	}
	return changed
}

// repairGerundSubject mends a noun modified by a participle that the
// parser read as the subject of a clausal subject: in "No family making
// less than $400,000 will pay more" it makes "making" the subject of
// "pay" and "family" the subject of "making". A gerund subject has no
// subject of its own before it; a noun right before an "-ing" word that
// is some verb's subject is that verb's subject, and the "-ing" word
// describes it.
func (p *parse) repairGerundSubject() bool {
	changed := false
	for g := 1; g < len(p.s.Words); g++ {
		v := p.head(g)
		if v < 0 || p.rel(g) != "csubj" || p.xpos(g) != "VBG" {
			continue
		}
		s := p.child(g, "nsubj")
		if s < 0 || s != g-1 || !p.nominal(s) {
			continue
		}
		p.attach(s, v, "nsubj")
		p.attach(g, s, "acl")
		changed = true
	}
	return changed
}

// placeCases mark a place or a time, never who did something.
var placeCases = wordSet(`in at on during across throughout within inside near`)

// repairWhoRelative mends a "who" clause the parser hung on a noun higher
// up than the one it follows: in "lowered premiums for nine million
// Americans who buy their coverage" it makes the premiums the buyers. A
// clause opened by "who" is about a person or people, and English hangs
// it on the noun right before it: when that noun lies inside the phrase
// of the noun the parser chose, the clause is that nearer noun's.
func (p *parse) repairWhoRelative() bool {
	changed := false
	for r := range p.s.Words {
		h := p.head(r)
		if h < 0 || p.rel(r) != "acl:relcl" {
			continue
		}
		w := p.child(r, "nsubj", "nsubj:pass")
		if w < 1 || w > r || p.lower(w) != "who" {
			continue
		}
		n := w - 1
		if p.s.Words[n].Text == "," && n > 0 {
			n--
		}
		if x := p.xpos(n); x != "NNS" && x != "NNPS" {
			continue // people are named in the plural here: "Americans", "owners"
		}
		if c := p.child(n, "case"); c >= 0 && placeCases[p.lower(c)] {
			continue // "Americans in states who …": not the states
		}
		for d := 0; p.rel(n) == "conj" && d < 8 && p.head(n) >= h; d++ {
			n = p.head(n) // "residents and business owners who …": both
		}
		if n == h || !p.nominal(n) || !p.dominates(h, n) || n < h {
			continue
		}
		p.attach(r, n, "acl:relcl")
		changed = true
	}
	return changed
}

// repairTrailingParticiple mends an "-ing" clause after a comma at the
// end of a sentence that the parser hung on a relative clause: in "lowered
// premiums for Americans who buy their coverage, saving families $50" the
// saving is the lowering's doing, not the buyers'. A participle set off
// by a comma after a relative clause goes with the clause the relative
// clause's noun belongs to.
func (p *parse) repairTrailingParticiple() bool {
	changed := false
	for g := 2; g < len(p.s.Words); g++ {
		r := p.head(g)
		if r < 0 || r > g || p.rel(g) != "advcl" || p.xpos(g) != "VBG" || p.s.Words[g-1].Text != "," ||
			p.hasChild(g, "mark", "nsubj", "nsubj:pass") || p.rel(r) != "acl:relcl" {
			continue
		}
		v := p.head(r)
		for d := 0; v >= 0 && p.pos(v) != "VERB" && d < 8; d++ {
			v = p.head(v)
		}
		if v < 0 || v > r {
			continue
		}
		p.attach(g, v, "advcl")
		changed = true
	}
	return changed
}

// nameArgRels lead from a name up to the verb it is an argument of.
var nameArgRels = map[string]bool{"nmod": true, "obl": true, "obj": true, "conj": true, "flat": true, "compound": true, "appos": true}

// repairNameParticiple mends an "-ing" clause set off by a comma after a
// name that the clause's verb governs, which the parser hung on the name:
// in "Sullivan spoke with Crown Prince Mohammed bin Zayed, expressing
// appreciation for …" the one who expresses it is Sullivan. A name needs
// no participle to say which one it is, so the participle says what the
// clause's subject did as it acted: it goes with the verb.
func (p *parse) repairNameParticiple() bool {
	changed := false
	for g := 2; g < len(p.s.Words); g++ {
		n := p.head(g)
		if n < 0 || n > g || p.rel(g) != "acl" || p.xpos(g) != "VBG" || p.s.Words[g-1].Text != "," ||
			p.pos(n) != "PROPN" || p.hasChild(g, "mark", "nsubj", "nsubj:pass", "aux") {
			continue
		}
		v := n
		for d := 0; v >= 0 && d < 8 && nameArgRels[p.urel(v)]; d++ {
			v = p.head(v)
		}
		if v < 0 || p.pos(v) != "VERB" || v > n {
			continue
		}
		s := p.child(v, "nsubj")
		if s < 0 || s > v || p.dominates(s, n) {
			continue
		}
		p.attach(g, v, "advcl")
		changed = true
	}
	return changed
}

// repairReducedRelative mends a past participle right after a noun that
// the parser hung on the clause's verb as an adverbial: in "asked for
// feedback on proposals discussed in the meeting" it makes "discussed" an
// adverbial clause of "asked", and so the one who asked discussed. A bare
// participle (no subject, auxiliary, marker or object of its own) that
// follows a noun and comes after its verb is the noun's reduced relative:
// the proposals are discussed.
func (p *parse) repairReducedRelative() bool {
	changed := false
	for i := 2; i < len(p.s.Words); i++ {
		w := p.s.Words[i]
		if w.UPOS != "VERB" || w.XPOS != "VBN" || p.rel(i) != "advcl" || p.head(i) > i || !p.nominal(i-1) ||
			p.hasChild(i, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "obj", "expl", "cop") {
			continue
		}
		p.attach(i, i-1, "acl")
		changed = true
	}
	return changed
}

// repairListApposition mends an item of a list the parser read as an
// apposition of the first: in "through Project Labor Agreements, Community
// Benefits Agreements, voluntary union recognition, and neutrality" the
// second item is no other name of the first but the next in the series
// the conjunction closes. An apposition followed, on the same head, by a
// conjunct the list's "and" or "or" opens is a conjunct, unless it is a
// title or a role; one in brackets stays what it is.
func (p *parse) repairListApposition() bool {
	changed := false
	for i := 1; i < len(p.s.Words); i++ {
		h := p.head(i)
		if p.rel(i) != "appos" || h < 0 || h > i || p.firstWord(i) < 1 || p.s.Words[p.firstWord(i)-1].Text != "," ||
			titleWords[p.lower(i)] || humanRoles[p.lower(i)] {
			// A title or a role said of a person in a list of persons
			// ("Jennifer Klein, Assistant to the President, and Neera
			// Tanden") is an apposition.
			continue
		}
		closed := false
		for _, k := range p.kids[h] {
			if k > i && p.rel(k) == "conj" && p.hasChild(k, "cc") {
				closed = true
			}
		}
		if !closed {
			continue
		}
		p.attach(i, h, "conj")
		changed = true
	}
	return changed
}

// firstWord is the first word of the subtree of i, past its punctuation.
func (p *parse) firstWord(i int) int {
	first := i
	for _, k := range p.subtree(i, nil) {
		if k < first && p.rel(k) != "punct" {
			first = k
		}
	}
	return first
}

// repairDescribedName mends a description of an organization that the
// parser hung on the title before it: in "Ray Jefferson is the President
// of Jefferson Group, a global leadership development consultancy" the
// consultancy is the Group, not its President. An indefinite apposition
// right after a name inside a title's "of" phrase describes that name,
// unless it names a person's role.
func (p *parse) repairDescribedName() bool {
	changed := false
	for i := 2; i < len(p.s.Words); i++ {
		h := p.head(i)
		if p.rel(i) != "appos" || h < 0 || h > i || !titleWords[p.lower(h)] || titleWords[p.lower(i)] || humanRoles[p.lower(i)] {
			continue
		}
		d := p.child(i, "det")
		if d < 0 || p.lower(d) != "a" && p.lower(d) != "an" {
			continue
		}
		// The name that ends right before the comma, in the title's
		// "of" phrase.
		c := p.firstWord(i) - 1
		if c < 1 || p.s.Words[c].Text != "," {
			continue
		}
		n := c - 1
		for n >= 0 && p.rel(n) != "nmod" && (p.rel(n) == "flat" || p.rel(n) == "compound") && p.head(n) > n {
			n = p.head(n)
		}
		for n >= 0 && p.rel(n) == "flat" && p.head(n) < n {
			n = p.head(n)
		}
		if n < 0 || p.pos(n) != "PROPN" || p.rel(n) != "nmod" || p.head(n) != h {
			continue
		}
		p.attach(i, n, "appos")
		changed = true
	}
	return changed
}

// repairGerundRoot mends a subject's participle read as the main verb: in
// "Those endorsing the Declaration include Albania, …" the parser makes
// "endorsing" the root, with "Those" its subject and "include" its open
// complement. An "-ing" form with no auxiliary is no finite predicate; a
// finite verb after it with no subject and no marker of its own is the
// main verb, and the "-ing" clause modifies the subject.
func (p *parse) repairGerundRoot() bool {
	for r := range p.s.Words {
		if p.rel(r) != "root" || p.pos(r) != "VERB" || p.xpos(r) != "VBG" ||
			p.hasChild(r, "aux", "aux:pass", "cop", "mark") {
			continue
		}
		s := p.child(r, "nsubj")
		if s < 0 || s > r {
			continue
		}
		for _, v := range p.kids[r] {
			x := p.xpos(v)
			if v < r || p.pos(v) != "VERB" || x != "VBZ" && x != "VBP" && x != "VBD" ||
				p.hasChild(v, "nsubj", "nsubj:pass", "csubj", "expl", "mark", "aux", "aux:pass") {
				continue
			}
			if rel := p.rel(v); rel != "xcomp" && rel != "ccomp" && rel != "parataxis" {
				continue
			}
			p.attach(v, -1, "root")
			for _, k := range p.kids[r] {
				if k > v {
					p.attach(k, v, p.rel(k))
				}
			}
			p.attach(s, v, "nsubj")
			p.attach(r, s, "acl")
			return true
		}
	}
	return false
}

// repairGerundItem mends the "-ing" form that ends a list of nouns but was
// hung on the verb as a second act: in "officials highlighted the
// commitment to civil rights, reproductive rights, and safeguarding
// couples" the officials safeguard nothing; "safeguarding couples" is the
// list's last item. The verb must be finite: after an "-ing" or bare verb
// ("committed to increasing data … and ensuring sampling") the second
// "-ing" form is as often its conjunct. The object must already have a
// nominal conjunct before the "-ing" form, and the word before its
// conjunction must belong to the object's phrase.
func (p *parse) repairGerundItem() bool {
	for g := range p.s.Words {
		v := p.head(g)
		if v < 0 || p.rel(g) != "conj" || p.pos(g) != "VERB" || p.xpos(g) != "VBG" || p.pos(v) != "VERB" || !p.finiteForm(v) ||
			p.hasChild(g, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark") {
			continue
		}
		cc := p.child(g, "cc")
		o := p.child(v, "obj")
		if cc < 0 || cc != g-1 && !(cc == g-2 && p.urel(g-1) == "advmod") || o < 0 || o > g {
			continue
		}
		list := false
		for _, k := range p.kids[o] {
			if p.rel(k) == "conj" && p.nominal(k) && k < g {
				list = true
			}
		}
		prev := cc - 1
		if prev >= 0 && p.s.Words[prev].Text == "," {
			prev--
		}
		if !list || prev < 0 || !p.dominates(o, prev) {
			continue
		}
		p.attach(g, o, "conj")
		return true
	}
	return false
}

// finiteForm reports whether verb v is written finite: "highlighted",
// "offers", "offer" with a subject.
func (p *parse) finiteForm(v int) bool {
	switch p.xpos(v) {
	case "VBD", "VBZ":
		return true
	case "VBP":
		return p.hasChild(v, "nsubj", "nsubj:pass")
	}
	return false
}

// recipientCases mark the prepositional nouns a list may go on: those
// given to, made for or met with.
var recipientCases = wordSet(`to for with from`)

// repairCaseConjunct mends a list hung on the noun before a prepositional
// phrase instead of on the phrase's noun: in "provide federal funding to
// states, tribal nations, territories and localities" the parser makes the
// nations, territories and localities conjuncts of "funding", and the
// program provides tribal nations. A conjunct with no determiner,
// possessive or preposition of its own, plural as the nearest "to",
// "for", "with" or "from" noun before it is and its head is not, goes on
// that noun's list, when only commas, an "and" or "or" and its own
// modifiers stand between them.
func (p *parse) repairCaseConjunct() bool {
	changed := false
	for k := range p.s.Words {
		h := p.head(k)
		if h < 0 || h > k || p.rel(k) != "conj" || !p.nominal(k) || !p.nominal(h) || p.xpos(h) == p.xpos(k) ||
			p.hasChild(k, "det", "nmod:poss", "case") {
			continue
		}
		n := -1
		for _, c := range p.kids[h] {
			if c < k && p.rel(c) == "nmod" && p.hasChild(c, "case") {
				n = c
			}
		}
		if n < 0 || p.xpos(n) != p.xpos(k) || p.xpos(k) != "NNS" && p.xpos(k) != "NNPS" || !recipientCases[p.lower(p.child(n, "case"))] {
			continue
		}
		if cc := p.child(k, "cc"); cc >= 0 && (p.lower(cc) != "and" && p.lower(cc) != "or" || p.hasChild(cc, "fixed")) {
			continue // "as well as other tax preferences" adds to the head
		}
		ok := true
		for j := n + 1; j < k; j++ {
			if p.dominates(n, j) || p.dominates(k, j) {
				continue
			}
			if p.s.Words[j].Text != "," && !(p.rel(j) == "conj" && p.head(j) == h && p.xpos(j) == p.xpos(k)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		p.attach(k, n, "conj")
		changed = true
	}
	return changed
}

// dayWords name a day, never what a verb acts on.
var dayWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight`)

// repairTimeObject mends a day read as a verb's object: in "the
// Department announced Tuesday that it will release …" the parser makes
// "Tuesday" what was announced. A bare day name (no modifier but "this",
// "last" or "next") beside a verb says when.
func (p *parse) repairTimeObject() bool {
	changed := false
	for k := range p.s.Words {
		if r := p.rel(k); r != "obj" && r != "iobj" || !dayWords[p.lower(k)] || p.head(k) < 0 || p.pos(p.head(k)) != "VERB" {
			continue
		}
		bare := true
		for _, c := range p.kids[k] {
			if w := p.lower(c); p.rel(c) != "det" || w != "this" && w != "last" && w != "next" {
				bare = false
			}
		}
		if bare {
			p.attach(k, p.head(k), "obl:tmod")
			changed = true
		}
	}
	return changed
}

// repairPostComplement mends the complement of a post read as the name's:
// in "Nickolas Guertin, Nominee for Director of Policy" the parser hangs
// "for Director" on the name, and the name becomes "Nickolas Guertin for
// Director of Policy". A prepositional phrase right after a post set off
// after a name completes the post.
func (p *parse) repairPostComplement() bool {
	changed := false
	for i := range p.s.Words {
		n := p.head(i)
		if p.rel(i) != "appos" || n < 0 || n > i || !p.post(i) {
			continue
		}
		for _, k := range p.kids[n] {
			if p.rel(k) != "nmod" || k <= i {
				continue
			}
			if first := p.subtree(k, nil)[0]; first == i+1 && p.pos(first) == "ADP" {
				p.attach(k, i, "nmod")
				changed = true
			}
		}
	}
	return changed
}

// repairTitleObl mends a name's "on" or "for" phrase read as the verb's:
// in "launching a new Task Force on AI Datacenter Infrastructure" the
// parser makes "on … Infrastructure" where the launching happens, and the
// task force loses its name. A capitalized phrase right after a named
// body, programme or document continues its title (titleContinues).
func (p *parse) repairTitleObl() bool {
	changed := false
	for k := range p.s.Words {
		v := p.head(k)
		if p.rel(k) != "obl" || v < 0 || p.pos(v) != "VERB" {
			continue
		}
		c := p.child(k, "case")
		o := p.child(v, "obj")
		if c < 0 || o < 0 || o > c || p.isTimeWord(k) || dayWords[p.lower(k)] {
			continue // "briefed the Council on Monday" says when
		}
		if sub := p.subtree(o, nil); sub[len(sub)-1] != c-1 || !p.titleContinues(o, k, c) {
			continue
		}
		p.attach(k, o, "nmod")
		changed = true
	}
	return changed
}

// repairRootParticiple mends a past verb read as a participle of a
// sentence the parser left verbless: in "One central fact informed this
// convening" and "The Center's new director, Dr. Mike Brennan, previewed
// NOAA's new System" it hangs "informed" and "previewed" on the noun as
// modifiers, and the facts come out passive ("the fact is informed"). A
// participle that takes a direct object is no passive modifier: with a
// noun root and no other verb it is the sentence's verb, and the root (with
// the name set off after it) its subject.
func (p *parse) repairRootParticiple() bool {
	for r := range p.s.Words {
		if p.rel(r) != "root" || !p.nominal(r) || p.hasChild(r, "cop", "nsubj", "nsubj:pass") {
			continue
		}
		for v := range p.s.Words {
			h := p.head(v)
			if p.rel(v) != "acl" || p.xpos(v) != "VBN" || h < 0 || h > v || p.child(v, "obj") < 0 ||
				p.hasChild(v, "aux", "aux:pass", "mark", "nsubj", "nsubj:pass") {
				continue
			}
			if h != r && (p.rel(h) != "appos" || p.head(h) != r) {
				continue
			}
			if slices.ContainsFunc(p.kids[h], func(k int) bool { return k > v && p.rel(k) == "conj" }) {
				continue // conjuncts after the verb: a parse too tangled to mend this way
			}
			p.attach(v, -1, "root")
			p.s.Words[v].XPOS = "VBD"
			for _, k := range p.kids[r] {
				switch {
				case k <= v:
				case p.rel(k) == "punct":
					p.attach(k, v, "punct")
				default:
					// "…: climate change is a threat" goes on from the
					// verb, not from its subject.
					p.attach(k, v, "parataxis")
				}
			}
			if h != r && p.pos(h) == "PROPN" {
				// "The Center's new director, Dr. Mike Brennan,
				// previewed …": the person named is the subject, the post
				// said of him.
				p.attach(h, v, "nsubj")
				p.attach(r, h, "appos")
				return true
			}
			p.attach(r, v, "nsubj")
			return true
		}
	}
	return false
}

// repairParticipleSeries mends participles in series before their noun
// read as the phrase's head: in "A strong domestically owned and operated
// steel industry represents a priority" the parser makes "owned" the
// subject and "industry" the object of "operated", and the sentence says
// nothing about the industry. A participle in a noun's place whose
// conjunct takes, right after it, the noun a determiner before them
// opens is that noun's modifier.
func (p *parse) repairParticipleSeries() bool {
	for a := range p.s.Words {
		switch p.urel(a) {
		case "nsubj", "obj", "obl", "nmod":
		default:
			continue
		}
		if p.pos(a) != "VERB" || p.xpos(a) != "VBN" || p.hasChild(a, "aux", "aux:pass", "nsubj", "obj") {
			continue
		}
		if det := p.child(a, "det"); det < 0 || det > a {
			continue
		}
		for _, b := range p.kids[a] {
			n := p.child(b, "obj")
			if p.rel(b) != "conj" || p.xpos(b) != "VBN" || n < 0 || p.pos(n) != "NOUN" || p.subtree(n, nil)[0] != b+1 {
				continue
			}
			p.attach(n, p.head(a), p.rel(a))
			for _, k := range p.kids[a] {
				if k < a && (p.rel(k) == "det" || p.rel(k) == "amod") {
					p.attach(k, n, p.rel(k))
				}
			}
			p.attach(a, n, "amod")
			p.attach(b, a, "conj")
			return true
		}
	}
	return false
}

// repairTitleLine mends a list line that names a person with a post and
// where the post is ("Wanda Elaine Ward, Member, National Science Board";
// "Robert Otto Valdez, Nominee for Assistant Secretary …, Department of
// …"): with no verb, the parser strings the parts on the name as
// conjuncts or a list, and nothing is said. The post after the name's
// comma is its apposition, and a prepositional phrase after it completes
// the post; a body named after another comma stays apart (no word says
// how it goes with the post).
func (p *parse) repairTitleLine() bool {
	r := -1
	for i := range p.s.Words {
		if p.pos(i) == "VERB" || p.pos(i) == "AUX" {
			return false
		}
		if p.rel(i) == "root" {
			r = i
		}
	}
	if r < 0 || p.pos(r) != "PROPN" || p.child(r, "flat") < 0 {
		return false
	}
	k := -1
	for _, c := range p.kids[r] {
		switch p.rel(c) {
		case "conj", "list", "parataxis", "dep":
		default:
			continue
		}
		if c > r && p.s.Words[c-1].Text == "," && (p.post(c) || titleWords[p.lower(c)]) {
			k = c
			break
		}
	}
	if k < 0 {
		return false
	}
	p.attach(k, r, "appos")
	for _, j := range p.kids[r] {
		if j > k && p.rel(j) == "nmod" {
			p.attach(j, k, "nmod")
		}
	}
	return true
}
