package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"

	"github.com/kgraph/kgraph/schema"
)

// The fact index: kgraph's own index of the direct fact edges and the
// labels, kept beside Cayley's in the same key-value store.
//
// Cayley's kv stores index a quad under (subject, predicate) and under
// (object, predicate, subject), but each key holds a list of quad ids, and
// every iterator reads every quad of the list from the log to learn its
// other directions: a step out of the United States reads its 31,548
// quads, a step into it 80,205, a second each (bench/query.sh, pprof:
// 86% of the time in kv.getPrimitivesFromLog). The fact index keeps
// what the questions of ask.go need in its keys, sorted, so that a
// question reads only the keys under one prefix and never the log:
//
//	e <centre> 0 <'>' or '<'> <predicate> 0 <other end> 0 <sentence>
//	l <entity or predicate> 0 <label> 0 <the quad's label, none>
//	d <document> 0 <label within it> 0 <entity> 0 <predicate> 0 <object>
//
// one e key for each end of each direct edge (both ends entities, the
// predicate kg:p/…), one l key for each kg:label quad, and one d key for
// each quad with an entity for subject labeled with a document or one of
// its sentences (docKey). A key stands for
// one quad, so writing it is idempotent as the quads are: a duplicate add
// or the removal of a missing quad leaves the index as it leaves the
// store, and the index is a function of the stored quads alone.
//
// The keys are written by the write transaction that writes the quads
// (indexedKV wraps the store's kv and adds them at commit), so a crash
// leaves both or neither. A store written by a kgraph without the index, or
// by any other writer, is told by the fingerprint: Cayley's quad count and
// id horizon as the last indexed write left them. When they differ the
// index is not used, questions go through Cayley's iterators, and `kgraph
// index` (Store.BuildIndex) builds it again.

// indexBucket is the index's top-level key, a bucket of its own in bolt.
var indexBucket = []byte("kgraph.facts")

const (
	indexVersion = "3" // 2: alias and entity type keys; 3: document keys
	keyEdge      = 'e'
	keyDoc       = 'd' // a document's quads about entities, for Load and Remove
	keyLabel     = 'l'
	keyAlias     = 'a' // an entity's kg:alias quads, for Store.Aliases
	keyType      = 't' // an entity's kg:type quads
	dirOut       = '>'
	dirIn        = '<'
)

// keySync holds the fingerprint; '!' sorts before every other key.
var keySync = []byte("!sync")

// factIndex is the fact index of one open store.
type factIndex struct {
	kv hkv.KV // the store's kv, unwrapped: reads and rebuilds go here

	// ready says the index matches the stored quads; while it does not,
	// writes leave the index alone and questions go through Cayley.
	ready atomic.Bool

	mu     sync.Mutex
	staged []cgraph.Delta // the batch the next write transaction commits
}

// stage makes the next write transaction index d; the caller holds the
// store's write lock, so the next write transaction is d's.
func (ix *factIndex) stage(d []cgraph.Delta) {
	ix.mu.Lock()
	ix.staged = d
	ix.mu.Unlock()
}

func (ix *factIndex) take() []cgraph.Delta {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	d := ix.staged
	ix.staged = nil
	return d
}

// indexedKV is the kv Cayley writes through: its write transactions add
// the staged batch's index keys and the new fingerprint just before they
// commit.
type indexedKV struct {
	hkv.KV
	ix *factIndex
}

func (k *indexedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := k.KV.Tx(ctx, rw)
	if err != nil || !rw {
		return tx, err
	}
	return &indexedTx{Tx: tx, ix: k.ix}, nil
}

func (k *indexedKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, k, fn)
}

func (k *indexedKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, k, fn)
}

type indexedTx struct {
	hkv.Tx
	ix *factIndex
}

func (tx *indexedTx) Commit(ctx context.Context) error {
	if d := tx.ix.take(); d != nil && tx.ix.ready.Load() {
		for _, delta := range d {
			if err := putQuadKeys(ctx, tx.Tx, delta.Quad, delta.Action == cgraph.Delete); err != nil {
				return fmt.Errorf("fact index: %w", err)
			}
		}
		if err := writeSync(ctx, tx.Tx); err != nil {
			return fmt.Errorf("fact index: %w", err)
		}
	}
	return tx.Tx.Commit(ctx)
}

// quadKeys are the index keys q stands for: none for a quad that is not a
// direct edge, a label, an entity's alias or type, or a document's quad
// about an entity.
func quadKeys(q quad.Quad) [][]byte {
	keys := factKeys(q)
	if k := docKey(q); k != nil {
		keys = append(keys, k)
	}
	return keys
}

