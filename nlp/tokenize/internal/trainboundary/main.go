// Command trainboundary trains the sentence-boundary model of package
// nlp/tokenize on UD English EWT train and writes it where package data
// embeds it. Run it from the repository root:
//
//	go run ./nlp/tokenize/internal/trainboundary
//
// It prints the raw-text scores of the new model on EWT dev.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/tokenize"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trainboundary:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("trainboundary", flag.ContinueOnError)
	ewt := fs.String("ewt", "../shared/data/ud-english-ewt", "directory of the EWT CoNLL-U files")
	dst := fs.String("o", "data/models/tokenize_boundary.bin.gz", "model file to write")
	epochs := fs.Int("epochs", 10, "perceptron passes over the training data")
	prune := fs.Float64("prune", 0.2, "drop averaged weights of smaller magnitude")
	margin := fs.Float64("margin", 2, "score handicap of a sentence end without final punctuation")
	if err := fs.Parse(args); err != nil {
		return err
	}
	train, err := conllu.ReadFile(*ewt + "/en_ewt-ud-train.conllu")
	if err != nil {
		return err
	}
	dev, err := conllu.ReadFile(*ewt + "/en_ewt-ud-dev.conllu")
	if err != nil {
		return err
	}
	model, err := tokenize.TrainBoundary(train, tokenize.TrainConfig{Epochs: *epochs, Prune: *prune, Margin: *margin})
	if err != nil {
		return err
	}
	sp, err := tokenize.NewSplitter(model)
	if err != nil {
		return fmt.Errorf("reload model: %w", err)
	}
	sc, err := sp.ScoreRaw(dev)
	if err != nil {
		return fmt.Errorf("score dev: %w", err)
	}
	if err := os.WriteFile(*dst, model, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(out, "wrote %s (%d bytes)\ndev tokens F1 %.2f  sentences F1 %.2f (P %.2f R %.2f)\n",
		*dst, len(model), 100*sc.Tokens.F1, 100*sc.Sentences.F1, 100*sc.Sentences.Precision, 100*sc.Sentences.Recall)
	return nil
}
