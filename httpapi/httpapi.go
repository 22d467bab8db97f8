// Package httpapi serves a kgraph store over HTTP: Cayley-compatible query
// endpoints, JSON endpoints for the explorer, authenticated writes, and the
// explorer itself (package web's files).
//
// It sits on top of package graph, after extraction and loading: `kgraph
// serve` opens a store and hands it to New. Queries go through
// graph.Store.Query, that is through Cayley's own query language registry,
// so Gizmo, GraphQL and MQL answer here exactly as `kgraph query` does.
//
// Endpoints (all JSON; an error is {"error":"…"} with a 4xx or 5xx status):
//
//	POST /api/v1/query/{lang}        query in the body; the path Cayley documents
//	POST /query/{lang}               the same; the path Cayley's server registers
//	GET|POST /api/v2/query?lang=L    body, or ?qu= with GET
//	GET  /api/kgraph/search?q=&limit=   entities by label or alias prefix
//	GET  /api/kgraph/entity?id=|label=  an entity with its facts and their provenance
//	GET  /api/kgraph/sentence?id=       a sentence with its document and facts
//	GET  /api/kgraph/nodes?id=…         labels and types of entity IRIs
//	GET  /api/kgraph/info               limits, languages, whether writes are on
//	POST /api/kgraph/write              N-Quads to add (Bearer token)
//	POST /api/kgraph/extract?id=        text to extract and load as a document (Bearer token)
//	GET  /health                        "ok"
//	GET  /                              the explorer
//
// Query answers are {"result":[…]} ({"data":{…}} for GraphQL), cut at
// ?limit= or at Config.Limit, whichever is smaller; a cut answer carries
// "truncated":true and the header Kgraph-Truncated: true.
package httpapi

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/source"
	"github.com/kgraph/kgraph/web"
)

// Defaults for the zero values of Config.
const (
	DefaultTimeout       = 10 * time.Second
	DefaultLimit         = 1000
	DefaultMaxQueryBytes = 1 << 20  // a query is text: 1 MiB is plenty
	DefaultMaxWriteBytes = 64 << 20 // N-Quads to import in one request
	// DefaultFactLimit caps the facts of one entity answer.
	DefaultFactLimit = 500
)

// Extractor turns a document into facts; `kgraph serve` passes one built
// on package extract. It may be called from several requests at once.
type Extractor func(ctx context.Context, doc schema.Document) (schema.Result, error)

// Config sets up a Server.
type Config struct {
	Store *graph.Store
	// Token, when set, is the bearer token that writes need
	// (Authorization: Bearer <Token>). Without one, writes are refused.
	Token string
	// TokenForReads makes queries and the explorer's JSON endpoints need
	// the token too (the explorer's own files stay open). kgraph serve
	// sets it when it listens beyond loopback.
	TokenForReads bool
	// LoopbackHosts refuses requests whose Host header is not a loopback
	// name (localhost, 127.0.0.1, [::1]): a page from elsewhere cannot then
	// reach a loopback server by rebinding its own name to 127.0.0.1.
	LoopbackHosts bool
	// Timeout stops a query that runs longer (default DefaultTimeout).
	Timeout time.Duration
	// Limit caps the results of one query (default DefaultLimit).
	Limit int
	// MaxQueryBytes and MaxWriteBytes cap request bodies (defaults
	// DefaultMaxQueryBytes, DefaultMaxWriteBytes); a text to extract is
	// capped at source.MaxDocumentBytes.
	MaxQueryBytes, MaxWriteBytes int64
	// MaxQueries is how many queries run at once (default twice the
	// number of CPUs); the others wait, up to Timeout.
	MaxQueries int
	// Extract serves /api/kgraph/extract; nil turns the endpoint off.
	Extract Extractor
	// Static is the explorer's file tree (default: package web's).
	Static fs.FS
	// Log, when set, gets one line per request.
	Log *log.Logger
}

// Server is the HTTP interface of one store. It is an http.Handler.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	queries chan struct{} // a slot per running query
	names   nameIndex
}

var _ http.Handler = (*Server)(nil)

