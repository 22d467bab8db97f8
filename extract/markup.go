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
	if !changed {
		return text
	}
	return string(b)
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
