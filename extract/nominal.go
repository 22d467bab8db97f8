package extract

import (
	"slices"
	"strings"

	"github.com/kgraph/kgraph/schema"
)

// lightNouns carry the meaning of a clause whose verb says little:
// "expressed support for X", "reaffirmed their commitment to X",
// "underscored the importance of X". The fact folds the noun and its
// preposition into the predicate ("reaffirm commitment to") and takes the
// noun's complement as the object, which is what an analyst asks about.
var lightNouns = map[string]bool{
	"commitment": true, "support": true, "importance": true, "opposition": true, "concern": true, "need": true,
	"role": true, "contribution": true, "cooperation": true, "dialogue": true, "consultation": true,
	"effort": true, "progress": true, "interest": true, "respect": true, "appreciation": true, "condolence": true,
	"solidarity": true, "readiness": true, "determination": true, "intention": true,
	"obligation": true, "assistance": true, "aid": true,
	"investment": true, "gratitude": true, "condemnation": true, "recognition": true, "pledge": true,
	"promise": true, "call": true, "desire": true, "hope": true, "confidence": true,
	"engagement": true, "coordination": true, "collaboration": true, "dedication": true,
	"significance": true, "necessity": true, "priority": true, "focus": true, "attention": true,
}

// foldable says whether the object noun at i folds into the predicate.
func (p *parse) foldable(i int) bool {
	if p.pos(i) != "NOUN" {
		return false
	}
	l := strings.ToLower(p.lemma(i))
	return lightNouns[l] || lightNouns[strings.TrimSuffix(l, "s")]
}

// folded returns, for an object headed by a light noun, the preposition and
// the complements it governs: "commitment to the posture and the treaty"
// gives "to" and [posture, treaty].
func (p *parse) folded(obj int) (prep string, heads []int) {
	for _, k := range p.kids[obj] {
		switch p.rel(k) {
		case "nmod", "obj":
			// A misattached "obj" with a preposition is an nmod:
			// "efforts toward the transition".
			c := p.child(k, "case")
			if c < 0 && p.rel(k) == "obj" {
				// "efforts toward the systematic and stable transition":
				// the preposition may hang off a modifier of the noun.
				if sub := p.subtree(k, nil); len(sub) > 0 && sub[0] == obj+1 && p.pos(sub[0]) == "ADP" {
					c = sub[0]
				}
			}
			if c >= 0 && (p.rel(k) == "nmod" || p.nominal(k)) {
				return p.lower(c), p.conjuncts(k)
			}
		case "acl", "advcl":
			// "a critical role in maintaining peace": the gerund clause is
			// the complement.
			if m := p.child(k, "mark"); m >= 0 && p.s.Words[k].XPOS == "VBG" {
				return p.lower(m), []int{k}
			}
		}
	}
	return "", nil
}

// nominalVerbs turn an action noun into the verb of the fact it reports,
// with the preposition its object takes: "Russia's violation of the
// Charter" says Russia violated the Charter.
var nominalVerbs = map[string]string{
	"violation": "violate", "attack": "attack", "invasion": "invade", "support": "support",
	"commitment": "commit to", "decision": "decide", "deployment": "deploy", "pursuit": "pursue",
	"development": "develop", "use": "use", "threat": "threaten", "occupation": "occupy",
	"annexation": "annex", "seizure": "seize", "launch": "launch", "test": "test", "condemnation": "condemn",
	"recognition": "recognize", "withdrawal": "withdraw from", "transfer": "transfer", "acquisition": "acquire",
	"construction": "build", "establishment": "establish", "expansion": "expand", "implementation": "implement",
	"enforcement": "enforce", "protection": "protect", "destruction": "destroy", "abuse": "abuse",
	"aggression": "commit aggression against", "war": "wage war against", "cooperation": "cooperate with",
	"engagement": "engage", "participation": "participate in", "assistance": "assist", "funding": "fund",
}

