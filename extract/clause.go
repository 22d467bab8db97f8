package extract

import (
	"sort"
	"strings"

	"github.com/kgraph/kgraph/nlp"
)

// Tuple is one surface extraction: an n-ary relation between arguments,
// every part a set of word indexes into its sentence. It is what CaRB scores
// and what facts are built from.
type tuple struct {
	subj     span  // arg1; may be a single antecedent word of a relative clause
	relWords span  // the words of the relation as written
	obj      span  // arg2; empty for an intransitive clause
	extra    []arg // further arguments: obliques, clausal complements
	verb     int   // clause head word
	objCase  int   // the preposition moved into the relation, -1 if none
	xcomp    []int // open complements merged into the relation ("pledged to coordinate")
	light    int   // light-verb noun folded into the predicate, -1 if none
	passive  bool  // the clause is passive
	agent    span  // the "by" phrase of a passive, without "by"
	copula   bool  // predicate nominal or adjective with "be"
	negated  bool
	modality string
	inherit  bool // the subject was inherited (conjoined verb, relative clause, control)
	depth    int  // how deeply the clause is embedded
	kind     string
}

// arg is an extra argument with what it is.
type arg struct {
	words span
	role  string // "time", "place" or "" for any other
}

// span is a sorted set of word indexes.
type span []int

type parse struct {
	s    nlp.Sentence
	kids [][]int
	// whole marks phrase heads whose coordination is one name: "the
	// Secretaries and Ministers" refers to a group, not to two subjects.
	whole map[int]bool
}

func newParse(s nlp.Sentence) *parse {
	p := &parse{s: s, kids: make([][]int, len(s.Words)), whole: map[int]bool{}}
	for i, w := range s.Words {
		if h := w.Head - 1; h >= 0 && h < len(s.Words) {
			p.kids[h] = append(p.kids[h], i)
		}
	}
	return p
}

func (p *parse) rel(i int) string { return p.s.Words[i].Deprel }
func (p *parse) urel(i int) string {
	r := p.s.Words[i].Deprel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}
func (p *parse) head(i int) int   { return p.s.Words[i].Head - 1 }
func (p *parse) pos(i int) string { return p.s.Words[i].UPOS }
func (p *parse) lemma(i int) string {
	l := p.s.Words[i].Lemma
	if l == "" {
		l = strings.ToLower(p.s.Words[i].Text)
	}
	return l
}
func (p *parse) lower(i int) string { return strings.ToLower(p.s.Words[i].Text) }

// child returns the first child of i with relation rel (exact or as the
// universal part), or -1.
func (p *parse) child(i int, rels ...string) int {
	for _, k := range p.kids[i] {
		for _, r := range rels {
			if p.rel(k) == r {
				return k
			}
		}
	}
	return -1
}

// subtree collects i and its descendants, leaving out the children whose
// relation is in skip (and their subtrees).
func (p *parse) subtree(i int, skip func(child int) bool) span {
	var out span
	var walk func(int)
	walk = func(j int) {
		out = append(out, j)
		for _, k := range p.kids[j] {
			if skip != nil && skip(k) {
				continue
			}
			walk(k)
		}
	}
	walk(i)
	sort.Ints(out)
	return out
}

// phrase is the argument headed by i: its subtree without coordinated
// siblings (they become facts of their own), trimmed of punctuation and
// conjunctions at the edges.
func (p *parse) phrase(i int) span {
	sp := p.subtree(i, func(k int) bool {
		switch p.rel(k) {
		case "conj", "cc", "cc:preconj":
			return p.head(k) == i && !p.whole[i]
		case "punct":
			return p.head(k) == i && !p.innerPunct(k)
		case "acl:relcl":
			// A relative clause gives a tuple of its own; left in, it
			// makes the argument long and the one-to-one scorer pays.
			return trimRelcl && p.isPredicate(k)
		}
		return false
	})
	return p.trim(sp)
}

var trimRelcl = true

// innerPunct keeps punctuation that belongs inside a phrase: a hyphen or
// an apostrophe between words, a closing bracket whose opening one is kept.
func (p *parse) innerPunct(k int) bool {
	t := p.s.Words[k].Text
	return t == "-" || t == "(" || t == ")" || t == "/" || t == "'"
}

func (p *parse) trim(sp span) span {
	isEdge := func(j int) bool {
		w := p.s.Words[j]
		return w.UPOS == "PUNCT" && w.Text != "(" && w.Text != ")" || w.UPOS == "CCONJ"
	}
	for len(sp) > 0 && isEdge(sp[0]) {
		sp = sp[1:]
	}
	for len(sp) > 0 && isEdge(sp[len(sp)-1]) {
		sp = sp[:len(sp)-1]
	}
	// An unbalanced bracket at an edge reads badly: "(MDT" or "Treaty)".
	if len(sp) > 0 && p.s.Words[sp[len(sp)-1]].Text == "(" {
		sp = sp[:len(sp)-1]
	}
	if len(sp) > 0 && p.s.Words[sp[0]].Text == ")" {
		sp = sp[1:]
	}
	return sp
}

