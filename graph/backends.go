package graph

import (
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/kv/badger"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers itself
	"github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore"     // registers itself
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers itself
	hkv "github.com/hidal-go/hidalgo/kv"
)

// DefaultBackend is the embedded store Open uses when Config.Backend is
// empty: a directory on disk, no server.
//
// bolt, chosen by measurement (BenchmarkLoad in bench_test.go; figures in
// docs/schema.md, "Backends"). Loading 103,698 quads: bolt 2.7–4.0 s and
// 378–408 MB of heap, leveldb 3.6–3.8 s and 492 MB, badger 5.0–6.4 s and
// 641–734 MB. bolt and leveldb are about as fast; bolt holds the least
// memory, keeps a store in one file (indexes.bolt) and registers itself,
// while badger and leveldb need the manual registration below. leveldb's
// store is smallest on disk (5.8 MB against bolt's 45 MB).
const DefaultBackend = "bolt"

// backend describes one storage engine Open knows.
type backend struct {
	name   string // what Config.Backend says
	cayley string // the name in Cayley's registry
	// disk marks a backend whose Address is a directory; sql marks one
	// whose Address is a connection URL. Neither: in memory, no Address.
	disk, sql bool
	// splitDeltas marks a backend whose ApplyDeltas mishandles a batch that
	// both adds and deletes quads: Cayley's kv stores (bolt, leveldb,
	// badger) sum each node's reference changes over the batch and only
	// resolve nodes whose sum is >= 0 for the added quads, so an added quad
	// that names a node losing more references than it gains is stored
	// with that direction empty (TestCayleyMixedDeltas shows it). Load
	// writes such a batch as two ApplyDeltas, deletions first.
	splitDeltas bool
	// create, when set, creates the store at an address instead of
	// Cayley's InitQuadStore, and likewise returns an error matching
	// cgraph.ErrDatabaseExists for a store already there.
	create func(addr string, opts cgraph.Options) error
	// openKV, where set, opens the backend's key-value store for Open to
	// put Cayley's kv quad store over, with the fact index beside it
	// (index.go); the backend is then one of Cayley's kv stores.
	openKV func(dir string, opt cgraph.Options) (hkv.KV, error)
}

// backends is the one place a backend is added: name it here.
var backends = map[string]backend{}

func registerBackend(b backend) { backends[b.name] = b }

func init() {
	registerBackend(backend{name: "memstore", cayley: "memstore"})
	registerBackend(backend{name: "bolt", cayley: boltType, disk: true, splitDeltas: true, create: createBolt,
		openKV: func(dir string, opt cgraph.Options) (hkv.KV, error) { return openBolt(dir, opt, false) }})
	registerBackend(backend{name: "leveldb", cayley: leveldb.Type, disk: true, splitDeltas: true})
	registerBackend(backend{name: "badger", cayley: badger.Type, disk: true, splitDeltas: true})
	// Cayley's SQL store writes a batch in one database transaction and
	// handles mixed batches (the conformance suite runs it with
	// KGRAPH_TEST_POSTGRES). CockroachDB speaks the same protocol; Cayley's
	// own cockroach flavour would add pgx to our build, so it is left out.
	registerBackend(backend{name: "postgres", cayley: "postgres", sql: true})

	// Cayley's kv package copies hidalgo's registry in its init, which under
	// Go >= 1.21 runs before hidalgo's badger (always) and leveldb (sometimes)
	// have added themselves, so a blank import registers nothing. Register
	// them here, unless a later Cayley does it for us.
	if !cgraph.IsRegistered(leveldb.Type) {
		kv.Register(leveldb.Type, kv.Registration{
			InitFunc:     leveldb.Create,
			NewFunc:      leveldb.Open,
			IsPersistent: true,
		})
	}
	if !cgraph.IsRegistered(badger.Type) {
		// badger.Create opens an existing directory as well as a new one.
		kv.Register(badger.Type, kv.Registration{
			InitFunc:     badger.Create,
			NewFunc:      badger.Create,
			IsPersistent: true,
		})
	}
}

// Backends lists the names Config.Backend accepts, sorted.
func Backends() []string {
	names := make([]string, 0, len(backends))
	for n := range backends {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func lookupBackend(name string) (backend, error) {
	if name == "" {
		name = DefaultBackend
	}
	b, ok := backends[name]
	if !ok {
		return backend{}, fmt.Errorf("%w %q; known: %s", ErrUnknownBackend, name, strings.Join(Backends(), ", "))
	}
	if !cgraph.IsRegistered(b.cayley) {
		return backend{}, fmt.Errorf("backend %q: Cayley has no store %q registered", name, b.cayley)
	}
	return b, nil
}

// IsDirectoryBackend reports whether the named backend ("" for the default)
// keeps its store in a directory, Config.Address.
func IsDirectoryBackend(name string) bool {
	b, err := lookupBackend(name)
	return err == nil && b.disk
}
