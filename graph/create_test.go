package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/boltdb/bolt"
)

// createChildEnv names, for the child process TestStore_KilledCreate
// starts, the directory to create bolt stores in, one after another,
// until it is killed.
const createChildEnv = "KGRAPH_TEST_CREATE_CHILD"

// TestStore_KilledCreateChild is no test of its own: it is the child
// process of TestStore_KilledCreate.
func TestStore_KilledCreateChild(t *testing.T) {
	dir := os.Getenv(createChildEnv)
	if dir == "" {
		t.Skip("the child process of TestStore_KilledCreate")
	}
	for i := 0; ; i++ {
		s, err := Open(context.Background(), Config{Backend: "bolt", Address: filepath.Join(dir, fmt.Sprintf("%05d", i)), FewWrites: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// A process killed while it creates a bolt store leaves no store or a
// whole one: every store it left opens, with Cayley's list of its indexes.
// A child creates stores one after another and is killed at a seeded
// random moment, which falls in some creation, at any step.
func TestStore_KilledCreate(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(20261207, 14))
	const rounds = 10
	for round := range rounds {
		dir := t.TempDir()
		cmd := exec.Command(exe, "-test.run=^TestStore_KilledCreateChild$")
		cmd.Env = append(os.Environ(), createChildEnv+"="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ended := make(chan error, 1)
		go func() { ended <- cmd.Wait() }()
		// Once the child has made its first store, it does nothing but
		// create stores.
		for !exists(filepath.Join(dir, "00001")) {
			select {
			case err := <-ended:
				t.Fatalf("round %d: the child ended before it was killed: %v\n%s", round, err, &out)
			case <-time.After(time.Millisecond):
			}
		}
		time.Sleep(time.Duration(rng.Int64N(int64(30 * time.Millisecond))))
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		<-ended

		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			db := filepath.Join(dir, e.Name())
			s, err := Open(context.Background(), Config{Backend: "bolt", Address: db, FewWrites: true})
			if err != nil {
				t.Errorf("round %d: store %s, left by the kill, does not open: %v", round, e.Name(), err)
				continue
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if err := checkIndexList(db); err != nil {
				t.Errorf("round %d: store %s, left by the kill: %v", round, e.Name(), err)
			}
		}
		t.Logf("round %d: killed after %d stores", round, len(entries))
	}
}

// checkIndexList says whether the bolt store in dir has the list of
// indexes Cayley's Init writes last: without it, Cayley takes the store
// for one of its old layout.
func checkIndexList(dir string) error {
	db, err := bolt.Open(filepath.Join(dir, boltFile), 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte("meta")); b == nil || b.Get([]byte("indexes")) == nil {
			return errors.New("no list of indexes: Cayley reads it as a store of its old layout")
		}
		return nil
	})
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// A creation directory a killed process left behind goes at the next open
// once it is stale; a fresh one, maybe another process's, stays.
func TestStore_StaleCreation(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	open := func() {
		s, err := Open(context.Background(), Config{Backend: "bolt", Address: dir, FewWrites: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	open()
	stale, fresh := filepath.Join(dir, ".create-1"), filepath.Join(dir, ".create-2")
	for _, d := range []string{stale, fresh} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, boltFile), []byte("half a store"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleCreation)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	open()
	if exists(stale) {
		t.Errorf("%s, stale, is still there", stale)
	}
	if !exists(fresh) {
		t.Errorf("%s, fresh, was removed", fresh)
	}
}