// conjuncts returns i and every word coordinated with it.
func (p *parse) conjuncts(i int) []int {
	out := []int{i}
	for _, k := range p.kids[i] {
		if p.rel(k) == "conj" {
			out = append(out, p.conjuncts(k)...)
		}
	}
	return out
}

var modals = map[string]bool{"will": true, "would": true, "may": true, "might": true, "can": true,
	"could": true, "should": true, "must": true, "shall": true, "ought": true}

func isNegation(p *parse, k int) bool {
	if p.rel(k) != "advmod" && p.rel(k) != "neg" && p.rel(k) != "det" {
		return false
	}
	switch p.lower(k) {
	case "not", "n't", "never", "no":
		return p.rel(k) != "det"
	}
	return false
}

func isRelativePronoun(p *parse, i int) bool {
	switch p.lower(i) {
	case "who", "whom", "which", "that", "whose":
		return p.pos(i) == "PRON" || p.pos(i) == "DET" || p.s.Words[i].XPOS == "WDT" || p.s.Words[i].XPOS == "WP"
	}
	return false
}

// isPredicate says whether word i heads a clause we extract from.
func (p *parse) isPredicate(i int) bool {
	switch p.rel(i) {
	case "amod", "compound", "aux", "aux:pass", "cop", "fixed", "flat", "case", "mark", "det", "nummod", "goeswith", "reparandum":
		return false
	}
	if p.child(i, "cop") >= 0 {
		return true
	}
	if p.pos(i) == "VERB" {
		return true
	}
	return p.child(i, "nsubj", "nsubj:pass", "csubj") >= 0 && (p.pos(i) == "AUX" || p.pos(i) == "ADJ")
}

// subjectOf finds the subject heads of clause h, following coordination,
// relative clauses and control when the clause has none of its own.
func (p *parse) subjectOf(h int, depth int) (heads []int, inherited bool) {
	if depth > 8 {
		return nil, false
	}
	if s := p.child(h, "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer"); s >= 0 {
		if isRelativePronoun(p, s) && strings.HasPrefix(p.rel(h), "acl") {
			if a := p.head(h); a >= 0 {
				return []int{a}, true
			}
		}
		if len(p.conjuncts(s)) > 1 && groupRefs[Key(p.words(p.subtree(s, nil)))] {
			p.whole[s] = true
			return []int{s}, false
		}
		return p.conjuncts(s), false
	}
	parent := p.head(h)
	if parent < 0 {
		return nil, false
	}
	switch p.rel(h) {
	case "conj", "xcomp", "advcl", "parataxis":
		if p.rel(h) == "xcomp" {
			if o := p.child(parent, "obj", "iobj"); o >= 0 {
				return []int{o}, true
			}
		}
		if p.rel(h) == "conj" && !p.isPredicate(parent) {
			return nil, false
		}
		s, _ := p.subjectOf(parent, depth+1)
		return s, true
	case "acl", "acl:relcl":
		return []int{parent}, true
	}
	return nil, false
}

func (p *parse) depth(i int) int {
	d := 0
	for j := p.head(i); j >= 0 && d < 50; j = p.head(j) {
		d++
	}
	return d
}

// tuples extracts every clause of the sentence.
func (p *parse) tuples() []tuple {
	var out []tuple
	merged := map[int]bool{} // xcomp heads folded into their governor's relation
	for h := range p.s.Words {
		if !p.isPredicate(h) || merged[h] {
			continue
		}
		out = append(out, p.clause(h, merged)...)
	}
	out = append(out, p.appositions()...)
	return out
}

