// Package tokenize is the first stage of kgraph's NLP core: it cuts raw
// English text (web text, news, government statements) into sentences and
// tokens following the conventions of the UD English EWT treebank, so that
// the tagger, lemmatizer and parser downstream see the words they were
// trained on.
//
// Every token keeps byte offsets into the original text, so that a fact
// extracted later can point back at its exact source. Token text is always the
// slice of the input it covers; nothing is normalized.
//
// Tokenization is rule-based. EWT keeps contractions and possessives as one
// written (surface) token made of several syntactic words ("don't" is "do" +
// "n't"); such words carry a Part number so that a CoNLL-U writer can rebuild
// the multiword-token line.
//
// Sentence splitting has two fixed rules, a line break always ends a sentence
// and a blank line is also a paragraph break, and inside a line an averaged
// perceptron decides, for every token followed by a space, whether a sentence
// ends there. Its weights are trained on EWT train and embedded from
// data.TokenizeModel; regenerate them from the repository root with
//
//	go run ./nlp/tokenize/internal/trainboundary
//
// which reads ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu and writes
// data/models/tokenize_boundary.bin.gz. Training is deterministic. Without a
// model the splitter falls back to punctuation rules.
//
// ScoreRaw measures both jobs the way the CoNLL 2018 shared task does.
package tokenize

// Token is one syntactic word.
type Token struct {
	// Text is the word as written: always Text == input[Start:End].
	Text       string
	Start, End int // byte offsets into the text given to Split or Tokens
	// SpaceAfter is false when the next word follows with no white space
	// between, as CoNLL-U's SpaceAfter=No; it is true at the end of the
	// text. It is false for every word of a multiword token but the last.
	SpaceAfter bool
	// Part is 0 for a word that is a whole surface token. The words of a
	// multiword token ("do" + "n't" written "don't") are numbered 1, 2, …, so
	// a run that starts at Part 1 is one surface token covering
	// input[first.Start:last.End].
	Part int
}

// Sentence is a run of tokens.
type Sentence struct {
	Start, End int // byte offsets of the first token's start and the last token's end
	// NewPar reports whether the sentence starts a paragraph: it is the first
	// of the text or a blank line comes before it.
	NewPar bool
	Tokens []Token
}

// Split cuts text into sentences of tokens.
func Split(text string) []Sentence { return split(text, boundaryModel()) }

func split(text string, m *model) []Sentence {
	var sc scanner
	sc.scan(text)
	ends := sc.boundaries(m)
	for _, e := range ends {
		sc.markDot(e)
	}
	toks := sc.words(len(sc.surf))
	sents := make([]Sentence, 0, len(ends))
	first := 0 // index into sc.surf
	wi := 0    // index into toks
	for _, last := range ends {
		wj := wi
		for s := first; s <= last; s++ {
			wj += sc.surf[s].size()
		}
		sents = append(sents, Sentence{
			Start:  sc.surf[first].start,
			End:    sc.surf[last].end,
			NewPar: first == 0 || sc.surf[first-1].brk >= brkPar,
			Tokens: toks[wi:wj:wj],
		})
		first, wi = last+1, wj
	}
	return sents
}

// Tokens tokenizes text that is already one sentence: no sentence splitting
// is done, even at line breaks.
func Tokens(text string) []Token {
	var sc scanner
	sc.scan(text)
	if len(sc.surf) > 0 {
		sc.markDot(len(sc.surf) - 1)
	}
	return sc.words(len(sc.surf))
}
