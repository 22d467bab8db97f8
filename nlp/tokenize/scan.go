package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the white space after a surface token holds; the splitter needs it
// because a line break always ends a sentence.
const (
	brkNone  uint8 = iota // another token follows with no space between
	brkSpace              // spaces or tabs only
	brkLine               // one line break
	brkPar                // a blank line, or the end of the text
)

// surface is one written token, before multiword tokens are cut into words.
type surface struct {
	start, end int
	brk        uint8
	nwords     uint8 // 1 unless a multiword token
	// dot: the token is an abbreviation that ends its sentence, whose
	// period EWT writes as a token of its own ("etc" + ".").
	dot  bool
	cuts [3]uint8 // offsets from start where the words of a multiword token begin
}

type scanner struct {
	text string
	surf []surface
}

// scan fills sc.surf with the surface tokens of text.
func (sc *scanner) scan(text string) {
	sc.text = text
	// Roughly one token per five bytes of English: one allocation in the
	// common case.
	sc.surf = make([]surface, 0, len(text)/5+4)
	i := 0
	for i < len(text) {
		j, nl := skipSpace(text, i)
		if j > i {
			if n := len(sc.surf); n > 0 {
				b := brkSpace
				switch {
				case nl >= 2:
					b = brkPar
				case nl == 1:
					b = brkLine
				}
				sc.surf[n-1].brk = b
			}
			i = j
			continue
		}
		j = i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if isSpaceRune(r) {
				break
			}
			j += n
		}
		sc.chunk(i, j)
		i = j
	}
	if n := len(sc.surf); n > 0 {
		sc.surf[n-1].brk = brkPar
	}
}

var asciiSpace = [128]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

func isSpaceRune(r rune) bool {
	return r != utf8.RuneError && unicode.IsSpace(r)
}

// skipSpace returns the end of the white space starting at i and how many
// line breaks it holds ("\r\n" counts once).
func skipSpace(s string, i int) (int, int) {
	nl := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			if c == '\n' || (c == '\r' && (i+1 >= len(s) || s[i+1] != '\n')) {
				nl++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpaceRune(r) {
			break
		}
		if r == '\u2028' || r == '\u2029' || r == '\u0085' {
			nl++
		}
		i += n
	}
	return i, nl
}

// emit appends the surface token s[a:b], cutting it into words if it is a
// contraction or possessive.
func (sc *scanner) emit(a, b int) {
	t := surface{start: a, end: b, nwords: 1}
	if b-a >= 2 && b-a < 256 {
		splitMWT(sc.text[a:b], &t)
	}
	sc.surf = append(sc.surf, t)
}

