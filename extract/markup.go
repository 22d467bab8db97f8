package extract

import (
	"bytes"
	"strings"
	"unicode"
)

// Real input carries some Markdown and HTML ("[the Challenge](https://…)",
// "**said NEC Director Brian Deese.**", "21<sup>st</sup>"). The tagger and
// parser were trained on plain text, and a URL or an asterisk read as a word
// breaks the parse of the whole sentence. blankMarkup overwrites markup
// with spaces, byte for byte, so every offset into the text stays valid:
// sentences keep their words as written, and provenance points at the
// original text.
func blankMarkup(text string) string {
	b := []byte(text)
	changed := false
	blank := func(i, j int) {
		for ; i < j; i++ {
			b[i] = ' '
		}
		changed = true
	}
	lineStart := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\n':
			lineStart = true
			continue
		case c == '*':
			if close, end := boldHeading(b, i); close > 0 {
				// A lead-in heading ("**Trade:** We seek …") is no part of
				// the sentence it opens: read with it, the heading becomes
				// the subject, or "be" a list of the sentence's nouns.
				blank(i, i+2)
				blank(close, end)
				b[close] = '\n'
				i++
				break
			}
			blank(i, i+1)
		case c == '_' && i+1 < len(b) && b[i+1] == '_':
			blank(i, i+2)
			i++
		case c == '#' && lineStart:
			// A heading's marks, or the "# # #" that ends a release.
			j := i
			for j < len(b) && (b[j] == '#' || b[j] == ' ') {
				j++
			}
			blank(i, j)
			i = j - 1
		case c == '[':
			if j, k := linkEnd(b, i); j > 0 {
				// The link's words stay and are read on, with their
				// own markup ("[**White House: …**](…)").
				blank(i, i+1)
				blank(j, k)
			}
		case c == '<':
			if j := tagEnd(b, i); j > 0 {
				blank(i, j)
				i = j - 1
			}
		}
		if c != ' ' && c != '\t' {
			lineStart = false
		}
	}
	if splitBullets(b) {
		changed = true
	}
	if !changed {
		return text
	}
	return string(b)
}

// splitBullets ends a sentence at every item of a bulleted list. Lists
// reach us with their line breaks lost as often as kept ("- Senator Cory
// Booker (NJ) - Senator Raphael Warnock (GA) - …"), and a list read as one
// sentence turns neighbouring items into appositions of each other. A line
// opening with a bullet loses the bullet; within a line, a spaced hyphen
// before a capital starts a new item when the line opened with a bullet or
// holds two such hyphens (a single one is more often a dash of
// punctuation). The hyphen's space becomes a line break, which the
// sentence splitter always honours, so offsets stay as they were.
func splitBullets(b []byte) bool {
	changed := false
	for start := 0; start < len(b); {
		end := start
		for end < len(b) && b[end] != '\n' {
			end++
		}
		line := b[start:end]
		lead := 0
		for lead < len(line) && (line[lead] == ' ' || line[lead] == '\t') {
			lead++
		}
		bulleted := lead+1 < len(line) && line[lead] == '-' && line[lead+1] == ' '
		if bulleted {
			line[lead] = ' '
			changed = true
		}
		if c := plainHeading(line[lead:]); c > 0 {
			// "- COVID-19 Training: Peace Corps is supporting …": the
			// heading's colon ends a sentence of its own.
			line[lead+c] = '\n'
			changed = true
		}
		var marks []int
		for i := 1; i+2 < len(line); i++ {
			if line[i] == '-' && line[i-1] == ' ' && line[i+1] == ' ' && itemStart(line[i+1:]) {
				marks = append(marks, i)
			}
		}
		if len(marks) >= 2 || bulleted && len(marks) == 1 {
			for _, i := range marks {
				line[i-1], line[i] = '\n', ' '
			}
			changed = true
		}
		start = end + 1
	}
	return changed
}

// plainHeading finds the colon of a heading that opens a line without
// markup, "COVID-19 Training: Peace Corps is …": at most six words before
// it, each capitalized or a short joining word, and a capital or a digit
// after it ("White House: 920K Minnesotans would benefit"). It
// returns the colon's index in line, or 0.
func plainHeading(line []byte) int {
	c := bytes.IndexByte(line, ':')
	if c <= 0 || c > 80 {
		return 0
	}
	// A space after the colon, or a transcript's no-break space
	// ("THE PRESIDENT:\u00a0 Good afternoon").
	j := spacesEnd(line, c+1)
	if j == c+1 || j >= len(line) {
		return 0
	}
	if r := line[j]; !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
		return 0
	}
	words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(string(line[:c])), "- "))
	if len(words) == 0 || len(words) > 6 {
		return 0
	}
	for _, w := range words {
		r := w[0]
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') && !headingJoins[w] {
			return 0
		}
		if strings.ContainsAny(w, ",;.") && !strings.HasSuffix(w, ".") {
			return 0
		}
	}
	return c
}

// headingJoins are the small words a capitalized heading writes in lower
// case.
var headingJoins = map[string]bool{"of": true, "and": true, "for": true, "the": true, "to": true, "in": true, "on": true, "a": true, "&": true, "with": true}

