package extract

import (
	"strings"
	"unicode"

	"github.com/kgraph/kgraph/nlp"
)

// foreign reports whether a sentence is in another language than English.
// Statements come with their translations (a Spanish release beside the
// English one), and a parser trained on English reads those as noise: the
// facts it gives are wrong and their phrases become entities of their own.
// Function words tell the languages apart where content words do not: a
// sentence is foreign when at least three of its words are common
// function words of Spanish, French, Portuguese or German and they
// outnumber the English ones two to one.
func foreign(s nlp.Sentence) bool {
	en, other := 0, 0
	for _, w := range s.Words {
		l := strings.ToLower(w.Text)
		if englishFunction[l] {
			en++
		} else if foreignFunction[l] {
			other++
		}
	}
	return other >= 3 && other > 2*en
}

var englishFunction, foreignFunction = wordSet(`the and of to in a is for that with on by as we our will are
	be this it from at have has which their an`), wordSet(`de la el los las y en que del le les et des du um
	uma para com não por una con se es su al lo au une est pour sur dans qui nous ce sont aux ou il elle och
	und der die das zu mit ist nicht auf für von`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// shouted reports whether a sentence is written in capitals: a heading or
// a boilerplate line ("NOMINATIONS SENT TO THE SENATE:", "FOR FURTHER
// INFORMATION MEDIA SHOULD CONTACT …"). The tagger learned English in
// mixed case and reads every capitalized word as a name, so such a line
// gives names for verbs and facts no one wrote. At least three words of
// two letters or more, four in five of them capitals.
func shouted(s nlp.Sentence) bool {
	words, caps := 0, 0
	for _, w := range s.Words {
		letters, upper := 0, 0
		for _, r := range w.Text {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if letters < 2 {
			continue
		}
		words++
		if upper == letters {
			caps++
		}
	}
	return words >= 3 && 5*caps >= 4*words
}
