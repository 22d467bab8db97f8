// Command train fits the dependency parser of package nlp/parse on UD English
// EWT, for experiments on the parser alone; the committed model comes from
// `kgraph train`, which trains the whole core (nlp.Train). Run it from the
// repository root:
//
//	go run ./nlp/cluster/internal/train -out /tmp/classes.bin.gz
//	go run ./nlp/tag/internal/train -classes /tmp/classes.bin.gz -out /tmp/tagger.bin.gz
//	go run ./nlp/parse/internal/train -classes /tmp/classes.bin.gz -tagger /tmp/tagger.bin.gz \
//		-ensemble 3 -cache /tmp/jk.conllu -out /tmp/parser.bin.gz
//	go run ./nlp/parse/internal/train -classes /tmp/classes.bin.gz -tagger /tmp/tagger.bin.gz \
//		-tag-passes 2 -ensemble 4 -epochs 7 -cache /tmp/jk.conllu -first /tmp/parser.bin.gz \
//		-pairs-text ../shared/corpus/wh-statements.jsonl.gz -out /tmp/parser2.bin.gz  # as kgraph train does
//	go run ./nlp/parse/internal/train -eval embedded -test   # score the committed model
//
// This tool trains without supertags (parse.Supertags), which `kgraph
// train --supertags` adds; -eval scores a supertagged model with the
// -supertagger model trained with it.
//
// By default train is tagged by jackknifing: split into ten folds, each
// tagged by a tagger (package nlp/tag, default settings and the -classes
// word classes) trained on the other nine, so that training sees tags as
// wrong as parsing will; dev and test are tagged by the -tagger model (the
// embedded one by default), as at parse time. With -augment (the default)
// the parser trains on every sentence twice, once with those tags and once
// with gold tags: as accurate on predicted tags, better on good ones.
// Jackknifing takes most of the time (ten tagger trainings); -cache FILE
// keeps its output for later runs (use a new file when the tagger changes).
//
// The result is deterministic for a given -seed and nlp/tag code and model.
// Dev is scored after every epoch when -v is set; -test scores the final
// model on test too (report only; never tune on it).
package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/nlp/cluster"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/parse"
	"github.com/kgraph/kgraph/nlp/tag"
	"github.com/kgraph/kgraph/source"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	dir := fs.String("data", "../shared/data/ud-english-ewt", "directory holding en_ewt-ud-{train,dev,test}.conllu")
	dst := fs.String("out", "", "where to write the gzipped model (empty: do not write)")
	gold := fs.Bool("gold", false, "train and evaluate with gold tags instead of tagger output")
	epochs := fs.Int("epochs", 0, "training epochs (0: parse.Config default)")
	seed := fs.Uint64("seed", 1, "random seed")
	prune := fs.Float64("prune", 0, "drop averaged weights below this magnitude (0: default)")
	explore := fs.Float64("explore", 0, "exploration probability (0: default)")
	minFreq := fs.Int("minfreq", 0, "minimum word frequency (0: default)")
	folds := fs.Int("jackknife", 10, "tag train with taggers trained on the other folds (0: with the default tagger)")
	cache := fs.String("cache", "", "file caching the jackknifed train set between runs")
	augment := fs.Bool("augment", true, "train on each sentence twice, with tagger tags and with gold tags")
	eval := fs.String("eval", "", "score this gzipped model (\"embedded\": the one in package data) on dev, and test with -test, with tagger and gold tags; no training")
	verbose := fs.Bool("v", false, "score dev after every epoch")
	classes := fs.String("classes", "", "gzipped word classes (package nlp/cluster) for the parser and the jackknife taggers; empty for none")
	ensemble := fs.Int("ensemble", 1, "train this many parsers (seeds seed, seed+1, ...) side by side and merge them")
	tagPasses := fs.Int("tag-passes", 0, "passes of the jackknife taggers (0: tag.Config default); 2 also sets LexFreq")
	superPath := fs.String("supertagger", "", "gzipped supertagger (nlp.Models.Supertagger) for an -eval model trained with supertags")
	tagger := fs.String("tagger", "", "gzipped tagger model that tags dev and test (empty: the embedded one)")
	test := fs.Bool("test", false, "also score the final model on test")
	pairsText := fs.String("pairs-text", "", "text (file or directory, as kgraph build reads) to parse with -first and count word pairs in (Config.Pairs)")
	first := fs.String("first", "", "gzipped parser model that parses -pairs-text (with the -tagger tags)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	read := func(part string) ([]*conllu.Sentence, error) {
		return conllu.ReadFile(fmt.Sprintf("%s/en_ewt-ud-%s.conllu", *dir, part))
	}
	tg, err := loadTagger(*tagger)
	if err != nil {
		return err
	}
	if *eval != "" {
		return evaluate(*eval, *superPath, tg, read, *test, out)
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	var cl *cluster.Classes
	if *classes != "" {
		if cl, err = cluster.ReadFile(*classes); err != nil {
			return err
		}
	}
	devIn := dev
	goldTrain := train
	if !*gold {
		if *folds > 1 {
			train, err = jackknife(train, *folds, tag.Config{Seed: *seed, Classes: cl, Passes: *tagPasses, LexFreq: *tagPasses == 2}, *cache)
		} else {
			train, err = retag(tg, train)
		}
		if err != nil {
			return err
		}
		if devIn, err = retag(tg, dev); err != nil {
			return err
		}
		if *augment {
			train = append(train[:len(train):len(train)], goldTrain...)
		}
	}
	cfg := parse.Config{Epochs: *epochs, Seed: *seed, Prune: *prune, ExploreProb: *explore, MinWordFreq: *minFreq, Classes: cl, Ensemble: *ensemble}
	if *pairsText != "" {
		if cfg.Pairs, err = countPairs(*pairsText, *first, tg); err != nil {
			return err
		}
		fmt.Fprintf(out, "%d word pairs\n", cfg.Pairs.Len())
	}
	if *verbose {
		cfg.AfterEpoch = func(epoch int, p *parse.Parser) {
			s := parse.Score(dev, parseAll(p, devIn))
			fmt.Fprintf(out, "epoch %2d  dev UAS %.2f LAS %.2f\n", epoch+1, s.UAS, s.LAS)
		}
	}
	start := time.Now()
	p, err := parse.Train(context.Background(), train, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "trained in %s\n", time.Since(start).Round(time.Second))
	s := parse.Score(dev, parseAll(p, devIn))
	fmt.Fprintf(out, "dev  UAS %.2f LAS %.2f\n", s.UAS, s.LAS)
	if *test {
		t, err := read("test")
		if err != nil {
			return err
		}
		tIn := t
		if !*gold {
			if tIn, err = retag(tg, t); err != nil {
				return err
			}
		}
		s := parse.Score(t, parseAll(p, tIn))
		fmt.Fprintf(out, "test UAS %.2f LAS %.2f\n", s.UAS, s.LAS)
	}
	if *dst == "" {
		return nil
	}
	f, err := os.Create(*dst)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := p.Save(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", *dst, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", *dst, err)
	}
	st, _ := os.Stat(*dst)
	fmt.Fprintf(out, "wrote %s (%d bytes)\n", *dst, st.Size())
	return nil
}

