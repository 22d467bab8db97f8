// Package lemma is kgraph's lemmatizer: it maps a word and its POS tags
// (from nlp/tag) to the dictionary form UD English EWT gives it, so that
// "reaffirmed"/VBD becomes "reaffirm" and "was"/VBD becomes "be". The
// extractor stores predicates as lemmas, which is why verbs matter most.
//
// A word seen in training with its tag gets its most frequent training lemma
// from an exception table; this covers irregular forms. Any other word is
// rewritten by a suffix rule learned from the training words, keyed by its
// tag and the longest ending it shares with them ("-ied"/VBD → "-y"). When
// several rules fit, the most frequent one that yields a lemma seen in
// training wins, which settles the -ed/-e ambiguity of "bombed" (bomb) and
// "provoked" (provoke). As in EWT, lemmas are lower case except for proper
// nouns, which keep their spelling.
//
// Feats looks up the UD morphological features (FEATS) the same way, by word
// and tags with a per-tag default: cheap, and right for about 95% of words
// given gold tags.
//
// Default loads the model committed under data/models; Train learns one.
// To regenerate the committed model, from the repository root (after the
// tagger, whose predictions it is scored with):
//
//	go run ./nlp/lemma/internal/train
package lemma

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kgraph/kgraph/data"
)

// ErrModel is wrapped by every error about a malformed model.
var ErrModel = errors.New("lemma: bad model")

// Lemmatizer maps (form, UPOS, XPOS) to a lemma. It is safe for concurrent
// use.
type Lemmatizer struct {
	byXPOS, byUPOS table
	// known holds every training lemma, so that of several rules fitting
	// an unseen word the one yielding a real word can win: "bombed" gives
	// "bomb" rather than the "bom" that "robbed"→"rob" would suggest.
	known map[string]struct{}

	// feats gives UD morphological features: by (case-folded form, UPOS,
	// XPOS) for training words, by (UPOS, XPOS) with an empty form
	// otherwise. Entries with an empty XPOS serve callers without one.
	feats map[fkey]string
}

type fkey struct{ s, upos, xpos string }

// table is the exception list and suffix rules for one tag set.
type table struct {
	exact map[key]string // (form as written, tag)
	lower map[key]string // (case-folded form, tag)
	rules map[key][]rule // (ending of the case-folded form, tag) → rules, likeliest first
	// maxSuffix is the longest ending in rules, in bytes.
	maxSuffix int
}

type key struct{ s, tag string }

// rule rewrites a word by dropping Strip trailing bytes and appending Add.
type rule struct {
	Strip int
	Add   string
}

func (r rule) apply(w string) string {
	if r.Strip > len(w) {
		return w
	}
	if r.Strip == 0 && r.Add == "" {
		return w
	}
	return w[:len(w)-r.Strip] + r.Add
}

// Lemma returns the lemma of form given its tags. XPOS, when not empty, is
// the more informative key; with XPOS empty the UPOS tables are used.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	t, tg := &l.byXPOS, xpos
	if xpos == "" || xpos == "_" {
		t, tg = &l.byUPOS, upos
	}
	if v, ok := t.exact[key{form, tg}]; ok {
		return v
	}
	if isProper(upos, xpos) {
		return l.rewrite(t, form, tg, false)
	}
	w := lower(form)
	if w != form {
		// "Reaffirmed" opening a sentence is the "reaffirmed" of the
		// table; lower holds only the folded forms never seen folded.
		if v, ok := t.exact[key{w, tg}]; ok {
			return v
		}
		if v, ok := t.lower[key{w, tg}]; ok {
			return v
		}
	}
	return l.rewrite(t, w, tg, true)
}

