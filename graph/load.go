package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kgraph/schema"
)

// batchSize is the number of quads written in one ApplyDeltas. One quad at
// a time is 12–137× slower (docs/schema.md); far bigger batches make bolt
// copy memory and badger refuse the transaction.
const batchSize = 10000

// LoadStats says what a Load did.
type LoadStats struct {
	Loaded   int // documents new to the store
	Replaced int // documents whose previous version was replaced
	Skipped  int // documents already stored with the same content

	// What the loaded and replaced documents hold.
	Sentences, Facts, Entities int

	QuadsAdded   int // quads that were not in the store before
	QuadsRemoved int // quads of previous versions and of what only they supported, removed
}

// Add adds b to a, to total several loads.
func (a *LoadStats) Add(b LoadStats) {
	a.Loaded += b.Loaded
	a.Replaced += b.Replaced
	a.Skipped += b.Skipped
	a.Sentences += b.Sentences
	a.Facts += b.Facts
	a.Entities += b.Entities
	a.QuadsAdded += b.QuadsAdded
	a.QuadsRemoved += b.QuadsRemoved
}

// Load stores results, one document each.
//
// A document already stored with the same content (kg:hash) is skipped; one
// stored with other content is replaced: the quads labeled with it or its
// sentences that the new version does not have are removed, the new ones
// added, and the entities and predicates only the old version supported
// go as Remove takes them (orphans.go). Every Result is checked before
// anything is written, so an invalid one fails the whole call cleanly.
//
// Documents are written in batches of about batchSize quads; a batch never
// splits a document, so a document is stored whole or not at all. On
// memstore and postgres a batch is one ApplyDeltas (on postgres one
// transaction); on the kv stores it is two, removals first, because of a
// Cayley bug (see backend.splitDeltas): the first removes every quad of
// the replaced versions, the second adds every quad of the new ones.
// Should the additions fail, the removed quads are written back; a crash
// between the two writes leaves a replaced document missing, never part
// of one, and loading it again restores it.
//
// On error, the stats count the batches written before it; the failing
// batch left the store as it was.
func (s *Store) Load(ctx context.Context, results ...schema.Result) (LoadStats, error) {
	var st LoadStats
	docs := make([]*docQuads, 0, len(results))
	for i, r := range results {
		d, err := mapResult(r)
		if err != nil {
			return st, fmt.Errorf("load result %d: %w", i+1, err)
		}
		docs = append(docs, d)
	}

	unlock, err := s.lockWrite()
	if err != nil {
		return st, err
	}
	defer unlock()

	var (
		batch      []cgraph.Delta
		removed    int
		pending    LoadStats
		inBatch    = make(map[string]bool)
		sentShared = make(map[quad.Quad]bool) // shared quads this call wrote
		// For the orphans of replaced versions: what the batch deletes,
		// the nodes its additions name, and the nodes it takes away.
		gone    = make(map[quad.Quad]bool)
		named   = make(map[quad.Value]bool)
		dropped = make(map[quad.Value]bool)
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("load: %w", err)
		}
		before, err := s.quadCount(ctx)
		if err != nil {
			return err
		}
		if err := s.applyBatch(func() error { return s.write(batch) }); err != nil {
			return fmt.Errorf("load: write %d documents (%d quads): %w", len(inBatch), len(batch), err)
		}
		after, err := s.quadCount(ctx)
		if err != nil {
			return err
		}
		pending.QuadsRemoved = removed
		pending.QuadsAdded = int(after-before) + removed
		st.Add(pending)
		batch, removed, pending = batch[:0], 0, LoadStats{}
		clear(inBatch)
		clear(gone)
		clear(named)
		clear(dropped)
		return nil
	}

	for _, d := range docs {
		nodes := d.nodes()
		if inBatch[d.id] || slices.ContainsFunc(nodes, func(v quad.Value) bool { return dropped[v] }) {
			// The same document twice in one call: the second must see
			// the first stored. Or a document naming a node an earlier
			// replacement in the batch left unsupported: it adds the node
			// again once the batch has taken it away, rather than in the
			// write that deletes it.
			if err := flush(); err != nil {
				return st, err
			}
		}
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("load: %w", err)
		}
		old, unchanged, err := s.documentQuads(ctx, d.iri, d.hash)
		if err != nil {
			return st, fmt.Errorf("load document %q: read stored version: %w", d.id, err)
		}
		if unchanged {
			st.Skipped++
			continue
		}
		if old.exists {
			pending.Replaced++
		} else {
			pending.Loaded++
		}
		pending.Sentences += d.sentences
		pending.Facts += d.facts
		pending.Entities += d.entities

		keep := make(map[quad.Quad]bool, len(d.owned))
		for _, q := range d.owned {
			keep[q] = true
		}
		for _, v := range nodes {
			named[v] = true
		}
		var deleted []quad.Quad
		for _, q := range old.quads {
			// A quad both versions have stays where the batch is one
			// write. Where it is two (splitDeltas), it goes and comes back
			// too: a crash between the writes must leave the document
			// missing, which the next build restores, not the part the
			// versions share, which looks stored (found by
			// cmd/kgraph TestFault_KilledReplace).
			if keep[q] && !s.backend.splitDeltas {
				delete(keep, q) // stored already: neither remove nor add
				continue
			}
			batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			deleted = append(deleted, q)
			gone[q] = true
			removed++
		}
		if old.exists {
			// The entities and predicates only the old version supported
			// go with it, as Remove takes them.
			orphaned, _, err := s.orphans(ctx, deleted, gone, func(v quad.Value) bool { return named[v] })
			if err != nil {
				return st, fmt.Errorf("load document %q: old version: %w", d.id, err)
			}
			for _, o := range orphaned {
				batch = append(batch, o)
				dropped[o.Quad.Subject] = true
				delete(sentShared, o.Quad) // a later document may name it again
				removed++
			}
		}
		for _, q := range d.owned {
			if keep[q] {
				batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
		for _, q := range d.shared {
			if !sentShared[q] {
				sentShared[q] = true
				batch = append(batch, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
		inBatch[d.id] = true
		if len(batch) >= batchSize {
			if err := flush(); err != nil {
				return st, err
			}
		}
	}
	if err := flush(); err != nil {
		return st, err
	}
	return st, nil
}

// write applies one batch: in one ApplyDeltas where the backend can, else
// deletions first and additions second (see backend.splitDeltas). If the
// additions fail, the deleted quads are written back, so a failed batch
// leaves the store as it was unless the process dies between the two.
func (s *Store) write(batch []cgraph.Delta) error {
	if !s.backend.splitDeltas {
		return s.apply(batch)
	}
	var dels, adds []cgraph.Delta
	for _, d := range batch {
		if d.Action == cgraph.Delete {
			dels = append(dels, d)
		} else {
			adds = append(adds, d)
		}
	}
	if len(dels) > 0 {
		if err := s.apply(dels); err != nil {
			return err
		}
	}
	if len(adds) == 0 {
		return nil
	}
	err := s.apply(adds)
	if err == nil || len(dels) == 0 {
		return err
	}
	for i := range dels {
		dels[i].Action = cgraph.Add
	}
	if rerr := s.apply(dels); rerr != nil {
		return fmt.Errorf("%w; restoring the previous versions failed too, reload them: %v", err, rerr)
	}
	return err
}

// storedDoc is what the store holds of one document.
type storedDoc struct {
	exists bool
	hash   string
	quads  []quad.Quad // labeled with the document or one of its sentences
}

// documentQuads reads the stored version of the document named doc: every
// quad labeled with the document IRI or one of its sentence IRIs. When the
// stored kg:hash equals hash it stops early and reports unchanged.
//
// Cayley's kv stores have no label index (a lookup by label scans every
// quad), so the quads are found by subject: the document, its sentences
// (kg:document, labeled with the document), their statements
// (kg:sentence), and the entities: from the fact index's document keys
// where it is ready (docindex.go), else through the entities its sentences
// mention, which are the subjects of its direct edges and of its aliases
// (mapping.go), reading each one's quads, hubs included.
func (s *Store) documentQuads(ctx context.Context, doc quad.IRI, hash string) (sd storedDoc, unchanged bool, err error) {
	err = s.eachQuad(ctx, quad.Subject, doc, func(q quad.Quad) {
		if q.Label != doc {
			return
		}
		sd.exists = true
		sd.quads = append(sd.quads, q)
		if q.Predicate == pHash {
			if h, ok := q.Object.(quad.String); ok {
				sd.hash = string(h)
			}
		}
	})
	if err != nil || !sd.exists || sd.hash == hash {
		return sd, sd.exists && sd.hash == hash, err
	}
	return sd, false, s.documentRest(ctx, doc, &sd, s.IndexReady())
}

// documentRest adds to sd the quads of doc that its document node does not
// hold, the entities' from the fact index when indexed is set.
func (s *Store) documentRest(ctx context.Context, doc quad.IRI, sd *storedDoc, indexed bool) error {
	labels := map[quad.Value]bool{doc: true}
	var subjects []quad.Value
	seen := map[quad.Value]bool{doc: true}
	candidate := func(v quad.Value) {
		if !seen[v] {
			seen[v] = true
			subjects = append(subjects, v)
		}
	}
	var sentences []quad.Value
	err := s.eachQuad(ctx, quad.Object, doc, func(q quad.Quad) {
		if q.Predicate != pDocument {
			return
		}
		candidate(q.Subject)
		if q.Label == doc {
			labels[q.Subject] = true // a sentence
			sentences = append(sentences, q.Subject)
		}
	})
	if err != nil {
		return err
	}
	if indexed {
		qs, err := s.index.documentEntityQuads(ctx, doc)
		if err != nil {
			return err
		}
		sd.quads = append(sd.quads, qs...)
	}
	// Statements point to their sentence; only those of stores built
	// before (mapping.go) point to the document too.
	for _, si := range sentences {
		err = s.eachQuad(ctx, quad.Object, si, func(q quad.Quad) {
			if q.Predicate == pSentence && q.Label == si {
				candidate(q.Subject)
			}
		})
		if err != nil {
			return err
		}
	}
	for i := 0; i < len(subjects); i++ { // grows as mentions are found
		err = s.eachQuad(ctx, quad.Subject, subjects[i], func(q quad.Quad) {
			if q.Label == nil || !labels[q.Label] {
				return
			}
			if indexed && isEntity(q.Subject) {
				return // read from the index
			}
			sd.quads = append(sd.quads, q)
			if q.Predicate == pMentions && !indexed {
				candidate(q.Object)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// nodes are the subjects and objects of d's quads, each once.
func (d *docQuads) nodes() []quad.Value {
	seen := make(map[quad.Value]bool)
	var out []quad.Value
	for _, qs := range [][]quad.Quad{d.owned, d.shared} {
		for _, q := range qs {
			for _, v := range []quad.Value{q.Subject, q.Object} {
				if !seen[v] {
					seen[v] = true
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// eachQuad calls fn for each quad whose direction dir holds v.
func (s *Store) eachQuad(ctx context.Context, dir quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := s.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	return it.Err()
}

// quadCount is the number of quads stored. Memstore and the kv stores keep
// an exact count; the SQL store only estimates unless asked to count.
func (s *Store) quadCount(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, s.backend.sql)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a kv store before its first write
	}
	if err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return st.Quads.Value, nil
}
