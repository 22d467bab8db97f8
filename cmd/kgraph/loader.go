package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
)

// loader writes build's batches into the store on a goroutine of its own,
// in the order they come, while extraction goes on with the next ones.
// Writing a batch is mostly one core's work and waiting for the disk
// (fsync); in turn, a build that writes and extracts one after the other
// leaves both cores idle while it writes, and writing is half of a corpus
// build (--cpuprofile). One batch is written while the next is being
// gathered and one more waits: the memory held is three batches at most.
type loader struct {
	ctx   context.Context
	store *graph.Store // nil in a dry run: count what would be loaded

	batches chan []schema.Result
	done    chan struct{}

	mu    sync.Mutex
	total graph.LoadStats
	err   error // the first failure; later batches are not written
}

func newLoader(ctx context.Context, store *graph.Store) *loader {
	l := &loader{ctx: ctx, store: store, batches: make(chan []schema.Result, 1), done: make(chan struct{})}
	go l.run()
	return l
}

func (l *loader) run() {
	defer close(l.done)
	for batch := range l.batches {
		if l.failed() != nil {
			continue // drain, so that senders never block
		}
		var st graph.LoadStats
		var err error
		if l.store == nil {
			for _, r := range batch {
				st.Loaded++
				st.Sentences += len(r.Sentences)
				st.Facts += len(r.Facts)
				st.Entities += len(r.Entities)
			}
		} else if st, err = l.store.Load(l.ctx, batch...); err != nil {
			err = fmt.Errorf("load: %w", err)
		}
		l.mu.Lock()
		l.total.Add(st)
		if l.err == nil {
			l.err = err
		}
		l.mu.Unlock()
	}
}

func (l *loader) failed() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// load queues a batch, which the loader then owns, and reports the error
// of an earlier batch, if any, so that a build stops at the first failed
// write as it did when it wrote in line.
func (l *loader) load(batch []schema.Result) error {
	if err := l.failed(); err != nil {
		return err
	}
	select {
	case l.batches <- batch:
		return nil
	case <-l.ctx.Done():
		return l.ctx.Err()
	}
}

// wait writes what is queued and returns what every batch loaded and
// the first error.
func (l *loader) wait() (graph.LoadStats, error) {
	close(l.batches)
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total, l.err
}