// clause builds the tuples of the clause headed by h: one per combination
// of coordinated subject and object.
func (p *parse) clause(h int, merged map[int]bool) []tuple {
	t := tuple{verb: h, objCase: -1, light: -1, depth: p.depth(h), kind: p.rel(h)}
	subjects, inherited := p.subjectOf(h, 0)
	t.inherit = inherited
	var objHeads []int
	var obls []int
	rel := span{h}
	for _, k := range p.kids[h] {
		switch p.rel(k) {
		case "aux", "aux:pass":
			rel = append(rel, k)
			if modals[p.lemma(k)] {
				t.modality = p.lemma(k)
			}
			if p.rel(k) == "aux:pass" {
				t.passive = true
			}
		case "cop":
			rel = append(rel, k)
			t.copula = true
		case "compound:prt":
			rel = append(rel, k)
		case "nsubj:pass", "csubj:pass":
			t.passive = true
		case "obj", "iobj":
			if len(objHeads) == 0 || p.rel(k) == "obj" {
				if p.rel(k) == "obj" {
					objHeads = p.conjuncts(k)
				} else if len(objHeads) == 0 {
					objHeads = p.conjuncts(k)
				}
			}
		case "obl", "obl:unmarked", "obl:npmod", "obl:tmod":
			obls = append(obls, k)
		case "obl:agent":
			t.agent = p.stripCase(p.phrase(k))
			obls = append(obls, k)
		case "ccomp":
			obls = append(obls, k)
		}
		if isNegation(p, k) {
			t.negated = true
			rel = append(rel, k)
		}
	}
	if isRelativePronounObj(p, objHeads) {
		// "the treaty that we signed": the object is the antecedent.
		if a := p.head(h); a >= 0 && strings.HasPrefix(p.rel(h), "acl") {
			objHeads = []int{a}
			subjects, t.inherit = p.ownSubject(h), false
		}
	}
	// Open complement with no object of its own: fold it into the relation,
	// so "pledged to coordinate closely with X" relates the subject to X.
	if len(objHeads) == 0 && !t.copula {
		if x := p.child(h, "xcomp"); x >= 0 && p.pos(x) == "VERB" && p.child(x, "nsubj", "nsubj:pass") < 0 {
			for _, k := range p.kids[x] {
				switch p.rel(k) {
				case "mark", "aux", "compound:prt":
					rel = append(rel, k)
				case "obj":
					objHeads = p.conjuncts(k)
				case "obl", "obl:unmarked", "obl:npmod", "ccomp":
					obls = append(obls, k)
				}
				if isNegation(p, k) {
					t.negated = true
					rel = append(rel, k)
				}
			}
			rel = append(rel, x)
			t.xcomp = append(t.xcomp, x)
			merged[x] = true
		}
	}
	sort.Ints(obls)
	// The predicate nominal or adjective of a copula is its object.
	var copObj span
	if t.copula {
		copObj = p.subtree(h, func(k int) bool {
			switch p.urel(k) {
			case "nsubj", "csubj", "cop", "aux", "mark", "punct", "cc", "conj", "advcl", "parataxis", "obl", "advmod", "discourse":
				return p.head(k) == h
			}
			return false
		})
		// Keep an obl inside the predicate when the predicate is an
		// adjective ("open to dialogue"): it is the adjective's argument.
		rel = span{}
		for _, k := range p.kids[h] {
			switch p.rel(k) {
			case "cop", "aux", "aux:pass":
				rel = append(rel, k)
			}
			if isNegation(p, k) {
				rel = append(rel, k)
			}
		}
		if p.pos(h) == "ADJ" && len(obls) > 0 && p.rel(obls[0]) == "obl" {
			// "are open to dialogue": relation "are open to", object "dialogue".
			rel = append(rel, h)
			copObj = nil
		} else {
			copObj = p.trim(copObj)
		}
	}
	// Without a direct object, the first prepositional argument after the
	// verb becomes the object and its preposition joins the relation.
	if len(objHeads) == 0 && copObj == nil && t.agent == nil {
		for i, o := range obls {
			if o < h || p.rel(o) == "ccomp" {
				continue
			}
			if c := p.child(o, "case"); c >= 0 {
				t.objCase = c
				rel = append(rel, c)
				objHeads = p.conjuncts(o)
				obls = append(obls[:i:i], obls[i+1:]...)
			}
			break
		}
	}
	if len(objHeads) == 0 && copObj == nil && t.agent == nil {
		// A clausal complement is the object of a speech or cognition verb:
		// "affirmed that our resolve is our greatest deterrent".
		for i, o := range obls {
			if p.rel(o) == "ccomp" {
				objHeads = []int{o}
				obls = append(obls[:i:i], obls[i+1:]...)
				break
			}
		}
	}
	if t.agent != nil {
		// The agent becomes the object: "was released by" + "the Governments".
		for i, o := range obls {
			if p.rel(o) == "obl:agent" {
				rel = append(rel, p.child(o, "case"))
				objHeads = p.conjuncts(o)
				obls = append(obls[:i:i], obls[i+1:]...)
				break
			}
		}
	}
	t.relWords = cleanSpan(rel)
	for _, o := range obls {
		t.extra = append(t.extra, arg{words: p.phrase(o), role: p.role(o)})
	}
	var objs []span
	switch {
	case copObj != nil:
		objs = []span{copObj}
	default:
		for _, o := range objHeads {
			sp := p.phrase(o)
			if t.objCase >= 0 || t.agent != nil {
				sp = p.stripCase(sp)
			}
			if p.rel(o) == "ccomp" {
				sp = p.stripMark(sp, o)
			}
			objs = append(objs, sp)
		}
	}
	if len(objs) == 0 {
		objs = []span{nil}
	}
	var subjSpans []span
	for _, s := range subjects {
		if strings.HasPrefix(p.rel(h), "acl") && s == p.head(h) {
			// The antecedent alone, not its whole phrase with this clause in it.
			subjSpans = append(subjSpans, p.nounOnly(s, h))
			continue
		}
		subjSpans = append(subjSpans, p.phrase(s))
	}
	var out []tuple
	for _, s := range subjSpans {
		if len(s) == 0 {
			continue
		}
		for _, o := range objs {
			if len(o) == 0 && len(t.extra) == 0 {
				continue
			}
			c := t
			c.subj, c.obj = s, o
			out = append(out, c)
		}
	}
	return out
}

