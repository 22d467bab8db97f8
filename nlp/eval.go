package nlp

import (
	"github.com/kgraph/kgraph/nlp/conllu"
)

// AnnotateGold annotates the words of gold sentences (gold tokenization,
// multiword tokens already split into syntactic words) and returns them as
// CoNLL-U sentences with this pipeline's tags, lemmas and tree, aligned word
// for word with the gold, ready for parse.Score.
func (p *Pipeline) AnnotateGold(gold []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(gold))
	words := make([]string, 0, 64)
	for k, g := range gold {
		words = words[:0]
		for _, w := range g.Words {
			words = append(words, w.Form)
		}
		s := p.AnnotateWords(words)
		cs := &conllu.Sentence{Comments: g.Comments, Tokens: g.Tokens, Words: make([]conllu.Word, len(s.Words))}
		for i, w := range s.Words {
			cs.Words[i] = conllu.Word{ID: i + 1, Form: w.Text, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS,
				Head: w.Head, Deprel: w.Deprel, Misc: g.Words[i].Misc}
		}
		out[k] = cs
	}
	return out
}
