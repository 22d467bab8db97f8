package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// orphanDoc is a document of one sentence per fact ("subject predicate
// object"), its entities the facts' ends, typed Organization, and ents,
// which add types, titles and affiliations.
func orphanDoc(id, version string, facts []string, ents ...schema.Entity) schema.Result {
	r := schema.Result{Document: schema.Document{ID: id, Title: id, Text: version}}
	listed := map[string]bool{}
	for _, e := range ents {
		listed[e.Label] = true
	}
	r.Entities = ents
	for i, f := range facts {
		p := strings.Fields(f)
		subj, pred, obj := p[0], p[1], p[2]
		n := i + 1
		r.Sentences = append(r.Sentences, schema.Sentence{N: n, Text: f})
		r.Facts = append(r.Facts, schema.Fact{Subject: subj, Predicate: pred, Object: obj, Sentence: n, Confidence: 0.5})
		for _, e := range []string{subj, obj} {
			if !listed[e] {
				listed[e] = true
				r.Entities = append(r.Entities, schema.Entity{Label: e, Type: schema.TypeOrganization})
			}
		}
	}
	return r
}

// orphanStep is a Load of docs, or a Remove of remove.
type orphanStep struct {
	load   []schema.Result
	remove string
}

// TestStore_Orphans: after a removal or a replacement the store holds
// what a build of the documents that remain makes, unlabeled quads
// included: the entities and predicates only the removed (or old) version
// supported are gone with their labels, types, titles and affiliations.
func TestStore_Orphans(t *testing.T) {
	person := func(label, aff string) schema.Entity {
		return schema.Entity{Label: label, Type: schema.TypePerson, Titles: []string{"Envoy"}, Affiliations: []string{aff}}
	}
	// What only a removed document says of an entity that stays (a type,
	// a title) has no provenance in the store and stays too, so the
	// documents that keep an entity here say the same of it.
	korea := schema.Entity{Label: "Korea", Type: schema.TypeOrganization}
	a1 := orphanDoc("a", "1", []string{"Alpha support Beta", "Alpha condemn Gamma"})
	a2 := orphanDoc("a", "2", []string{"Alpha support Beta"})
	b := orphanDoc("b", "1", []string{"Alpha meet Beta"})
	g := orphanDoc("g", "1", []string{"Delta meet Gamma"})
	cases := []struct {
		name  string
		steps []orphanStep
		want  []schema.Result // a fresh build of these is the store wanted
	}{
		{"remove: what another document names stays",
			[]orphanStep{{load: []schema.Result{a1, b}}, {remove: "a"}}, []schema.Result{b}},
		{"remove: a person's country goes with the person",
			[]orphanStep{{load: []schema.Result{b, orphanDoc("p", "1", []string{"Kim meet Alpha"}, person("Kim", "Korea"))}}, {remove: "p"}},
			[]schema.Result{b}},
		{"remove: an organization affiliated with itself",
			[]orphanStep{{load: []schema.Result{b, orphanDoc("s", "1", []string{"Omega meet Alpha"},
				schema.Entity{Label: "Omega", Affiliations: []string{"Omega"}})}}, {remove: "s"}},
			[]schema.Result{b}},
		{"remove: two entities affiliated with each other",
			[]orphanStep{{load: []schema.Result{b, orphanDoc("c", "1", []string{"Kim meet Lee"}, person("Kim", "Lee"), person("Lee", "Kim"))}}, {remove: "c"}},
			[]schema.Result{b}},
		{"remove: the country another document's person is affiliated with stays",
			[]orphanStep{{load: []schema.Result{orphanDoc("p", "1", []string{"Kim meet Alpha"}, person("Kim", "Korea"), korea),
				orphanDoc("k", "1", []string{"Korea support Beta"})}}, {remove: "k"}},
			[]schema.Result{orphanDoc("p", "1", []string{"Kim meet Alpha"}, person("Kim", "Korea"), korea)}},
		{"replace: an entity and a predicate only the old version named",
			[]orphanStep{{load: []schema.Result{a1, b}}, {load: []schema.Result{a2}}}, []schema.Result{a2, b}},
		{"replace: what another document names stays",
			[]orphanStep{{load: []schema.Result{a1, g}}, {load: []schema.Result{a2}}}, []schema.Result{a2, g}},
		{"replace: the old version's person and the country only it was affiliated with",
			[]orphanStep{{load: []schema.Result{orphanDoc("p", "1", []string{"Kim meet Alpha"}, person("Kim", "Korea"))}},
				{load: []schema.Result{orphanDoc("p", "2", []string{"Alpha meet Beta"})}}},
			[]schema.Result{orphanDoc("p", "2", []string{"Alpha meet Beta"})}},
		{"replace, then a document in the same call names the dropped entity",
			[]orphanStep{{load: []schema.Result{a1}}, {load: []schema.Result{a2, g}}}, []schema.Result{a2, g}},
		{"a document in the same call names the entity, then the replacement",
			[]orphanStep{{load: []schema.Result{a1}}, {load: []schema.Result{g, a2}}}, []schema.Result{g, a2}},
		{"two versions in one call",
			[]orphanStep{{load: []schema.Result{a1, a2}}}, []schema.Result{a2}},
		{"replace and back",
			[]orphanStep{{load: []schema.Result{a1, b}}, {load: []schema.Result{a2}}, {load: []schema.Result{a1}}}, []schema.Result{a1, b}},
		{"remove after a replacement",
			[]orphanStep{{load: []schema.Result{a1, b}}, {load: []schema.Result{a2}}, {remove: "a"}}, []schema.Result{b}},
	}
	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					ctx := context.Background()
					s := sc.open(t)
					for i, step := range tc.steps {
						if step.remove != "" {
							if _, err := s.Remove(ctx, step.remove); err != nil {
								t.Fatalf("step %d: %v", i+1, err)
							}
							continue
						}
						mustLoad(t, s, step.load...)
					}
					fresh := mustOpen(t, Config{Backend: "memstore"})
					mustLoad(t, fresh, tc.want...)
					if got, want := dump(t, s), dump(t, fresh); got != want {
						t.Errorf("the store differs from a build of what remains:\n%s", lineDiff(want, got))
					}
					if s.IndexReady() {
						if err := s.CheckIndex(ctx); err != nil {
							t.Error(err)
						}
					}
				})
			}
		})
	}
}

// TestStore_OrphansCounted: Remove counts the entities it takes.
func TestStore_OrphansCounted(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, orphanDoc("a", "1", []string{"Alpha support Beta"}), orphanDoc("b", "1", []string{"Alpha meet Gamma"}))
	st, err := s.Remove(context.Background(), "b")
	if err != nil {
		t.Fatal(err)
	}
	if st.Entities != 1 {
		t.Errorf("Remove(b) took %d entities, want 1 (Gamma)", st.Entities)
	}
}
