package graph

import (
	"os"
	"path/filepath"

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
	db, err := hbolt.Open(filepath.Join(dir, "indexes.bolt"), &bolt.Options{InitialMmapSize: boltMmapSize, NoGrowSync: nosync})
	if err != nil {
		return nil, err
	}
	db.DB().NoSync = nosync
	return db, nil
}