func factKeys(q quad.Quad) [][]byte {
	p, ok := q.Predicate.(quad.IRI)
	if !ok {
		return nil
	}
	if p == pLabel {
		subj, ok := q.Subject.(quad.IRI)
		if !ok {
			return nil
		}
		return [][]byte{labelKey(string(subj), literal(q.Object), iriString(q.Label))}
	}
	if (p == pAlias || p == pType) && isEntity(q.Subject) {
		// A build learns every stored alias with its entity's label and
		// type (Store.Aliases); through Cayley that read each hub's
		// quads and took most of a one-document replacement's time.
		k, v := byte(keyAlias), literal(q.Object)
		if p == pType {
			k, v = keyType, iriString(q.Object)
		}
		return [][]byte{tripleKey(k, iriString(q.Subject), v, iriString(q.Label))}
	}
	if !strings.HasPrefix(string(p), schema.Scheme+"p/") || !isEntity(q.Subject) || !isEntity(q.Object) {
		return nil
	}
	s, o, l := iriString(q.Subject), iriString(q.Object), iriString(q.Label)
	return [][]byte{
		edgeKey(s, dirOut, string(p), o, l),
		edgeKey(o, dirIn, string(p), s, l),
	}
}

func edgeKey(centre string, dir byte, p, other, label string) []byte {
	b := make([]byte, 0, 4+len(centre)+len(p)+len(other)+len(label))
	b = append(b, keyEdge)
	b = append(b, centre...)
	b = append(b, 0, dir)
	b = append(b, p...)
	b = append(b, 0)
	b = append(b, other...)
	b = append(b, 0)
	return append(b, label...)
}

// labelKey ends in the quad's own label, unlabeled as schema.md has it,
// so that a key stands for one quad even if some writer labels one.
func labelKey(v, label, quadLabel string) []byte { return tripleKey(keyLabel, v, label, quadLabel) }

// tripleKey is kind, then node, value and the quad's label, split by zero
// bytes.
func tripleKey(kind byte, v, value, quadLabel string) []byte {
	b := make([]byte, 0, 3+len(v)+len(value)+len(quadLabel))
	b = append(b, kind)
	b = append(b, v...)
	b = append(b, 0)
	b = append(b, value...)
	b = append(b, 0)
	return append(b, quadLabel...)
}

func indexKey(k []byte) hkv.Key { return hkv.Key{indexBucket, k} }

