package graph

import (
	"bytes"
	"context"
	"errors"
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

// FuzzImport reads outside N-Quads: whatever the bytes, Import does not
// panic, and either refuses them with ErrBadInput (or stores nothing) or
// stores quads that export and import again to the same store.
func FuzzImport(f *testing.F) {
	f.Add([]byte("<a> <b> <c> .\n<a> <b> \"x\"@en <l> .\n"))
	f.Add([]byte("<a> <b> .\n"))
	f.Add([]byte("_:b1 <p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n# comment\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		s, err := Open(ctx, Config{Backend: "memstore"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Import(ctx, bytes.NewReader(data)); err != nil {
			if !errors.Is(err, ErrBadInput) {
				t.Fatalf("Import: %v, want an error matching ErrBadInput", err)
			}
			return
		}
		var out bytes.Buffer
		if err := s.Export(ctx, &out, "nquads", ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		s2, err := Open(ctx, Config{Backend: "memstore"})
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		if _, err := s2.Import(ctx, bytes.NewReader(out.Bytes())); err != nil {
			t.Fatalf("importing an export: %v\n%s", err, out.Bytes())
		}
		var again bytes.Buffer
		if err := s2.Export(ctx, &again, "nquads", ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Fatalf("export, import, export differ:\n%s\n%s", out.Bytes(), again.Bytes())
		}
	})
}