// nominalFacts finds facts stated as nouns with a named possessor: "the
// DPRK's violation of UNSC resolutions" → (DPRK, violate, UNSC resolutions).
func (d *docState) nominalFacts(n int, p *parse, seen map[string]bool) {
	for i := range p.s.Words {
		if p.pos(i) != "NOUN" {
			continue
		}
		l := strings.ToLower(p.lemma(i))
		if poseNouns[l] || poseNouns[strings.TrimSuffix(l, "s")] {
			d.poseFact(n, p, i, seen)
		}
		if verb, ok := reciprocalNouns[l]; ok {
			d.betweenFacts(n, p, i, verb, seen)
		}
		verb, ok := nominalVerbs[l]
		if !ok {
			verb, ok = nominalVerbs[strings.TrimSuffix(l, "s")]
		}
		if !ok {
			continue
		}
		poss := p.child(i, "nmod:poss")
		if poss < 0 || p.pos(poss) == "PRON" {
			continue
		}
		subj := d.resolve(p, p.phrase(poss))
		if subj.unresolved || len(subj.labels) == 0 || !d.named(subj.labels[0]) {
			continue
		}
		for _, k := range p.kids[i] {
			if p.rel(k) != "nmod" {
				continue
			}
			c := p.child(k, "case")
			if c < 0 {
				continue
			}
			prep := p.lower(c)
			switch {
			case prep == "of" && !strings.Contains(verb, " "):
			case strings.HasSuffix(verb, " "+prep):
			default:
				continue
			}
			for _, o := range p.conjuncts(k) {
				if o != k && p.child(o, "nmod:poss") >= 0 {
					// "its violation of the Charter and its attempts to …":
					// a possessed conjunct is an action of its own.
					continue
				}
				obj := d.resolveObject(p, p.stripCase(p.phrase(o)))
				for _, s := range subj.labels {
					for _, ol := range obj.labels {
						if obj.unresolved || Key(s) == Key(ol) || seen[s+"\x00"+verb+"\x00"+ol] {
							continue
						}
						seen[s+"\x00"+verb+"\x00"+ol] = true
						d.out = append(d.out, schema.Fact{Subject: s, Predicate: verb, Object: ol, Sentence: n,
							Confidence: 0.5, Relation: p.s.Words[i].Text, SubjectText: subj.text, ObjectText: obj.text})
					}
				}
			}
		}
	}
}

// knownName reports whether a label is a name the gazetteer or the document's
// acronyms define.
func (d *docState) knownName(label string) bool {
	if _, ok := d.gaz.Lookup(label); ok {
		return true
	}
	for _, a := range d.acronyms {
		if Key(a.long) == Key(label) {
			return true
		}
	}
	return false
}

// named reports whether a label is a name the document or the gazetteer
// knows, rather than a description.
func (d *docState) named(label string) bool {
	e, ok := d.ents[Key(label)]
	return ok && e.Type != "" && e.Type != schema.TypeConcept
}

// gerundArgs reads a gerund that completes a light noun: "working closely
// within the UN framework" gives "work within" and the framework;
// "advancing and deepening U.S.-ROK cooperation" gives "advance" and the
// cooperation (the object the coordinated gerunds share).
func (p *parse) gerundArgs(g int) (string, []span) {
	if g < 0 || p.pos(g) != "VERB" || p.s.Words[g].XPOS != "VBG" {
		return "", nil
	}
	return p.verbArgs(g)
}

