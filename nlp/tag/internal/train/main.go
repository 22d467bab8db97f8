// Command train trains the tagger alone on UD English EWT, for tuning it.
// Run it from the repository root:
//
//	nice go run ./nlp/tag/internal/train
//
// It trains on the train split (about two minutes) and reports dev accuracy;
// with -out it writes the model there. The committed model is not made
// this way: the parser must learn from the tagger's tags, so every model of
// the core is retrained together by `go run ./cmd/kgraph train --ewt
// ../shared/data/ud-english-ewt` (package nlp, Train). With -test it also
// scores the test split, which is for final reporting only, never for
// tuning.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/kgraph/kgraph/nlp/cluster"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/tag"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data", "../shared/data/ud-english-ewt", "directory holding en_ewt-ud-{train,dev,test}.conllu")
	out := fs.String("out", "", "where to write the model; empty to skip")
	epochs := fs.Int("epochs", 0, "training epochs (0: the package default)")
	seed := fs.Uint64("seed", 1, "shuffle seed")
	minWeight := fs.Float64("min-weight", 0, "prune averaged weights below this (0: default)")
	dictFreq := fs.Int("tagdict-min-freq", 0, "tag words at least this frequent and unambiguous by lookup (0: default, <0: never)")
	dictRatio := fs.Float64("tagdict-min-ratio", 0, "share of a word's majority tag for the lookup (0: default)")
	lexFreq := fs.Int("lex-min-freq", 0, "frequency for a word to enter the look-ahead lexicon (0: default)")
	mix := fs.Int("mix", 0, "perceptrons to train and average (0: default)")
	passes := fs.Int("passes", 0, "1: left to right only, 2: add the second pass (0: default, 1)")
	folds := fs.Int("folds", 0, "first-pass folds that tag the second pass's training data (0: default)")
	fwd := fs.Bool("forward-first", false, "run the first of two passes left to right")
	gate := fs.Float64("gate", 0, "first-pass margin below which the second pass re-tags (0: default, <0: all)")
	freqFeat := fs.Bool("lex-freq", false, "add the lexicon-frequency feature")
	noLOO := fs.Bool("no-loo", false, "train without leave-one-out lexicon features")
	perEpoch := fs.Bool("dev-every-epoch", false, "score dev after every epoch (slow: exports the model each time)")
	classes := fs.String("classes", "", "word-class file (package cluster, gzipped or not) whose classes feed the features")
	test := fs.Bool("test", false, "also score the test split (final report only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	train, err := readSplit(*dir, "train")
	if err != nil {
		return err
	}
	dev, err := readSplit(*dir, "dev")
	if err != nil {
		return err
	}
	cfg := tag.Config{
		Epochs:          *epochs,
		Seed:            *seed,
		MinWeight:       *minWeight,
		TagDictMinFreq:  *dictFreq,
		TagDictMinRatio: *dictRatio,
		LexMinFreq:      *lexFreq,
		NoLeaveOneOut:   *noLOO,
		Mix:             *mix,
		Passes:          *passes,
		Folds:           *folds,
		ForwardFirst:    *fwd,
		Gate:            *gate,
		LexFreq:         *freqFeat,
		Logf:            func(f string, a ...any) { fmt.Fprintf(stdout, f+"\n", a...) },
	}
	if *perEpoch {
		cfg.Dev = dev
	}
	if *classes != "" {
		if cfg.Classes, err = cluster.ReadFile(*classes); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "word classes: %d words in %d classes\n", cfg.Classes.Len(), cfg.Classes.K())
	}
	start := time.Now()
	t, err := tag.Train(ctx, train, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "trained in %s\n", time.Since(start).Round(time.Second))
	sc := t.Score(dev)
	fmt.Fprintf(stdout, "dev: UPOS %.2f%% XPOS %.2f%% (%d words)\n", sc.UPOSAcc(), sc.XPOSAcc(), sc.Words)
	if *test {
		ts, err := readSplit(*dir, "test")
		if err != nil {
			return err
		}
		sc := t.Score(ts)
		fmt.Fprintf(stdout, "test: UPOS %.2f%% XPOS %.2f%% (%d words)\n", sc.UPOSAcc(), sc.XPOSAcc(), sc.Words)
	}
	fmt.Fprintf(stdout, "model in memory: about %.1f MB\n", float64(t.MemoryBytes())/1e6)
	if *out == "" {
		return nil
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := t.Save(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, st.Size())
	return nil
}

// readClasses loads a class file written by cluster.Classes.Save, gunzipping
// it if it is compressed.
func readSplit(dir, split string) ([]*conllu.Sentence, error) {
	return conllu.ReadFile(filepath.Join(dir, "en_ewt-ud-"+split+".conllu"))
}