// parseAll parses copies of sents with their own tags (and supertags, from
// MISC parse.SuperKey, if any) and returns them.
func parseAll(p *parse.Parser, sents []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	var words, upos, xpos, super []string
	for k, s := range sents {
		words, upos, xpos, super = words[:0], upos[:0], xpos[:0], super[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			upos = append(upos, w.UPOS)
			xpos = append(xpos, w.XPOS)
			st, _ := w.MiscValue(parse.SuperKey)
			super = append(super, st)
		}
		heads, rels := make([]int, len(words)), make([]string, len(words))
		p.ParseSuperTo(heads, rels, words, upos, xpos, super)
		c := &conllu.Sentence{Words: append([]conllu.Word(nil), s.Words...)}
		for i := range c.Words {
			c.Words[i].Head, c.Words[i].Deprel = heads[i], rels[i]
		}
		out[k] = c
	}
	return out
}

// evaluate scores a saved model on dev (and test) with tagger and gold tags.
func evaluate(name, superPath string, tg *tag.Tagger, read func(string) ([]*conllu.Sentence, error), test bool, out io.Writer) error {
	var p *parse.Parser
	var err error
	if name == "embedded" {
		p, err = parse.Default()
	} else {
		p, err = loadFile(name)
	}
	if err != nil {
		return err
	}
	parts := []string{"dev"}
	if test {
		parts = append(parts, "test")
	}
	var st *tag.Tagger
	if p.Supertagged() {
		if superPath == "" {
			return fmt.Errorf("%s was trained with supertags: give its supertagger with -supertagger", name)
		}
		if st, err = loadTagger(superPath); err != nil {
			return err
		}
	}
	for _, part := range parts {
		gold, err := read(part)
		if err != nil {
			return err
		}
		if st != nil {
			gold = supertag(st, gold)
		}
		tagged, err := retag(tg, gold)
		if err != nil {
			return err
		}
		for _, in := range []struct {
			name  string
			sents []*conllu.Sentence
		}{{"tagger tags", tagged}, {"gold tags", gold}} {
			pred := parseAll(p, in.sents)
			for k := range pred {
				for i := range pred[k].Words {
					pred[k].Words[i].Lemma = gold[k].Words[i].Lemma // not the parser's job
				}
			}
			s := parse.Score(gold, pred)
			fmt.Fprintf(out, "%-4s %-11s UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f\n", part, in.name, s.UPOS, s.XPOS, s.UAS, s.LAS)
		}
	}
	return nil
}

// supertag returns copies of sents carrying st's supertags in MISC
// parse.SuperKey, as parseAll reads them.
func supertag(st *tag.Tagger, sents []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	for k, s := range sents {
		out[k] = nlp.Supertag(st, s)
	}
	return out
}

func loadFile(name string) (*parse.Parser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	p, err := parse.Load(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return p, nil
}

func loadTagger(path string) (*tag.Tagger, error) {
	if path == "" {
		return tag.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return tag.Load(f) // tagger models are gzipped, and Load unzips them
}

// countPairs parses the documents of path with the parser in file first and
// counts their word pairs.
func countPairs(path, first string, tg *tag.Tagger) (*parse.Pairs, error) {
	if first == "" {
		return nil, fmt.Errorf("-pairs-text needs -first, the parser to parse it with")
	}
	p, err := loadFile(first)
	if err != nil {
		return nil, err
	}
	texts, err := source.Texts(context.Background(), []string{path}, source.Options{})
	if err != nil {
		return nil, err
	}
	return nlp.CountPairs(context.Background(), texts, data.TokenizeModel, tg, p)
}
