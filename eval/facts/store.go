package facts

import (
	"context"

	"github.com/kgraph/kgraph/graph"
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
		out = append(out, Fact{Document: r.Document, Sentence: r.Sentence, Subject: r.Subject, SubjectNames: names[r.Subject],
			Predicate: r.Predicate, Object: r.Object, ObjectNames: names[r.Object], Unresolved: r.Unresolved})
	}
	return out, nil
}
