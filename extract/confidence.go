package extract

import (
	"math"
	"strings"

	"github.com/kgraph/kgraph/schema"
)

// Confidence is a logistic model over a few features of a tuple that say
// how likely a dependency-parse extraction is to be right, so that facts
// can be ranked (CaRB's AUC rewards a good ranking).
//
// The weights were fitted offline by logistic regression with soft labels:
// for each of the 1,648 extractions on CaRB dev (dev only, never test), the
// label is its best tuple-level precision against the gold tuples of its
// sentence under CaRB's matcher; plain gradient descent, L2 0.01 on all
// but the bias. What they say: a root clause, a passive, a conjunct and a
// relation of several words (a preposition or a folded complement in it)
// are right more often; deep embedding, a possessive read as "has", long
// subjects, a subject holding a verb or a comma, an infinitive or gerund
// borrowing its subject and a long sentence are wrong more often. Refit
// after a rule change that moves the scores: dump features(p, t) beside
// each extraction, score them with the matcher, regress, paste.
var confWeights = [nFeatures]float64{
	fBias:       0.52,
	fInherit:    0.08,
	fNoObj:      -0.04,
	fAppos:      -0.17,
	fPoss:       -0.71,
	fDepth:      -0.67,
	fSubjLen:    -0.33,
	fObjLen:     0.01,
	fExtras:     -0.28,
	fLongSent:   -0.28,
	fCopula:     -0.16,
	fPassive:    0.26,
	fSubjPron:   0.11,
	fRelPron:    0.01,
	fSubjCase:   -0.05,
	fSubjVerb:   -0.35,
	fParticiple: -0.07,
	fConj:       0.34,
	fRelcl:      0.03,
	fAdvcl:      -0.02,
	fObjCase:    0.21,
	fXcomp:      0.14,
	fRoot:       0.54,
	fSubjAfter:  -0.08,
	fSubjComma:  -0.25,
	fObjVerb:    -0.16,
	fRelLen:     0.32,
	fSubjProper: 0.20,
	fBe:         0.11,
	fNonFinite:  -0.29,
}

// Features, each in about [0, 1].
const (
	fBias       = iota
	fInherit    // subject taken from another clause
	fNoObj      // no second argument, only extras
	fAppos      // "X, the Y": is-tuple from an apposition
	fPoss       // "X 's Y": has-tuple from a possessive
	fDepth      // embedding depth of the clause, /5 capped at 1
	fSubjLen    // subject words, /10 capped
	fObjLen     // object words, /15 capped
	fExtras     // extra arguments, /3 capped
	fLongSent   // sentence words, /60 capped
	fCopula     // predicate nominal or adjective
	fPassive    //
	fSubjPron   // subject is a pronoun
	fRelPron    // subject or object is a bare relative pronoun
	fSubjCase   // subject begins with a preposition: a fragment
	fSubjVerb   // subject holds a verb: a clause taken for a noun
	fParticiple // relation head is a bare participle or gerund
	fConj       // clause is a conjunct of another
	fRelcl      // clause is a relative or participial modifier
	fAdvcl      // clause is adverbial, parataxis or complement
	fObjCase    // preposition moved into the relation
	fXcomp      // open complement folded into the relation
	fRoot       // clause is the sentence root
	fSubjAfter  // subject stands after the verb
	fSubjComma  // subject holds a comma: a list or an aside
	fObjVerb    // object holds a verb: a clause as an argument
	fRelLen     // relation words, /5 capped
	fSubjProper // subject is a name
	fBe         // "be" supplied for a reduced relative
	fNonFinite  // infinitive or gerund clause borrowing its subject
	nFeatures
)

