package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestStore_ExportSubgraph(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult(), otherResult())
	ctx := context.Background()
	full := strings.Split(strings.TrimSpace(dump(t, s)), "\n")

	tests := []struct {
		name  string
		opts  ExportOptions
		facts []string // the tsv rows' subject, predicate, object
	}{
		{"label", ExportOptions{Entity: "United States"}, []string{"United States reaffirm Republic of Korea"}},
		{"two hops", ExportOptions{Entity: "United States", Hops: 2},
			[]string{"Republic of Korea develop nuclear weapons", "United States reaffirm Republic of Korea"}},
		{"alias from the text", ExportOptions{Entity: "ROK"},
			[]string{"Republic of Korea develop nuclear weapons", "United States reaffirm Republic of Korea"}},
		{"alias from the gazetteer", ExportOptions{Entity: "U.S."}, []string{"United States reaffirm Republic of Korea"}},
		{"case and the", ExportOptions{Entity: "the republic of  korea", Hops: 1},
			[]string{"Republic of Korea develop nuclear weapons", "United States reaffirm Republic of Korea"}},
		{"object", ExportOptions{Entity: "nuclear weapons"}, []string{"Republic of Korea develop nuclear weapons"}},
		{"hops beyond the graph", ExportOptions{Entity: "Blinken", Hops: 5}, []string{"Antony Blinken meet Yoon Suk Yeol"}},
		{"unresolved facts stay out", ExportOptions{Entity: "cooperation", All: true}, nil},
		{"query of IRIs", ExportOptions{Query: `g.V("<kg:e/united-states>", "<kg:e/republic-of-korea>").All()`},
			[]string{"United States reaffirm Republic of Korea"}},
		{"query of labels", ExportOptions{Query: `g.V().Has("<kg:type>", "<kg:t/Person>").Out("<kg:label>").All()`},
			[]string{"Antony Blinken meet Yoon Suk Yeol"}},
		{"query of tags", ExportOptions{Query: `g.V("<kg:e/republic-of-korea>").Tag("rok").Out("<kg:p/develop>").All()`},
			[]string{"Republic of Korea develop nuclear weapons"}},
		{"query of nothing", ExportOptions{Query: `g.V("<kg:e/atlantis>").Out().All()`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := strings.Split(strings.TrimSpace(string(export(t, s, "tsv", tt.opts))), "\n")[1:]
			var got []string
			for _, r := range rows {
				f := strings.Split(r, "\t")
				got = append(got, strings.Join(f[:3], " "))
			}
			if !slices.Equal(got, tt.facts) {
				t.Errorf("facts %q, want %q", got, tt.facts)
			}

			// Every format draws the same graph: as many edges as facts
			// here, and the nodes they link.
			g, err := s.EntityGraph(ctx, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Edges) != len(tt.facts) {
				t.Errorf("%d edges, want %d", len(g.Edges), len(tt.facts))
			}
			nq := export(t, s, "nquads", tt.opts)
			quads := int64(strings.Count(string(nq), "\n"))
			for _, f := range ExportFormats() {
				if err := parseBack(f, export(t, s, f, tt.opts), quads, g); err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}

			// The RDF subgraph is part of the graph, holds each fact's
			// statement and direct edge, and points at no entity it does
			// not describe.
			lines := strings.Split(strings.TrimSpace(string(nq)), "\n")
			if len(tt.facts) == 0 {
				if len(nq) != 0 {
					t.Errorf("no facts, yet quads:\n%s", nq)
				}
				return
			}
			described := map[string]bool{}
			for _, l := range lines {
				if !slices.Contains(full, l) {
					t.Errorf("quad not in the graph: %s", l)
				}
				if f := strings.Fields(l); f[1] == "<kg:label>" {
					described[f[0]] = true
				}
			}
			for _, l := range lines {
				f := strings.Fields(l)
				if strings.HasPrefix(f[2], "<kg:e/") && f[1] != "<kg:affiliation>" && !described[f[2]] {
					t.Errorf("points out of the subgraph: %s", l)
				}
			}
			if n := strings.Count(string(nq), "> <kg:predicate> <"); n != len(tt.facts) {
				t.Errorf("%d statements, want %d:\n%s", n, len(tt.facts), nq)
			}
		})
	}
}

// The subgraph of the ROK, as N-Quads: what an RDF export of a subgraph
// keeps and leaves out, for review.
func TestStore_ExportSubgraphQuads(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult(), otherResult())
	golden(t, "subgraph-rok.nq", export(t, s, "nquads", ExportOptions{Entity: "ROK"}))
}

func TestStore_ExportSubgraph_errors(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult(), otherResult())
	ctx := context.Background()
	tests := []struct {
		name string
		opts ExportOptions
		want string
		is   error
	}{
		{"unknown entity", ExportOptions{Entity: "Atlantis"}, `unknown entity "Atlantis": no entity has that label or alias`, ErrUnknownEntity},
		{"punctuation only", ExportOptions{Entity: "--"}, `unknown entity "--"`, ErrUnknownEntity},
		{"entity and query", ExportOptions{Entity: "ROK", Query: "g.V().All()"}, "not both", nil},
		{"negative hops", ExportOptions{Entity: "ROK", Hops: -1}, "hops -1: must be 1 or more", nil},
		{"hops alone", ExportOptions{Hops: 2}, "hops count from an entity", nil},
		{"bad query", ExportOptions{Query: "g.V("}, "gizmo query: ", nil},
		{"query of no entity", ExportOptions{Query: `g.V().Has("<kg:type>", "<kg:t/Sentence>").All()`}, "returned 4 values and no entity", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range []string{"tsv", "nquads"} {
				var b strings.Builder
				err := s.Export(ctx, &b, f, tt.opts)
				if err == nil || !strings.Contains(err.Error(), tt.want) || tt.is != nil && !errors.Is(err, tt.is) {
					t.Errorf("%s: err = %v, want %q", f, err, tt.want)
				}
				if b.Len() != 0 {
					t.Errorf("%s: wrote %q before failing", f, b.String())
				}
			}
		})
	}
}