// chunk tokenizes s[a:b], a run without white space.
func (sc *scanner) chunk(a, b int) {
	s := sc.text
	quoted := false // a single quote opened inside this chunk, so a trailing one closes it
	p := a
	for p < b {
		r, n := decode(s, p)
		if isWord(r) {
			if e := urlEnd(s, p, b); e > p {
				sc.emit(p, e)
				p = e
				continue
			}
			e := sc.wordEnd(p, b, quoted)
			sc.emit(p, e)
			p = e
			continue
		}
		if e := emoticonEnd(s, p, b); e > p {
			sc.emit(p, e)
			p = e
			continue
		}
		switch r {
		case '.', '!', '?':
			// "...", "!!!", "?!" and ".?" are one token in EWT.
			e := p + 1
			for e < b && (s[e] == '.' || s[e] == '!' || s[e] == '?') {
				e++
			}
			sc.emit(p, e)
			p = e
			continue
		case '-', '*', '=', '_', '~', '#', '<', '>', '+', '$':
			// Runs such as "--", "<<" and "+++" are one token in EWT.
			e := p + 1
			for e < b && s[e] == byte(r) {
				e++
			}
			sc.emit(p, e)
			p = e
			continue
		case '\'', '’', '‘', '`':
			// A clitic written apart ("'s", "'m") or an elided year ("'90s").
			if e := cliticEnd(s, p+n, b); e > p+n && (p == a || !isWordAt(s, p-1)) {
				sc.emit(p, e)
				p = e
				continue
			}
			if r == '`' || r == '\'' {
				// `` and '' are one token, as PTB-style quotes.
				if p+1 < b && s[p+1] == byte(r) {
					sc.emit(p, p+2)
					p += 2
					continue
				}
			} else if p+n < b {
				// So are doubled curly quotes, ’’ and ‘’.
				if r2, n2 := decode(s, p+n); r2 == '’' || r2 == '‘' {
					sc.emit(p, p+n+n2)
					p += n + n2
					continue
				}
			}
			if p == a || !isWordAt(s, p-1) {
				quoted = true
			}
		}
		sc.emit(p, p+n)
		p += n
	}
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

var asciiWord = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return
}()

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// isWordAt reports whether the rune ending just before or at byte i (i is
// the last byte of a rune) is a word character.
func isWordAt(s string, i int) bool {
	if i < 0 {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return isWord(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// wordEnd returns the end of the word starting at p: letters and digits with
// the inner punctuation EWT keeps inside a token.
func (sc *scanner) wordEnd(p, b int, quoted bool) int {
	s := sc.text
	if e := unitSplit(s, p, b); e > p {
		return e
	}
	q := p
	seg := p // start of the current hyphen-separated segment
	allDigits := true
	dotted := false // an inner period, as in "U.S" or "e.g"
	for q < b {
		r, n := decode(s, q)
		if isWord(r) {
			if r > '9' || r < '0' {
				allDigits = false
			}
			q += n
			continue
		}
		if q+n >= b {
			break
		}
		r2, _ := decode(s, q+n)
		if !isWord(r2) {
			break
		}
		prevDigit := isDigit(s[q-1])
		nextDigit := r2 >= '0' && r2 <= '9'
		ok := false
		switch r {
		case '.':
			// "3.5", "U.S", "e.g", "Amazon.com", "file.DOC".
			ok = true
			dotted = dotted || !(prevDigit && nextDigit)
		case ',':
			ok = prevDigit && nextDigit && digitsRun(s, q+1, b) == 3
		case ':', '/':
			ok = prevDigit && nextDigit
		case '&':
			ok = isUpperByte(s[q-1]) && isUpperByte(s[q+1])
		case '\'', '’', '`':
			ok = !unicode.IsDigit(r2) || !prevDigit
		case '-':
			if prevDigit && nextDigit && allDigitsBack(s, p, q) {
				ok = phoneChain(s, p, b)
			} else {
				ok = keepHyphen(s[seg:q])
			}
			if ok {
				seg = q + n
			}
		case '_', '@':
			ok = true
		}
		if !ok {
			break
		}
		q += n
	}
	if q >= b {
		return q
	}
	switch s[q] {
	case '.':
		if q+1 < b && s[q+1] == '.' {
			return q // "word..." keeps its ellipsis apart
		}
		w := s[p:q]
		if dotted && !strings.Contains(w, "..") || isAbbrev(w, s, q+1) {
			return q + 1
		}
	case '!':
		if strings.EqualFold(s[p:q], "yahoo") {
			return q + 1
		}
	case '\'', 0xE2:
		// Plural possessive: "taxpayers'", "Leaders’".
		n := 1
		if s[q] == 0xE2 {
			if !strings.HasPrefix(s[q:], "’") {
				break
			}
			n = len("’")
		}
		if !quoted && (s[q-1] == 's' || s[q-1] == 'S') && !allDigits && !wordStartsAt(s, q+n, b) {
			return q + n
		}
	}
	return q
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

func digitsRun(s string, i, b int) int {
	n := 0
	for i < b && isDigit(s[i]) {
		i++
		n++
	}
	return n
}

func allDigitsBack(s string, p, q int) bool {
	for i := p; i < q; i++ {
		if !isDigit(s[i]) && s[i] != '-' {
			return false
		}
	}
	return true
}

// phoneChain reports whether the digit groups joined by hyphens at p look
// like a telephone number or ZIP+4 code ("713-853-3989", "77415-0027"), which
// EWT keeps whole; ranges such as "5-10" it splits.
func phoneChain(s string, p, b int) bool {
	var groups [4]int // digits in each group
	ng := 0
	i := p
	for {
		n := digitsRun(s, i, b)
		if n == 0 || ng == len(groups) {
			return false
		}
		groups[ng] = n
		ng++
		i += n
		if i < b && s[i] == '-' && i+1 < b && isDigit(s[i+1]) {
			i++
			continue
		}
		break
	}
	if i < b && isAlpha(s[i]) {
		return false
	}
	if ng < 2 || groups[ng-1] != 4 {
		return false
	}
	// "3-3264" is an extension; "1969-1970" a range.
	prev := groups[ng-2]
	return prev == 1 || prev == 3 || prev == 5
}

// hyphenPrefixes are the prefixes that EWT keeps attached by their hyphen
// ("non-human", "e-mail", "mid-July"); every other hyphen between words is a
// token of its own.
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "re": true, "mid": true,
	"post": true, "co": true, "pro": true, "multi": true, "ex": true, "sub": true,
	"semi": true, "psycho": true, "neo": true, "vice": true, "un": true,
	"socio": true, "micro": true, "intra": true, "inter": true, "meh": true,
}

func keepHyphen(seg string) bool {
	if len(seg) > 6 {
		return false
	}
	var buf [6]byte
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return hyphenPrefixes[string(buf[:len(seg)])]
}

// abbrevs are words EWT writes with their period inside the token. Single
// capitals (initials) are handled apart.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"vs": true, "etc": true, "vol": true, "pp": true, "fig": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "rev": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "adm": true, "mt": true, "ft": true,
	"ave": true, "blvd": true, "jan": true, "feb": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "approx": true, "dept": true, "est": true,
	"assn": true, "bros": true, "messrs": true, "mssrs": true, "univ": true, "min": true,
	"ca": true, "cf": true, "ph": true, "hr": true, "hrs": true, "yr": true, "yrs": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true,
	"wk": true, "pt": true, "tel": true, "ext": true, "attn": true, "ibid": true,
}

// isAbbrev reports whether w takes the period that follows it; next is where
// the text after the period starts.
func isAbbrev(w, s string, next int) bool {
	if len(w) == 1 {
		// An initial, "J. Blinken"; a lone lower-case letter is usually a
		// list item or a typo.
		return isUpperByte(w[0])
	}
	if len(w) > 6 {
		return false
	}
	var buf [6]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	lw := string(buf[:len(w)])
	if lw == "no" || lw == "nos" || lw == "p" || lw == "op" || lw == "art" {
		// "No. 5", "p. 12", "Art. 3": only before a number; "No." alone is
		// the answer.
		j, _ := skipSpace(s, next)
		return j < len(s) && isDigit(s[j])
	}
	return abbrevs[lw]
}

// urlEnd returns the end of a URL or e-mail address starting at p, or p.
func urlEnd(s string, p, b int) int {
	w := s[p:b]
	isURL := hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") ||
		hasPrefixFold(w, "ftp://") || hasPrefixFold(w, "www.") || hasPrefixFold(w, "mailto:")
	if !isURL {
		// The local part of an address is short and plain; looking no
		// further keeps long runs without spaces linear.
		i := 0
		for i < len(w) && i < 64 {
			c := w[i]
			if !(asciiWordByte(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%') {
				break
			}
			i++
		}
		if i == 0 || i >= len(w) || w[i] != '@' || !strings.Contains(w[i:], ".") {
			return p
		}
	}
	e := b
	// Trailing punctuation belongs to the sentence, not the address; a
	// closing bracket only when the address has no opening one to match.
	opens := strings.Count(w, "(")
	closes := strings.Count(w, ")")
	for e > p {
		c := s[e-1]
		if strings.IndexByte(".,;:!?\"')]}>", c) < 0 {
			break
		}
		if c == ')' {
			if opens >= closes {
				break
			}
			closes--
		}
		e--
	}
	if e > p && s[e-1] >= utf8.RuneSelf {
		// Closing curly quote.
		if r, n := utf8.DecodeLastRuneInString(s[p:e]); r == '”' || r == '’' {
			e -= n
		}
	}
	return e
}

func asciiWordByte(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":')", ":'(",
	":)", ":(", ";)", ":D", ":P", ":p", ":/", ":O", ":o", ":]", ":[", ":|",
	"=)", "=(", "<3", "^_^", "^^", ";D", ";P",
}

// emoticonEnd returns the end of an emoticon starting at p, or p.
func emoticonEnd(s string, p, b int) int {
	c := s[p]
	if c != ':' && c != ';' && c != '=' && c != '<' && c != '^' {
		return p
	}
	for _, e := range emoticons {
		if p+len(e) <= b && s[p:p+len(e)] == e {
			if end := p + len(e); end == b || !isWordAt(s, end) {
				return end
			}
		}
	}
	return p
}

// cliticEnd returns the end of a clitic whose letters start at i ("s" of
// "'s"), or i if none does.
func cliticEnd(s string, i, b int) int {
	j := i
	for j < b && asciiWordByte(s[j]) {
		j++
	}
	if j == i {
		return i
	}
	w := s[i:j]
	if isDigit(w[0]) {
		return j // '90s
	}
	switch strings.ToLower(w) {
	case "s", "m", "d", "ll", "re", "ve", "em", "n", "t":
		return j
	}
	return i
}

// units are the measures EWT splits from a number written against them
// ("5pm" is "5" + "pm"); ordinals and decades ("2nd", "90s") stay whole.
var units = map[string]bool{
	"am": true, "pm": true, "m": true, "k": true, "mm": true, "cm": true, "km": true,
	"ft": true, "kg": true, "g": true, "lb": true, "lbs": true, "hz": true, "bn": true,
	"mb": true, "gb": true, "kb": true, "mph": true, "min": true, "hr": true, "hrs": true,
	"b": true, "f": true, "p": true, "years": true, "yrs": true, "x": true,
}

// unitSplit returns the end of the number in a number-unit word starting at
// p, or p when the word is not one.
func unitSplit(s string, p, b int) int {
	d := digitsRun(s, p, b)
	if d == 0 {
		return p
	}
	e := p + d
	l := e
	for l < b && isAlpha(s[l]) {
		l++
	}
	if l == e || l-e > 5 || (l < b && isWordAt(s, l)) {
		return p
	}
	if l+1 < b && s[l] == '.' && isAlpha(s[l+1]) {
		return p
	}
	var buf [5]byte
	for i := e; i < l; i++ {
		buf[i-e] = s[i] | 0x20
	}
	if units[string(buf[:l-e])] {
		return e
	}
	return p
}

func wordStartsAt(s string, i, b int) bool {
	if i >= b {
		return false
	}
	r, _ := decode(s, i)
	return isWord(r)
}
