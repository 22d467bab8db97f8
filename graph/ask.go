package graph

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/kgraph/kgraph/schema"
)

// This file answers the questions of issue 14 over the fact edges (the
// direct edges between entities, docs/schema.md): the entities one or more
// steps from an entity, and the entities related to both of two. On a
// store whose fact index is ready (index.go) they read its keys under the
// entity, and cost what the entity's own edges cost, hubs included;
// elsewhere they read the same edges through Cayley's iterators, which
// read every quad of the entity: the same answers, slower.

// Direction is the way a fact edge is followed from an entity.
type Direction int

const (
	Either Direction = iota // out or in
	Out                     // from the subject to the object
	In                      // from the object to the subject
)

func (d Direction) String() string {
	switch d {
	case Out:
		return "out"
	case In:
		return "in"
	}
	return "either"
}

// ParseDirection reads "out", "in" or "either" (also "both").
func ParseDirection(s string) (Direction, error) {
	switch strings.ToLower(s) {
	case "out":
		return Out, nil
	case "in":
		return In, nil
	case "either", "both", "":
		return Either, nil
	}
	return Either, fmt.Errorf("direction %q: want out, in or either", s)
}

// Step is one step along fact edges.
type Step struct {
	// Predicate keeps the edges of one predicate: a lemma ("support") or
	// its IRI ("kg:p/support", "<kg:p/support>"); "" keeps all.
	Predicate string
	Direction Direction
}

// ParseStep reads a step as the CLI writes it: "out:support",
// "in:condemn", "either:meet"; a bare direction ("out") keeps every
// predicate, a bare predicate ("support") goes either way.
func ParseStep(s string) (Step, error) {
	dir, pred, found := strings.Cut(s, ":")
	if !found {
		if d, err := ParseDirection(s); err == nil {
			return Step{Direction: d}, nil
		}
		return Step{Predicate: s}, nil
	}
	d, err := ParseDirection(dir)
	if err != nil {
		return Step{}, fmt.Errorf("step %q: %w", s, err)
	}
	return Step{Predicate: pred, Direction: d}, nil
}

// HopOptions ask for the entities some steps from an entity.
type HopOptions struct {
	// From names the entity: an IRI ("kg:e/united-states", in angle
	// brackets or not), a label or an alias.
	From string
	// Steps are followed in turn; none means one step, any predicate,
	// either way.
	Steps []Step
	// Limit keeps the first Limit entities; 0 keeps all.
	Limit int
}

// Reached is an entity a question arrived at.
type Reached struct {
	IRI   string `json:"id"`
	Label string `json:"label"`
	// Edges counts the fact edges (one per predicate and sentence) of the
	// last step that reach it.
	Edges int `json:"edges"`
}

// HopResult answers Hop: the distinct entities at the end of the steps,
// most edges first, then by IRI. Where Gizmo answers one row per path,
// Hop answers one per entity.
type HopResult struct {
	From      Node      `json:"from"`
	Entities  []Reached `json:"entities"`
	Truncated bool      `json:"truncated,omitempty"` // more than HopOptions.Limit
	Indexed   bool      `json:"indexed"`             // read from the fact index
}

// Hop returns the entities opts.Steps lead to from opts.From.
func (s *Store) Hop(ctx context.Context, opts HopOptions) (*HopResult, error) {
	return s.hop(ctx, opts, s.IndexReady())
}

func (s *Store) hop(ctx context.Context, opts HopOptions, indexed bool) (*HopResult, error) {
	// One read lock for the names and the edges (Store.mu: a read never
	// takes it twice).
	unlock, err := s.lockRead()
	if err != nil {
		return nil, fmt.Errorf("hop: %w", err)
	}
	defer unlock()
	from, err := s.entityIRI(ctx, opts.From)
	if err != nil {
		return nil, fmt.Errorf("hop from %q: %w", opts.From, err)
	}
	r, done, err := s.edgeReader(ctx, indexed)
	if err != nil {
		return nil, fmt.Errorf("hop: %w", err)
	}
	defer done()
	res, err := hop(ctx, r, from, opts)
	if err != nil {
		return nil, fmt.Errorf("hop from %q: %w", opts.From, err)
	}
	return res, nil
}

