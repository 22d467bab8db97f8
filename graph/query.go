package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
	_ "github.com/cayleygraph/cayley/query/mql"     // registers "mql"
)

// QueryOptions bound a query.
type QueryOptions struct {
	// Limit caps the number of results; 0 means no limit. For graphql it
	// caps each top-level list (inside a query, use first: n).
	Limit int
	// Timeout cancels a query that runs longer; 0 means no timeout.
	Timeout time.Duration
}

// QueryResult is the answer to a query. It marshals to JSON as Cayley's
// HTTP API answers: {"result":[…]} for gizmo and mql (POST /api/v1/query),
// {"data":{…}} for graphql.
type QueryResult struct {
	Lang string
	Rows []any // gizmo and mql: one element per result
	Data any   // graphql: the data object
	// Truncated says that the answer had more results than
	// QueryOptions.Limit and was cut to it.
	Truncated bool
}

// MarshalJSON shapes r as Cayley's HTTP API does, leaving '<', '>' and '&'
// unescaped so that IRIs stay readable.
func (r *QueryResult) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r.shape()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func (r *QueryResult) shape() any {
	if r.Lang == "graphql" {
		data := r.Data
		if data == nil {
			data = map[string]any{}
		}
		return struct {
			Data      any  `json:"data"`
			Truncated bool `json:"truncated,omitempty"`
		}{data, r.Truncated}
	}
	rows := r.Rows
	if rows == nil {
		rows = []any{}
	}
	return struct {
		Result    []any `json:"result"`
		Truncated bool  `json:"truncated,omitempty"`
	}{rows, r.Truncated}
}

var (
	_ json.Marshaler = (*QueryResult)(nil)
	_ error          = (*QueryError)(nil)
)

// Languages lists the query languages Query accepts, sorted.
func Languages() []string {
	l := query.Languages()
	sort.Strings(l)
	return l
}

// QueryError is a query that the language refused or that failed running.
type QueryError struct {
	Lang string
	Err  error
}

func (e *QueryError) Error() string { return e.Lang + " query: " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Query runs q, written in lang (one of Languages()), and collects its results.
func (s *Store) Query(ctx context.Context, lang, q string, opts QueryOptions) (*QueryResult, error) {
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, fmt.Errorf("%w %q; known: %s", ErrUnknownLanguage, lang, strings.Join(Languages(), ", "))
	}
	unlock, err := s.lockRead()
	if err != nil {
		return nil, err
	}
	defer unlock()
	return s.query(ctx, l, lang, q, opts)
}

// query is Query for a caller that holds lockRead.
func (s *Store) query(ctx context.Context, l *query.Language, lang, q string, opts QueryOptions) (res *QueryResult, err error) {
	parent := ctx
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	defer func() {
		// Query engines are outside code run on outside input: a panic in
		// one is a failed query, not a crashed program.
		if p := recover(); p != nil {
			res, err = nil, &QueryError{Lang: lang, Err: fmt.Errorf("internal error: %v", p)}
		}
		if err != nil && parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			res, err = nil, fmt.Errorf("%s query: %w after %s", lang, ErrTimeout, opts.Timeout)
		}
	}()

	// One result more than the limit tells a cut answer from one that
	// just fits.
	engineLimit := opts.Limit
	if engineLimit > 0 {
		engineLimit++
	}
	it, err := l.Session(s.qs).Execute(ctx, q, query.Options{Collation: query.JSON, Limit: engineLimit})
	if err != nil {
		return nil, &QueryError{Lang: lang, Err: err}
	}
	defer func() {
		it.Close()
		if lang == "gizmo" {
			// Gizmo runs the script on a goroutine of its own, and Close
			// only tells it to stop: a query cut short by its limit or its
			// timeout would release lockRead with the script still
			// reading, which on bolt deadlocks with the next batch
			// (Store.mu). Once stopped, Next returns false when the
			// script has ended.
			for it.Next(context.Background()) {
			}
		}
	}()
	res = &QueryResult{Lang: lang}
	for it.Next(ctx) {
		v := it.Result()
		if lang == "graphql" {
			var cut bool
			res.Data, cut = limitTopLevel(v, opts.Limit)
			res.Truncated = res.Truncated || cut
			continue
		}
		if v == nil {
			continue // gizmo's end-of-script marker; it carries no data
		}
		if opts.Limit > 0 && len(res.Rows) == opts.Limit {
			res.Truncated = true
			break
		}
		res.Rows = append(res.Rows, v)
	}
	if err := it.Err(); err != nil {
		return nil, &QueryError{Lang: lang, Err: err}
	}
	if err := ctx.Err(); err != nil {
		return nil, &QueryError{Lang: lang, Err: err}
	}
	return res, nil
}

// QueryJSON runs q and writes its result to w as one line of JSON, shaped
// as Cayley's HTTP API shapes it (see QueryResult). Unlike the HTTP API it
// leaves '<' and '>' as they are, so IRIs stay readable: "<kg:e/x>".
func (s *Store) QueryJSON(ctx context.Context, w io.Writer, lang, q string, opts QueryOptions) error {
	res, err := s.Query(ctx, lang, q, opts)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(res.shape())
}

// limitTopLevel cuts each top-level list of a graphql answer to n items and
// says whether it cut any.
func limitTopLevel(v any, n int) (any, bool) {
	m, ok := v.(map[string]any)
	if !ok || n <= 0 {
		return v, false
	}
	cut := false
	for k, x := range m {
		switch x := x.(type) {
		case []map[string]any:
			if len(x) > n {
				m[k], cut = x[:n], true
			}
		case []any:
			if len(x) > n {
				m[k], cut = x[:n], true
			}
		}
	}
	return m, cut
}