// ownSubject is the subject of clause h, ignoring inheritance.
func (p *parse) ownSubject(h int) []int {
	if s := p.child(h, "nsubj", "nsubj:pass", "csubj"); s >= 0 {
		return p.conjuncts(s)
	}
	return nil
}

func isRelativePronounObj(p *parse, objs []int) bool {
	return len(objs) == 1 && isRelativePronoun(p, objs[0])
}

// nounOnly is the phrase of noun n without the clause c that modifies it.
func (p *parse) nounOnly(n, c int) span {
	return p.trim(p.subtree(n, func(k int) bool {
		if k == c {
			return true
		}
		switch p.rel(k) {
		case "conj", "cc", "punct", "acl:relcl", "acl", "appos":
			return p.head(k) == n
		}
		return false
	}))
}

// stripCase drops a leading preposition that moved into the relation.
func (p *parse) stripCase(sp span) span {
	for len(sp) > 0 && (p.rel(sp[0]) == "case" || p.rel(sp[0]) == "mark") {
		sp = sp[1:]
	}
	return sp
}

// stripMark drops "that" from a complement clause: CaRB puts it in neither
// the relation nor the argument.
func (p *parse) stripMark(sp span, h int) span {
	if len(sp) > 0 && p.rel(sp[0]) == "mark" && p.head(sp[0]) == h {
		return sp[1:]
	}
	return sp
}

// role guesses whether an oblique is a time or a place from its
// preposition and head, which the graph stores as kg:time and kg:place.
func (p *parse) role(o int) string {
	if p.rel(o) == "obl:tmod" || p.rel(o) == "obl:unmarked" && p.isTimeWord(o) {
		return "time"
	}
	c := p.child(o, "case")
	prep := ""
	if c >= 0 {
		prep = p.lower(c)
	}
	switch {
	case p.isTimeWord(o) && (prep == "on" || prep == "in" || prep == "at" || prep == "during" || prep == "since" || prep == "until" || prep == "by" || prep == "before" || prep == "after"):
		return "time"
	case p.pos(o) == "PROPN" && (prep == "in" || prep == "at" || prep == "near"):
		return "place"
	}
	return ""
}

func (p *parse) isTimeWord(i int) bool {
	if p.s.Words[i].XPOS == "CD" && len(p.s.Words[i].Text) == 4 {
		return true
	}
	switch p.lower(i) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tomorrow", "year", "years", "month", "months", "week", "weeks", "day", "days",
		"decade", "decades", "century", "morning", "evening", "night", "time", "period", "summer", "winter",
		"spring", "autumn", "fall":
		return true
	}
	return false
}

// appositions turns "X, the Y of Z" into (X; is; the Y of Z).
func (p *parse) appositions() []tuple {
	var out []tuple
	for i := range p.s.Words {
		if p.rel(i) != "appos" {
			continue
		}
		n := p.head(i)
		if n < 0 {
			continue
		}
		obj := p.phrase(i)
		// A bare acronym in brackets defines a name, handled by entities;
		// a number in brackets ("Meeting (2+2)") says nothing.
		if len(obj) <= 1 && isAcronym(p.s.Words[i].Text) || p.pos(i) == "NUM" || p.pos(i) == "SYM" || p.pos(i) == "PUNCT" {
			continue
		}
		out = append(out, tuple{subj: p.nounOnly(n, i), obj: obj, verb: -1, objCase: -1, light: -1,
			copula: true, kind: "appos", depth: p.depth(i)})
	}
	return out
}

func cleanSpan(sp span) span {
	out := make(span, 0, len(sp))
	seen := map[int]bool{}
	for _, i := range sp {
		if i >= 0 && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	upper := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r == '.' || r == '-' || r == '&' || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return upper >= 2
}

// words renders a span as its words separated by single spaces, for
// comparisons that need no source text.
func (p *parse) words(sp span) string {
	var b strings.Builder
	for i, j := range sp {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.s.Words[j].Text)
	}
	return b.String()
}
