package lemma

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/kgraph/kgraph/nlp/conllu"
)

// ErrNoData is returned by Train when there is nothing to learn from.
var ErrNoData = errors.New("lemma: no training words")

// Config sets up training. The zero value gets the defaults tuned on EWT dev.
type Config struct {
	// MaxSuffix is the longest word ending, in bytes, a rule is keyed on;
	// 0 means 6.
	MaxSuffix int
	// MaxRules is how many rules an ending keeps as candidates; 0 means 3.
	MaxRules int
	// MinRuleTypes is how many distinct training words must share an
	// ending before its own rule overrides that of the shorter ending;
	// 0 means 2.
	MinRuleTypes int
}

func (c Config) withDefaults() Config {
	if c.MaxSuffix == 0 {
		c.MaxSuffix = 6
	}
	if c.MaxRules == 0 {
		c.MaxRules = 3
	}
	if c.MinRuleTypes == 0 {
		c.MinRuleTypes = 2
	}
	return c
}

// Train learns a lemmatizer from the FORM, LEMMA, UPOS and XPOS columns of
// sents. It is deterministic: the same sentences give the same model.
func Train(ctx context.Context, sents []*conllu.Sentence, cfg Config) (*Lemmatizer, error) {
	cfg = cfg.withDefaults()
	var xp, up builder
	fc := map[fkey]map[string]int{}
	count := func(k fkey, feats string) {
		c := fc[k]
		if c == nil {
			c = map[string]int{}
			fc[k] = c
		}
		c[feats]++
	}
	n := 0
	for i, s := range sents {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("train lemmatizer: %w", err)
			}
		}
		for _, w := range s.Words {
			if w.Lemma == "" || w.Lemma == "_" && w.Form != "_" {
				continue
			}
			proper := isProper(w.UPOS, w.XPOS)
			xp.add(w.Form, w.XPOS, w.Lemma, proper)
			up.add(w.Form, w.UPOS, w.Lemma, proper)
			lw := lower(w.Form)
			for _, x := range []string{w.XPOS, ""} {
				count(fkey{lw, w.UPOS, x}, w.Feats)
				count(fkey{"", w.UPOS, x}, w.Feats)
			}
			n++
		}
	}
	if n == 0 {
		return nil, ErrNoData
	}
	l := &Lemmatizer{byXPOS: xp.build(cfg), byUPOS: up.build(cfg), feats: map[fkey]string{}}
	// Tag-level defaults first; a word keeps an entry only where it
	// differs from its tags' default, which drops most of them.
	for k, c := range fc {
		if k.s == "" {
			l.feats[k] = majority(c)
		}
	}
	for k, c := range fc {
		if k.s == "" {
			continue
		}
		if v := majority(c); v != l.feats[fkey{"", k.upos, k.xpos}] {
			l.feats[k] = v
		}
	}
	l.index()
	return l, nil
}

// builder counts lemmas per (form, tag) for one tag set.
type builder struct {
	counts map[key]map[string]int
	proper map[key]bool
}

func (b *builder) add(form, tag, lemma string, proper bool) {
	if b.counts == nil {
		b.counts = map[key]map[string]int{}
		b.proper = map[key]bool{}
	}
	k := key{form, tag}
	c := b.counts[k]
	if c == nil {
		c = map[string]int{}
		b.counts[k] = c
	}
	c[lemma]++
	if proper {
		b.proper[k] = true
	}
}

// majority is the most frequent key of c, the smallest on ties so that
// training is deterministic.
func majority(c map[string]int) string {
	best, bn := "", -1
	for l, n := range c {
		if n > bn || n == bn && l < best {
			best, bn = l, n
		}
	}
	return best
}

