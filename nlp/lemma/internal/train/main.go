// Command train regenerates the committed lemmatizer model from UD English
// EWT. Run it from the repository root:
//
//	go run ./nlp/lemma/internal/train
//
// It learns from the train split, reports dev accuracy with gold tags and
// with the committed tagger's tags, and writes data/models/lemma.bin.gz.
// With -test it also scores the test split, for final reporting only.
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

	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/lemma"
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
	out := fs.String("out", "data/models/lemma.bin.gz", "where to write the model; empty to skip")
	maxSuffix := fs.Int("max-suffix", 0, "longest rule ending in bytes (0: default)")
	minTypes := fs.Int("min-rule-types", 0, "words needed to back a rule (0: default)")
	maxRules := fs.Int("max-rules", 0, "candidate rules kept per ending (0: default)")
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
	start := time.Now()
	l, err := lemma.Train(ctx, train, lemma.Config{MaxSuffix: *maxSuffix, MinRuleTypes: *minTypes, MaxRules: *maxRules})
	if err != nil {
		return err
	}
	exc, rules := l.Entries()
	fmt.Fprintf(stdout, "trained in %s: %d exceptions, %d rules, about %.1f MB in memory\n",
		time.Since(start).Round(time.Millisecond), exc, rules, float64(l.MemoryBytes())/1e6)
	tg, err := tag.Default()
	if err != nil {
		return err
	}
	splits := []string{"dev"}
	if *test {
		splits = append(splits, "test")
	}
	for _, split := range splits {
		sents, err := readSplit(*dir, split)
		if err != nil {
			return err
		}
		gold := l.Score(sents)
		pred := scorePredicted(l, tg, sents)
		fmt.Fprintf(stdout, "%s: LEMMA %.2f%% with gold tags, %.2f%% with predicted tags (%d words)\n",
			split, gold.Acc(), pred.Acc(), gold.Words)
		fmt.Fprintf(stdout, "%s: FEATS %.2f%% with gold tags, %.2f%% with predicted tags\n",
			split, gold.FeatsAcc(), pred.FeatsAcc())
	}
	if *out == "" {
		return nil
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := l.Save(f); err != nil {
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

// scorePredicted lemmatizes with the tagger's tags, as the pipeline will.
func scorePredicted(l *lemma.Lemmatizer, tg *tag.Tagger, sents []*conllu.Sentence) lemma.Score {
	var sc lemma.Score
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		upos, xpos := tg.Tag(words)
		for i, w := range s.Words {
			sc.Words++
			if l.Lemma(w.Form, upos[i], xpos[i]) == w.Lemma {
				sc.Correct++
			}
			if l.Feats(w.Form, upos[i], xpos[i]) == w.Feats {
				sc.Feats++
			}
		}
	}
	return sc
}

func readSplit(dir, split string) ([]*conllu.Sentence, error) {
	return conllu.ReadFile(filepath.Join(dir, "en_ewt-ud-"+split+".conllu"))
}
