package facts

import (
	"context"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// FromStore reads a store's facts (resolved or not) with every name of
// their subject and object entities, in the form Evaluate scores. doc
// keeps one document's facts; "" keeps all. Evaluation sits on top of the
// graph's Go API: the graph package knows nothing of it.
func FromStore(ctx context.Context, s *graph.Store, doc string) ([]Fact, error) {
	rows, err := s.Facts(ctx, graph.FactsOptions{All: true})
	if err != nil {
		return nil, err
	}
	ents, err := s.Entities(ctx, graph.EntityOptions{})
	if err != nil {
		return nil, err
	}
	names := make(map[string][]string, len(ents))
	for _, e := range ents {
		names[e.Label] = append([]string{e.Label}, e.Aliases...)
	}
	out := make([]Fact, 0, len(rows))
	for _, r := range rows {
		if doc != "" && r.Document != doc {
			continue
		}
		// A concept's label is only its head phrase: the fact is scored as a
		// table shows it, by its own wording, its node's names beside.
		subj, obj := schema.Shown(r.Subject, r.SubjectType, r.SubjectText), schema.Shown(r.Object, r.ObjectType, r.ObjectText)
		out = append(out, Fact{Document: r.Document, Sentence: r.Sentence, Subject: subj, SubjectNames: withLabel(names[r.Subject], r.Subject),
			Predicate: r.Predicate, Object: obj, ObjectNames: withLabel(names[r.Object], r.Object), Unresolved: r.Unresolved})
	}
	return out, nil
}

func withLabel(names []string, label string) []string {
	if len(names) > 0 && names[0] == label {
		return names
	}
	return append([]string{label}, names...)
}