// rewrite applies a rule of the longest known ending of w: with alternates
// set, the likeliest whose result is a known lemma, else the likeliest.
// Proper nouns get no alternates: a known word is no evidence for a name.
func (l *Lemmatizer) rewrite(t *table, w, tag string, alternates bool) string {
	// Endings stop short of the whole word: a whole-word rule is an
	// exception that belongs in the table, not a pattern.
	first := ""
	found := false
	for n := min(t.maxSuffix, len(w)-1); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(w[len(w)-n]) {
			continue
		}
		rs, ok := t.rules[key{w[len(w)-n:], tag}]
		if !ok {
			continue
		}
		if !found {
			first, found = rs[0].apply(w), true
			if !alternates {
				return first
			}
		}
		// The likeliest rule whose result is a known word wins; when
		// none of the longest ending's rules gives one, a shorter
		// ending's may: "convened" is "convene", not the "conven" that
		// "happened" → "happen" suggests.
		for _, r := range rs {
			c := r.apply(w)
			if _, ok := l.known[c]; ok {
				return c
			}
		}
	}
	if found {
		return first
	}
	return w
}

// lower folds case, skipping the allocation when there is nothing to fold.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Feats returns the UD FEATS column for form given its tags, "_" when it
// has none: the features the word most often has in training with these
// tags, or else those most common for the tags. It is a lookup, not a model
// of agreement, so a past-tense verb gets the commonest person and number.
func (l *Lemmatizer) Feats(form, upos, xpos string) string {
	if xpos == "_" {
		xpos = ""
	}
	if v, ok := l.feats[fkey{lower(form), upos, xpos}]; ok {
		return v
	}
	if v, ok := l.feats[fkey{"", upos, xpos}]; ok {
		return v
	}
	return "_"
}

// isProper says whether the lemma keeps the word's case, as EWT does for
// proper nouns and for adjectives such as "American" tagged NNP.
func isProper(upos, xpos string) bool {
	return upos == "PROPN" || xpos == "NNP" || xpos == "NNPS"
}

// Entries is the number of exceptions and rules held, for reporting.
func (l *Lemmatizer) Entries() (exceptions, rules int) {
	exceptions = len(l.feats)
	for _, t := range []*table{&l.byXPOS, &l.byUPOS} {
		exceptions += len(t.exact) + len(t.lower)
		rules += len(t.rules)
	}
	return exceptions, rules
}

// MemoryBytes estimates the heap held by the loaded model, for reporting.
func (l *Lemmatizer) MemoryBytes() int {
	n := 0
	for _, t := range []*table{&l.byXPOS, &l.byUPOS} {
		// A map entry costs its headers and bytes plus about a third
		// again for the table's slack.
		for k, v := range t.exact {
			n += (48 + len(k.s) + len(k.tag) + len(v)) * 4 / 3
		}
		for k, v := range t.lower {
			n += (48 + len(k.s) + len(k.tag) + len(v)) * 4 / 3
		}
		for k, rs := range t.rules {
			n += (56 + len(k.s) + len(k.tag)) * 4 / 3
			for _, r := range rs {
				n += 24 + len(r.Add)
			}
		}
	}
	for w := range l.known {
		n += (16 + len(w)) * 4 / 3
	}
	for k, v := range l.feats {
		n += (64 + len(k.s) + len(k.upos) + len(k.xpos) + len(v)) * 4 / 3
	}
	return n
}

// AddWords adds lemmas the training data lacked (lines starting with # are
// skipped), so that a suffix rule giving one of them is preferred. It must
// not run while Lemma does.
func (l *Lemmatizer) AddWords(words []string) {
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" && w[0] != '#' {
			l.known[w] = struct{}{}
		}
	}
}

// index fills known from the exception tables.
func (l *Lemmatizer) index() {
	l.known = map[string]struct{}{}
	for _, t := range []*table{&l.byXPOS, &l.byUPOS} {
		for _, v := range t.exact {
			l.known[v] = struct{}{}
		}
		for _, v := range t.lower {
			l.known[v] = struct{}{}
		}
	}
}

var (
	defaultOnce  sync.Once
	defaultLemma *Lemmatizer
	defaultErr   error
)

// Default returns the lemmatizer learned from UD English EWT and committed
// with kgraph, decoded on first use.
func Default() (*Lemmatizer, error) {
	defaultOnce.Do(func() {
		defaultLemma, defaultErr = loadBytes(data.LemmaModel)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("load embedded lemmatizer model: %w", defaultErr)
			return
		}
		defaultLemma.AddWords(strings.Split(string(data.Verbs), "\n"))
	})
	return defaultLemma, defaultErr
}
