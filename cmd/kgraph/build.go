package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/extract"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/source"
)

type buildOptions struct {
	Streams
	DB      string
	Backend string
	ID      string
	Aliases string
	Unsure  bool
	JSON    bool
	Quiet   bool
	DryRun  bool
	// BatchDocs is the most documents one store write holds (--batch-docs,
	// hidden: the fault tests use small batches to have many writes to
	// interrupt).
	BatchDocs int
	Inputs    []string
}

// NewCmdBuild returns `kgraph build`.
func NewCmdBuild(s Streams) *cobra.Command {
	opts := &buildOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "build [flags] INPUT...",
		Short: "Extract facts from documents and load them into the store",
		Long: `Build reads documents, extracts subject–predicate–object facts from every
sentence and loads them into the store, then prints a summary.

An INPUT is a .txt or .md file (one document, id = base name without the
extension), a .jsonl or .jsonl.gz file (one JSON object a line with "id" and
"text"; "title", "date" and "url" are kept), a directory (walked in sorted
order), or - for standard input (id from --id).

Building the same document again adds nothing; the same id with different
text replaces that document's facts. A document is stored whole or not at
all. Inputs that cannot be read are reported and skipped, the others are
still built, and the exit status is 1.

Names learnt from one document resolve in the next. A document that names
someone by a surname alone ("Morawiecki") is held back and extracted again
at the end of the run, so that a later document naming the person in full
("Prime Minister Mateusz Morawiecki") makes them one person; the summary
counts these as revisited.

With --dry-run nothing is stored and no store is opened: the documents are
read and extracted as a build would (names learnt from earlier documents
included), and the summary counts what would have been loaded, so the
cost of extraction can be measured apart from the store's.`,
		Example: `  kgraph build data/statement.txt
  kgraph build --db /tmp/wh.db ../shared/corpus/wh-statements.jsonl.gz
  echo "The United States condemned the test." | kgraph build --id note -
  kgraph build --dry-run --json ../shared/corpus/wh-statements.jsonl.gz   # extraction alone
  kgraph build --backend postgres --db 'postgres://kgraph:kgraph@127.0.0.1:5432/kgraph?sslmode=disable' docs/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			return runBuild(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVar(&opts.ID, "id", "stdin", "document id for standard input")
	cmd.Flags().StringVar(&opts.Aliases, "aliases", "", "TSV file of extra names: alias<TAB>canonical<TAB>type")
	cmd.Flags().BoolVar(&opts.Unsure, "unsure", false, "keep the facts of generic phrases the extractor is least sure of (extract.MinConfidence)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the summary as JSON")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress on standard error")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "extract only: open no store and load nothing")
	cmd.Flags().IntVar(&opts.BatchDocs, "batch-docs", defaultBatchDocs, "at most this many documents in one store write")
	_ = cmd.Flags().MarkHidden("batch-docs")
	return cmd
}

// addStoreFlags adds the flags that say which store to open.
func addStoreFlags(cmd *cobra.Command, db, backend *string) {
	cmd.Flags().StringVar(db, "db", defaultDB, "store: a directory, or a URL for postgres")
	cmd.Flags().StringVar(backend, "backend", "", fmt.Sprintf("store backend (default %q; one of %v)", graph.DefaultBackend, graph.Backends()))
}

// defaultBatchDocs is how many documents build hands the store at once,
// unless 2,000 facts come first.
const defaultBatchDocs = 64

// buildSummary is what build prints.
type buildSummary struct {
	Documents int `json:"documents"`
	New       int `json:"new"`
	Replaced  int `json:"replaced"`
	Unchanged int `json:"unchanged"`
	Refused   int `json:"refused"`
	Sentences int `json:"sentences"`
	Facts     int `json:"facts"`
	Entities  int `json:"entities"`
	Quads     int `json:"quads"`
	// Revisited counts documents extracted again once a later one named
	// in full a person they knew by a surname alone (secondLook).
	Revisited int     `json:"revisited"`
	Seconds   float64 `json:"seconds"`
}

// newExtractor returns the default extractor with opts and, when aliases
// names a file, its names added to the gazetteer.
func newExtractor(aliases string, opts extract.Options) (*extract.Pipeline, error) {
	opts, err := withAliases(aliases, opts)
	if err != nil {
		return nil, err
	}
	return extract.NewDefault(opts)
}

// withAliases is opts with the names of the file aliases added to the
// gazetteer, opts itself when aliases is "".
func withAliases(aliases string, opts extract.Options) (extract.Options, error) {
	if aliases == "" {
		return opts, nil
	}
	f, err := os.Open(aliases)
	if err != nil {
		return opts, fmt.Errorf("aliases: %w", err)
	}
	defer f.Close()
	g := extract.DefaultGazetteer().Clone()
	if err := g.Read(f, aliases); err != nil {
		return opts, fmt.Errorf("aliases: %w", err)
	}
	opts.Gazetteer = g
	return opts, nil
}

func runBuild(ctx context.Context, opts *buildOptions) error {
	start := time.Now()
	// The models load (half a second) while the store opens and its names
	// are read: most of a one-document replacement's time otherwise.
	type loaded struct {
		ex  *extract.Pipeline
		err error
	}
	// A bad aliases file fails the build before the store is touched.
	exOpts, err := withAliases(opts.Aliases, extract.Options{Unsure: opts.Unsure})
	if err != nil {
		return err
	}
	models := make(chan loaded, 1)
	go func() {
		ex, err := extract.NewDefault(exOpts)
		models <- loaded{ex, err}
	}()
	var (
		store *graph.Store
		known []graph.Alias
	)
	if !opts.DryRun {
		// Without Cayley's bloom filters (graph.Config.FewWrites): they
		// spare a few key lookups per write but hold some 300 MB of heap,
		// about twice that at the peak, and a big store's open reads every
		// quad into them. On every 10th corpus document: 0.64 GB peak RSS
		// against 1.29 GB, and no more CPU (37.6 s user against 36.6 s).
		store, err = graph.Open(ctx, graph.Config{Backend: opts.Backend, Address: opts.DB, FewWrites: true})
		if err != nil {
			return err
		}
		defer store.Close()
		// Names that earlier documents defined resolve in these ones too.
		if known, err = store.Aliases(ctx); err != nil {
			return fmt.Errorf("read known names: %w", err)
		}
	}
	m := <-models
	if m.err != nil {
		return m.err
	}
	ex := m.ex
	if !opts.DryRun {
		var inputs map[string]bool
		if slices.ContainsFunc(known, func(a graph.Alias) bool { return len(a.Documents) > 0 }) {
			if inputs, err = inputDocuments(ctx, opts); err != nil {
				return err
			}
		}
		learnStored(ex, known, inputs)
	}

	var sum buildSummary
	// The batches are written on a goroutine of their own, extraction
	// going on meanwhile; every return waits for the writes under way
	// before the store closes.
	loads := newLoader(ctx, store)
	waited := false
	defer func() {
		if !waited {
			loads.wait()
		}
	}()
	var pending []schema.Result
	pendingIDs := map[string]bool{}
	pendingFacts, queuedFacts := 0, 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := loads.load(pending); err != nil {
			return err
		}
		queuedFacts += pendingFacts
		pending, pendingFacts = nil, 0 // the loader owns the batch now
		clear(pendingIDs)
		return nil
	}
	batchDocs := opts.BatchDocs
	if batchDocs <= 0 {
		batchDocs = defaultBatchDocs
	}
	full := func() bool { return len(pending) >= batchDocs || pendingFacts >= 2000 }
	later := secondLook{budget: secondLookBytes}
	prog := newProgress(opts.Err, opts.Quiet)
	add := func(it source.Item, res schema.Result, err error) error {
		if it.Err == nil && err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			it.Err = err
		}
		if it.Err != nil {
			fmt.Fprintf(opts.Err, "kgraph: %s: %v\n", it.Origin, it.Err)
			sum.Refused++
			return nil
		}
		if pendingIDs[it.Doc.ID] {
			// A later copy of a document in the same run replaces the earlier
			// one, so they must not share a batch.
			if err := flush(); err != nil {
				return err
			}
		}
		ex.Learn(res)
		// A later copy replaces a held one, and a document that knew
		// someone by a surname alone waits for the end of the run.
		later.forget(it.Doc.ID)
		if later.hold(res, extract.LoneSurnames(res)) {
			sum.Documents++
			return nil
		}
		pending = append(pending, res)
		pendingIDs[it.Doc.ID] = true
		pendingFacts += len(res.Facts)
		sum.Documents++
		prog.update(sum.Documents, queuedFacts+pendingFacts)
		if full() {
			return flush()
		}
		return nil
	}
	// Documents are extracted a batch at a time on every core, then added
	// in input order; names learned from one batch serve the next, so the
	// result does not depend on which worker finished first.
	var batch []source.Item
	extractBatch := func() error {
		results, errs := extractAll(ctx, ex, batch)
		for i, it := range batch {
			if err := add(it, results[i], errs[i]); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	err = source.Walk(ctx, opts.Inputs, source.Options{Stdin: opts.In, StdinID: opts.ID}, func(it source.Item) error {
		batch = append(batch, it)
		if len(batch) >= 4*runtime.GOMAXPROCS(0) {
			return extractBatch()
		}
		return nil
	})
	if err == nil {
		err = extractBatch()
	}
	if err == nil {
		err = flush()
	}
	if err == nil {
		// The held documents, extracted again with every name the run
		// learnt, in input order.
		held := later.held()
		for len(held) > 0 && err == nil {
			n := min(len(held), 4*runtime.GOMAXPROCS(0))
			var items []source.Item
			var again []int // indexes into held[:n] to extract again
			for i, h := range held[:n] {
				if ex.Resolves(h.surnames) {
					items = append(items, source.Item{Doc: h.res.Document, Origin: h.res.Document.ID})
					again = append(again, i)
				}
			}
			results, errs := extractAll(ctx, ex, items)
			for j, i := range again {
				if errs[j] != nil {
					err = fmt.Errorf("%s: %w", items[j].Origin, errs[j])
					break
				}
				held[i].res = results[j]
				sum.Revisited++
			}
			for _, h := range held[:n] {
				pending = append(pending, h.res)
				pendingFacts += len(h.res.Facts)
			}
			if err == nil && full() {
				err = flush()
			}
			held = held[n:]
		}
	}
	if err == nil {
		err = flush()
	}
	total, lerr := loads.wait()
	waited = true
	if err == nil {
		err = lerr
	}
	if err != nil {
		return err
	}
	sum.New, sum.Replaced, sum.Unchanged = total.Loaded, total.Replaced, total.Skipped
	sum.Sentences, sum.Facts, sum.Entities, sum.Quads = total.Sentences, total.Facts, total.Entities, total.QuadsAdded
	sum.Seconds = time.Since(start).Seconds()
	if err := printSummary(opts, sum); err != nil {
		return err
	}
	if sum.Refused > 0 {
		return errSilent
	}
	return nil
}

// extractAll extracts the readable items of a batch in parallel.
func extractAll(ctx context.Context, ex *extract.Pipeline, items []source.Item) ([]schema.Result, []error) {
	results := make([]schema.Result, len(items))
	errs := make([]error, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = ex.Extract(ctx, items[i].Doc)
			}
		}()
	}
	for i, it := range items {
		if it.Err == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return results, errs
}

func printSummary(opts *buildOptions, s buildSummary) error {
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		return enc.Encode(s)
	}
	if _, err := fmt.Fprintf(opts.Out, "documents  %d (%d new, %d replaced, %d unchanged, %d refused)\nsentences  %d\nfacts      %d\nentities   %d\nquads      %d\n",
		s.Documents+s.Refused, s.New, s.Replaced, s.Unchanged, s.Refused, s.Sentences, s.Facts, s.Entities, s.Quads); err != nil {
		return err
	}
	if s.Revisited > 0 {
		if _, err := fmt.Fprintf(opts.Out, "revisited  %d (a person named in full by a later document)\n", s.Revisited); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(opts.Out, "seconds    %.2f\n", s.Seconds)
	return err
}

// secondLookBytes bounds the text of the documents a build holds back: a
// corpus where many documents name someone by a surname alone must not be
// kept whole (a third of the White House corpus does). Measured on that
// corpus with --dry-run: 16 MB of held text, some 340 MB more peak memory,
// 248 documents mended; 32 MB, 530 MB more, 283.
const secondLookBytes = 16 << 20

// secondLook holds back the results of documents that knew a person by a
// surname alone ("Morawiecki") until the run has read every input: a later
// document may name the person in full ("Mateusz Morawiecki"), and then the
// document is extracted again, so that the person is one node however the
// documents were ordered. Extraction streams, so this is the one place a
// later document can mend an earlier one; holding back, rather than
// storing and replacing, costs a second extraction of the documents it
// mends and no store writes.
type secondLook struct {
	docs   []heldDoc
	byID   map[string]int // document ID → index in docs
	budget int
}

type heldDoc struct {
	res      schema.Result
	surnames []string
	dropped  bool
}

// hold keeps res for the end of the run if it names someone by a surname
// alone and its text fits in what is left of the budget.
func (l *secondLook) hold(res schema.Result, surnames []string) bool {
	n := len(res.Document.Text)
	if len(surnames) == 0 || n > l.budget {
		return false
	}
	if l.byID == nil {
		l.byID = map[string]int{}
	}
	l.budget -= n
	l.byID[res.Document.ID] = len(l.docs)
	l.docs = append(l.docs, heldDoc{res: res, surnames: surnames})
	return true
}

// forget drops a held document a later copy replaces.
func (l *secondLook) forget(id string) {
	if i, ok := l.byID[id]; ok {
		l.docs[i].dropped = true
		delete(l.byID, id)
	}
}

func (l *secondLook) held() []heldDoc {
	var out []heldDoc
	for _, h := range l.docs {
		if !h.dropped {
			out = append(out, h)
		}
	}
	return out
}

// learnStored teaches ex the names the store's documents gave, as
// extract.Pipeline.Learn taught them when those documents were built: names
// a sentence gave, a person's surname alone excepted. A name that only
// documents of this run give (inputs, by document IRI) is left out: the
// run learns it again where that document comes, so that a build run again
// after a crash gives the store a clean build gives, however far the
// crashed one got.
func learnStored(ex *extract.Pipeline, known []graph.Alias, inputs map[string]bool) {
	for _, a := range known {
		if len(a.Documents) == 0 || a.Type == schema.TypePerson && !strings.Contains(a.Name, " ") {
			continue
		}
		if !slices.ContainsFunc(a.Documents, func(d string) bool { return !inputs[d] }) {
			continue
		}
		ex.AddName(a.Name, a.Label, a.Type)
	}
}

// inputDocuments reads the inputs once ahead of the build for the IRIs of
// the documents they hold. Standard input, which cannot be read twice, is
// one document, --id.
func inputDocuments(ctx context.Context, opts *buildOptions) (map[string]bool, error) {
	ids := map[string]bool{}
	var files []string
	for _, in := range opts.Inputs {
		if in == "-" {
			ids[schema.DocumentIRI(opts.ID)] = true
		} else {
			files = append(files, in)
		}
	}
	err := source.Walk(ctx, files, source.Options{}, func(it source.Item) error {
		if it.Err == nil {
			ids[schema.DocumentIRI(it.Doc.ID)] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the inputs' document ids: %w", err)
	}
	return ids, nil
}
