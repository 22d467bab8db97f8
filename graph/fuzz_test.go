package graph

import (
	"bytes"
	"context"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kgraph/schema"
)

// FuzzLoad feeds outside text (document ids, sentences, names) through
// Load and the N-Quads export: whatever the input, loading must not panic,
// reloading must add nothing, and the export must read back whole.
func FuzzLoad(f *testing.F) {
	f.Add("doc", "The United States reaffirmed it.", "United States", "reaffirm", "Republic of Korea")
	f.Add("a/b c>d", "line\nbreak\ttab \"quote\" \\", "<x>", "commit to", "_:b1")
	f.Add("", "", "", "", "")
	f.Add("\xff", "\xfe\x00", "é", "ü", "\u2028")
	f.Fuzz(func(t *testing.T, id, text, subj, pred, obj string) {
		r := schema.Result{
			Document:  schema.Document{ID: id, Title: text, Text: text},
			Sentences: []schema.Sentence{{N: 1, Text: text}},
			Entities:  []schema.Entity{{Label: subj, Aliases: []schema.Alias{{Name: obj, Sentence: 1}}}},
			Facts:     []schema.Fact{{Subject: subj, Predicate: pred, Object: obj, Sentence: 1, Confidence: 0.5, Relation: text}},
		}
		ctx := context.Background()
		s, err := Open(ctx, Config{Backend: "memstore"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Load(ctx, r); err != nil {
			return // refused cleanly
		}
		if st, err := s.Load(ctx, r); err != nil || st.QuadsAdded != 0 {
			t.Fatalf("reload: %+v, %v", st, err)
		}
		var b bytes.Buffer
		if err := s.Export(ctx, &b, "nquads", ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		stats, _ := s.Stats(ctx)
		rd := nquads.NewReader(bytes.NewReader(b.Bytes()), false)
		n := int64(0)
		for {
			_, err := rd.ReadQuad()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("export does not read back: %v\n%s", err, b.Bytes())
				}
				break
			}
			n++
		}
		if n != stats.Quads {
			t.Fatalf("read %d quads back, stored %d\n%s", n, stats.Quads, b.Bytes())
		}
	})
}
