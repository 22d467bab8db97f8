package tokenize

import "strings"

// splitMWT cuts a surface token into the syntactic words EWT gives it
// ("don't" is "do" + "n't", "cannot" is "can" + "not", "Bush's" is "Bush" +
// "'s"), recording the cut offsets in t.
func splitMWT(w string, t *surface) {
	n := len(w)
	// Apostrophe forms; ’ is three bytes in UTF-8.
	if cut := apostropheCut(w); cut > 0 {
		// "I'd've" has two clitics; look once more before the first.
		if cut2 := apostropheCut(w[:cut]); cut2 > 0 {
			t.cuts[0], t.cuts[1], t.nwords = uint8(cut2), uint8(cut), 3
			return
		}
		t.cuts[0], t.nwords = uint8(cut), 2
		return
	}
	if n > 7 {
		return
	}
	var buf [7]byte
	for i := 0; i < n; i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if cut, ok := plainContractions[string(buf[:n])]; ok {
		t.cuts[0], t.nwords = cut, 2
	}
}

// plainContractions are contractions written without an apostrophe that EWT
// still splits, with the length of their first word.
var plainContractions = map[string]uint8{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "wont": 2, "cant": 2, "aint": 2, "didnt": 3, "doesnt": 4,
	"isnt": 2, "wasnt": 3, "arent": 3, "werent": 4, "havent": 4, "hasnt": 3,
	"couldnt": 5, "wouldnt": 5, "im": 1, "ive": 1, "youre": 3, "thats": 4, "whats": 4,
}

// apostropheCut returns where the last clitic of w starts, or 0.
func apostropheCut(w string) int {
	if strings.IndexByte(w, '\'') < 0 && strings.IndexByte(w, '`') < 0 && !strings.Contains(w, "’") {
		return 0
	}
	n := len(w)
	// n't, n’t
	if n >= 4 && (hasSuffixFold(w, "n't") || hasSuffixFold(w, "n’t")) {
		cut := n - 3
		if w[n-2] != '\'' {
			cut = n - 5
		}
		if cut > 0 {
			return cut
		}
	}
	for _, c := range [...]string{"s", "m", "d", "re", "ve", "ll"} {
		for _, ap := range [...]string{"'", "’", "`"} {
			l := len(ap) + len(c)
			if n > l && hasSuffixFold(w, ap+c) {
				return n - l
			}
		}
	}
	// Plural possessive "taxpayers'", "Leaders’".
	if n >= 3 && w[n-1] == '\'' && (w[n-2] == 's' || w[n-2] == 'S') {
		return n - 1
	}
	if n >= 5 && (hasSuffixFold(w, "s’")) {
		return n - len("’")
	}
	return 0
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// words expands the first n surface tokens into words.
func (sc *scanner) words(n int) []Token {
	total := 0
	for i := 0; i < n; i++ {
		total += sc.surf[i].size()
	}
	out := make([]Token, 0, total)
	for i := 0; i < n; i++ {
		t := &sc.surf[i]
		space := t.brk != brkNone
		if t.dot {
			out = append(out,
				Token{Text: sc.text[t.start : t.end-1], Start: t.start, End: t.end - 1},
				Token{Text: sc.text[t.end-1 : t.end], Start: t.end - 1, End: t.end, SpaceAfter: space})
			continue
		}
		if t.nwords == 1 {
			out = append(out, Token{Text: sc.text[t.start:t.end], Start: t.start, End: t.end, SpaceAfter: space})
			continue
		}
		a := t.start
		for k := 0; k < int(t.nwords); k++ {
			b := t.end
			if k < int(t.nwords)-1 {
				b = t.start + int(t.cuts[k])
			}
			out = append(out, Token{Text: sc.text[a:b], Start: a, End: b, SpaceAfter: space && b == t.end, Part: k + 1})
			a = b
		}
	}
	return out
}

// size is the number of words t stands for.
func (t *surface) size() int {
	if t.dot {
		return 2
	}
	return int(t.nwords)
}

// markDot splits the period off t when t is an abbreviation ending a
// sentence, as EWT does: "etc." mid-sentence, but "etc" + "." at the end.
func (sc *scanner) markDot(i int) {
	t := &sc.surf[i]
	w := sc.text[t.start:t.end]
	if t.nwords != 1 || len(w) < 2 || w[len(w)-1] != '.' || w[len(w)-2] == '.' {
		return
	}
	for j := 0; j < len(w)-1; j++ {
		if isAlpha(w[j]) {
			t.dot = true
			return
		}
	}
}
