package extract

import (
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
		case "nmod":
			if c := p.child(k, "case"); c >= 0 {
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
