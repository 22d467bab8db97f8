package graph

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestDocsExamples runs the queries docs/schema.md shows, with the answers
// it shows: when this fails, fix the page too.
func TestDocsExamples(t *testing.T) {
	s := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, s, docResult(), otherResult())
	for _, c := range []struct{ lang, q, want string }{
		{"gizmo", `g.V().Has("<kg:label>", "United States").Out("<kg:p/reaffirm>").Out("<kg:label>").All()`,
			`{"result":[{"id":"Republic of Korea"}]}`},
		{"gizmo", `g.V().Has("<kg:alias>", "ROK").Out("<kg:label>").All()`,
			`{"result":[{"id":"Republic of Korea"}]}`},
		{"gizmo", `g.V("<kg:e/united-states>").LabelContext("<kg:s/doc/1>").Out().All()`,
			`{"result":[{"id":"<kg:e/republic-of-korea>"}]}`},
		{"gizmo", `g.V("<kg:e/united-states>").In("<kg:subject>").Tag("fact").Out("<kg:sentence>").Out("<kg:text>").All()`,
			`{"result":[{"fact":"<kg:f/doc/1/1>","id":"The United States reaffirmed its commitment to the Republic of Korea (ROK)."}]}`},
		{"gizmo", `g.V().Has("<kg:polarity>", "negative").Tag("fact").Out("<kg:subjectText>").All()`,
			`{"result":[{"fact":"<kg:f/doc/2/1>","id":"The ROK"}]}`},
		{"gizmo", `g.V().Has("<kg:resolved>", "false").Out("<kg:subjectText>").All()`,
			`{"result":[{"id":"Both sides"}]}`},
		{"gizmo", `g.V("<kg:e/united-states>").In("<kg:subject>").Tag("fact").
  Out("<kg:predicate>").Out("<kg:label>").Tag("predicate").Back("fact").
  Out("<kg:object>").Out("<kg:label>").Tag("object").Back("fact").
  Out("<kg:confidence>").Tag("confidence").All()`,
			`{"result":[{"confidence":0.9,"fact":"<kg:f/doc/1/1>","id":0.9,"object":"Republic of Korea","predicate":"reaffirm"}]}`},
		{"gizmo", `g.Emit(g.V().Has("<kg:predicate>").Count())`, `{"result":[4]}`},
		{"graphql", `{ nodes(<kg:label>: "United States") { id, <kg:type>, reaffirmed: <kg:p/reaffirm> { <kg:label> } } }`,
			`{"data":{"nodes":{"<kg:type>":"kg:t/Country","id":"kg:e/united-states","reaffirmed":{"<kg:label>":"Republic of Korea"}}}}`},
		{"mql", `[{"id": null, "<kg:label>": "United States", "<kg:p/reaffirm>": [{"id": null, "<kg:label>": null}]}]`,
			`{"result":[{"<kg:label>":"United States","<kg:p/reaffirm>":[{"<kg:label>":"Republic of Korea","id":"<kg:e/republic-of-korea>"}],"id":"<kg:e/united-states>"}]}`},
	} {
		var b bytes.Buffer
		if err := s.QueryJSON(context.Background(), &b, c.lang, c.q, QueryOptions{}); err != nil {
			t.Errorf("%s %s: %v", c.lang, c.q, err)
			continue
		}
		if got := strings.TrimSpace(b.String()); got != c.want {
			t.Errorf("%s %s:\n got %s\nwant %s", c.lang, c.q, got, c.want)
		}
	}
}