func (b *builder) build(cfg Config) table {
	t := table{exact: map[key]string{}, lower: map[key]string{}, maxSuffix: cfg.MaxSuffix}
	lowerCounts := map[key]map[string]int{}
	// One vote per distinct word and tag: rules should capture how the
	// vocabulary inflects, not how often "said" occurs.
	ruleVotes := map[key]map[rule]int{}
	for k, c := range b.counts {
		lemma := majority(c)
		t.exact[k] = lemma
		w := k.s
		if !b.proper[k] {
			w = lower(k.s)
			if w != k.s {
				lc := lowerCounts[key{w, k.tag}]
				if lc == nil {
					lc = map[string]int{}
					lowerCounts[key{w, k.tag}] = lc
				}
				for l, n := range c {
					lc[l] += n
				}
			}
		}
		r := ruleFor(w, lemma)
		for n := 0; n <= min(cfg.MaxSuffix, len(w)-1); n++ {
			if n > 0 && !utf8.RuneStart(w[len(w)-n]) {
				continue
			}
			sk := key{w[len(w)-n:], k.tag}
			v := ruleVotes[sk]
			if v == nil {
				v = map[rule]int{}
				ruleVotes[sk] = v
			}
			v[r]++
		}
	}
	for k, c := range lowerCounts {
		if _, ok := t.exact[k]; !ok {
			t.lower[k] = majority(c)
		}
	}
	t.rules = pruneRules(ruleVotes, cfg)
	return t
}

// ruleFor is the rewrite that turns w into lemma by keeping their common
// prefix.
func ruleFor(w, lemma string) rule {
	p := 0
	for p < len(w) && p < len(lemma) && w[p] == lemma[p] {
		p++
	}
	for p > 0 && p < len(w) && !utf8.RuneStart(w[p]) {
		p--
	}
	return rule{Strip: len(w) - p, Add: lemma[p:]}
}

// pruneRules keeps, for each ending, its candidate rules only where they
// differ from what the next shorter kept ending would give and enough words
// back them, so lookup falling back to shorter endings reproduces every
// decision.
func pruneRules(votes map[key]map[rule]int, cfg Config) map[key][]rule {
	keys := make([]key, 0, len(votes))
	for k := range votes {
		keys = append(keys, k)
	}
	// Shorter endings first, so a parent's effective rules are known before
	// its children are judged.
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(len(a.s), len(b.s)), cmp.Compare(a.tag, b.tag), cmp.Compare(a.s, b.s))
	})
	effective := make(map[key][]rule, len(keys))
	out := map[key][]rule{}
	for _, k := range keys {
		v := votes[k]
		rs := make([]rule, 0, len(v))
		total := 0
		for r, n := range v {
			rs = append(rs, r)
			total += n
		}
		slices.SortFunc(rs, func(a, b rule) int {
			if d := v[b] - v[a]; d != 0 {
				return d
			}
			return cmp.Or(cmp.Compare(a.Strip, b.Strip), cmp.Compare(a.Add, b.Add))
		})
		// Only the likeliest rule may rewrite a whole word; alternates are
		// inflection-sized edits leaving a stem, such as -ed → -e.
		alt := rs[:1]
		for _, r := range rs[1:] {
			if len(alt) < cfg.MaxRules && r.Strip <= 3 && len(r.Add) <= 2 && len(k.s) > r.Strip {
				alt = append(alt, r)
			}
		}
		rs = alt
		if k.s == "" {
			effective[k] = rs
			out[k] = rs
			continue
		}
		parent := effective[key{parentSuffix(k.s), k.tag}]
		if total < cfg.MinRuleTypes || slices.Equal(rs, parent) {
			effective[k] = parent
			continue
		}
		effective[k] = rs
		out[k] = rs
	}
	return out
}

func parentSuffix(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[n:]
}

// Score counts words whose predicted lemma matches the gold one.
type Score struct {
	Words, Correct int
	Feats          int // words whose FEATS match
}

// FeatsAcc is the percentage of words with exactly the right FEATS.
func (s Score) FeatsAcc() float64 {
	if s.Words == 0 {
		return 0
	}
	return 100 * float64(s.Feats) / float64(s.Words)
}

// Acc is the percentage of correct lemmas.
func (s Score) Acc() float64 {
	if s.Words == 0 {
		return 0
	}
	return 100 * float64(s.Correct) / float64(s.Words)
}

// Score lemmatizes the words of gold sentences using their gold tags, and
// scores their FEATS too.
func (l *Lemmatizer) Score(sents []*conllu.Sentence) Score {
	var sc Score
	for _, s := range sents {
		for _, w := range s.Words {
			sc.Words++
			if l.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				sc.Correct++
			}
			if l.Feats(w.Form, w.UPOS, w.XPOS) == w.Feats {
				sc.Feats++
			}
		}
	}
	return sc
}
