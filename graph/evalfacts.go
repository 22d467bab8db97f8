package graph

import (
	"context"

	"github.com/kgraph/kgraph/eval/facts"
)

// EvalFacts reads the store's facts (resolved or not) with every name of
// their subject and object entities, in the form package eval/facts
// scores. doc keeps one document's facts; "" keeps all.
func EvalFacts(ctx context.Context, s *Store, doc string) ([]facts.Fact, error) {
	rows, err := s.Facts(ctx, FactsOptions{All: true})
	if err != nil {
		return nil, err
	}
	ents, err := s.Entities(ctx, EntityOptions{})
	if err != nil {
		return nil, err
	}
	names := make(map[string][]string, len(ents))
	for _, e := range ents {
		names[e.Label] = append([]string{e.Label}, e.Aliases...)
	}
	out := make([]facts.Fact, 0, len(rows))
	for _, r := range rows {
		if doc != "" && r.Document != doc {
			continue
		}
		out = append(out, facts.Fact{Document: r.Document, Sentence: r.Sentence, Subject: r.Subject, SubjectNames: names[r.Subject],
			Predicate: r.Predicate, Object: r.Object, ObjectNames: names[r.Object], Unresolved: r.Unresolved})
	}
	return out, nil
}
