package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// This file is the mapping from a schema.Result to quads, the contract
// docs/schema.md describes for analysts. Change both together.

// Nodes and predicates as quad values.
func iri(s string) quad.IRI { return quad.IRI(s) }

var (
	pLabel       = iri(schema.PredLabel)
	pAlias       = iri(schema.PredAlias)
	pType        = iri(schema.PredType)
	pTitle       = iri(schema.PredTitle)
	pAffiliation = iri(schema.PredAffiliated)
	pMentions    = iri(schema.PredMentions)
	pText        = iri(schema.PredText)
	pNumber      = iri(schema.PredNumber)
	pDocument    = iri(schema.PredDocument)
	pID          = iri(schema.PredID)
	pDate        = iri(schema.PredDate)
	pURL         = iri(schema.PredURL)
	pHash        = iri(schema.PredHash)
	pSentences   = iri(schema.PredSentences)
	pSubject     = iri(schema.PredSubject)
	pPredicate   = iri(schema.PredPredicate)
	pObject      = iri(schema.PredObject)
	pSentence    = iri(schema.PredSentence)
	pConfidence  = iri(schema.PredConfidence)
	pPolarity    = iri(schema.PredPolarity)
	pModality    = iri(schema.PredModality)
	pTime        = iri(schema.PredTime)
	pPlace       = iri(schema.PredPlace)
	pArgument    = iri(schema.PredArgument)
	pRelation    = iri(schema.PredRelation)
	pResolved    = iri(schema.PredResolved)
	pSubjectText = iri(schema.PredSubjectText)
	pObjectText  = iri(schema.PredObjectText)

	tDocument  = iri(schema.TypeIRI(schema.TypeDocument))
	tSentence  = iri(schema.TypeIRI(schema.TypeSentence))
	tPredicate = iri(schema.TypeIRI(schema.TypePredicate))
)

// docQuads is one document's quads, split by what a reload does with them.
type docQuads struct {
	id   string
	iri  quad.IRI
	hash string
	// owned are labeled with the document or one of its sentences: a new
	// version of the document replaces them.
	owned []quad.Quad
	// shared are unlabeled (entities, predicates, gazetteer aliases): many
	// documents may say them, none removes them.
	shared []quad.Quad

	sentences, facts, entities int
}

