package nlp

// Word is one syntactic word of an annotated sentence.
type Word struct {
	Text       string // as written: the input slice [Start:End]
	Start, End int    // byte offsets into the annotated text
	SpaceAfter bool
	UPOS, XPOS string // universal and Penn Treebank tags
	Lemma      string
	Head       int    // index+1 of the head word in the sentence; 0 for the root; -1 when not parsed
	Deprel     string // UD basic relation, e.g. "nsubj", "obl:tmod"
}

// Sentence is one annotated sentence.
type Sentence struct {
	Start, End int  // byte offsets of the sentence in the annotated text
	NewPar     bool // a paragraph starts here
	Words      []Word
}

// Text returns the sentence as written in text, the string that was
// annotated.
func (s Sentence) Text(text string) string { return text[s.Start:s.End] }

// Children returns the indexes (0-based) of the words whose head is word i
// (0-based), in order.
func (s Sentence) Children(i int) []int {
	var out []int
	for j, w := range s.Words {
		if w.Head == i+1 {
			out = append(out, j)
		}
	}
	return out
}
