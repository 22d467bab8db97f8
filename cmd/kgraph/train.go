package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/source"
)

type trainOptions struct {
	Streams
	EWT     string
	Text    []string
	Classes int
	Dir     string
	Seed    uint64
	Folds   int
	Super   bool
}

// NewCmdTrain returns `kgraph train`.
func NewCmdTrain(s Streams) *cobra.Command {
	opts := &trainOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "train --ewt DIR [--text FILE]... [--out DIR]",
		Short: "Retrain the embedded NLP models from UD English EWT",
		Long: `Train fits the sentence-boundary model, the tagger, the lemmatizer and the
dependency parser on the training split of UD English EWT and writes them
where the kgraph binary embeds them from (data/models). Rebuild kgraph to
use them, then check them with 'kgraph eval parse'.

The tagger and parser also learn from word classes: groups of words that
occur in like contexts, learnt from unlabelled running text given with
--text (any input 'kgraph build' reads) and the treebank's own words. They
tell the models about words the treebank never shows them: give a few
million words, such as the White House statements corpus, to learn them well.

It also trains a supertagger, which guesses each word's relation and the
side of its head, and the parser reads those guesses; --supertags=false
trains a parser without them (less accurate, faster; it then ignores the
supertagger file).

The same treebank, text and seed give byte-identical models. It takes
about 50 minutes on two cores (half an hour without supertags), most of it
tagging the parser's training data by jackknifing.`,
		Example: `  kgraph train --ewt ../shared/data/ud-english-ewt --text ../shared/corpus/wh-statements.jsonl.gz
  kgraph train --supertags=false --out /tmp/models --ewt ../shared/data/ud-english-ewt --text ../shared/corpus/wh-statements.jsonl.gz
  kgraph eval parse --models /tmp/models --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu
  go build -o kgraph ./cmd/kgraph
  kgraph eval parse --gold ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTrain(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.EWT, "ewt", "", "directory holding en_ewt-ud-train.conllu")
	cmd.Flags().StringArrayVar(&opts.Text, "text", nil, "unlabelled text to learn word classes from (repeatable; files, directories, JSON Lines)")
	cmd.Flags().IntVar(&opts.Classes, "classes", 256, "number of word classes")
	cmd.Flags().StringVar(&opts.Dir, "out", filepath.Join("data", "models"), "directory to write the models to")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "random seed")
	cmd.Flags().IntVar(&opts.Folds, "folds", 10, "jackknife folds for the parser's training tags")
	cmd.Flags().BoolVar(&opts.Super, "supertags", true, "train a supertagger and a parser that reads its supertags (more accurate, slower)")
	cmd.MarkFlagRequired("ewt")
	return cmd
}

func runTrain(ctx context.Context, opts *trainOptions) error {
	train, err := conllu.ReadFile(filepath.Join(opts.EWT, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	text, err := source.Texts(ctx, opts.Text, source.Options{Stdin: opts.In})
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := nlp.Train(ctx, nlp.TrainConfig{Train: train, Seed: opts.Seed, Folds: opts.Folds, Text: text, Classes: opts.Classes, Supertags: opts.Super,
		Logf: func(format string, args ...any) {
			fmt.Fprintf(opts.Err, "kgraph: %s (%s)\n", fmt.Sprintf(format, args...), time.Since(start).Round(time.Second))
		}})
	if err != nil {
		return err
	}
	if err := m.WriteDir(opts.Dir); err != nil {
		return err
	}
	files := []string{nlp.BoundaryFile, nlp.TaggerFile, nlp.LemmatizerFile, nlp.ParserFile}
	if m.Supertagger != nil {
		files = append(files, nlp.SupertagFile)
	}
	_, err = fmt.Fprintf(opts.Out, "wrote %s/{%s} in %s\n", opts.Dir, strings.Join(files, ","), time.Since(start).Round(time.Second))
	return err
}
