package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/parse"
	"github.com/kgraph/kgraph/nlp/tokenize"
)

type evalParseOptions struct {
	Streams
	Gold   string
	Raw    bool
	Models string
}

// NewCmdEvalParse returns `kgraph eval parse`.
func NewCmdEvalParse(s Streams) *cobra.Command {
	opts := &evalParseOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "parse --gold FILE.conllu [--raw]",
		Short: "Score the NLP core against a UD treebank",
		Long: `Parse runs the embedded tagger, lemmatizer and parser on the words of a
gold CoNLL-U file and prints one figure a line, in percent, scored as the
CoNLL 2018 shared task scores them: UPOS, XPOS, LEMMA, UAS and LAS (LAS on
the universal part of the relation), over syntactic words.

With --raw it also rebuilds the raw text (the "# text" lines of each
document, a blank line at each paragraph) and scores tokenization and
sentence splitting: TOKENS and SENTENCES F1.`,
		Example: `  kgraph eval parse --gold ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu
  kgraph eval parse --raw --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu
  kgraph eval parse --models /tmp/models --gold ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalParse(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Gold, "gold", "", "gold treebank in CoNLL-U")
	cmd.Flags().BoolVar(&opts.Raw, "raw", false, "also score tokenization and sentence splitting from raw text")
	cmd.Flags().StringVar(&opts.Models, "models", "", "score the tagger, lemmatizer and parser that 'kgraph train' wrote into this directory instead of the embedded ones")
	cmd.MarkFlagRequired("gold")
	return cmd
}

func runEvalParse(opts *evalParseOptions) error {
	gold, err := conllu.ReadFile(opts.Gold)
	if err != nil {
		return err
	}
	p, err := nlp.Default()
	if opts.Models != "" {
		p, err = nlp.LoadDir(opts.Models)
	}
	if err != nil {
		return err
	}
	sc := parse.Score(gold, p.AnnotateGold(gold))
	fmt.Fprintf(opts.Out, "UPOS %.2f\nXPOS %.2f\nLEMMA %.2f\nUAS %.2f\nLAS %.2f\n", sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	if !opts.Raw {
		return nil
	}
	raw, err := tokenize.ScoreRaw(gold)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.Gold, err)
	}
	_, err = fmt.Fprintf(opts.Out, "TOKENS %.2f\nSENTENCES %.2f\n", 100*raw.Tokens.F1, 100*raw.Sentences.F1)
	return err
}
