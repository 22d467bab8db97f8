// Package graph stores kgraph's extraction results in the Cayley graph
// database and reads them back.
//
// It sits after package extract in the flow: extract turns text into a
// schema.Result, Store.Load maps it to quads (see mapping.go and
// docs/schema.md) and Store.Query, Store.Export, Store.Facts, Store.Stats
// and Store.Neighbourhood (an entity and the facts around it, for package
// render's pictures) read the graph; Store.Hop and Store.Related answer
// questions over the fact edges from kgraph's own fact index (index.go),
// kept beside Cayley's in the same transactions. Cayley's own types stay inside this package; callers speak
// schema's types and the ones defined here.
//
// A Store is safe for concurrent use by one process. Writes (Load, Import,
// Remove) are serialized and go in batches; queries and reads go on while a
// write runs and see each of its batches whole or not at all. On memstore
// and the kv stores a batch waits for the reads in progress and the reads
// wait for the batch (see Store.mu); on SQL they run side by side.
package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
)

// Errors a caller may want to tell apart, with errors.Is.
var (
	ErrUnknownBackend  = errors.New("unknown backend")
	ErrUnknownLanguage = errors.New("unknown query language")
	ErrUnknownFormat   = errors.New("unknown export format")
	ErrDirectoryFormat = errors.New("the format writes a directory")
	ErrTimeout         = errors.New("query timed out")
	ErrClosed          = errors.New("store is closed")
	ErrUnknownEntity   = errors.New("unknown entity") // no entity, or more than one, goes by the name
	ErrBadInput        = errors.New("bad input")      // Import: a line that is not an N-Quad
)

// Config says which store to open.
type Config struct {
	// Backend is one of Backends(); "" means DefaultBackend.
	Backend string
	// Address is a directory for the disk backends (created when missing),
	// a connection URL for postgres
	// ("postgres://user:pass@host:5432/db?sslmode=disable"), and ignored
	// by memstore, which lives in memory only.
	Address string
	// NoSync lets bolt and leveldb skip the fsync after each batch: faster
	// bulk loads, at the price of losing the last batches on a crash.
	NoSync bool
	// FewWrites opens a disk store without Cayley's bloom filters: its kv
	// stores otherwise read every quad into them on open (a second per
	// half a million quads before the first answer) and hold about 80 MB a
	// filter however small the store. Without them each write looks its
	// quads up in the index instead; answers are the same. Import, query,
	// export, remove and small builds open so: an import of 84,103 quads
	// into a new store took 84 MB instead of 640 MB and was no slower
	// (bench/load.sh).
	FewWrites bool
}

// Store is an open graph.
type Store struct {
	qs      cgraph.QuadStore
	backend backend

	// mu is held shared by each read of the store (lockRead), for the whole
	// of its reading and none of its writing out, and exclusively by each
	// batch a write applies (applyBatch) and by Close. A read therefore sees
	// no batch in part, even one written as two ApplyDeltas
	// (backend.splitDeltas).
	//
	// On bolt it also keeps readers from deadlocking with a write. A Cayley
	// read holds several bolt read transactions at once (an iterator keeps
	// one open while Quad and NameOf begin others, and gizmo iterates on a
	// goroutine of its own while the caller names the results). A write
	// transaction that outgrows bolt's memory map remaps the file in commit
	// and waits, on bolt's mmaplock, for every open read transaction; a read
	// transaction that begins meanwhile waits behind the remap, holding
	// bolt's metalock, which the read that must close next needs:
	//
	//	writer: Tx.Commit > DB.allocate > DB.mmap > mmaplock.Lock
	//	query:  gizmo results.Result > QuadStore.NameOf > DB.beginTx > mmaplock.RLock (holds metalock)
	//	gizmo:  quadIteratorNext.Close > DB.removeTx > metalock.Lock (another iterator's tx still open)
	//
	// boltMmapSize makes remaps rare, not impossible. With batches
	// exclusive, no read transaction is open while a batch is written.
	//
	// sync.RWMutex holds new readers back while a batch waits, so a stream
	// of reads cannot starve a write, but a read must never take mu twice:
	// the second RLock would wait for the batch, which waits for the
	// first. Public read methods lock; the helpers they share do not.
	mu     sync.RWMutex
	closed bool
	// writeMu serializes Load, Import and Remove, and keeps Close away from
	// them; it is taken before mu.
	writeMu sync.Mutex

	// apply writes one batch; tests replace it to inject failures.
	apply func(deltas []cgraph.Delta) error

	// index is the fact index (index.go), nil on backends without one.
	index *factIndex
}

