package main

import (
	"fmt"
	"io"
	"time"
)

// progress reports long work on standard error at most every two seconds,
// so a build of thousands of documents shows it is alive without flooding
// a terminal or a log.
type progress struct {
	w     io.Writer
	off   bool
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	now := time.Now()
	return &progress{w: w, off: quiet, start: now, last: now}
}

func (p *progress) update(docs, facts int) {
	if p.off {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 2*time.Second {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "kgraph: %d documents, %d facts, %.0f documents/s\n", docs, facts, float64(docs)/secs)
}
