package parse

import "github.com/kgraph/kgraph/nlp/conllu"

// Supertags returns the supertag of every word of a parsed sentence: its
// universal relation and the side its head is on ("nsubj/R", "obj/L";
// "root" for the root). A tagger trained to predict them from the words
// alone (kgraph trains a tag.Tagger on them) reads the whole sentence, both
// sides of every word, and hands the greedy parser, which decides left to
// right, a guess at what lies ahead (Ouchi, Duh and Matsumoto 2014).
func Supertags(s *conllu.Sentence) []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		switch {
		case w.Head == 0:
			out[i] = "root"
		case w.Head < i+1:
			out[i] = w.UniversalDeprel() + "/L"
		default:
			out[i] = w.UniversalDeprel() + "/R"
		}
	}
	return out
}