// Open opens the store cfg names, creating it when it does not exist yet.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b, err := lookupBackend(cfg.Backend)
	if err != nil {
		return nil, err
	}
	where := b.name
	if b.disk || b.sql {
		if cfg.Address == "" {
			want := "a directory"
			if b.sql {
				want = "a connection URL"
			}
			return nil, fmt.Errorf("open %s: Config.Address is empty; it needs %s", b.name, want)
		}
		where = b.name + " at " + redact(cfg.Address)
	}
	if b.sql {
		// Cayley logs the whole URL, password included, when it cannot
		// connect: find out first, and say it without the password.
		if err := ping(ctx, cfg.Address); err != nil {
			return nil, fmt.Errorf("open %s: %w", where, scrub(err, cfg.Address))
		}
	}
	opts := cgraph.Options{}
	if cfg.NoSync {
		opts["nosync"] = true
	}
	if cfg.FewWrites && b.disk {
		opts["no_bloom"] = true
	}
	created := false
	if b.disk || b.sql { // memstore has nothing to create
		create := func(addr string, opts cgraph.Options) error { return cgraph.InitQuadStore(b.cayley, addr, opts) }
		if b.create != nil {
			create = b.create
		}
		err := create(cfg.Address, opts)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("create %s: %w", where, scrub(err, cfg.Address))
		}
		created = err == nil
	}
	addr := cfg.Address
	if !b.disk && !b.sql {
		addr = ""
	}
	s := &Store{backend: b}
	var qs cgraph.QuadStore
	if b.openKV != nil {
		// Cayley's kv store over a kv of ours, whose write transactions
		// carry the fact index (index.go).
		db, err := b.openKV(addr, opts)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", where, err)
		}
		s.index = &factIndex{kv: db}
		if qs, err = ckv.New(&indexedKV{KV: db, ix: s.index}, opts); err != nil {
			db.Close()
			return nil, fmt.Errorf("open %s: %w", where, err)
		}
		ready := false
		if created {
			err = s.index.markNew(ctx)
			ready = err == nil
		} else {
			ready, err = s.index.check(ctx)
		}
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("open %s: %w", where, err)
		}
		s.index.ready.Store(ready)
	} else {
		var err error
		if qs, err = cgraph.NewQuadStore(b.cayley, addr, opts); err != nil {
			return nil, fmt.Errorf("open %s: %w", where, scrub(err, cfg.Address))
		}
	}
	s.qs = qs
	s.apply = func(d []cgraph.Delta) error {
		if s.index != nil {
			s.index.stage(d)
			defer s.index.stage(nil)
		}
		return qs.ApplyDeltas(d, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	}
	return s, nil
}

// Backend is the name of the backend the store runs on.
func (s *Store) Backend() string { return s.backend.name }

// lockWrite serializes writes and keeps Close away until unlock is called.
// The write's own reads need no lockRead: no other write can run, and
// reads do not change the store. Each batch it applies goes through
// applyBatch.
func (s *Store) lockWrite() (unlock func(), err error) {
	s.writeMu.Lock()
	if s.closed {
		s.writeMu.Unlock()
		return nil, ErrClosed
	}
	return s.writeMu.Unlock, nil
}

// applyBatch applies one batch, through write or apply, while no read runs
// (see Store.mu). The caller holds lockWrite.
func (s *Store) applyBatch(write func() error) error {
	// Every backend: memstore's maps have no lock, the kv stores may write
	// a batch as two transactions and bolt can deadlock (Store.mu), and a
	// Cayley read of PostgreSQL spans several statements, so one that runs
	// beside a replacement can meet a quad whose node is gone (an export
	// of an "invalid N-Quad": TestStore_ReadDuringLoad).
	s.mu.Lock()
	defer s.mu.Unlock()
	return write()
}

// lockRead holds off batches and Close while a read runs. A read takes it
// once, never again before unlock (see Store.mu).
func (s *Store) lockRead() (unlock func(), err error) {
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return nil, ErrClosed
	}
	return s.mu.RUnlock, nil
}

// Close flushes and closes the store. Closing twice is harmless.
func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.qs.Close()
}

func ping(ctx context.Context, addr string) error {
	db, err := sql.Open("postgres", addr)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.PingContext(ctx)
}

// redact hides the password of a connection URL, for error messages.
func redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.User == nil {
		return addr
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// scrub replaces the address in err's text by its redacted form: drivers
// like to quote the whole URL, password included.
func scrub(err error, addr string) error {
	r := redact(addr)
	if r == addr || addr == "" {
		return err
	}
	return &scrubbed{err: err, msg: strings.ReplaceAll(err.Error(), addr, r)}
}

type scrubbed struct {
	err error
	msg string
}

var _ error = (*scrubbed)(nil)

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }
