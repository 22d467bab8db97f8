package main

import (
	"context"
	"fmt"
	"os"

	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/tag"
)

// retag returns copies of sents whose UPOS and XPOS come from tg, as they
// will at parse time.
func retag(tg *tag.Tagger, sents []*conllu.Sentence) ([]*conllu.Sentence, error) {
	out := make([]*conllu.Sentence, len(sents))
	for k, s := range sents {
		out[k] = nlp.Retag(tg, s)
	}
	return out, nil
}

// jackknife returns copies of sents tagged by taggers that never saw them:
// sents are split into k folds and each fold is tagged by a tagger trained on
// the others. The parser then trains on tags as wrong as the ones it will
// meet, instead of the nearly perfect tags a tagger gives its own training
// data. The result is cached in cache (CoNLL-U) when cache is not empty.
func jackknife(sents []*conllu.Sentence, k int, cfg tag.Config, cache string) ([]*conllu.Sentence, error) {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			out, err := conllu.ReadAll(f)
			if err != nil {
				return nil, fmt.Errorf("read jackknife cache: %w", err)
			}
			if len(out) == len(sents) {
				return out, nil
			}
		}
	}
	out, err := nlp.JackknifeTags(context.Background(), sents, k, cfg, func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "jackknife: "+format+"\n", args...)
	})
	if err != nil {
		return nil, err
	}
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return nil, err
		}
		if err := conllu.Write(f, out); err != nil {
			f.Close()
			return nil, fmt.Errorf("write jackknife cache: %w", err)
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("write jackknife cache: %w", err)
		}
	}
	return out, nil
}