// contentHash identifies a Result by its document and its extractor: the
// same text extracted by the same extractor version hashes the same, so a
// second build adds nothing even when what the store learned since (names
// from other documents) would resolve a mention differently; a new
// extractor version replaces the old facts of an unchanged text.
//
// The hash is of the JSON of a struct of its own, not of schema.Document,
// whose JSON field names may change (they did, to lower case) without
// making every stored document look new.
func contentHash(r schema.Result) (string, error) {
	type document struct{ ID, Title, Date, URL, Text string }
	d := r.Document
	b, err := json.Marshal(struct {
		Extractor string
		Document  document
	}{r.Extractor, document{d.ID, d.Title, d.Date, d.URL, d.Text}})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// mapResult turns one Result into quads. It refuses a Result that would
// produce a graph the readers cannot make sense of.
func mapResult(r schema.Result) (*docQuads, error) {
	id := r.Document.ID
	if id == "" {
		return nil, fmt.Errorf("document has no ID")
	}
	hash, err := contentHash(r)
	if err != nil {
		return nil, fmt.Errorf("document %q: hash: %w", id, err)
	}
	d := &docQuads{id: id, iri: iri(schema.DocumentIRI(id)), hash: hash}
	seen := make(map[quad.Quad]bool)
	add := func(dst *[]quad.Quad, s quad.Value, p quad.IRI, o quad.Value, label quad.Value) {
		q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}
		if !seen[q] {
			seen[q] = true
			*dst = append(*dst, q)
		}
	}
	owned := func(s quad.Value, p quad.IRI, o quad.Value, label quad.Value) { add(&d.owned, s, p, o, label) }
	shared := func(s quad.Value, p quad.IRI, o quad.Value) { add(&d.shared, s, p, o, nil) }
	sentIRI := func(n int) quad.IRI { return iri(schema.SentenceIRI(id, n)) }

	// The document.
	doc := r.Document
	owned(d.iri, pType, tDocument, d.iri)
	owned(d.iri, pID, quad.String(id), d.iri)
	for _, kv := range []struct {
		p quad.IRI
		v string
	}{{pTitle, doc.Title}, {pDate, doc.Date}, {pURL, doc.URL}} {
		if kv.v != "" {
			owned(d.iri, kv.p, quad.String(kv.v), d.iri)
		}
	}
	owned(d.iri, pHash, quad.String(hash), d.iri)
	owned(d.iri, pSentences, quad.Int(len(r.Sentences)), d.iri)

	// Sentences.
	sentences := make(map[int]bool, len(r.Sentences))
	for _, s := range r.Sentences {
		if s.N < 1 {
			return nil, fmt.Errorf("document %q: sentence number %d, want >= 1", id, s.N)
		}
		if sentences[s.N] {
			return nil, fmt.Errorf("document %q: sentence %d given twice", id, s.N)
		}
		sentences[s.N] = true
		si := sentIRI(s.N)
		owned(si, pType, tSentence, d.iri)
		owned(si, pNumber, quad.Int(s.N), d.iri)
		owned(si, pDocument, d.iri, d.iri)
		owned(si, pText, quad.String(s.Text), d.iri)
	}
	d.sentences = len(r.Sentences)

	// Entities. Every entity a fact names gets at least its label, even if
	// the extractor left it out of Entities: a node without a label cannot
	// be shown.
	labeled := make(map[string]bool)
	entity := func(label string) quad.IRI {
		e := iri(schema.EntityIRI(label))
		if !labeled[label] {
			labeled[label] = true
			shared(e, pLabel, quad.String(label))
		}
		return e
	}
	for _, e := range r.Entities {
		if e.Label == "" {
			return nil, fmt.Errorf("document %q: entity without a label", id)
		}
		ei := entity(e.Label)
		if e.Type != "" {
			shared(ei, pType, iri(schema.TypeIRI(e.Type)))
		}
		for _, t := range e.Titles {
			shared(ei, pTitle, quad.String(t))
		}
		for _, a := range e.Affiliations {
			shared(ei, pAffiliation, entity(a))
		}
		for _, a := range e.Aliases {
			switch {
			case a.Sentence == 0:
				shared(ei, pAlias, quad.String(a.Name))
			case sentences[a.Sentence]:
				// The sentence names the entity: it mentions it. Load also
				// relies on this to find the alias again (documentQuads).
				owned(ei, pAlias, quad.String(a.Name), sentIRI(a.Sentence))
				owned(sentIRI(a.Sentence), pMentions, ei, d.iri)
			default:
				return nil, fmt.Errorf("document %q: alias %q of %q: no sentence %d", id, a.Name, e.Label, a.Sentence)
			}
		}
	}
	d.entities = len(r.Entities)
	for _, s := range r.Sentences {
		for _, m := range s.Mentions {
			if m == "" {
				return nil, fmt.Errorf("document %q: sentence %d mentions an entity without a label", id, s.N)
			}
			owned(sentIRI(s.N), pMentions, entity(m), d.iri)
		}
	}

	// Facts: a direct edge for traversals plus a statement node for
	// everything a triple cannot hold.
	perSentence := make(map[int]int)
	for k, f := range r.Facts {
		if !sentences[f.Sentence] {
			return nil, fmt.Errorf("document %q: fact %d (%s %s %s): no sentence %d", id, k+1, f.Subject, f.Predicate, f.Object, f.Sentence)
		}
		if math.IsNaN(f.Confidence) || f.Confidence < 0 || f.Confidence > 1 {
			return nil, fmt.Errorf("document %q: fact %d: confidence %v outside [0,1]", id, k+1, f.Confidence)
		}
		if f.Object == "" || (f.Subject == "" && !f.Unresolved) {
			return nil, fmt.Errorf("document %q: fact %d: empty subject or object", id, k+1)
		}
		perSentence[f.Sentence]++
		si := sentIRI(f.Sentence)
		st := iri(schema.StatementIRI(id, f.Sentence, perSentence[f.Sentence]))
		p := iri(schema.PredicateIRI(f.Predicate))
		shared(p, pLabel, quad.String(f.Predicate))
		shared(p, pType, tPredicate)

		// A statement is the node with a kg:predicate, and its sentence
		// has its document: neither kg:type kg:t/Statement nor a
		// kg:document of its own would say more (docs/schema.md).
		obj := entity(f.Object)
		owned(si, pMentions, obj, d.iri)
		if !f.Unresolved {
			subj := entity(f.Subject)
			owned(si, pMentions, subj, d.iri)
			owned(subj, p, obj, si)
			owned(st, pSubject, subj, si)
		}
		owned(st, pPredicate, p, si)
		owned(st, pObject, obj, si)
		owned(st, pSentence, si, si)
		owned(st, pConfidence, quad.Float(f.Confidence), si)
		subjText := f.SubjectText
		if subjText == "" && f.Unresolved {
			subjText = f.Subject
		}
		for _, kv := range []struct {
			p quad.IRI
			v string
		}{
			{pRelation, f.Relation}, {pSubjectText, subjText}, {pObjectText, f.ObjectText},
			{pModality, f.Modality}, {pTime, f.Time}, {pPlace, f.Place},
		} {
			if kv.v != "" {
				owned(st, kv.p, quad.String(kv.v), si)
			}
		}
		for _, a := range f.Extra {
			owned(st, pArgument, quad.String(a), si)
		}
		if f.Negated {
			owned(st, pPolarity, quad.String("negative"), si)
		}
		if f.Unresolved {
			owned(st, pResolved, quad.String("false"), si)
		}
	}
	d.facts = len(r.Facts)
	return d, nil
}