func hop(ctx context.Context, r edgeReader, from string, opts HopOptions) (*HopResult, error) {
	var err error
	steps := opts.Steps
	if len(steps) == 0 {
		steps = []Step{{}}
	}
	frontier := map[string]int{from: 1}
	for _, st := range steps {
		pred := predicateIRI(st.Predicate)
		next := map[string]int{}
		for _, x := range sortedKeys(frontier) {
			if err := eachDir(ctx, r, x, st.Direction, pred, func(_, other string) { next[other]++ }); err != nil {
				return nil, err
			}
		}
		frontier = next
	}
	res := &HopResult{Indexed: r.indexed()}
	if res.From, err = describe(ctx, r, from); err != nil {
		return nil, err
	}
	for v, n := range frontier {
		res.Entities = append(res.Entities, Reached{IRI: v, Edges: n})
	}
	slices.SortFunc(res.Entities, func(a, b Reached) int {
		return cmp.Or(cmp.Compare(b.Edges, a.Edges), cmp.Compare(a.IRI, b.IRI))
	})
	if opts.Limit > 0 && len(res.Entities) > opts.Limit {
		res.Entities, res.Truncated = res.Entities[:opts.Limit], true
	}
	for i := range res.Entities {
		if res.Entities[i].Label, err = r.label(ctx, res.Entities[i].IRI); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// RelatedOptions ask for the entities related to both of two.
type RelatedOptions struct {
	A, B  string // entities, named as HopOptions.From
	Limit int    // keep the first Limit entities; 0 keeps all
}

// Shared is an entity related to both A and B.
type Shared struct {
	IRI    string `json:"id"`
	Label  string `json:"label"`
	EdgesA int    `json:"edgesA"` // fact edges between it and A, either way
	EdgesB int    `json:"edgesB"`
}

// RelatedResult answers Related, most edges (A's and B's together) first,
// then by IRI.
type RelatedResult struct {
	A         Node     `json:"a"`
	B         Node     `json:"b"`
	Entities  []Shared `json:"entities"`
	Truncated bool     `json:"truncated,omitempty"`
	Indexed   bool     `json:"indexed"`
}

// Related returns the entities joined by fact edges, either way, to both
// opts.A and opts.B, other than A and B. Type, provenance and statement
// quads are not fact edges, nor are kg:affiliation and kg:mentions.
func (s *Store) Related(ctx context.Context, opts RelatedOptions) (*RelatedResult, error) {
	return s.related(ctx, opts, s.IndexReady())
}

func (s *Store) related(ctx context.Context, opts RelatedOptions, indexed bool) (*RelatedResult, error) {
	wrap := func(err error) error { return fmt.Errorf("related to %q and %q: %w", opts.A, opts.B, err) }
	unlock, err := s.lockRead()
	if err != nil {
		return nil, wrap(err)
	}
	defer unlock()
	a, err := s.entityIRI(ctx, opts.A)
	if err != nil {
		return nil, wrap(err)
	}
	b, err := s.entityIRI(ctx, opts.B)
	if err != nil {
		return nil, wrap(err)
	}
	r, done, err := s.edgeReader(ctx, indexed)
	if err != nil {
		return nil, wrap(err)
	}
	defer done()
	res, err := related(ctx, r, a, b, opts)
	if err != nil {
		return nil, wrap(err)
	}
	return res, nil
}

func related(ctx context.Context, r edgeReader, a, b string, opts RelatedOptions) (*RelatedResult, error) {
	around := func(v string) (map[string]int, error) {
		n := map[string]int{}
		err := eachDir(ctx, r, v, Either, "", func(_, other string) { n[other]++ })
		return n, err
	}
	na, err := around(a)
	if err != nil {
		return nil, err
	}
	nb, err := around(b)
	if err != nil {
		return nil, err
	}
	res := &RelatedResult{Indexed: r.indexed()}
	for v, ea := range na {
		if eb, ok := nb[v]; ok && v != a && v != b {
			res.Entities = append(res.Entities, Shared{IRI: v, EdgesA: ea, EdgesB: eb})
		}
	}
	slices.SortFunc(res.Entities, func(x, y Shared) int {
		return cmp.Or(cmp.Compare(y.EdgesA+y.EdgesB, x.EdgesA+x.EdgesB), cmp.Compare(x.IRI, y.IRI))
	})
	if opts.Limit > 0 && len(res.Entities) > opts.Limit {
		res.Entities, res.Truncated = res.Entities[:opts.Limit], true
	}
	for i := range res.Entities {
		if res.Entities[i].Label, err = r.label(ctx, res.Entities[i].IRI); err != nil {
			return nil, err
		}
	}
	if res.A, err = describe(ctx, r, a); err != nil {
		return nil, err
	}
	if res.B, err = describe(ctx, r, b); err != nil {
		return nil, err
	}
	return res, nil
}

// edgeReader reads fact edges and labels, from the fact index or through
// Cayley's iterators.
type edgeReader interface {
	// edges calls fn with the predicate and the other end of each fact
	// edge of v in direction dir (Out or In) with predicate pred ("": any).
	edges(ctx context.Context, v string, dir Direction, pred string, fn func(pred, other string)) error
	// label is v's kg:label (betterLabel of several), or v itself when it
	// has none.
	label(ctx context.Context, v string) (string, error)
	indexed() bool
}

// edgeReader returns the reader the questions use: the fact index when
// indexed, else Cayley's iterators. done ends its read transaction.
// The caller holds lockRead.
func (s *Store) edgeReader(ctx context.Context, indexed bool) (r edgeReader, done func(), err error) {
	if !indexed {
		return cayleyEdges{s}, func() {}, nil
	}
	tx, err := s.index.kv.Tx(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	return indexEdges{s.index, tx}, func() { tx.Close() }, nil
}

func eachDir(ctx context.Context, r edgeReader, v string, d Direction, pred string, fn func(pred, other string)) error {
	for _, dir := range []Direction{Out, In} {
		if d == Either || d == dir {
			if err := r.edges(ctx, v, dir, pred, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

type indexEdges struct {
	ix *factIndex
	tx hkv.Tx
}

func (r indexEdges) indexed() bool { return true }

func (r indexEdges) edges(ctx context.Context, v string, dir Direction, pred string, fn func(pred, other string)) error {
	d := byte(dirOut)
	if dir == In {
		d = dirIn
	}
	prefix := append(append(append([]byte{keyEdge}, v...), 0, d), pred...)
	if pred != "" {
		prefix = append(prefix, 0)
	}
	return r.ix.scan(ctx, r.tx, prefix, func(rest []byte) bool {
		p := pred
		if pred == "" {
			i := bytes.IndexByte(rest, 0)
			if i < 0 {
				return true
			}
			p, rest = string(rest[:i]), rest[i+1:]
		}
		if i := bytes.IndexByte(rest, 0); i >= 0 {
			fn(p, string(rest[:i]))
		}
		return true
	})
}

func (r indexEdges) label(ctx context.Context, v string) (string, error) {
	label := ""
	err := r.ix.scan(ctx, r.tx, append(append([]byte{keyLabel}, v...), 0), func(rest []byte) bool {
		if i := bytes.IndexByte(rest, 0); i >= 0 {
			if l := string(rest[:i]); betterLabel(l, label) {
				label = l
			}
		}
		return true
	})
	if label == "" {
		label = v
	}
	return label, err
}

type cayleyEdges struct{ s *Store }

func (r cayleyEdges) indexed() bool { return false }

func (r cayleyEdges) edges(ctx context.Context, v string, dir Direction, pred string, fn func(pred, other string)) error {
	from, to := quad.Subject, quad.Object
	if dir == In {
		from, to = to, from
	}
	return r.s.eachQuad(ctx, from, quad.IRI(v), func(q quad.Quad) {
		p, ok := q.Predicate.(quad.IRI)
		if !ok || !strings.HasPrefix(string(p), schema.Scheme+"p/") || (pred != "" && string(p) != pred) {
			return
		}
		if other := q.Get(to); isEntity(other) && isEntity(q.Get(from)) {
			fn(string(p), iriString(other))
		}
	})
}

func (r cayleyEdges) label(ctx context.Context, v string) (string, error) {
	label := ""
	err := r.s.eachQuad(ctx, quad.Subject, quad.IRI(v), func(q quad.Quad) {
		if q.Predicate == pLabel {
			if l := literal(q.Object); betterLabel(l, label) {
				label = l
			}
		}
	})
	if label == "" {
		label = v
	}
	return label, err
}

func describe(ctx context.Context, r edgeReader, v string) (Node, error) {
	l, err := r.label(ctx, v)
	return Node{IRI: v, Label: l}, err
}

// entityIRI finds the entity name names: an IRI as it is, when the store
// holds it, else a name as resolveEntity finds it.
func (s *Store) entityIRI(ctx context.Context, name string) (string, error) {
	n := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(name), "<"), ">")
	if strings.HasPrefix(n, schema.Scheme+"e/") {
		ref, err := s.qs.ValueOf(quad.IRI(n))
		if err != nil {
			return "", err
		}
		if ref == nil {
			return "", &entityError{msg: fmt.Sprintf("%v %s: the store holds no such node", ErrUnknownEntity, n)}
		}
		return n, nil
	}
	v, err := s.resolveEntity(ctx, name)
	if err != nil {
		return "", err
	}
	return iriString(v), nil
}

// predicateIRI is the IRI of a predicate named by lemma or IRI.
func predicateIRI(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p), "<"), ">")
	if p == "" || strings.HasPrefix(p, schema.Scheme+"p/") {
		return p
	}
	return schema.PredicateIRI(p)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
