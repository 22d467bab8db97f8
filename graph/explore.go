package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// This file reads one node and its surroundings for an explorer: an entity
// with its facts and their provenance, a sentence with its document. Every
// read follows an index from the node (Cayley's kv stores index quads by
// subject and predicate, and by object, predicate and subject), so the cost
// is that of the node's neighbourhood, never of the whole store.

// ErrNotFound is a node the store does not hold.
var ErrNotFound = errors.New("not found")

// Node names a node: its IRI, its label and, for an entity, its type.
type Node struct {
	IRI   string `json:"id"`
	Label string `json:"label,omitempty"`
	Type  string `json:"type,omitempty"` // "Country"; "" when unknown
}

// DocumentRef is a document as a fact or sentence cites it.
type DocumentRef struct {
	IRI       string `json:"iri"`
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	Sentences int    `json:"sentences,omitempty"`
}

// SentenceRef is a sentence as a fact cites it.
type SentenceRef struct {
	IRI    string `json:"iri"`
	Number int    `json:"number"`
	Text   string `json:"text"`
}

// FactView is one fact with everything its statement node holds and its
// provenance.
type FactView struct {
	Statement   string      `json:"id"`      // kg:f/<doc>/<n>/<i>
	Subject     Node        `json:"subject"` // IRI "" when unresolved; Label then is the text as written
	Predicate   Node        `json:"predicate"`
	Object      Node        `json:"object"`
	Negated     bool        `json:"negated,omitempty"`
	Unresolved  bool        `json:"unresolved,omitempty"`
	Confidence  float64     `json:"confidence"`
	Relation    string      `json:"relation,omitempty"`
	SubjectText string      `json:"subjectText,omitempty"`
	ObjectText  string      `json:"objectText,omitempty"`
	Modality    string      `json:"modality,omitempty"`
	Time        string      `json:"time,omitempty"`
	Place       string      `json:"place,omitempty"`
	Arguments   []string    `json:"arguments,omitempty"`
	Sentence    SentenceRef `json:"sentence"`
	Document    DocumentRef `json:"document"`
}

// EntityView is an entity with its names and the facts it takes part in.
type EntityView struct {
	Node
	Types        []string   `json:"types,omitempty"`
	Aliases      []string   `json:"aliases,omitempty"`
	Titles       []string   `json:"titles,omitempty"`
	Affiliations []Node     `json:"affiliations,omitempty"`
	Facts        []FactView `json:"facts"`
	// Truncated says that the entity has more facts than the limit asked.
	Truncated bool `json:"truncated,omitempty"`
}

// SentenceView is a sentence with its document, its neighbours and the
// facts read off it.
type SentenceView struct {
	SentenceRef
	Document DocumentRef `json:"document"`
	Previous string      `json:"previous,omitempty"` // the text of the sentence before, if any
	Next     string      `json:"next,omitempty"`     // the text of the sentence after, if any
	Mentions []Node      `json:"mentions,omitempty"`
	Facts    []FactView  `json:"facts"`
}

