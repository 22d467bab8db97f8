package extract

import (
	"regexp"
	"strings"

	"github.com/kgraph/kgraph/schema"
)

// A press release opens with a dateline: "WASHINGTON – Today, President
// Biden announced …". Read with its sentence, the city is the parser's
// subject, and every nomination the release announces is said of
// "Washington". blankDateline overwrites a paragraph's leading dateline
// with spaces (offsets stay valid, as with blankMarkup) when the capitals
// before the dash name a place the gazetteer knows; other capitals before
// a dash ("NINA SIMONA ALLEN – …" in a clemency list) are kept.
func blankDateline(text string, gaz *Gazetteer) string {
	if gaz == nil || !strings.ContainsAny(text, "–—-") {
		return text
	}
	var b []byte
	for _, m := range datelineRE.FindAllStringSubmatchIndex(text, -1) {
		// The city decides: "WASHINGTON, D.C.", "HONOLULU, HAWAII".
		place, _, _ := strings.Cut(text[m[2]:m[3]], ",")
		e, ok := gaz.Lookup(place)
		if !ok || e.Type != schema.TypeLocation && e.Type != schema.TypeCountry {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		for i := m[2]; i < m[5]; i++ {
			b[i] = ' '
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// datelineRE matches, at a paragraph's start, up to four words in capitals
// (with periods and commas: "WASHINGTON, D.C.") and the dash after them;
// what follows begins a sentence.
var datelineRE = regexp.MustCompile(`(?m)^[ \t]*([A-Z][A-Z.]{2,}(?:,? [A-Z][A-Z.]*){0,3},?)([ \t]+(?:–|—|--?)[ \t]+)[A-Z"“]`)