func features(p *parse, t tuple) [nFeatures]float64 {
	var f [nFeatures]float64
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	capped := func(n, d int) float64 { return math.Min(float64(n)/float64(d), 1) }
	f[fBias] = 1
	f[fInherit] = b(t.inherit)
	f[fNoObj] = b(len(t.obj) == 0)
	f[fAppos] = b(t.kind == "appos" || t.kind == "title")
	f[fPoss] = b(t.kind == "poss")
	f[fDepth] = capped(t.depth, 5)
	f[fSubjLen] = capped(len(t.subj), 10)
	f[fObjLen] = capped(len(t.obj), 15)
	f[fExtras] = capped(len(t.extra), 3)
	f[fLongSent] = capped(len(p.s.Words), 60)
	f[fCopula] = b(t.copula && t.kind != "appos")
	f[fPassive] = b(t.passive)
	if len(t.subj) > 0 {
		s0 := t.subj[0]
		f[fSubjPron] = b(len(t.subj) == 1 && p.pos(s0) == "PRON")
		f[fRelPron] = b(len(t.subj) == 1 && isRelativePronoun(p, s0) || len(t.obj) == 1 && isRelativePronoun(p, t.obj[0]))
		f[fSubjCase] = b(p.urel(s0) == "case" || p.pos(s0) == "ADP")
		for _, i := range t.subj {
			if p.pos(i) == "VERB" || p.urel(i) == "cop" {
				f[fSubjVerb] = 1
				break
			}
		}
	}
	if t.verb >= 0 {
		x := p.s.Words[t.verb].XPOS
		f[fParticiple] = b((x == "VBN" || x == "VBG") && len(t.relWords) == 1)
	}
	switch k := t.kind; {
	case k == "conj":
		f[fConj] = 1
	case strings.HasPrefix(k, "acl"):
		f[fRelcl] = 1
	case k == "advcl" || k == "parataxis" || k == "ccomp" || k == "xcomp":
		f[fAdvcl] = 1
	case k == "root":
		f[fRoot] = 1
	}
	f[fObjCase] = b(t.objCase >= 0)
	if len(t.subj) > 0 && t.verb >= 0 {
		f[fSubjAfter] = b(t.subj[0] > t.verb)
	}
	for _, i := range t.subj {
		if p.s.Words[i].Text == "," {
			f[fSubjComma] = 1
		}
		if p.pos(i) == "PROPN" {
			f[fSubjProper] = 1
		}
	}
	for _, i := range t.obj {
		if p.pos(i) == "VERB" {
			f[fObjVerb] = 1
			break
		}
	}
	f[fRelLen] = capped(len(t.relWords), 5)
	f[fBe] = b(t.be != "")
	f[fNonFinite] = b(t.inherit && t.verb >= 0 && p.nonFinite(t.verb))
	f[fXcomp] = b(len(t.xcomp) > 0)
	return f
}

func confidence(p *parse, t tuple) float64 { return clauseScore(features(p, t)) }

// clauseScore is the clause model's confidence for features f.
func clauseScore(f [nFeatures]float64) float64 {
	z := 0.0
	for i, x := range f {
		z += confWeights[i] * x
	}
	c := 1 / (1 + math.Exp(-z))
	// Three decimals keep the output readable; ties keep file order.
	return math.Round(c*1000) / 1000
}

// nonFinite says whether clause h is an infinitive ("to promote peace") or
// a gerund ("in maintaining peace", "deepening cooperation"): such a clause
// takes its subject from another, often wrongly, and CaRB's gold seldom
// writes a tuple for it.
func (p *parse) nonFinite(h int) bool {
	if p.child(h, "aux", "aux:pass", "cop") >= 0 {
		return false
	}
	if m := p.child(h, "mark"); m >= 0 && p.lower(m) == "to" {
		return true
	}
	return p.s.Words[h].XPOS == "VBG" || p.s.Words[h].XPOS == "VB" && p.rel(h) != "conj"
}

// MinConfidence is the confidence below which Extract drops a fact said
// of a generic phrase (a concept, schema.TypeConcept), unless it is the
// best reading of its sentence. On the dev judge samples
// (testdata/judge/dev) such facts were right about a quarter of the time,
// against 0.63 for all facts, while those under it said of a named entity
// were as good as the rest, and recall of the dev gold, which is mostly
// about named entities, needs them. A sentence keeps its best reading so
// that none goes silent for doubt alone. Options.Unsure keeps them all.
const MinConfidence = 0.4

// confident returns, in their order, the facts the extractor is sure
// enough of: at or above MinConfidence, said of or about a named entity,
// with an unresolved subject, or the best of their sentence among those
// whose subject is named.
func (d *docState) confident(facts []schema.Fact) []schema.Fact {
	best := map[int]float64{}
	for _, f := range facts {
		if c, ok := best[f.Sentence]; !f.Unresolved && (!ok || f.Confidence > c) {
			best[f.Sentence] = f.Confidence
		}
	}
	out := facts[:0]
	for _, f := range facts {
		c, ok := best[f.Sentence]
		switch {
		case f.Confidence >= MinConfidence:
		case f.Unresolved:
			// Halved for want of a name (canon.go), and never said of
			// an entity: left for a reader who can resolve it.
		case ok && f.Confidence >= c:
		case d.typeOf(f.Subject) == schema.TypeConcept && d.typeOf(f.Object) == schema.TypeConcept:
			continue
		}
		out = append(out, f)
	}
	return out
}

// typeOf returns the type of the entity labelled label, or "".
func (d *docState) typeOf(label string) string {
	if e := d.ents[Key(label)]; e != nil {
		return e.Type
	}
	return ""
}
