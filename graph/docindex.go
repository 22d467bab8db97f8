package graph

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/kgraph/kgraph/schema"
)

// The fact index's document keys: for each quad whose subject is an entity
// and whose label is a document or one of its sentences (direct edges and
// the aliases a sentence gives), a key under the document that holds the
// whole quad:
//
//	d <document> 0 <label within it> 0 <entity> 0 <predicate> 0 <object>
//
// The label within the document is "" for the document itself and the
// part of a sentence IRI after the document's id ("/4" for kg:s/ID/4); the
// object is pquads.MarshalValue's bytes, the encoding Cayley stores its
// nodes in, so that the quad read back is the quad stored, types included.
//
// A replacement and a removal must find every quad of the old version.
// Cayley has no index by label: through its iterators the quads a
// document says about an entity are found among all of that entity's
// quads, and the hubs a document mentions (the United States: 31,548 quads
// as subject) took 1.4 s of a one-document replacement's 2.5 s on the
// corpus store. The document's own nodes (itself, its sentences and
// statements) have few quads each and are still read through Cayley,
// from the document node; a document key for each of their quads would
// repeat the sentence texts and grow the store by about 2 GB.

// docKey is the document key of q, nil when q has none.
func docKey(q quad.Quad) []byte {
	subj, ok := q.Subject.(quad.IRI)
	if !ok || !isEntity(subj) {
		return nil
	}
	p, ok := q.Predicate.(quad.IRI)
	if !ok {
		return nil
	}
	doc, rel, ok := labelWithin(q.Label)
	if !ok {
		return nil
	}
	obj, err := pquads.MarshalValue(q.Object)
	if err != nil || obj == nil {
		return nil
	}
	// The fields before the object are split by zero bytes; kgraph's IRIs
	// have none (document ids are percent-encoded), and a quad someone
	// imported with one is left out rather than read back wrong.
	if strings.IndexByte(string(subj), 0) >= 0 || strings.IndexByte(string(p), 0) >= 0 {
		return nil
	}
	b := make([]byte, 0, 5+len(doc)+len(rel)+len(subj)+len(p)+len(obj))
	b = append(b, keyDoc)
	b = append(b, doc...)
	b = append(b, 0)
	b = append(b, rel...)
	b = append(b, 0)
	b = append(b, subj...)
	b = append(b, 0)
	b = append(b, p...)
	b = append(b, 0)
	return append(b, obj...)
}

// labelWithin splits a quad label into the document it belongs to and its
// part within it: kg:d/ID is (kg:d/ID, ""), kg:s/ID/4 is (kg:d/ID, "/4").
func labelWithin(label quad.Value) (doc, rel string, ok bool) {
	l, isIRI := label.(quad.IRI)
	if !isIRI || strings.IndexByte(string(l), 0) >= 0 {
		return "", "", false
	}
	if strings.HasPrefix(string(l), schema.Scheme+"d/") {
		return string(l), "", true
	}
	doc = sentenceDocument(l)
	if doc == "" {
		return "", "", false
	}
	id := strings.TrimPrefix(doc, schema.Scheme+"d/")
	return doc, strings.TrimPrefix(string(l), schema.Scheme+"s/"+id), true
}

// docKeyQuad reads back the quad of a document key, given the key's part
// after the document and its zero byte.
func docKeyQuad(doc string, rest []byte) (quad.Quad, error) {
	f := bytes.SplitN(rest, []byte{0}, 4)
	if len(f) != 4 {
		return quad.Quad{}, fmt.Errorf("document key %q: %d fields, want 4", rest, len(f))
	}
	obj, err := pquads.UnmarshalValue(f[3])
	if err != nil {
		return quad.Quad{}, fmt.Errorf("document key %q: object: %w", rest, err)
	}
	label := quad.IRI(doc)
	if len(f[0]) > 0 {
		label = quad.IRI(schema.Scheme + "s/" + strings.TrimPrefix(doc, schema.Scheme+"d/") + string(f[0]))
	}
	return quad.Quad{Subject: quad.IRI(f[1]), Predicate: quad.IRI(f[2]), Object: obj, Label: label}, nil
}

// documentEntityQuads reads from the index the quads doc's document keys
// stand for: every quad labeled with doc or one of its sentences whose
// subject is an entity.
func (ix *factIndex) documentEntityQuads(ctx context.Context, doc quad.IRI) ([]quad.Quad, error) {
	var (
		out    []quad.Quad
		badKey error
	)
	prefix := append(append([]byte{keyDoc}, doc...), 0)
	err := hkv.View(ctx, ix.kv, func(tx hkv.Tx) error {
		return ix.scan(ctx, tx, prefix, func(rest []byte) bool {
			q, err := docKeyQuad(string(doc), rest)
			if err != nil {
				badKey = err
				return false
			}
			out = append(out, q)
			return true
		})
	})
	if err == nil {
		err = badKey
	}
	if err != nil {
		return nil, fmt.Errorf("fact index: %w", err)
	}
	return out, nil
}