// New returns a Server for cfg.Store.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("httpapi: Config.Store is nil")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Limit <= 0 {
		cfg.Limit = DefaultLimit
	}
	if cfg.MaxQueryBytes <= 0 {
		cfg.MaxQueryBytes = DefaultMaxQueryBytes
	}
	if cfg.MaxWriteBytes <= 0 {
		cfg.MaxWriteBytes = DefaultMaxWriteBytes
	}
	if cfg.MaxQueries <= 0 {
		cfg.MaxQueries = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.Static == nil {
		sub, err := fs.Sub(web.Static, "static")
		if err != nil {
			return nil, err
		}
		cfg.Static = sub
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), queries: make(chan struct{}, cfg.MaxQueries)}
	s.names.store = cfg.Store
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	read := func(h http.HandlerFunc) http.Handler { return s.auth(false, h) }
	write := func(h http.HandlerFunc) http.Handler { return s.auth(true, h) }

	s.mux.Handle("POST /api/v1/query/{lang}", read(s.handleQueryPath))
	s.mux.Handle("POST /query/{lang}", read(s.handleQueryPath))
	s.mux.Handle("GET /api/v2/query", read(s.handleQueryV2))
	s.mux.Handle("POST /api/v2/query", read(s.handleQueryV2))

	s.mux.Handle("GET /api/kgraph/search", read(s.handleSearch))
	s.mux.Handle("GET /api/kgraph/entity", read(s.handleEntity))
	s.mux.Handle("GET /api/kgraph/sentence", read(s.handleSentence))
	s.mux.Handle("GET /api/kgraph/nodes", read(s.handleNodes))
	s.mux.Handle("GET /api/kgraph/info", read(s.handleInfo))
	s.mux.Handle("POST /api/kgraph/write", write(s.handleWrite))
	s.mux.Handle("POST /api/kgraph/extract", write(s.handleExtract))

	s.mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	// Anything else under the API prefixes is a JSON 404, not a page.
	for _, p := range []string{"/api/", "/query/"} {
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusNotFound, fmt.Errorf("no endpoint %s %s", r.Method, r.URL.Path))
		})
	}
	files := http.FileServerFS(s.cfg.Static)
	s.mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: the explorer's files are read with GET", r.Method, r.URL.Path))
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-ancestors 'none'")
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	}))
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	rec.Header().Set("X-Content-Type-Options", "nosniff")
	if s.cfg.LoopbackHosts && !isLoopbackHost(r.Host) {
		writeError(rec, http.StatusMisdirectedRequest, fmt.Errorf("host %q is not a loopback name; this server answers only on loopback", r.Host))
	} else {
		s.mux.ServeHTTP(rec, r)
	}
	if s.cfg.Log != nil {
		s.cfg.Log.Printf("%s %s %d %s", r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Millisecond))
	}
}

// auth checks the bearer token where one is needed.
func (s *Server) auth(isWrite bool, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isWrite && !s.cfg.TokenForReads {
			h(w, r)
			return
		}
		if s.cfg.Token == "" {
			writeError(w, http.StatusForbidden, errors.New("writes are disabled: start kgraph serve with --token"))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kgraph"`)
			writeError(w, http.StatusUnauthorized, errors.New("this needs the header Authorization: Bearer <token>"))
			return
		}
		h(w, r)
	})
}

// isLoopbackHost reports whether a Host header names this machine.
func isLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLoopbackAddr reports whether a listen address ("127.0.0.1:8080",
// "localhost:0", "[::1]:80") binds to loopback only. An empty host (":8080")
// binds every interface and is not loopback.
func IsLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	return isLoopbackHost(host)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// writeJSON writes v with status code; '<' and '>' stay as they are, so
// IRIs read "<kg:e/x>" as in `kgraph query`.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, struct {
		Error string `json:"error"`
	}{err.Error()})
}

// statusOf maps an error to an HTTP status.
func statusOf(err error) int {
	var tooBig *http.MaxBytesError
	var qe *graph.QueryError
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, graph.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	case errors.Is(err, graph.ErrClosed):
		return http.StatusServiceUnavailable
	case errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, graph.ErrUnknownLanguage), errors.Is(err, source.ErrInput), errors.As(err, &qe):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled):
		return 499 // the client went away; nobody reads this
	}
	return http.StatusInternalServerError
}

// intParam reads a non-negative integer parameter; def when absent.
func intParam(r *http.Request, name string, def int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s=%q: want a whole number, 0 or more", name, v)
	}
	return n, nil
}

// nameIndex is the entity names in memory, for suggestions. It is built
// on first use and again after a write, from graph.Store.Entities; while it
// is rebuilt, searches use the previous one.
type nameIndex struct {
	store *graph.Store

	mu    sync.Mutex
	cur   *names
	gen   int // bumped by every write
	build sync.Mutex
}

// stale marks the index out of date.
func (x *nameIndex) stale() {
	x.mu.Lock()
	x.gen++
	x.mu.Unlock()
}

// get returns an up-to-date index, or the previous one while another
// request rebuilds it.
func (x *nameIndex) get(ctx context.Context) (*names, error) {
	x.mu.Lock()
	cur, gen := x.cur, x.gen
	x.mu.Unlock()
	if cur != nil && cur.gen == gen {
		return cur, nil
	}
	if cur != nil {
		if !x.build.TryLock() {
			return cur, nil
		}
	} else {
		x.build.Lock()
	}
	defer x.build.Unlock()
	x.mu.Lock()
	cur, gen = x.cur, x.gen
	x.mu.Unlock()
	if cur != nil && cur.gen == gen {
		return cur, nil
	}
	rows, err := x.store.Entities(ctx, graph.EntityOptions{})
	if err != nil {
		if cur != nil {
			return cur, nil
		}
		return nil, err
	}
	n := newNames(rows, gen)
	x.mu.Lock()
	x.cur = n
	x.mu.Unlock()
	return n, nil
}
