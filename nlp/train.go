package nlp

import (
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/lemma"
	"github.com/kgraph/kgraph/nlp/parse"
	"github.com/kgraph/kgraph/nlp/tag"
	"github.com/kgraph/kgraph/nlp/tokenize"
)

// TrainConfig says how to train the whole core from a UD treebank.
type TrainConfig struct {
	Train []*conllu.Sentence // what the models learn from
	Seed  uint64             // same data and seed, same models
	// Folds is the number of jackknife folds that tag the parser's
	// training data (0 means 10): each fold is tagged by a tagger that
	// never saw it, so the parser learns from tags as wrong as the ones it
	// will meet.
	Folds int
	Logf  func(format string, args ...any) // progress; nil for none
}

// Models are the trained core, as Default loads it.
type Models struct {
	Boundary   []byte // the sentence-boundary model, gzip-compressed
	Tagger     *tag.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *parse.Parser
}

// Train trains every model of the core, in the order they depend on each
// other: sentence boundaries, tagger, lemmatizer, then the parser on
// jackknifed tags plus gold tags.
func Train(ctx context.Context, cfg TrainConfig) (*Models, error) {
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if len(cfg.Train) == 0 {
		return nil, fmt.Errorf("train: no training sentences")
	}
	folds := cfg.Folds
	if folds == 0 {
		folds = 10
	}
	var m Models
	var err error
	logf("training the sentence-boundary model")
	// The settings of nlp/tokenize/internal/trainboundary, tuned on dev.
	if m.Boundary, err = tokenize.TrainBoundary(cfg.Train, tokenize.TrainConfig{Epochs: 10, Prune: 0.2, Margin: 2}); err != nil {
		return nil, fmt.Errorf("sentence boundaries: %w", err)
	}
	logf("training the tagger")
	if m.Tagger, err = tag.Train(ctx, cfg.Train, tag.Config{Seed: cfg.Seed}); err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	logf("training the lemmatizer")
	if m.Lemmatizer, err = lemma.Train(ctx, cfg.Train, lemma.Config{}); err != nil {
		return nil, fmt.Errorf("lemmatizer: %w", err)
	}
	tagged, err := JackknifeTags(ctx, cfg.Train, folds, cfg.Seed, logf)
	if err != nil {
		return nil, err
	}
	logf("training the parser")
	both := append(tagged[:len(tagged):len(tagged)], cfg.Train...)
	if m.Parser, err = parse.Train(ctx, both, parse.Config{Seed: cfg.Seed}); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return &m, nil
}

// JackknifeTags returns copies of sents whose UPOS and XPOS come from
// taggers that never saw them: sents are split into k folds and each fold is
// tagged by a tagger trained on the others.
func JackknifeTags(ctx context.Context, sents []*conllu.Sentence, k int, seed uint64, logf func(string, ...any)) ([]*conllu.Sentence, error) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	out := make([]*conllu.Sentence, len(sents))
	for fold := range k {
		var rest []*conllu.Sentence
		for i, s := range sents {
			if i%k != fold {
				rest = append(rest, s)
			}
		}
		logf("tagging fold %d of %d for the parser", fold+1, k)
		tg, err := tag.Train(ctx, rest, tag.Config{Seed: seed})
		if err != nil {
			return nil, fmt.Errorf("tagger for fold %d: %w", fold+1, err)
		}
		for i := fold; i < len(sents); i += k {
			out[i] = Retag(tg, sents[i])
		}
	}
	return out, nil
}

// Retag returns a copy of s whose UPOS and XPOS come from tg, as they will
// when a parser meets tagger output.
func Retag(tg *tag.Tagger, s *conllu.Sentence) *conllu.Sentence {
	words := make([]string, len(s.Words))
	for i, w := range s.Words {
		words[i] = w.Form
	}
	upos, xpos := tg.Tag(words)
	c := *s
	c.Words = append([]conllu.Word(nil), s.Words...)
	for i := range c.Words {
		c.Words[i].UPOS, c.Words[i].XPOS = upos[i], xpos[i]
	}
	return &c
}

// Model file names under a models directory, as package data embeds them.
const (
	BoundaryFile   = "tokenize_boundary.bin.gz"
	TaggerFile     = "tagger.bin.gz"
	LemmatizerFile = "lemma.bin.gz"
	ParserFile     = "parser.bin.gz"
)

// WriteDir writes the models into dir under the names package data
// embeds; rebuild kgraph to ship them.
func (m *Models) WriteDir(dir string) error {
	write := func(name string, save func(f *os.File) error) error {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := save(f); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if err := write(BoundaryFile, func(f *os.File) error { _, err := f.Write(m.Boundary); return err }); err != nil {
		return err
	}
	if err := write(TaggerFile, func(f *os.File) error { return m.Tagger.Save(f) }); err != nil {
		return err
	}
	if err := write(LemmatizerFile, func(f *os.File) error { return m.Lemmatizer.Save(f) }); err != nil {
		return err
	}
	return write(ParserFile, func(f *os.File) error {
		zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
		if err != nil {
			return err
		}
		if err := m.Parser.Save(zw); err != nil {
			return err
		}
		return zw.Close()
	})
}
