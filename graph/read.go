package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// FactRow is one fact as the facts table shows it: names, not IRIs.
type FactRow struct {
	Subject   string // entity label; for an unresolved fact, the subject as written
	Predicate string // predicate label (the lemma)
	Object    string // entity label
	// The arguments as written, when known, and their entities' types ("" when
	// unknown, the most specific of several): a concept's label is only its
	// head phrase, and schema.Shown gives what a table should show.
	SubjectText, ObjectText string
	SubjectType, ObjectType string
	Document                string  // document id
	Sentence                int     // sentence number in the document
	Confidence              float64 // in [0,1]
	Polarity                string  // "positive" or "negative"
	Unresolved              bool    // the subject is an unresolved reference
	Statement               string  // IRI of the statement node
}

// FactsOptions choose which facts Facts returns.
type FactsOptions struct {
	// All includes unresolved facts, left out by default.
	All bool
}

// Facts returns the stored facts, sorted by subject, predicate, object,
// document, sentence, confidence, polarity.
func (s *Store) Facts(ctx context.Context, opts FactsOptions) ([]FactRow, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	sc, err := s.scanFacts(ctx, opts)
	if err != nil {
		return nil, err
	}
	return sc.rows, nil
}

// factNodes are the nodes a statement links, which a FactRow names by
// label only; subgraph exports follow them.
type factNodes struct {
	stmt, subj, pred, obj, sent, doc quad.Value
}

// factScan is what one pass over the store learns about its facts.
type factScan struct {
	rows  []FactRow
	nodes map[string]factNodes // by statement IRI
	types map[quad.Value][]string
	// Entity names, for subgraph exports to find entities by.
	labels  map[quad.Value]string
	byLabel map[string]quad.Value
	byAlias map[string][]quad.Value
}

// scanFacts reads the facts as Facts does, keeping the nodes behind each
// row and the types of the entities.
func (s *Store) scanFacts(ctx context.Context, opts FactsOptions) (*factScan, error) {
	type stmt struct {
		isStmt                bool
		subj, pred, obj, sent quad.Value
		subjText, objText     string
		conf                  float64
		negative, unresolved  bool
	}
	stmts := make(map[quad.Value]*stmt)
	get := func(v quad.Value) *stmt {
		st := stmts[v]
		if st == nil {
			st = &stmt{}
			stmts[v] = st
		}
		return st
	}
	labels := make(map[quad.Value]string)
	ids := make(map[quad.Value]string)
	numbers := make(map[quad.Value]int)
	docs := make(map[quad.Value]quad.Value) // sentence → document
	types := make(map[quad.Value][]string)
	byAlias := make(map[string][]quad.Value)

	err := s.eachStoredQuad(ctx, func(q quad.Quad) {
		switch q.Predicate {
		case pLabel:
			if l, ok := q.Object.(quad.String); ok {
				// Two labels slugged to one IRI: keep the better, so the
				// answer does not depend on storage order.
				if old := labels[q.Subject]; betterLabel(string(l), old) {
					labels[q.Subject] = string(l)
				}
			}
		case pAlias:
			if a := literal(q.Object); isEntity(q.Subject) && !slices.Contains(byAlias[a], q.Subject) {
				byAlias[a] = append(byAlias[a], q.Subject)
			}
		case pID:
			if v, ok := q.Object.(quad.String); ok {
				ids[q.Subject] = string(v)
			}
		case pNumber:
			if v, ok := q.Object.(quad.Int); ok {
				numbers[q.Subject] = int(v)
			}
		case pType:
			if isEntity(q.Subject) {
				t := strings.TrimPrefix(iriString(q.Object), schema.Scheme+"t/")
				if !slices.Contains(types[q.Subject], t) {
					types[q.Subject] = append(types[q.Subject], t)
				}
			}
		case pSubject:
			get(q.Subject).subj = q.Object
		case pPredicate:
			// Every statement has one kg:predicate, and nothing else does.
			st := get(q.Subject)
			st.pred, st.isStmt = q.Object, true
		case pObject:
			get(q.Subject).obj = q.Object
		case pDocument:
			// A statement's document is its sentence's (stores built
			// before statements lost their own kg:document say it twice).
			if strings.HasPrefix(iriString(q.Subject), schema.Scheme+"s/") {
				docs[q.Subject] = q.Object
			}
		case pSentence:
			get(q.Subject).sent = q.Object
		case pSubjectText:
			get(q.Subject).subjText = literal(q.Object)
		case pObjectText:
			get(q.Subject).objText = literal(q.Object)
		case pConfidence:
			switch v := q.Object.(type) {
			case quad.Float:
				get(q.Subject).conf = float64(v)
			case quad.Int:
				get(q.Subject).conf = float64(v)
			}
		case pPolarity:
			get(q.Subject).negative = literal(q.Object) == "negative"
		case pResolved:
			get(q.Subject).unresolved = literal(q.Object) == "false"
		}
	})
	if err != nil {
		return nil, err
	}

	name := func(v quad.Value) string {
		if l, ok := labels[v]; ok {
			return l
		}
		return iriString(v)
	}
	sc := &factScan{nodes: make(map[string]factNodes, len(stmts)), types: types,
		labels: make(map[quad.Value]string), byLabel: make(map[string]quad.Value), byAlias: byAlias}
	for _, ts := range types {
		slices.Sort(ts)
	}
	for v, l := range labels {
		if isEntity(v) {
			sc.labels[v] = l
			sc.byLabel[l] = v
		}
	}
	rows := make([]FactRow, 0, len(stmts))
	for v, st := range stmts {
		if !st.isStmt || (st.unresolved && !opts.All) {
			continue
		}
		r := FactRow{
			Subject:     name(st.subj),
			Predicate:   name(st.pred),
			Object:      name(st.obj),
			SubjectText: st.subjText,
			ObjectText:  st.objText,
			SubjectType: entityType(types[st.subj]),
			ObjectType:  entityType(types[st.obj]),
			Document:    ids[docs[st.sent]],
			Sentence:    numbers[st.sent],
			Confidence:  st.conf,
			Polarity:    "positive",
			Unresolved:  st.unresolved,
			Statement:   iriString(v),
		}
		if st.unresolved || st.subj == nil {
			r.Subject = st.subjText
		}
		if st.negative {
			r.Polarity = "negative"
		}
		rows = append(rows, r)
		sc.nodes[r.Statement] = factNodes{stmt: v, subj: st.subj, pred: st.pred, obj: st.obj, sent: st.sent, doc: docs[st.sent]}
	}
	slices.SortFunc(rows, compareRows)
	sc.rows = rows
	return sc, nil
}

