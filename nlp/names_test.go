package nlp

import (
	"strings"
	"testing"
)

func TestProperNames(t *testing.T) {
	tests := []struct {
		name, words, upos, want string
	}{
		{"a verb inside a name", "they convened the Interagency Working Group today", "PRON VERB DET PROPN VERB PROPN NOUN", "PRON VERB DET PROPN PROPN PROPN NOUN"},
		{"a verb opening a name after a determiner", "my Build Back Better Act would help", "PRON VERB ADV PROPN PROPN AUX VERB", "PRON PROPN ADV PROPN PROPN AUX VERB"},
		{"an imperative opening a sentence", "Visit Capt. Lee for the information", "VERB PROPN PROPN ADP DET NOUN", "VERB PROPN PROPN ADP DET NOUN"},
		{"a headline", "Leaders Launch New Economic Corridor", "NOUN VERB ADJ ADJ PROPN", "NOUN VERB ADJ ADJ PROPN"},
		{"shouting", "you MUST SEE HER now", "PRON AUX VERB PRON ADV", "PRON AUX VERB PRON ADV"},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		upos := strings.Fields(tt.upos)
		xpos := make([]string, len(words))
		for i, w := range words {
			switch w {
			case "my":
				xpos[i] = "PRP$"
			case "the":
				xpos[i] = "DT"
			}
		}
		properNames(words, upos, xpos)
		if got := strings.Join(upos, " "); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}
