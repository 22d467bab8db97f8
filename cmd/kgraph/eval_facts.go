package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/eval/facts"
)

type evalFactsOptions struct {
	Streams
	DB      string
	Backend string
	Gold    string
	Doc     string
}

// NewCmdEvalFacts returns `kgraph eval facts`.
func NewCmdEvalFacts(s Streams) *cobra.Command {
	opts := &evalFactsOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "facts --gold FACTS.tsv [--db DIR]",
		Short: "Measure the recall of expected canonical facts in a store",
		Long: `Facts checks which of an analyst's expected facts the store holds. A gold
fact (sentence, subject, predicate, object) is found when the store has a
fact from that sentence (±1) whose subject entity has the gold subject as
label or alias; whose predicate contains the gold predicate's main verb, or
whose object contains it as a noun (words match on their first four
letters; a gold "be" accepts any copular or title predicate); and whose
object is the gold object's entity or shares at least half of its content
words. It prints the recall, the misses grouped by cause, and how many
facts still have a pronoun or group reference as subject.`,
		Example: `  kgraph build data/statement.txt
  kgraph eval facts --gold ../shared/bench/seed/dev-facts-gold.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalFacts(cmd.Context(), opts)
		},
	}
	addStoreFlags(cmd, &opts.DB, &opts.Backend)
	cmd.Flags().StringVar(&opts.Gold, "gold", "", "gold facts: sid<TAB>subject<TAB>predicate<TAB>object[<TAB>note], with a header")
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "only facts of this document id (default: all)")
	cmd.MarkFlagRequired("gold")
	return cmd
}

func runEvalFacts(ctx context.Context, opts *evalFactsOptions) error {
	f, err := os.Open(opts.Gold)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := facts.ReadGold(f)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.Gold, err)
	}
	store, err := openExisting(ctx, opts.DB, opts.Backend)
	if err != nil {
		return err
	}
	defer store.Close()
	got, err := facts.FromStore(ctx, store, opts.Doc)
	if err != nil {
		return err
	}
	return facts.Evaluate(gold, got).Write(opts.Out)
}
