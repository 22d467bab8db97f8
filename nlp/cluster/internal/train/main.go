// Command train learns the word classes of package nlp/cluster as
// `kgraph train` does (nlp.TrainClasses), from the White House statements
// corpus and the words of UD English EWT train, and writes them gzipped, for
// the tagger's and parser's own training programs (their -classes flag).
// Run it from the repository root:
//
//	go run ./nlp/cluster/internal/train -out /tmp/classes.bin.gz
package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/source"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	corpus := flag.String("corpus", "../shared/corpus/wh-statements.jsonl.gz", "unlabelled text (any input kgraph build reads)")
	ewt := flag.String("ewt", "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu", "treebank whose words are counted too")
	k := flag.Int("k", 0, "classes (0: nlp.TrainClasses default)")
	out := flag.String("out", "", "where to write the gzipped classes")
	flag.Parse()
	if *out == "" {
		return fmt.Errorf("-out is required")
	}
	start := time.Now()
	ctx := context.Background()
	text, err := source.Texts(ctx, []string{*corpus}, source.Options{})
	if err != nil {
		return err
	}
	train, err := conllu.ReadFile(*ewt)
	if err != nil {
		return err
	}
	cl, err := nlp.TrainClasses(ctx, text, train, *k, data.TokenizeModel)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err := cl.Save(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d words in %d classes in %s\n", *out, cl.Len(), cl.K(), time.Since(start).Round(time.Second))
	return nil
}