// verbArgs is a verb's lemma with its object, or with the preposition and
// object of its first prepositional argument.
func (p *parse) verbArgs(g int) (string, []span) {
	if g < 0 || p.pos(g) != "VERB" {
		return "", nil
	}
	verb := strings.ToLower(p.lemma(g))
	o := p.child(g, "obj")
	if o < 0 {
		// "advancing and deepening X": coordinated verbs share the last
		// one's object.
		for _, c := range p.conjuncts(g)[1:] {
			if o = p.child(c, "obj"); o >= 0 {
				break
			}
		}
	}
	var out []span
	if o >= 0 {
		for _, c := range p.conjuncts(o) {
			out = append(out, p.stripCase(p.phrase(c)))
		}
		return verb, out
	}
	for _, k := range p.kids[g] {
		if p.rel(k) != "obl" {
			continue
		}
		c := p.child(k, "case")
		if c < 0 {
			continue
		}
		for _, x := range p.conjuncts(k) {
			out = append(out, p.stripCase(p.phrase(x)))
		}
		return verb + " " + p.lower(c), out
	}
	return "", nil
}

// adjComplement finds the prepositional complement of a predicate
// adjective: "open to dialogue", "committed to peace".
func (p *parse) adjComplement(a int) (string, []int) {
	for _, k := range p.kids[a] {
		switch p.rel(k) {
		case "obl", "nmod":
			if c := p.child(k, "case"); c >= 0 {
				return p.lower(c), p.conjuncts(k)
			}
		}
	}
	return "", nil
}

// together says whether the clause is done "together" by its subjects.
func (p *parse) together(t tuple) bool {
	heads := append([]int{t.verb}, t.xcomp...)
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for _, k := range p.kids[h] {
			// "together with the international community" names a
			// partner: not each other.
			if p.rel(k) == "advmod" && p.lower(k) == "together" && !p.withPartner(k) && !p.withPartner(h) {
				return true
			}
		}
	}
	return false
}

// poseNouns name what an actor poses: "the DPRK's nuclear and missile
// threats" says the DPRK poses them.
var poseNouns = map[string]bool{"threat": true, "challenge": true, "risk": true, "danger": true}

// poseFact records (possessor, pose, noun phrase) for a threat noun with a
// named possessor.
func (d *docState) poseFact(n int, p *parse, i int, seen map[string]bool) {
	poss := p.child(i, "nmod:poss")
	if poss < 0 || p.pos(poss) == "PRON" {
		return
	}
	subj := d.resolve(p, p.phrase(poss))
	if subj.unresolved || len(subj.labels) == 0 || !d.named(subj.labels[0]) {
		return
	}
	owner := map[int]bool{}
	for _, j := range p.subtree(poss, nil) {
		owner[j] = true
	}
	var sp span
	for _, j := range p.phrase(i) {
		if !owner[j] {
			sp = append(sp, j)
		}
	}
	obj := d.resolveObject(p, sp)
	if obj.unresolved || len(obj.labels) == 0 {
		return
	}
	for _, s := range subj.labels {
		for _, o := range obj.labels {
			k := s + "\x00pose\x00" + o
			if Key(s) == Key(o) || seen[k] {
				continue
			}
			seen[k] = true
			d.out = append(d.out, schema.Fact{Subject: s, Predicate: "pose", Object: o, Sentence: n,
				Confidence: 0.5, Relation: p.s.Words[i].Text, SubjectText: subj.text, ObjectText: obj.text})
		}
	}
}

