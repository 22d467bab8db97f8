package graph

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// EntityRow is one entity as `kgraph entities` lists it.
type EntityRow struct {
	IRI     string
	Label   string
	Types   []string // usually one; more when documents disagree
	Aliases []string // sorted
	Titles  []string // for persons
	Facts   int      // statements naming it as subject or object
}

// EntityOptions choose which entities Entities returns.
type EntityOptions struct {
	// Type keeps entities of this type only ("Country"); "" keeps all.
	Type string
}

// Entities lists the entities of the store with their aliases, types and
// number of facts, sorted by label.
func (s *Store) Entities(ctx context.Context, opts EntityOptions) ([]EntityRow, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	return s.entities(ctx, opts)
}

// entities is Entities for a caller that holds lockRead.
func (s *Store) entities(ctx context.Context, opts EntityOptions) ([]EntityRow, error) {
	rows := map[quad.Value]*EntityRow{}
	get := func(v quad.Value) *EntityRow {
		r := rows[v]
		if r == nil {
			r = &EntityRow{IRI: iriString(v)}
			rows[v] = r
		}
		return r
	}
	err := s.eachStoredQuad(ctx, func(q quad.Quad) {
		switch q.Predicate {
		case pLabel:
			if isEntity(q.Subject) {
				r := get(q.Subject)
				if l := literal(q.Object); betterLabel(l, r.Label) {
					r.Label = l
				}
			}
		case pType:
			if isEntity(q.Subject) {
				t := strings.TrimPrefix(iriString(q.Object), schema.Scheme+"t/")
				r := get(q.Subject)
				if !slices.Contains(r.Types, t) {
					r.Types = append(r.Types, t)
				}
			}
		case pAlias:
			if isEntity(q.Subject) {
				r := get(q.Subject)
				if a := literal(q.Object); !slices.Contains(r.Aliases, a) {
					r.Aliases = append(r.Aliases, a)
				}
			}
		case pTitle:
			if isEntity(q.Subject) {
				r := get(q.Subject)
				if t := literal(q.Object); !slices.Contains(r.Titles, t) {
					r.Titles = append(r.Titles, t)
				}
			}
		case pSubject, pObject:
			if isEntity(q.Object) {
				get(q.Object).Facts++
			}
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([]EntityRow, 0, len(rows))
	for _, r := range rows {
		if r.Label == "" {
			continue // named only by a statement of a replaced document
		}
		if opts.Type != "" && !slices.ContainsFunc(r.Types, func(t string) bool { return strings.EqualFold(t, opts.Type) }) {
			continue
		}
		slices.Sort(r.Types)
		slices.Sort(r.Aliases)
		slices.Sort(r.Titles)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b EntityRow) int { return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.IRI, b.IRI)) })
	return out, nil
}

// Alias is another name of an entity, as the store records it.
type Alias struct {
	Name  string // the other name: "DPRK"
	Label string // the entity's canonical label
	Type  string // the entity's type, "" when unknown or ambiguous
	// Documents are the IRIs (schema.DocumentIRI) of the documents whose
	// sentences give the name, sorted; none when only a gazetteer does
	// (an alias stored without a sentence).
	Documents []string
}

