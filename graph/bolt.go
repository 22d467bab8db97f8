package graph

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// boltType names, in Cayley's registry, the bolt store as kgraph opens it:
// the same file as Cayley's own "bolt" (DIR/indexes.bolt), so either opens
// a store the other wrote, but mapped at boltMmapSize from the start.
const boltType = "kgraph-bolt"

// boltFile is the store's one file, in its directory.
const boltFile = "indexes.bolt"

// boltMmapSize is the address space bolt maps its file into before the
// file needs it. bolt maps the file anew each time it outgrows the map
// (doubling up to 1 GB, then a gigabyte at a time), and every remap copies
// out every page of the open write transaction: a third of the time of a
// bulk load into a new store went there (`go tool pprof` on `kgraph
// import`). The map is address space only; the pages a store does not
// touch take no memory. bolt then grows the file 16 MB at a time past its
// last page, a hole that takes no disk.
//
// A store past it remaps again, and a remap waits for every open read
// transaction: see Store.mu for why that is safe. A variable so that a test
// can make a small store remap.
var boltMmapSize = 4 << 30

func init() {
	kv.Register(boltType, kv.Registration{
		InitFunc:     func(dir string, opt cgraph.Options) (hkv.KV, error) { return openBolt(dir, opt, true) },
		NewFunc:      func(dir string, opt cgraph.Options) (hkv.KV, error) { return openBolt(dir, opt, false) },
		IsPersistent: true,
	})
}

func openBolt(dir string, opt cgraph.Options, create bool) (hkv.KV, error) {
	if dir == "" {
		return nil, kv.ErrEmptyPath
	}
	if create {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	nosync, err := opt.BoolKey("nosync", false)
	if err != nil {
		return nil, err
	}
	db, err := hbolt.Open(filepath.Join(dir, boltFile), &bolt.Options{InitialMmapSize: boltMmapSize, NoGrowSync: nosync})
	if err != nil {
		return nil, err
	}
	db.DB().NoSync = nosync
	return db, nil
}

// createBolt creates the bolt store in dir, so that a crash leaves either
// no store or a whole one. Cayley's Init writes a new store in three
// transactions: buckets, data version, list of indexes. A store cut short
// after the version opens, and Cayley, finding no list, takes it for one
// of its old layout, indexed by subject and by object only, not by
// predicate: kgraph would build into it without a word, and its queries
// read other indexes than every other store's. So the store is made whole
// in a directory of its own beside, then linked into place; a link, unlike
// a rename, never replaces a store another process made meanwhile.
//
// A process killed in the middle leaves its creation directory behind;
// the next open removes those that are stale (sweepCreations).
//
// A store file already there goes to Cayley's Init as before: it returns
// ErrDatabaseExists for a whole one, and completes one an older kgraph
// left cut short before the version.
func createBolt(dir string, opts cgraph.Options) error {
	sweepCreations(dir, time.Now().Add(-staleCreation))
	path := filepath.Join(dir, boltFile)
	if _, err := os.Stat(path); err == nil {
		return cgraph.InitQuadStore(boltType, dir, opts)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(dir, ".create-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := cgraph.InitQuadStore(boltType, tmp, opts); err != nil {
		return err
	}
	// With NoSync, Init's writes may still be in memory only.
	if err := syncPath(filepath.Join(tmp, boltFile)); err != nil {
		return err
	}
	if err := os.Link(filepath.Join(tmp, boltFile), path); errors.Is(err, fs.ErrExist) {
		return cgraph.ErrDatabaseExists // another process made it first
	} else if err != nil {
		return fmt.Errorf("link the new store into place: %w", err)
	}
	// The link must be on disk before anything is written into the store.
	return syncPath(dir)
}

// staleCreation is how long a creation directory may stand before it is
// taken for one whose process died (a SIGKILL during createBolt): making
// an empty store takes milliseconds.
const staleCreation = 10 * time.Minute

// sweepCreations removes the creation directories in dir last changed
// before cutoff. They hold only a store that was never linked into place;
// a younger one may be another process's, creating now.
func sweepCreations(dir string, cutoff time.Time) {
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".create-*"))
	for _, l := range leftovers {
		if fi, err := os.Stat(l); err == nil && fi.IsDir() && fi.ModTime().Before(cutoff) {
			os.RemoveAll(l)
		}
	}
}

func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
