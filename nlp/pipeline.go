package nlp

import (
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/nlp/lemma"
	"github.com/kgraph/kgraph/nlp/parse"
	"github.com/kgraph/kgraph/nlp/tag"
	"github.com/kgraph/kgraph/nlp/tokenize"
)

// The stages a Pipeline runs, as small interfaces so that a better model
// (or a test double) plugs in without touching the others.
type (
	// Tagger fills in the UPOS and XPOS tags of a tokenized sentence.
	Tagger interface {
		TagInto(words, upos, xpos []string)
	}
	// Lemmatizer gives the dictionary form of a tagged word.
	Lemmatizer interface {
		Lemma(form, upos, xpos string) string
	}
	// Parser fills in the heads (1-based, 0 for the root) and relations of a
	// tagged sentence.
	Parser interface {
		ParseTo(heads []int, deprels []string, words, upos, xpos []string)
	}
)

// Pipeline runs the whole core: split, tokenize, tag, lemmatize, parse. A
// nil Parser leaves sentences unparsed (Head -1).
type Pipeline struct {
	Tagger     Tagger
	Lemmatizer Lemmatizer
	Parser     Parser
}

// Default returns the pipeline with the models embedded in the binary,
// loaded on first use.
func Default() (*Pipeline, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	l, err := lemma.Default()
	if err != nil {
		return nil, fmt.Errorf("lemmatizer: %w", err)
	}
	p, err := parse.Default()
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return &Pipeline{Tagger: t, Lemmatizer: l, Parser: p}, nil
}

// Annotate splits text into sentences (a line break always ends one) and
// annotates each.
func (p *Pipeline) Annotate(text string) []Sentence {
	split := tokenize.Split(text)
	out := make([]Sentence, len(split))
	for i, s := range split {
		out[i] = p.annotate(s.Tokens, s.Start, s.End)
		out[i].NewPar = s.NewPar
	}
	return out
}

// AnnotateSentence annotates text as one sentence, without splitting it.
func (p *Pipeline) AnnotateSentence(text string) Sentence {
	toks := tokenize.Tokens(text)
	if len(toks) == 0 {
		return Sentence{}
	}
	s := p.annotate(toks, toks[0].Start, toks[len(toks)-1].End)
	s.NewPar = true
	return s
}

// AnnotateWords tags, lemmatizes and parses words that are already
// tokenized (gold tokenization, as in evaluation).
func (p *Pipeline) AnnotateWords(words []string) Sentence {
	toks := make([]tokenize.Token, len(words))
	for i, w := range words {
		toks[i] = tokenize.Token{Text: w, SpaceAfter: true}
	}
	return p.annotate(toks, 0, 0)
}

func (p *Pipeline) annotate(toks []tokenize.Token, start, end int) Sentence {
	n := len(toks)
	words := make([]string, n)
	for i, t := range toks {
		words[i] = modelForm(t.Text)
	}
	// One allocation for the four per-word slices the stages fill.
	strs := make([]string, 3*n)
	upos, xpos, rels := strs[:n:n], strs[n:2*n:2*n], strs[2*n:]
	heads := make([]int, n)
	if p.Tagger != nil {
		p.Tagger.TagInto(words, upos, xpos)
		properNames(words, upos, xpos)
	}
	if p.Parser != nil {
		p.Parser.ParseTo(heads, rels, words, upos, xpos)
	} else {
		for i := range heads {
			heads[i] = -1
		}
	}
	s := Sentence{Start: start, End: end, Words: make([]Word, n)}
	for i, t := range toks {
		w := Word{Text: t.Text, Start: t.Start, End: t.End, SpaceAfter: t.SpaceAfter,
			UPOS: upos[i], XPOS: xpos[i], Head: heads[i], Deprel: rels[i]}
		if p.Lemmatizer != nil {
			w.Lemma = p.Lemmatizer.Lemma(words[i], w.UPOS, w.XPOS)
		}
		s.Words[i] = w
	}
	return s
}

// modelForm is the form of a word the tagger, parser and lemmatizer read;
// the Word keeps its text as written. Published statements write the
// clitics of "we’re", "don’t" and "they’ll" with a typographic apostrophe,
// EWT, which the models learnt from, with a straight one 35 times out of 36:
// left as written, "’re" is an unknown word, tagged a verb and made the
// root, and "n’t" is no negation. "’s" stays: the corpus's word classes
// already read it as the possessive it mostly is there, while EWT's "'s"
// is as often "is" or "has".
func modelForm(text string) string {
	switch text {
	case "n’t", "N’T", "’re", "’ve", "’ll", "’m", "’d", "’RE", "’VE", "’LL", "’M", "’D":
		return strings.ReplaceAll(text, "’", "'")
	}
	return text
}
