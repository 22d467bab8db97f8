package extract

import (
	"slices"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

func TestConfident(t *testing.T) {
	d := &docState{ents: map[string]*schema.Entity{}}
	for _, e := range []schema.Entity{
		{Label: "United States", Type: schema.TypeCountry},
		{Label: "railway", Type: schema.TypeConcept},
		{Label: "supply", Type: schema.TypeConcept},
		{Label: "demand", Type: schema.TypeConcept},
	} {
		d.ents[Key(e.Label)] = &e
	}
	fact := func(n int, subj, obj string, c float64) schema.Fact {
		return schema.Fact{Sentence: n, Subject: subj, Predicate: "meet", Object: obj, Confidence: c}
	}
	unresolved := fact(1, "they", "supply", 0.9)
	unresolved.Unresolved = true
	unsure := fact(3, "they", "demand", 0.2)
	unsure.Unresolved = true
	facts := []schema.Fact{
		fact(1, "railway", "supply", 0.3),        // the best of its sentence among named subjects
		unresolved,                               // sure enough, though no one is named
		fact(2, "supply", "demand", 0.5),         // sure enough
		fact(2, "railway", "demand", 0.39),       // a concept of a concept, unsure: dropped
		fact(2, "railway", "United States", 0.3), // of a name: kept
		fact(2, "United States", "railway", 0.1), // said of a name: kept
		unsure,                                   // unresolved: kept
		fact(3, "railway", "demand", 0.1),        // the best of sentence 3
	}
	var got []string
	for _, f := range d.confident(slices.Clone(facts)) {
		got = append(got, f.Subject+"/"+f.Object)
	}
	want := []string{"railway/supply", "they/supply", "supply/demand", "railway/United States",
		"United States/railway", "they/demand", "railway/demand"}
	if !slices.Equal(got, want) {
		t.Errorf("confident kept\n%q\nwant\n%q", got, want)
	}
}