func putQuadKeys(ctx context.Context, tx hkv.Tx, q quad.Quad, del bool) error {
	for _, k := range quadKeys(q) {
		var err error
		if del {
			err = tx.Del(ctx, indexKey(k))
		} else {
			err = tx.Put(ctx, indexKey(k), []byte{})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Cayley's kv stores keep their quad count and id horizon under these
// keys, updated in the transaction that changes them.
var cayleyMeta = []hkv.Key{
	{[]byte("meta"), []byte("size")},
	{[]byte("meta"), []byte("horizon")},
}

// fingerprint is what tx says of the stored quads: any write that adds or
// removes a quad changes it.
func fingerprint(ctx context.Context, tx hkv.Tx) ([]byte, error) {
	b := []byte(indexVersion)
	for _, k := range cayleyMeta {
		v, err := tx.Get(ctx, k)
		if errors.Is(err, hkv.ErrNotFound) {
			v, err = nil, nil
		}
		if err != nil {
			return nil, err
		}
		b = append(b, ' ')
		b = fmt.Appendf(b, "%x", v)
	}
	return b, nil
}

func writeSync(ctx context.Context, tx hkv.Tx) error {
	fp, err := fingerprint(ctx, tx)
	if err != nil {
		return err
	}
	return tx.Put(ctx, indexKey(keySync), fp)
}

// check says whether the stored index matches the stored quads.
func (ix *factIndex) check(ctx context.Context) (bool, error) {
	tx, err := ix.kv.Tx(ctx, false)
	if err != nil {
		return false, err
	}
	defer tx.Close()
	want, err := fingerprint(ctx, tx)
	if err != nil {
		return false, err
	}
	got, err := tx.Get(ctx, indexKey(keySync))
	if errors.Is(err, hkv.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return bytes.Equal(got, want), nil
}

// markNew makes the index of a store just created ready: no quads, no keys.
func (ix *factIndex) markNew(ctx context.Context) error {
	if err := hkv.Update(ctx, ix.kv, func(tx hkv.Tx) error { return writeSync(ctx, tx) }); err != nil {
		return fmt.Errorf("fact index: %w", err)
	}
	ix.ready.Store(true)
	return nil
}

// scan calls fn with the part after prefix of each index key under it,
// in order, until fn returns false.
func (ix *factIndex) scan(ctx context.Context, tx hkv.Tx, prefix []byte, fn func(rest []byte) bool) error {
	it := tx.Scan(ctx, options.WithPrefixKV(indexKey(prefix)))
	defer it.Close()
	for it.Next(ctx) {
		k := it.Key()
		if len(k) != 2 {
			continue
		}
		if !fn(k[1][len(prefix):]) {
			break
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// IndexStats says what BuildIndex did.
type IndexStats struct {
	Quads int // quads read
	Keys  int // index keys written
}

// IndexReady reports whether the store's fact index matches its quads, so
// that Hop and Related read it. It is false on the backends without one
// (memstore, postgres) and on a store written without it until BuildIndex
// has run.
func (s *Store) IndexReady() bool { return s.index != nil && s.index.ready.Load() }

// BuildIndex builds the fact index of a kv store from its quads, replacing
// whatever index it had: for a store built before kgraph had the index,
// or written by another program. It reads every quad once (about two
// minutes and 150 MB of keys for the 7.5 M quads of the statements
// corpus) and holds the write lock meanwhile. Killed half way, it leaves the index not ready, and running
// it again finishes the work.
func (s *Store) BuildIndex(ctx context.Context) (IndexStats, error) {
	var st IndexStats
	if s.index == nil {
		return st, fmt.Errorf("build index: backend %s has no fact index", s.backend.name)
	}
	unlock, err := s.lockWrite()
	if err != nil {
		return st, err
	}
	defer unlock()
	ix := s.index
	ix.ready.Store(false)
	// First the fingerprint goes, so that an interrupted build is never
	// taken for a finished one; then the old keys.
	for {
		n := 0
		err := s.updateIndex(ctx, func(tx hkv.Tx) error {
			if err := tx.Del(ctx, indexKey(keySync)); err != nil {
				return err
			}
			var old [][]byte
			if err := ix.scan(ctx, tx, nil, func(rest []byte) bool {
				old = append(old, bytes.Clone(rest))
				return len(old) < batchSize*10
			}); err != nil {
				return err
			}
			for _, k := range old {
				if err := tx.Del(ctx, indexKey(k)); err != nil {
					return err
				}
			}
			n = len(old)
			return nil
		})
		if err != nil {
			return st, fmt.Errorf("build index: clear: %w", err)
		}
		if n == 0 {
			break
		}
	}

	// The keys are gathered first and written after the scan: writing
	// while the scan's read transaction is open would keep bolt from
	// reusing pages, and a write that must remap the file would wait for
	// that transaction, on this goroutine, for ever. Sorted, they go into
	// bolt's pages in order. The corpus's 1 M keys take about 150 MB.
	var keys [][]byte
	// The write lock keeps writers out, so the quads read are the quads
	// the fingerprint below describes; readers may read beside the scan.
	err = s.eachStoredQuad(ctx, func(q quad.Quad) {
		st.Quads++
		keys = append(keys, quadKeys(q)...)
	})
	slices.SortFunc(keys, bytes.Compare)
	for len(keys) > 0 && err == nil {
		batch := keys[:min(len(keys), batchSize*10)]
		keys = keys[len(batch):]
		err = s.updateIndex(ctx, func(tx hkv.Tx) error {
			for _, k := range batch {
				if err := tx.Put(ctx, indexKey(k), []byte{}); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			st.Keys += len(batch)
		}
	}
	if err == nil {
		err = s.updateIndex(ctx, func(tx hkv.Tx) error { return writeSync(ctx, tx) })
	}
	if err != nil {
		return st, fmt.Errorf("build index: %w", err)
	}
	ix.ready.Store(true)
	return st, nil
}

// updateIndex writes to the fact index as a batch is written: with no
// read running (Store.mu). The caller holds lockWrite.
func (s *Store) updateIndex(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return s.applyBatch(func() error { return hkv.Update(ctx, s.index.kv, fn) })
}

// ErrIndexMismatch is a fact index that says other than the quads.
var ErrIndexMismatch = errors.New("the fact index does not match the quads")

// CheckIndex compares the fact index, key by key, with the index the
// stored quads make: nil when they agree, an error wrapping
// ErrIndexMismatch naming the first difference when they do not, or
// saying that the index is not ready. It reads every quad and every key.
func (s *Store) CheckIndex(ctx context.Context) error {
	if !s.IndexReady() {
		return fmt.Errorf("check index: %w: the index is not ready", ErrIndexMismatch)
	}
	want := map[string]bool{}
	unlock, err := s.lockRead()
	if err != nil {
		return fmt.Errorf("check index: %w", err)
	}
	defer unlock()
	if err := s.eachStoredQuad(ctx, func(q quad.Quad) {
		for _, k := range quadKeys(q) {
			want[string(k)] = true
		}
	}); err != nil {
		return fmt.Errorf("check index: %w", err)
	}
	var extra []byte
	n := 0
	err = hkv.View(ctx, s.index.kv, func(tx hkv.Tx) error {
		return s.index.scan(ctx, tx, nil, func(k []byte) bool {
			if bytes.Equal(k, keySync) {
				return true
			}
			if !want[string(k)] {
				extra = bytes.Clone(k)
				return false
			}
			n++
			return true
		})
	})
	if err != nil {
		return fmt.Errorf("check index: %w", err)
	}
	if extra != nil {
		return fmt.Errorf("check index: %w: key %q stands for no stored quad", ErrIndexMismatch, extra)
	}
	if n != len(want) {
		return fmt.Errorf("check index: %w: %d keys, the quads make %d", ErrIndexMismatch, n, len(want))
	}
	return nil
}
