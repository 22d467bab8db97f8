package extract

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
				blank(i, i+1)
				blank(j, k)
				i = k - 1
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

// tagEnd is the end of an HTML tag opened at b[i] ("<sup>", "</a>",
// "<br/>"), or 0 when b[i] starts no tag.
func tagEnd(b []byte, i int) int {
	j := i + 1
	if j < len(b) && b[j] == '/' {
		j++
	}
	if j >= len(b) || !(b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		return 0
	}
	for ; j < len(b) && j-i < 200; j++ {
		switch b[j] {
		case '>':
			return j + 1
		case '<', '\n':
			return 0
		}
	}
	return 0
}
