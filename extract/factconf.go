package extract

import (
	"math"
	"strconv"

	"github.com/kgraph/kgraph/schema"
)

// A fact's confidence says how likely a person reading its sentence is to
// judge it right: the subject the right real-world thing, the relation the
// one the sentence asserts. The clause model (confidence.go) was fitted to
// CaRB's surface tuples; it knows the clause but not what resolution made
// of it, and on the judged facts of the dev samples it barely ranked (top
// half 0.737 against 0.705 for all, dev/v10). So a fact is scored again
// once its document is read, from the clause's score and from what the
// fact became: what kind of thing its subject turned out to be, and what
// its object is.
//
// The weights are fitted by TestFitFactConfidence (fit_test.go, run with
// KGRAPH_FIT=1) on the judged samples of testdata/judge/dev only, never
// on the held-out samples: logistic regression on soft labels (C 1, P ½,
// W 0, the judges averaged), L2-regularized, and checked by fitting on one
// half of the documents and ranking the other. On 911 judged dev facts
// extracted as they were judged (dev/v1–v11), the top half by the clause
// model was right 0.739 and 0.765 of the time (the two halves), by this
// model 0.763 and 0.778. On the held-out sample v12 the first fit (on
// dev/v1–v10, before v12 was drawn) ranked the top half 0.750, the clause
// model 0.680. Which facts Extract keeps is still decided on the clause
// model's scale (MinConfidence) before the facts are scored again.

// factFeatures describes fact f, read off a clause with features tf (nil
// for a fact no clause gave: a title, a nominal), for scoring. A wider set
// (whom "we" or a pronoun was taken for, argument and sentence lengths,
// headings, modality, per-party copies of one "we" fact, every clause
// feature on its own) ranked no better on the half of the documents it
// was not fitted on, so the model keeps what did: the clause's own score,
// what kind of thing the subject became, a country as object (a list item
// torn from its phrase, more often than not), and the clause features the
// judged facts punish most.
func (d *docState) factFeatures(f schema.Fact, tf *[nFeatures]float64) map[string]float64 {
	c := math.Min(math.Max(f.Confidence, 0.01), 0.99)
	x := map[string]float64{"bias": 1, "clause": math.Log(c / (1 - c))}
	b := func(name string, on bool) {
		if on {
			x[name] = 1
		}
	}
	switch d.typeOf(f.Subject) {
	case schema.TypePerson:
		b("subj.person", true)
	case schema.TypeConcept:
		b("subj.concept", true)
	case "":
		b("subj.untyped", true)
	}
	b("obj.country", d.typeOf(f.Object) == schema.TypeCountry)
	if tf != nil {
		b("t.appos", tf[fAppos] > 0)
		b("t.subjverb", tf[fSubjVerb] > 0)
		if tf[fDepth] > 0 {
			x["t.depth"] = tf[fDepth]
		}
	} else {
		b("title", f.Relation == "title")
	}
	return x
}

// factScore is the logistic model's probability for features x.
func factScore(x map[string]float64) float64 {
	z := 0.0
	for k, v := range x {
		z += factWeights[k] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// rescore sets each fact's confidence from the fact model.
func (d *docState) rescore(facts []schema.Fact) {
	for i := range facts {
		f := &facts[i]
		var tf *[nFeatures]float64
		if v, ok := d.clauseOf[factKey(*f)]; ok {
			tf = &v
		}
		x := d.factFeatures(*f, tf)
		if d.observe != nil {
			d.observe(*f, x)
		}
		f.Confidence = math.Round(factScore(x)*1000) / 1000
	}
}

// factKey identifies a fact within its document.
func factKey(f schema.Fact) string {
	return f.Subject + "\x00" + f.Predicate + "\x00" + f.Object + "\x00" + f.Polarity() + "\x00" + strconv.Itoa(f.Sentence)
}

// factWeights are fitted by TestFitFactConfidence; see the package comment
// above.
var factWeights = map[string]float64{
	"bias": 0.71, "clause": 0.43, "obj.country": -0.16, "subj.concept": -0.16, "subj.person": 0.38,
	"subj.untyped": -0.3, "t.appos": -0.29, "t.depth": -0.27, "t.subjverb": -0.28, "title": 0.26,
}
