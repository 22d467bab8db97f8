package graph

import (
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
}

// MarshalJSON shapes r as Cayley's HTTP API does.
func (r *QueryResult) MarshalJSON() ([]byte, error) { return json.Marshal(r.shape()) }

func (r *QueryResult) shape() any {
	if r.Lang == "graphql" {
		data := r.Data
		if data == nil {
			data = map[string]any{}
		}
		return struct {
			Data any `json:"data"`
		}{data}
	}
	rows := r.Rows
	if rows == nil {
		rows = []any{}
	}
	return struct {
		Result []any `json:"result"`
	}{rows}
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
func (s *Store) Query(ctx context.Context, lang, q string, opts QueryOptions) (res *QueryResult, err error) {
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, fmt.Errorf("%w %q; known: %s", ErrUnknownLanguage, lang, strings.Join(Languages(), ", "))
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, ErrClosed
	}
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

	it, err := l.Session(s.qs).Execute(ctx, q, query.Options{Collation: query.JSON, Limit: opts.Limit})
	if err != nil {
		return nil, &QueryError{Lang: lang, Err: err}
	}
	defer it.Close()
	res = &QueryResult{Lang: lang}
	for it.Next(ctx) {
		v := it.Result()
		if lang == "graphql" {
			res.Data = limitTopLevel(v, opts.Limit)
			continue
		}
		if v == nil {
			continue // gizmo's end-of-script marker; it carries no data
		}
		res.Rows = append(res.Rows, v)
		if opts.Limit > 0 && len(res.Rows) >= opts.Limit {
			break
		}
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

// limitTopLevel cuts each top-level list of a graphql answer to n items.
func limitTopLevel(v any, n int) any {
	m, ok := v.(map[string]any)
	if !ok || n <= 0 {
		return v
	}
	for k, x := range m {
		switch x := x.(type) {
		case []map[string]any:
			if len(x) > n {
				m[k] = x[:n]
			}
		case []any:
			if len(x) > n {
				m[k] = x[:n]
			}
		}
	}
	return m
}