// namedComplements are the prepositional phrases of a light noun after
// the first one (first) whose words name something: "consultations for
// potential collaboration on projects under AUKUS Pillar II". When the
// first is a light noun too, its own such phrases count as well, as the
// parser may hang "on projects" on either noun.
func (p *parse) namedComplements(noun, first int) []int {
	var out []int
	cands := slices.Clone(p.kids[noun])
	if p.foldable(first) {
		cands = append(cands, p.kids[first]...)
	}
	for _, k := range cands {
		if k <= first || p.rel(k) != "nmod" || p.child(k, "case") < 0 || !topicPreps[p.lower(p.child(k, "case"))] {
			continue
		}
		for _, j := range p.subtree(k, nil) {
			if p.pos(j) == "PROPN" && capitalized(p.s.Words[j].Text) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// topicPreps introduce what a light noun is about or with whom.
var topicPreps = map[string]bool{"on": true, "about": true, "regarding": true, "concerning": true, "over": true,
	"with": true, "toward": true, "towards": true, "within": true}

// singledOut says whether a phrase is marked as the example that matters:
// "particularly the recent military drills".
func (p *parse) singledOut(h int) bool {
	for _, k := range p.kids[h] {
		if p.rel(k) == "advmod" {
			switch p.lower(k) {
			case "particularly", "especially", "notably", "specifically":
				return true
			}
		}
	}
	return false
}

// sharesModifiers says whether k, a conjunct of the noun h, is a bare
// noun that takes h's modifiers: "human rights violations and abuses".
func (p *parse) sharesModifiers(h, k int) bool {
	if h < 0 || k < 0 || p.pos(h) != "NOUN" || p.pos(k) != "NOUN" || p.rel(k) != "conj" || p.head(k) != h {
		return false
	}
	for _, c := range p.kids[k] {
		if r := p.rel(c); r != "cc" && r != "punct" {
			return false
		}
	}
	for _, c := range p.kids[h] {
		switch p.rel(c) {
		case "compound", "amod":
			return true
		case "nmod:poss":
			if p.pos(c) != "PRON" {
				return true
			}
		}
	}
	return false
}

// nounAgent is the "by" phrase of an action noun, -1 if none: "an attack
// by the DPRK".
func (p *parse) nounAgent(h int) int {
	if p.pos(h) != "NOUN" {
		return -1
	}
	for _, k := range p.kids[h] {
		if p.rel(k) != "nmod" && p.rel(k) != "nmod:agent" {
			continue
		}
		if c := p.child(k, "case"); c >= 0 && p.lower(c) == "by" && p.pos(k) == "PROPN" && len(p.conjuncts(k)) == 1 {
			return k
		}
	}
	return -1
}

// agentName is the doer of a "by" phrase as written, without article, if
// it is a known name: "DPRK" for "by the DPRK".
func (d *docState) agentName(p *parse, k int) string {
	name := stripDeterminer(p.text(d.text, p.stripCase(p.core(k, p.subtree(k, nil), false))))
	if name == "" {
		return ""
	}
	canonical := ""
	if e, ok := d.gaz.Lookup(name); ok {
		canonical = e.Canonical
	} else if a, ok := d.acronyms[Key(name)]; ok {
		canonical = a.long
	} else {
		return ""
	}
	// One doer, one name: the short form the document defines for it.
	for _, a := range d.acronyms {
		if Key(a.long) == Key(canonical) {
			return a.short
		}
	}
	return name
}

// withPartner says whether the verb has a "with" phrase: "pursue measures
// together with the international community".
func (p *parse) withPartner(v int) bool {
	for _, k := range p.kids[v] {
		if r := p.rel(k); r == "obl" || r == "nmod" {
			if c := p.child(k, "case"); c >= 0 && p.lower(c) == "with" {
				return true
			}
		}
	}
	return false
}

// inside says whether word i lies in the subtree of word g.
func (p *parse) inside(i, g int) bool {
	for j, steps := i, 0; j >= 0 && steps < 100; j, steps = p.head(j), steps+1 {
		if j == g {
			return true
		}
	}
	return false
}

// without returns sp less the words of drop.
func without(sp, drop span) span {
	out := make(span, 0, len(sp))
	for _, j := range sp {
		if !slices.Contains(drop, j) {
			out = append(out, j)
		}
	}
	return out
}

// goalNouns name what a clause's subject aims at.
var goalNouns = map[string]bool{"goal": true, "aim": true, "objective": true, "purpose": true, "intent": true}

type aim struct {
	pred string
	obj  span
}

// aims finds "with the goal of signing X" within the clause of t: the
// subject aims to sign X.
func (p *parse) aims(t tuple) []aim {
	clause := map[int]bool{t.verb: true}
	for _, x := range t.xcomp {
		clause[x] = true
	}
	var out []aim
	for g := range p.s.Words {
		if p.pos(g) != "NOUN" || !goalNouns[strings.ToLower(p.lemma(g))] {
			continue
		}
		in := false
		for j, steps := p.head(g), 0; j >= 0 && steps < 4; j, steps = p.head(j), steps+1 {
			if clause[j] {
				in = true
				break
			}
			if p.pos(j) == "VERB" {
				break
			}
		}
		if !in {
			continue
		}
		for _, v := range p.kids[g] {
			if r := p.rel(v); r != "acl" && r != "nmod" || p.s.Words[v].XPOS != "VBG" {
				continue
			}
			if m := p.child(v, "mark", "case"); m < 0 || p.lower(m) != "of" {
				continue
			}
			o := p.child(v, "obj")
			if o < 0 {
				continue
			}
			for _, c := range p.conjuncts(o) {
				out = append(out, aim{pred: "aim to " + strings.ToLower(p.lemma(v)), obj: p.stripCase(p.phrase(c))})
			}
		}
	}
	return out
}

// reciprocalNouns name a relation two parties have with each other:
// "consultations between the United States and the ROK" says each
// consults with the other.
var reciprocalNouns = map[string]string{
	"consultation": "consult with", "consultations": "consult with", "cooperation": "cooperate with",
	"talks": "hold talks with", "negotiation": "negotiate with", "negotiations": "negotiate with",
	"interconnectedness": "be interconnected with", "interdependence": "be interdependent with",
	"partnership": "partner with", "alliance": "be allied with", "dialogue": "hold dialogue with",
	"trade": "trade with", "coordination": "coordinate with",
}

// betweenFacts records (A, verb, B) and (B, verb, A) for a reciprocal
// noun "between A and B" whose parties are both named.
func (d *docState) betweenFacts(n int, p *parse, i int, verb string, seen map[string]bool) {
	for _, k := range p.kids[i] {
		if p.rel(k) != "nmod" {
			continue
		}
		if c := p.child(k, "case"); c < 0 || p.lower(c) != "between" {
			continue
		}
		cs := p.conjuncts(k)
		if len(cs) != 2 {
			return
		}
		var names []string
		var texts []string
		for _, c := range cs {
			m := d.resolve(p, p.stripCase(p.phrase(c)))
			if m.unresolved || len(m.labels) != 1 || !d.named(m.labels[0]) {
				return
			}
			names, texts = append(names, m.labels[0]), append(texts, m.text)
		}
		if Key(names[0]) == Key(names[1]) {
			return
		}
		for a := 0; a < 2; a++ {
			s, o := names[a], names[1-a]
			key := s + "\x00" + verb + "\x00" + o
			if seen[key] {
				continue
			}
			seen[key] = true
			d.out = append(d.out, schema.Fact{Subject: s, Predicate: verb, Object: o, Sentence: n,
				Confidence: 0.5, Relation: p.s.Words[i].Text, SubjectText: texts[a], ObjectText: texts[1-a]})
		}
		return
	}
}

// asParticipleOf finds, for "as reflected in" or "as defined by" (a past
// participle with "as" hanging off a verb), the object of that verb,
// which the participle describes; -1 if none.
func (p *parse) asParticipleOf(v int) int {
	if v < 0 || p.s.Words[v].XPOS != "VBN" || p.rel(v) != "advcl" {
		return -1
	}
	if m := p.child(v, "mark"); m < 0 || p.lower(m) != "as" {
		return -1
	}
	g := p.head(v)
	if g < 0 {
		return -1
	}
	return p.child(g, "obj")
}

// committer says whether the subject word sh is who commits with verb g:
// its subject, or a subject from outside its clause, not a noun inside
// what is committed to.
func (p *parse) committer(sh, g int) bool {
	if sh < 0 {
		return false
	}
	if p.head(sh) == g {
		return strings.HasPrefix(p.rel(sh), "nsubj")
	}
	return !p.inside(sh, g)
}
