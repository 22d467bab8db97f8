package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/extract"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/httpapi"
	"github.com/kgraph/kgraph/schema"
)

type serveOptions struct {
	Streams
	DB      string
	Backend string
	Addr    string
	Token   string
	Timeout time.Duration
	Limit   int
	Aliases string
	Verbose bool
}

// NewCmdServe returns `kgraph serve`.
func NewCmdServe(s Streams) *cobra.Command {
	opts := &serveOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve the graph over HTTP: Cayley's query API and a web explorer",
		Long: `Serve answers Gizmo, GraphQL and MQL queries over HTTP on the paths Cayley
uses (POST /api/v1/query/{lang}, POST /query/{lang}, /api/v2/query?lang=),
and serves a web explorer at / to search entities, draw their neighbourhood,
read the sentences behind each fact and run Gizmo.

It listens on loopback unless --addr says otherwise; another address needs
--token. Writes (POST /api/kgraph/write with N-Quads, POST
/api/kgraph/extract with text) need the header "Authorization: Bearer
TOKEN" and are refused without --token; beyond loopback reads need it too.
The token may also come from the environment variable KGRAPH_TOKEN.

Each query stops after --timeout and returns at most --limit results
(?limit= asks for fewer); a cut answer says "truncated":true. SIGINT or
SIGTERM stops the server after the requests under way.`,
		Example: `  # Serve ./kgraph.db on http://127.0.0.1:8080
  kgraph serve

  # Ask it who condemned what, as a Cayley client would
  curl -s -X POST --data 'g.V().In("<kg:p/condemn>").Out("<kg:label>").All()' http://127.0.0.1:8080/api/v1/query/gizmo

  # Accept writes, and extract a document sent as text
  KGRAPH_TOKEN=s3cret kgraph serve --db news.db
  curl -s -H 'Authorization: Bearer s3cret' --data-binary @note.txt 'http://127.0.0.1:8080/api/kgraph/extract?id=note'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Token == "" {
				opts.Token = os.Getenv("KGRAPH_TOKEN")
			}
			return runServe(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "listen on this host:port (port 0 picks a free one)")
	f.StringVar(&opts.Token, "token", "", "bearer token for writes (and for reads beyond loopback); default $KGRAPH_TOKEN")
	f.DurationVar(&opts.Timeout, "timeout", httpapi.DefaultTimeout, "stop a query after this long")
	f.IntVar(&opts.Limit, "limit", httpapi.DefaultLimit, "at most this many results per query")
	f.StringVar(&opts.Aliases, "aliases", "", "names to add to the gazetteer for extraction (alias<TAB>canonical<TAB>type)")
	f.BoolVarP(&opts.Verbose, "verbose", "v", false, "log each request on standard error")
	return cmd
}

func runServe(ctx context.Context, opts *serveOptions) error {
	if opts.Limit <= 0 {
		return usageError{errors.New("--limit must be at least 1")}
	}
	if opts.Timeout <= 0 {
		return usageError{errors.New("--timeout must be positive")}
	}
	loopback := httpapi.IsLoopbackAddr(opts.Addr)
	if !loopback && opts.Token == "" {
		return usageError{fmt.Errorf("refusing to listen on %q, beyond loopback, without --token: anyone who can reach it could read the graph; "+
			"set --token (or KGRAPH_TOKEN), or listen on 127.0.0.1", opts.Addr)}
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	// A read-only server of a store that is not there is a typo; one that
	// takes writes may start empty.
	var store *graph.Store
	var err error
	if opts.Token == "" {
		store, err = openExisting(ctx, opts.DB, opts.Backend)
	} else {
		store, err = graph.Open(ctx, graph.Config{Backend: opts.Backend, Address: opts.DB})
	}
	if err != nil {
		return err
	}
	defer store.Close()

	cfg := httpapi.Config{
		Store:         store,
		Token:         opts.Token,
		TokenForReads: !loopback,
		LoopbackHosts: loopback,
		Timeout:       opts.Timeout,
		Limit:         opts.Limit,
		Extract:       (&lazyExtractor{aliases: opts.Aliases, store: store}).extract,
	}
	errLog := log.New(opts.Err, "kgraph: ", 0)
	if opts.Verbose {
		cfg.Log = errLog
	}
	h, err := httpapi.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          errLog,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	writes := "writes off (no --token)"
	if opts.Token != "" {
		writes = "writes need the token"
	}
	fmt.Fprintf(opts.Out, "serving %s on http://%s/ (%s)\n", store.Backend(), ln.Addr(), writes)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(opts.Err, "kgraph: shutting down")
	// Requests under way get as long as a query may run, and a little more.
	sctx, cancel := context.WithTimeout(context.Background(), opts.Timeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := store.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	fmt.Fprintln(opts.Err, "kgraph: stopped")
	return nil
}

// lazyExtractor loads the NLP models on the first document it is sent, not
// at start-up, and extracts one document at a time: names a document
// defines serve the next ones, as in `kgraph build`.
type lazyExtractor struct {
	aliases string
	store   *graph.Store

	mu sync.Mutex
	ex *extract.Pipeline
}

func (l *lazyExtractor) extract(ctx context.Context, doc schema.Document) (schema.Result, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ex == nil {
		ex, err := newExtractor(l.aliases, extract.Options{})
		if err != nil {
			return schema.Result{}, err
		}
		known, err := l.store.Aliases(ctx)
		if err != nil {
			return schema.Result{}, fmt.Errorf("read known names: %w", err)
		}
		learnStored(ex, known, nil)
		l.ex = ex
	}
	res, err := l.ex.Extract(ctx, doc)
	if err == nil {
		l.ex.Learn(res)
	}
	return res, err
}
