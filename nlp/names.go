package nlp

import (
	"unicode"
	"unicode/utf8"
)

// properNames retags the capitalized words of a name that the tagger read
// as common words: in "the Interagency Working Group on Coal" it tags
// "Working" a verb, and the parser then builds a clause out of a name. A
// capitalized word inside a sentence that stands beside another
// capitalized word is part of a name; in a headline, where every content
// word is capitalized, capitals say nothing and nothing changes. Only
// verbs are retagged: a capitalized noun or adjective in a name parses
// into the name as it is ("Bipartisan Infrastructure Law").
func properNames(words, upos, xpos []string) {
	n := len(words)
	capital := make([]bool, n)
	headline := true
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capital[i] = true
		case unicode.IsLower(r):
			switch upos[i] {
			case "VERB", "NOUN", "ADJ", "ADV":
				// A headline capitalizes every content word.
				headline = false
			}
		}
	}
	if headline {
		return
	}
	for i := 1; i+1 < n; i++ {
		if !capital[i] || upos[i] != "VERB" || allCaps(words[i]) || !capital[i+1] {
			continue
		}
		// Inside a name ("Interagency Working Group"), or opening one
		// after a determiner ("my Build Back Better Act"). A capitalized
		// verb opening a sentence is an imperative ("Visit Capt. Lee").
		if capital[i-1] && i > 1 || xpos[i-1] == "DT" || xpos[i-1] == "PRP$" {
			if xpos[i] == "NNS" {
				xpos[i] = "NNPS"
			} else {
				xpos[i] = "NNP"
			}
			upos[i] = "PROPN"
		}
	}
}

func allCaps(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