// FindEntity returns the IRI of the entity whose label is name or, failing
// that, one of whose aliases is; ErrNotFound when there is none.
func (s *Store) FindEntity(ctx context.Context, name string) (string, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return "", err
	}
	defer unlock()
	for _, p := range []quad.IRI{pLabel, pAlias} {
		var found []string
		err := path.StartPath(s.qs).Has(p, quad.String(name)).Iterate(ctx).EachValue(s.qs, func(v quad.Value) error {
			if i := iriString(v); strings.HasPrefix(i, schema.Scheme+"e/") {
				found = append(found, i)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		if len(found) > 0 {
			slices.Sort(found)
			return found[0], nil
		}
	}
	return "", fmt.Errorf("entity %q: %w", name, ErrNotFound)
}

// Entity returns the entity named by its IRI (kg:e/…, angle brackets
// optional) with at most limit of its facts (0: all), subject or object.
func (s *Store) Entity(ctx context.Context, id string, limit int) (*EntityView, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	e := quad.IRI(trimIRI(id))
	v := &EntityView{Node: Node{IRI: string(e)}}
	for _, p := range []quad.IRI{pLabel, pType, pAlias, pTitle, pAffiliation} {
		vals, err := r.out(e, p)
		if err != nil {
			return nil, err
		}
		for _, x := range vals {
			switch p {
			case pLabel:
				if l := literal(x); betterLabel(l, v.Label) {
					v.Label = l
				}
			case pType:
				v.Types = append(v.Types, strings.TrimPrefix(iriString(x), schema.Scheme+"t/"))
			case pAlias:
				v.Aliases = append(v.Aliases, literal(x))
			case pTitle:
				v.Titles = append(v.Titles, literal(x))
			case pAffiliation:
				n, err := r.node(x)
				if err != nil {
					return nil, err
				}
				v.Affiliations = append(v.Affiliations, n)
			}
		}
	}
	if v.Label == "" {
		return nil, fmt.Errorf("entity %s: %w", e, ErrNotFound)
	}
	for _, l := range [][]string{v.Types, v.Aliases, v.Titles} {
		slices.Sort(l)
	}
	v.Types, v.Aliases, v.Titles = slices.Compact(v.Types), slices.Compact(v.Aliases), slices.Compact(v.Titles)
	if len(v.Types) == 1 {
		v.Type = v.Types[0]
	}

	var stmts []quad.Value
	for _, p := range []quad.IRI{pSubject, pObject} {
		vals, err := r.in(e, p)
		if err != nil {
			return nil, err
		}
		stmts = append(stmts, vals...)
	}
	slices.SortFunc(stmts, func(a, b quad.Value) int { return cmp.Compare(iriString(a), iriString(b)) })
	stmts = slices.CompactFunc(stmts, func(a, b quad.Value) bool { return iriString(a) == iriString(b) })
	if limit > 0 && len(stmts) > limit {
		stmts, v.Truncated = stmts[:limit], true
	}
	v.Facts = make([]FactView, 0, len(stmts))
	for _, st := range stmts {
		f, err := r.fact(st)
		if err != nil {
			return nil, err
		}
		v.Facts = append(v.Facts, f)
	}
	sortFacts(v.Facts)
	return v, ctx.Err()
}

// Sentence returns the sentence named by its IRI (kg:s/<doc>/<n>), with its
// document, its neighbours' text and its facts.
func (s *Store) Sentence(ctx context.Context, id string) (*SentenceView, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	si := quad.IRI(trimIRI(id))
	ref, docIRI, err := r.sentence(si)
	if err != nil {
		return nil, err
	}
	if ref.Text == "" && docIRI == nil {
		return nil, fmt.Errorf("sentence %s: %w", si, ErrNotFound)
	}
	v := &SentenceView{SentenceRef: ref}
	if docIRI != nil {
		if v.Document, err = r.document(docIRI); err != nil {
			return nil, err
		}
	}
	if v.Document.ID != "" {
		for _, d := range []struct {
			n    int
			into *string
		}{{ref.Number - 1, &v.Previous}, {ref.Number + 1, &v.Next}} {
			if d.n < 1 {
				continue
			}
			texts, err := r.out(quad.IRI(schema.SentenceIRI(v.Document.ID, d.n)), pText)
			if err != nil {
				return nil, err
			}
			if len(texts) > 0 {
				*d.into = literal(texts[0])
			}
		}
	}
	mentions, err := r.out(si, pMentions)
	if err != nil {
		return nil, err
	}
	for _, m := range mentions {
		n, err := r.node(m)
		if err != nil {
			return nil, err
		}
		v.Mentions = append(v.Mentions, n)
	}
	slices.SortFunc(v.Mentions, func(a, b Node) int { return cmp.Compare(a.Label, b.Label) })
	v.Mentions = slices.Compact(v.Mentions)
	stmts, err := r.in(si, pSentence)
	if err != nil {
		return nil, err
	}
	v.Facts = make([]FactView, 0, len(stmts))
	for _, st := range stmts {
		f, err := r.fact(st)
		if err != nil {
			return nil, err
		}
		v.Facts = append(v.Facts, f)
	}
	slices.SortFunc(v.Facts, func(a, b FactView) int { return compareStatementIRI(a.Statement, b.Statement) })
	return v, ctx.Err()
}

// reader reads nodes for one request, remembering what it read.
type reader struct {
	ctx       context.Context
	s         *Store
	nodes     map[quad.Value]Node
	docs      map[quad.Value]DocumentRef
	sentences map[quad.Value]sentenceAndDoc
}

type sentenceAndDoc struct {
	ref SentenceRef
	doc quad.Value
}

func (s *Store) newReader(ctx context.Context) *reader {
	return &reader{ctx: ctx, s: s, nodes: map[quad.Value]Node{}, docs: map[quad.Value]DocumentRef{},
		sentences: map[quad.Value]sentenceAndDoc{}}
}

// out lists the values v reaches through p; in those that reach v.
func (r *reader) out(v quad.Value, p quad.IRI) ([]quad.Value, error) {
	return path.StartPath(r.s.qs, v).Out(p).Iterate(r.ctx).AllValues(r.s.qs)
}

func (r *reader) in(v quad.Value, p quad.IRI) ([]quad.Value, error) {
	return path.StartPath(r.s.qs, v).In(p).Iterate(r.ctx).AllValues(r.s.qs)
}

// node names v with its label and type.
func (r *reader) node(v quad.Value) (Node, error) {
	if n, ok := r.nodes[v]; ok {
		return n, nil
	}
	n := Node{IRI: iriString(v)}
	labels, err := r.out(v, pLabel)
	if err != nil {
		return n, err
	}
	for _, l := range labels {
		if x := literal(l); betterLabel(x, n.Label) {
			n.Label = x
		}
	}
	types, err := r.out(v, pType)
	if err != nil {
		return n, err
	}
	if len(types) == 1 {
		n.Type = strings.TrimPrefix(iriString(types[0]), schema.Scheme+"t/")
	}
	r.nodes[v] = n
	return n, nil
}

func (r *reader) document(v quad.Value) (DocumentRef, error) {
	if d, ok := r.docs[v]; ok {
		return d, nil
	}
	d := DocumentRef{IRI: iriString(v)}
	err := r.s.eachQuad(r.ctx, quad.Subject, v, func(q quad.Quad) {
		switch q.Predicate {
		case pID:
			d.ID = literal(q.Object)
		case pTitle:
			d.Title = literal(q.Object)
		case pDate:
			d.Date = literal(q.Object)
		case pURL:
			d.URL = literal(q.Object)
		case pSentences:
			if n, ok := q.Object.(quad.Int); ok {
				d.Sentences = int(n)
			}
		}
	})
	r.docs[v] = d
	return d, err
}

// sentence reads a sentence's number, text and document. Its mentions are
// left for the caller: a sentence's subject quads are few.
func (r *reader) sentence(v quad.Value) (SentenceRef, quad.Value, error) {
	if s, ok := r.sentences[v]; ok {
		return s.ref, s.doc, nil
	}
	ref := SentenceRef{IRI: iriString(v)}
	var doc quad.Value
	err := r.s.eachQuad(r.ctx, quad.Subject, v, func(q quad.Quad) {
		switch q.Predicate {
		case pNumber:
			if n, ok := q.Object.(quad.Int); ok {
				ref.Number = int(n)
			}
		case pText:
			ref.Text = literal(q.Object)
		case pDocument:
			doc = q.Object
		}
	})
	r.sentences[v] = sentenceAndDoc{ref, doc}
	return ref, doc, err
}

// fact reads one statement node and what it points to.
func (r *reader) fact(st quad.Value) (FactView, error) {
	f := FactView{Statement: iriString(st)}
	var subj, pred, obj, sent, doc quad.Value
	err := r.s.eachQuad(r.ctx, quad.Subject, st, func(q quad.Quad) {
		switch q.Predicate {
		case pSubject:
			subj = q.Object
		case pPredicate:
			pred = q.Object
		case pObject:
			obj = q.Object
		case pSentence:
			sent = q.Object
		case pDocument:
			doc = q.Object
		case pConfidence:
			switch c := q.Object.(type) {
			case quad.Float:
				f.Confidence = float64(c)
			case quad.Int:
				f.Confidence = float64(c)
			}
		case pPolarity:
			f.Negated = literal(q.Object) == "negative"
		case pResolved:
			f.Unresolved = literal(q.Object) == "false"
		case pRelation:
			f.Relation = literal(q.Object)
		case pSubjectText:
			f.SubjectText = literal(q.Object)
		case pObjectText:
			f.ObjectText = literal(q.Object)
		case pModality:
			f.Modality = literal(q.Object)
		case pTime:
			f.Time = literal(q.Object)
		case pPlace:
			f.Place = literal(q.Object)
		case pArgument:
			f.Arguments = append(f.Arguments, literal(q.Object))
		}
	})
	if err != nil {
		return f, err
	}
	slices.Sort(f.Arguments)
	for _, x := range []struct {
		v    quad.Value
		into *Node
	}{{subj, &f.Subject}, {pred, &f.Predicate}, {obj, &f.Object}} {
		if x.v == nil {
			continue
		}
		if *x.into, err = r.node(x.v); err != nil {
			return f, err
		}
	}
	if subj == nil {
		f.Subject = Node{Label: f.SubjectText}
	}
	if sent != nil {
		ref, sdoc, err := r.sentence(sent)
		if err != nil {
			return f, err
		}
		f.Sentence = ref
		if doc == nil {
			doc = sdoc
		}
	}
	if doc != nil {
		if f.Document, err = r.document(doc); err != nil {
			return f, err
		}
	}
	return f, nil
}

// sortFacts orders facts by predicate, subject, object, then document and
// sentence.
func sortFacts(fs []FactView) {
	slices.SortFunc(fs, func(a, b FactView) int {
		return cmp.Or(
			cmp.Compare(a.Predicate.Label, b.Predicate.Label),
			cmp.Compare(a.Subject.Label, b.Subject.Label),
			cmp.Compare(a.Object.Label, b.Object.Label),
			cmp.Compare(a.Document.ID, b.Document.ID),
			cmp.Compare(a.Sentence.Number, b.Sentence.Number),
			cmp.Compare(a.Statement, b.Statement),
		)
	})
}

// compareStatementIRI orders kg:f/<doc>/<n>/<i> by document, then
// numerically by sentence and fact.
func compareStatementIRI(a, b string) int {
	pa, pb := strings.Split(a, "/"), strings.Split(b, "/")
	if len(pa) != len(pb) || len(pa) < 3 {
		return strings.Compare(a, b)
	}
	for i := range pa {
		if pa[i] == pb[i] {
			continue
		}
		if i >= len(pa)-2 && len(pa[i]) != len(pb[i]) {
			return cmp.Compare(len(pa[i]), len(pb[i]))
		}
		return strings.Compare(pa[i], pb[i])
	}
	return 0
}

// trimIRI takes "<kg:e/x>" or "kg:e/x" to "kg:e/x".
func trimIRI(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1]
	}
	return s
}
