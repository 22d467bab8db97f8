package carb

import (
	"strings"
	"unicode"
)

// ptbUnescape undoes Penn Treebank bracket escapes, in CaRB's order: the
// replacements run one after another, so the order can matter.
var ptbUnescape = []struct{ escaped, plain string }{
	{"-LRB-", "("}, {"-RRB-", ")"},
	{"-LSB-", "["}, {"-RSB-", "]"},
	{"-LCB-", "{"}, {"-RCB-", "}"},
}

// NormalizeSentence returns the key CaRB joins gold and system sentences
// on: ASCII spaces removed, PTB bracket escapes undone, then every ASCII
// punctuation character (Python's string.punctuation) removed. Other
// whitespace and non-ASCII characters stay, as they do in CaRB.
func NormalizeSentence(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	for _, p := range ptbUnescape {
		s = strings.ReplaceAll(s, p.escaped, p.plain)
	}
	return strings.Map(func(r rune) rune {
		if isASCIIPunct(r) {
			return -1
		}
		return r
	}, s)
}

// isASCIIPunct matches Python's string.punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
func isASCIIPunct(r rune) bool {
	return r >= '!' && r <= '/' || r >= ':' && r <= '@' || r >= '[' && r <= '`' || r >= '{' && r <= '~'
}

// isPySpace is Python's str.isspace for one character, which str.strip and
// str.split use. It is Go's unicode.IsSpace plus the four ASCII information
// separators U+001C..U+001F.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// pyStrip is Python's str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

// pySplit is Python's str.split() with no argument: CaRB's only tokeniser.
func pySplit(s string) []string { return strings.FieldsFunc(s, isPySpace) }
