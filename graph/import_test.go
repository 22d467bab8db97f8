package graph

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// An export imported into an empty store gives back the same graph, on
// every backend, and importing it twice adds nothing.
func TestStore_Import(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t, Config{Backend: "memstore"})
	mustLoad(t, src, docResult(), otherResult())
	var nq bytes.Buffer
	if err := src.Export(ctx, &nq, "nquads", ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, sc := range storeCases() {
		t.Run(sc.name, func(t *testing.T) {
			dst := sc.open(t)
			for range 2 {
				n, err := dst.Import(ctx, bytes.NewReader(nq.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				if want := strings.Count(nq.String(), "\n"); n != want {
					t.Errorf("read %d quads, want %d", n, want)
				}
			}
			var again bytes.Buffer
			if err := dst.Export(ctx, &again, "nquads", ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			if again.String() != nq.String() {
				t.Errorf("imported graph differs from the export")
			}
		})
	}
	if _, err := mustOpen(t, Config{Backend: "memstore"}).Import(ctx, strings.NewReader("<a> <b> .\n")); !errors.Is(err, ErrBadInput) {
		t.Errorf("a broken line: %v, want ErrBadInput", err)
	}
}
