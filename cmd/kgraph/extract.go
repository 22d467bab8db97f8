package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/extract"
	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/source"
)

type extractOptions struct {
	Streams
	Format  string
	Lines   bool
	ID      string
	Aliases string
	Unsure  bool
	Inputs  []string
}

var extractFormats = []string{"tsv", "json", "nquads", "carb"}

// NewCmdExtract returns `kgraph extract`.
func NewCmdExtract(s Streams) *cobra.Command {
	opts := &extractOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Extract facts from documents without a store",
		Long: `Extract reads documents as build does and writes what it extracts to
standard output, storing nothing.

Formats:
  tsv     the facts table: subject, predicate, object, document, sentence,
          confidence, polarity (as 'kgraph export --format tsv')
  json    one JSON object a document: sentences, entities and facts, with
          lower-case field names (docs/schema.md lists them)
  nquads  the quads build would store
  carb    surface extractions in the CaRB scorer's tabbed format:
          sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>arg3…]

With --lines every input line is one sentence, never split further; in carb
format the first field is then the input line verbatim.`,
		Example: `  kgraph extract data/statement.txt
  kgraph extract --format carb --lines ../shared/bench/carb/dev-sentences.txt > dev.tabbed
  echo "Russia violated the UN Charter." | kgraph extract --format json -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if !contains(extractFormats, opts.Format) {
				return usageError{fmt.Errorf("unknown format %q; known: %s", opts.Format, strings.Join(extractFormats, ", "))}
			}
			return runExtract(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "tsv", "output format: "+strings.Join(extractFormats, ", "))
	cmd.Flags().BoolVar(&opts.Lines, "lines", false, "each input line is one sentence")
	cmd.Flags().StringVar(&opts.ID, "id", "stdin", "document id for standard input")
	cmd.Flags().StringVar(&opts.Aliases, "aliases", "", "TSV file of extra names: alias<TAB>canonical<TAB>type")
	cmd.Flags().BoolVar(&opts.Unsure, "unsure", false, "keep the facts of generic phrases the extractor is least sure of (extract.MinConfidence)")
	return cmd
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func runExtract(ctx context.Context, opts *extractOptions) error {
	ex, err := newExtractor(opts.Aliases, extract.Options{Lines: opts.Lines, Unsure: opts.Unsure})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(opts.Out)
	defer out.Flush()
	var results []schema.Result // for the formats that need every document first
	refused := 0
	err = source.Walk(ctx, opts.Inputs, source.Options{Stdin: opts.In, StdinID: opts.ID}, func(it source.Item) error {
		if it.Err != nil {
			fmt.Fprintf(opts.Err, "kgraph: %s: %v\n", it.Origin, it.Err)
			refused++
			return nil
		}
		if opts.Format == "carb" {
			return writeCarb(out, ex, it.Doc.Text, opts.Lines)
		}
		res, err := ex.Extract(ctx, it.Doc)
		if err != nil {
			return fmt.Errorf("%s: %w", it.Origin, err)
		}
		ex.Learn(res) // as build does: a later document knows the names of earlier ones
		if opts.Format == "json" {
			return json.NewEncoder(out).Encode(res)
		}
		results = append(results, res)
		return nil
	})
	if err != nil {
		return err
	}
	if opts.Format == "tsv" || opts.Format == "nquads" {
		if err := writeExport(ctx, out, results, opts.Format); err != nil {
			return err
		}
	}
	if refused > 0 {
		return errSilent
	}
	return nil
}

// writeCarb writes surface extractions in the CaRB tabbed format.
func writeCarb(w io.Writer, ex *extract.Pipeline, text string, lines bool) error {
	write := func(sentence string, exs []extract.Extraction) error {
		for _, e := range exs {
			fields := []string{sentence, fmt.Sprintf("%.4f", e.Confidence), clean(e.Relation)}
			for _, a := range e.Args {
				if a = clean(a); a != "" {
					fields = append(fields, a)
				}
			}
			if len(fields) < 5 {
				continue // the scorer needs two arguments to match anything
			}
			if _, err := fmt.Fprintln(w, strings.Join(fields, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	if lines {
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			if err := write(line, ex.ExtractSentence(line)); err != nil {
				return err
			}
		}
		return nil
	}
	sents, exs := ex.ExtractText(text)
	for i, s := range sents {
		if err := write(clean(s), exs[i]); err != nil {
			return err
		}
	}
	return nil
}

// clean keeps a field on one line of one column.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

// writeExport writes results in an export format through an in-memory
// store, so that the quads and the facts table are exactly what build and
// export would give.
func writeExport(ctx context.Context, w io.Writer, results []schema.Result, format string) error {
	st, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Load(ctx, results...); err != nil {
		return err
	}
	return st.Export(ctx, w, format, graph.ExportOptions{})
}