// itemStart reports whether b, after spaces, opens with a capital letter or
// a digit, as a list item does.
func itemStart(b []byte) bool {
	for _, c := range b {
		switch {
		case c == ' ' || c == '*':
			continue
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			return true
		default:
			return false
		}
	}
	return false
}

// linkEnd finds the "](target)" closing a Markdown link opened at b[i] on
// the same line, and returns where it starts and ends; 0, 0 if none.
func linkEnd(b []byte, i int) (int, int) {
	for j := i + 1; j < len(b) && j-i < 500; j++ {
		switch b[j] {
		case '\n', '[':
			return 0, 0
		case ']':
			if j+1 >= len(b) || b[j+1] != '(' {
				return 0, 0
			}
			for k := j + 2; k < len(b) && k-j < 2000; k++ {
				switch b[k] {
				case ')':
					return j, k + 1
				case '\n', ' ':
					return 0, 0
				}
			}
			return 0, 0
		}
	}
	return 0, 0
}

// spacesEnd is the index of the first byte from j on that is no space or
// no-break space (U+00A0, which transcripts put after a turn's colon).
func spacesEnd(b []byte, j int) int {
	for j < len(b) {
		switch {
		case b[j] == ' ':
			j++
		case b[j] == 0xc2 && j+1 < len(b) && b[j+1] == 0xa0:
			j += 2
		default:
			return j
		}
	}
	return j
}

// maxTag bounds how far tagEnd looks for a tag's end: long enough for an
// image tag's srcset, short of scanning a whole line of prose.
const maxTag = 8 << 10

// tagEnd is the end of an HTML tag opened at b[i] ("<sup>", "</a>",
// "<br/>", an "<img …>" whose srcset lists a dozen addresses), or 0 when
// b[i] starts no tag. A tag ends on its line and within maxTag bytes.
func tagEnd(b []byte, i int) int {
	j := i + 1
	if j < len(b) && b[j] == '/' {
		j++
	}
	if j >= len(b) || !(b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		return 0
	}
	for ; j < len(b) && j-i < maxTag; j++ {
		switch b[j] {
		case '>':
			return j + 1
		case '<', '\n':
			return 0
		}
	}
	return 0
}

// boldHeading recognizes a bold heading that opens an item and runs on into
// the item's sentence on the same line: "**Trade:** We seek …",
// "**Deterring Illegal Activity**: EPA will …", "**CREATING NEW SUPPORTS
// FOR FIREFIGHTERS ** During a visit …", a newspaper's bold headline before
// its story. i is the index of an opening "**" that opens an item (after a
// line start, a bullet or a sentence's end); the span is a heading when it
// ends in a colon, is followed by a colon or a capital, or is written in
// capitals. boldHeading returns where the closing marks start and where they
// (with a colon after them) end, or 0, 0: a bold phrase inside a sentence
// ("**The President** will sign") stays part of it.
func boldHeading(b []byte, i int) (int, int) {
	if i+2 >= len(b) || b[i+1] != '*' || b[i+2] == '*' || !opensItem(b, i) {
		return 0, 0
	}
	close := -1
	for k := i + 2; k+1 < len(b) && k-i < 300; k++ {
		if b[k] == '\n' {
			return 0, 0
		}
		if b[k] == '*' && b[k+1] == '*' {
			close = k
			break
		}
	}
	if close < 0 {
		return 0, 0
	}
	inside := strings.TrimRight(string(b[i+2:close]), " \u00a0")
	if strings.TrimSpace(inside) == "" {
		return 0, 0
	}
	end := close + 2
	after := end
	for after < len(b) && (b[after] == ' ' || b[after] == '\t') {
		after++
	}
	if after+1 < len(b) && b[after] == 0xc2 && b[after+1] == 0xa0 {
		after += 2 // a no-break space, and spaces after it
	}
	for after < len(b) && b[after] == ' ' {
		after++
	}
	if after >= len(b) || b[after] == '\n' {
		return 0, 0 // the line ends the heading already
	}
	switch {
	case b[after] == ':':
		return close, after + 1
	case strings.HasSuffix(inside, ":"), b[after] >= 'A' && b[after] <= 'Z', capitals(inside):
		return close, end
	}
	return 0, 0
}

// opensItem reports whether the "**" at b[i] opens a line, a bulleted item
// or a sentence: what stands before it, past spaces, a bullet and an
// opening bracket, is the line's start or a sentence's end.
func opensItem(b []byte, i int) bool {
	k := i - 1
	skip := func() {
		for k >= 0 && (b[k] == ' ' || b[k] == '\t' || b[k] == '[' || b[k] == 0xa0 || b[k] == 0xc2) {
			k--
		}
	}
	skip()
	if k >= 0 && b[k] == '-' {
		k--
		skip()
	}
	if k < 0 {
		return true
	}
	switch b[k] {
	case '\n', '.', '!', '?', ':':
		return true
	}
	return false
}

// capitals reports a span of at least two words written in capitals.
func capitals(s string) bool {
	letters, words := 0, len(strings.Fields(s))
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4 && words >= 2
}
