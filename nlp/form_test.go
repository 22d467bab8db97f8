package nlp

import "testing"

// TestTypographicClitics: a clitic written with a typographic apostrophe is
// read as the treebank's straight one, and keeps its text as written.
func TestTypographicClitics(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, word, upos, lemma string
	}{
		{"We don’t agree with the decision.", "n’t", "PART", "not"},
		{"Today, we’re investing $1.5 billion in rail.", "’re", "AUX", "be"},
		{"We’ve made real progress this year.", "’ve", "AUX", "have"},
		{"They’ll continue the talks next week.", "’ll", "AUX", "will"},
	}
	for _, tt := range tests {
		s := p.AnnotateSentence(tt.text)
		found := false
		for _, w := range s.Words {
			if w.Text != tt.word {
				continue
			}
			found = true
			if w.UPOS != tt.upos || w.Lemma != tt.lemma {
				t.Errorf("%q: %s is %s %q, want %s %q", tt.text, w.Text, w.UPOS, w.Lemma, tt.upos, tt.lemma)
			}
		}
		if !found {
			t.Errorf("%q: no word %q", tt.text, tt.word)
		}
	}
}