// entityType picks one type of an entity that several documents typed: a
// specific type before Concept, which is what a document says of a phrase
// it cannot name.
func entityType(ts []string) string {
	for _, t := range ts {
		if t != schema.TypeConcept {
			return t
		}
	}
	if len(ts) > 0 {
		return ts[0]
	}
	return ""
}

func compareRows(a, b FactRow) int {
	return cmp.Or(
		cmp.Compare(a.Subject, b.Subject),
		cmp.Compare(a.Predicate, b.Predicate),
		cmp.Compare(a.Object, b.Object),
		cmp.Compare(a.Document, b.Document),
		cmp.Compare(a.Sentence, b.Sentence),
		cmp.Compare(a.Confidence, b.Confidence),
		cmp.Compare(a.Polarity, b.Polarity),
		cmp.Compare(a.Statement, b.Statement),
	)
}

// Stats counts what the store holds.
type Stats struct {
	Quads      int64 // quads stored
	Nodes      int64 // distinct values in any position, labels included
	Documents  int64 // kg:t/Document nodes
	Sentences  int64 // kg:t/Sentence nodes
	Facts      int64 // statement nodes (kg:predicate), resolved or not
	Entities   int64 // distinct kg:e/… nodes
	Predicates int64 // kg:t/Predicate nodes
}

// Stats counts the store's quads and nodes by reading every quad once: the
// backends' own node counts disagree (memstore's counts quads as nodes).
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	var st Stats
	nodes := make(map[string]struct{})
	entities := make(map[string]struct{})
	err = s.eachStoredQuad(ctx, func(q quad.Quad) {
		st.Quads++
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil {
				continue
			}
			k := v.String()
			nodes[k] = struct{}{}
			if isEntity(v) {
				entities[k] = struct{}{}
			}
		}
		switch q.Predicate {
		case pType:
			switch q.Object {
			case tDocument:
				st.Documents++
			case tSentence:
				st.Sentences++
			case tPredicate:
				st.Predicates++
			}
		case pPredicate:
			st.Facts++ // one a statement
		}
	})
	st.Nodes = int64(len(nodes))
	st.Entities = int64(len(entities))
	return st, err
}

// eachStoredQuad calls fn for every quad in the store. The caller holds
// lockRead or lockWrite.
func (s *Store) eachStoredQuad(ctx context.Context, fn func(quad.Quad)) error {
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// isEntity reports whether v names an entity (kg:e/…).
func isEntity(v quad.Value) bool {
	i, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(i), schema.Scheme+"e/")
}

func iriString(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	if v == nil {
		return ""
	}
	return v.String()
}

func literal(v quad.Value) string {
	if s, ok := v.(quad.String); ok {
		return string(s)
	}
	if v == nil {
		return ""
	}
	return v.String()
}

// betterLabel reports whether label l should be shown instead of old ("":
// none yet) when documents wrote one entity's label differently, so that
// the choice does not depend on storage order: a label in prose case
// ("People") before one a heading wrote in capitals ("PEOPLE"), then the
// smallest.
func betterLabel(l, old string) bool {
	if l == "" || old == "" {
		return l != ""
	}
	if c, oc := shouting(l), shouting(old); c != oc {
		return oc
	}
	return l < old
}

// shouting reports whether a label is written in capitals and is more
// than an acronym: a word of five letters or more, or two words.
func shouting(l string) bool {
	if strings.ToUpper(l) != l || strings.ToLower(l) == l {
		return false
	}
	return len(strings.Fields(l)) > 1 || len(l) >= 5
}