// Aliases lists every alias in the store. It reads the alias quads through
// the predicate index and then each entity's own quads, so it costs what
// the aliases cost, not what the whole store does.
func (s *Store) Aliases(ctx context.Context) ([]Alias, error) {
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if s.IndexReady() {
		return s.indexedAliases(ctx)
	}
	names := map[quad.Value][]string{}
	type entityName struct {
		e    quad.Value
		name string
	}
	docs := map[entityName][]string{}
	if err := s.eachQuad(ctx, quad.Predicate, pAlias, func(q quad.Quad) {
		a := literal(q.Object)
		if a == "" {
			return
		}
		if !slices.Contains(names[q.Subject], a) {
			names[q.Subject] = append(names[q.Subject], a)
		}
		if d := sentenceDocument(q.Label); d != "" && !slices.Contains(docs[entityName{q.Subject, a}], d) {
			docs[entityName{q.Subject, a}] = append(docs[entityName{q.Subject, a}], d)
		}
	}); err != nil {
		return nil, err
	}
	var out []Alias
	for e, as := range names {
		label, types := "", []string(nil)
		if err := s.eachQuad(ctx, quad.Subject, e, func(q quad.Quad) {
			switch q.Predicate {
			case pLabel:
				if l := literal(q.Object); betterLabel(l, label) {
					label = l
				}
			case pType:
				if t := strings.TrimPrefix(iriString(q.Object), schema.Scheme+"t/"); !slices.Contains(types, t) {
					types = append(types, t)
				}
			}
		}); err != nil {
			return nil, err
		}
		if label == "" {
			continue
		}
		typ := ""
		if len(types) == 1 {
			typ = types[0]
		}
		for _, a := range as {
			ds := docs[entityName{e, a}]
			slices.Sort(ds)
			out = append(out, Alias{Name: a, Label: label, Type: typ, Documents: ds})
		}
	}
	slices.SortFunc(out, func(a, b Alias) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Label, b.Label)) })
	return out, ctx.Err()
}

// indexedAliases is Aliases read from the fact index: every alias key in
// order, and each aliased entity's label and type keys. The caller holds
// lockRead.
func (s *Store) indexedAliases(ctx context.Context) ([]Alias, error) {
	tx, err := s.index.kv.Tx(ctx, false)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	defer tx.Close()
	// split reads node, value and quad label off a key's rest.
	split := func(rest []byte) (v, value, label string, ok bool) {
		f := bytes.SplitN(rest, []byte{0}, 3)
		if len(f) != 3 {
			return "", "", "", false
		}
		return string(f[0]), string(f[1]), string(f[2]), true
	}
	type entityName struct{ e, name string }
	var order []entityName
	docs := map[entityName][]string{}
	err = s.index.scan(ctx, tx, []byte{keyAlias}, func(rest []byte) bool {
		e, a, l, ok := split(rest)
		if !ok || a == "" {
			return true
		}
		k := entityName{e, a}
		if _, seen := docs[k]; !seen {
			order = append(order, k)
			docs[k] = nil
		}
		if d := sentenceDocument(quad.IRI(l)); d != "" && !slices.Contains(docs[k], d) {
			docs[k] = append(docs[k], d)
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	// of reads an entity's labels or its types.
	of := func(kind byte, e string) ([]string, error) {
		var vs []string
		prefix := append([]byte{kind}, e...)
		err := s.index.scan(ctx, tx, append(prefix, 0), func(rest []byte) bool {
			v, _, _ := strings.Cut(string(rest), "\x00")
			if !slices.Contains(vs, v) {
				vs = append(vs, v)
			}
			return true
		})
		return vs, err
	}
	var out []Alias
	for _, k := range order {
		labels, err := of(keyLabel, k.e)
		if err != nil {
			return nil, fmt.Errorf("aliases: %w", err)
		}
		if len(labels) == 0 {
			continue
		}
		types, err := of(keyType, k.e)
		if err != nil {
			return nil, fmt.Errorf("aliases: %w", err)
		}
		typ := ""
		if len(types) == 1 {
			typ = strings.TrimPrefix(types[0], schema.Scheme+"t/")
		}
		ds := docs[k]
		slices.Sort(ds)
		label := ""
		for _, l := range labels {
			if betterLabel(l, label) {
				label = l
			}
		}
		out = append(out, Alias{Name: k.name, Label: label, Type: typ, Documents: ds})
	}
	slices.SortFunc(out, func(a, b Alias) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Label, b.Label)) })
	return out, ctx.Err()
}

// sentenceDocument is the IRI of the document a sentence IRI label names
// (kg:s/ID/4 → kg:d/ID), "" for any other label. Document ids are escaped
// in IRIs (schema.DocumentIRI), so the last slash ends the id.
func sentenceDocument(label quad.Value) string {
	s, ok := label.(quad.IRI)
	if !ok {
		return ""
	}
	rest, ok := strings.CutPrefix(string(s), schema.Scheme+"s/")
	i := strings.LastIndexByte(rest, '/')
	if !ok || i < 0 {
		return ""
	}
	return schema.Scheme + "d/" + rest[:i]
}
