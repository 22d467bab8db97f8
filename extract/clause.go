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
	inherit  bool   // the subject was inherited (conjoined verb, relative clause, control)
	depth    int    // how deeply the clause is embedded
	kind     string // the clause head's relation ("root", "conj", "acl:relcl" …), or "appos", "poss", "title" for tuples read off a noun phrase
	// be is a "be" the relation is written with though the sentence
	// leaves it out: "a think tank founded in 2005" gives
	// (a think tank; be founded in; 2005).
	be string
	// doubt marks a clause the sentence may not assert, the complement
	// of a verb that does not entail it (asserted.go): its facts are
	// said with half the confidence.
	doubt bool
	// leadSubject marks the clause of a list item whose subject is the
	// list's lead-in's ("The Plan will:" … "Require background checks").
	leadSubject bool
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
	// items says the sentence may be an item of a list whose lead-in
	// names the doer: a bare verb without a subject still makes tuples,
	// marked leadSubject.
	items bool
	// nominee is the name of a nomination line ("X, of Ohio, to be Y"),
	// -1 for none (repairNomination).
	nominee int
}

func newParse(s nlp.Sentence) *parse {
	// The repairs below rewrite heads and tags: they work on a copy, so
	// that the caller's sentence stays as the parser left it.
	s.Words = append([]nlp.Word(nil), s.Words...)
	p := &parse{s: s, whole: map[int]bool{}, nominee: -1}
	p.index()
	p.repair()
	return p
}

// index rebuilds the children lists from the heads.
func (p *parse) index() {
	p.kids = make([][]int, len(p.s.Words))
	for i, w := range p.s.Words {
		if h := w.Head - 1; h >= 0 && h < len(p.s.Words) {
			p.kids[h] = append(p.kids[h], i)
		}
	}
}

// attach makes word k a dependent of h with relation rel.
func (p *parse) attach(k, h int, rel string) {
	p.s.Words[k].Head = h + 1
	p.s.Words[k].Deprel = rel
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

// nominal says whether word i is a noun, common or proper.
func (p *parse) nominal(i int) bool { return p.pos(i) == "NOUN" || p.pos(i) == "PROPN" }
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
	// A repair may leave a cycle for a moment (repair undoes it); a walk
	// that has met more words than the sentence has is in one, and stops.
	var walk func(int)
	walk = func(j int) {
		if len(out) >= len(p.s.Words) {
			return
		}
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
		}
		return p.ownTuple(k)
	})
	return p.trim(sp)
}

// ownTuple says whether k is a relative clause inside an argument, which
// yields a tuple of its own: left in, it makes the argument long, and the
// one-to-one scorer pays for the words twice. (Participial modifiers and
// appositions stay: CaRB's gold keeps them in the argument more often than
// not, and trimming them cost recall on dev.)
func (p *parse) ownTuple(k int) bool {
	return p.rel(k) == "acl:relcl" && p.isPredicate(k)
}

// danglingModifier says whether the first conjunct headed by i ends in an
// adjective: "the implications for diplomatic and defense cooperation" is
// one noun phrase whose adjectives are coordinated, which the parser
// split at the wrong level.
func (p *parse) danglingModifier(i int) bool {
	c := p.child(i, "conj")
	if c < 0 || c < i || p.whole[i] {
		return false
	}
	last := -1
	for _, j := range p.subtree(i, func(k int) bool {
		return p.head(k) == i && (p.rel(k) == "conj" || p.rel(k) == "cc" || p.rel(k) == "punct")
	}) {
		if j < c {
			last = j
		}
	}
	return last > i && p.pos(last) == "ADJ"
}

// innerPunct keeps punctuation that belongs inside a phrase: a hyphen or
// an apostrophe between words, a closing bracket whose opening one is kept.
func (p *parse) innerPunct(k int) bool {
	t := p.s.Words[k].Text
	return t == "-" || t == "(" || t == ")" || t == "/" || t == "'" || isQuote(t)
}

func isQuote(t string) bool {
	switch t {
	case "``", "''", "\"", "“", "”":
		return true
	}
	return false
}

// opensQuote says whether the first word of sp is an opening quote whose
// closing one sp holds.
func (p *parse) opensQuote(sp span) bool {
	if t := p.s.Words[sp[0]].Text; t != "``" && t != "\"" && t != "“" {
		return false
	}
	for _, j := range sp[1:] {
		switch p.s.Words[j].Text {
		case "''", "\"", "”":
			return true
		}
	}
	return false
}

// closesQuote says whether the last word of sp is a closing quote whose
// opening one sp holds: “ Curtis Alerici ” is quoted in full.
func (p *parse) closesQuote(sp span) bool {
	if t := p.s.Words[sp[len(sp)-1]].Text; t != "''" && t != "\"" && t != "”" {
		return false
	}
	for _, j := range sp[:len(sp)-1] {
		switch p.s.Words[j].Text {
		case "``", "\"", "“":
			return true
		}
	}
	return false
}

func (p *parse) trim(sp span) span {
	isEdge := func(j int) bool {
		w := p.s.Words[j]
		return w.UPOS == "PUNCT" && w.Text != "(" && w.Text != ")" || w.UPOS == "CCONJ"
	}
	for len(sp) > 0 && isEdge(sp[0]) && !p.opensQuote(sp) {
		sp = sp[1:]
	}
	for len(sp) > 0 && isEdge(sp[len(sp)-1]) && !p.closesQuote(sp) {
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
	if p.danglingModifier(i) {
		p.whole[i] = true
		return []int{i}
	}
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
	// The corpus writes "n’t" with a typographic apostrophe.
	switch strings.ReplaceAll(p.lower(k), "’", "'") {
	case "not", "n't", "never", "no":
		return p.rel(k) != "det"
	case "longer":
		// "will no longer see": the "no" hangs on "longer".
		return p.rel(k) == "advmod" && p.noOf(k) >= 0
	}
	return false
}

// noOf returns the "no" of "no longer" headed by k, or -1.
func (p *parse) noOf(k int) int {
	for _, j := range p.kids[k] {
		if p.lower(j) == "no" && j == k-1 {
			return j
		}
	}
	return -1
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
	if p.child(i, "cop") >= 0 || p.sharedCopula(i) >= 0 {
		return true
	}
	if p.pos(i) == "VERB" {
		return true
	}
	return p.child(i, "nsubj", "nsubj:pass", "csubj") >= 0 && (p.pos(i) == "AUX" || p.pos(i) == "ADJ")
}

// sharedCopula returns the predicate whose copula the conjunct i shares,
// or -1: in "she is a member of Chiefs for Change, a graduate of Leadership
// Greater Washington, and a board member" she is each of them. Only a
// predicate of the same kind shares it (nouns with a noun, adjectives with
// an adjective), and only a conjunct with no subject or copula of its own.
func (p *parse) sharedCopula(i int) int {
	g := p.head(i)
	if p.rel(i) != "conj" || g < 0 || p.child(g, "cop") < 0 || p.hasChild(i, "cop", "nsubj", "nsubj:pass", "aux", "mark") {
		return -1
	}
	if p.nominal(g) && p.nominal(i) || p.pos(g) == "ADJ" && p.pos(i) == "ADJ" {
		return g
	}
	return -1
}

// subjectOf finds the subject heads of clause h, following coordination,
// relative clauses and control when the clause has none of its own.
func (p *parse) subjectOf(h int, depth int) (heads []int, inherited bool) {
	if depth > 8 {
		return nil, false
	}
	s := p.child(h, "nsubj", "nsubj:pass", "csubj", "csubj:pass")
	if s < 0 {
		s = p.child(h, "nsubj:outer")
	}
	if s >= 0 {
		if isRelativePronoun(p, s) && strings.HasPrefix(p.rel(h), "acl") {
			if a := p.head(h); a >= 0 {
				return []int{a}, true
			}
		}
		if isRelativePronoun(p, s) && (p.lower(s) != "that" || p.s.Words[s].XPOS == "WDT") {
			// A relative clause the parser hung elsewhere ("… by Muslims ,
			// who maintain …"): the antecedent is the noun before it, or
			// for an extraposed "that" the subject of the clause it
			// follows ("no actions should be taken that could …").
			if a := p.antecedent(s); a >= 0 {
				return []int{a}, true
			}
			if g := p.head(h); g >= 0 && p.lower(s) == "that" {
				if a := p.child(g, "nsubj", "nsubj:pass"); a >= 0 && a < s {
					return []int{a}, true
				}
			}
		}
		if len(p.conjuncts(s)) > 1 && groupRefs[Key(p.words(p.trim(p.subtree(s, nil))))] {
			p.whole[s] = true
			return []int{s}, false
		}
		return p.conjuncts(s), false
	}
	parent := p.head(h)
	if parent < 0 {
		return nil, false
	}
	if x := p.forSubject(h); x >= 0 {
		return p.conjuncts(x), true
	}
	switch p.rel(h) {
	case "conj", "xcomp", "advcl", "parataxis":
		if p.rel(h) == "advcl" && giveVerbs[p.lemma(parent)] && p.infinitive(h) {
			// "award $200,000 to the University to establish a program",
			// "provide resources to employers to attract a workforce":
			// who is given the means does the act.
			if r := p.recipient(parent); r >= 0 && r < h {
				return p.conjuncts(r), true
			}
		}
		if p.rel(h) == "xcomp" || p.rel(h) == "advcl" && p.controls(parent, h) && p.infinitive(h) {
			// Object control: in "urged the DPRK to cease" and "called on
			// Russia to withdraw" the one urged or called on does the
			// second act, however the parser attached the infinitive.
			if o := p.controller(parent); o >= 0 {
				return []int{o}, true
			}
		}
		if p.prevented(h) {
			// "kept X from doing": X is the one who does not.
			if o := p.child(parent, "obj"); o >= 0 {
				return []int{o}, true
			}
		}
		if p.rel(h) == "advcl" && p.xpos(h) == "VBN" && !strings.HasSuffix(p.rel(parent), "relcl") {
			// "welcomed the charter as reviewed by …": what is
			// reviewed is the object, not who welcomed it. On a
			// relative clause it is the antecedent ("the Guidelines,
			// which represent progress, as endorsed by …").
			if m := p.child(h, "mark"); m >= 0 && p.lower(m) == "as" {
				if o := p.child(parent, "obj"); o >= 0 {
					return []int{o}, true
				}
			}
		}
		if p.rel(h) == "conj" && !p.isPredicate(parent) {
			return nil, false
		}
		s, _ := p.subjectOf(parent, depth+1)
		return s, true
	case "acl", "acl:relcl":
		if m := p.child(h, "mark"); m >= 0 && p.rel(h) == "acl" && (p.lower(m) != "to" || infinitiveNouns[p.lemma(parent)]) {
			// A complement of the noun ("attempts to change borders",
			// "a role in keeping peace") takes its subject from whoever
			// attempts or plays the role, not from the noun.
			return nil, false
		}
		if m := p.child(h, "mark"); m >= 0 && p.lower(m) == "to" && p.rel(h) == "acl" && p.resource(parent) {
			// "USDA will provide $25M to strengthen the sector": money
			// does nothing; the one who provides it does, through it.
			if v := p.head(parent); v >= 0 && p.urel(parent) == "obj" && p.pos(v) == "VERB" {
				if r := p.recipient(v); r >= 0 && r < h && giveVerbs[p.lemma(v)] {
					return p.conjuncts(r), true // "$25M to states to strengthen …": the states do
				}
				s, _ := p.subjectOf(v, depth+1)
				return s, true
			}
		}
		return []int{parent}, true
	}
	return nil, false
}

// resource reports whether noun n is money or means that someone spends to
// an end: an amount ("$25M", "$1 billion") or a word for funds.
func (p *parse) resource(n int) bool {
	if p.pos(n) == "NUM" || p.pos(n) == "SYM" {
		return true
	}
	for _, k := range p.kids[n] {
		if p.rel(k) == "nummod" && strings.ContainsAny(p.s.Words[k].Text, "$€£") || p.s.Words[k].Text == "$" {
			return true
		}
	}
	return resourceNouns[p.lemma(n)]
}

var resourceNouns = wordSet(`funding fund funds money resource resources grant grants dollar dollars million
	billion investment investments assistance aid support financing loan loans award awards`)

// objectControl verbs give their object (or the noun of "call on X") as
// the doer of the infinitive that follows: "urge X to do", "ask X to do".
var objectControl = map[string]bool{"urge": true, "call": true, "ask": true, "encourage": true, "invite": true,
	"press": true, "request": true, "require": true, "enable": true, "allow": true, "help": true, "permit": true,
	"persuade": true, "compel": true, "force": true, "empower": true, "direct": true, "instruct": true,
	"challenge": true, "appeal": true, "implore": true, "exhort": true, "task": true, "authorize": true,
	"mobilize": true, "equip": true, "train": true, "inspire": true, "motivate": true,
	"recruit": true, "mandate": true, "assign": true, "commission": true, "charge": true, "tell": true, "remind": true}

// enablers give their object the doer of a "to" infinitive only: in
// "support the Mayor's Office to train 90 residents" the Office trains,
// but in "assist households while protecting taxpayers" the one who
// assists protects.
var enablers = wordSet(`support assist fund select prepare`)

// controls says whether verb g makes its object the doer of clause v.
func (p *parse) controls(g, v int) bool {
	return objectControl[p.lemma(g)] || enablers[p.lemma(g)] && p.infinitive(v)
}

// giveVerbs hand someone the means to an end: "provide funds to states to
// expand care".
var giveVerbs = wordSet(`provide give award grant offer deliver allocate distribute lend loan transfer
	donate supply disburse`)

// recipient is whom verb v gives to: a "to" phrase on the verb or on its
// object ("resources to employers"), naming someone, not a sum or a time;
// or -1.
func (p *parse) recipient(v int) int {
	to := func(k int) bool {
		c := p.child(k, "case")
		return c >= 0 && p.lower(c) == "to" && (p.pos(k) == "NOUN" || p.pos(k) == "PROPN") && !p.resource(k)
	}
	for _, k := range p.kids[v] {
		if p.rel(k) == "obl" && to(k) {
			return k
		}
	}
	if o := p.child(v, "obj"); o >= 0 {
		for _, k := range p.kids[o] {
			if p.rel(k) == "nmod" && to(k) {
				return k
			}
		}
	}
	return -1
}

// preventVerbs keep someone from an act: "prevent X from V-ing", "refrain
// from V-ing".
var preventVerbs = map[string]bool{"prevent": true, "stop": true, "keep": true, "bar": true, "ban": true,
	"block": true, "deter": true, "prohibit": true, "refrain": true, "discourage": true, "restrain": true,
	"preclude": true, "hinder": true, "dissuade": true, "restrict": true, "forbid": true, "exclude": true,
	"limit": true, "protect": true, "shield": true, "save": true, "spare": true, "exempt": true, "insulate": true,
	"safeguard": true}

// prevented reports whether verb h is the act a prevent verb keeps from
// happening: a gerund marked "from" modifying one.
func (p *parse) prevented(h int) bool {
	g := p.head(h)
	if g < 0 || p.rel(h) != "advcl" || p.xpos(h) != "VBG" || !preventVerbs[p.lemma(g)] {
		return false
	}
	m := p.child(h, "mark")
	return m >= 0 && p.lower(m) == "from"
}

// infinitive reports whether verb h has the marker "to".
func (p *parse) infinitive(h int) bool {
	m := p.child(h, "mark")
	return m >= 0 && p.lower(m) == "to" && p.pos(h) == "VERB"
}

// controller is the object of a control verb: its obj or iobj, or the
// noun of "call on", "appeal to", "press on".
func (p *parse) controller(v int) int {
	if o := p.child(v, "obj", "iobj"); o >= 0 {
		return o
	}
	for _, k := range p.kids[v] {
		if p.rel(k) != "obl" {
			continue
		}
		if c := p.child(k, "case"); c >= 0 {
			switch p.lower(c) {
			case "on", "upon", "to":
				if objectControl[p.lemma(v)] {
					return k
				}
			}
		}
	}
	return -1
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

// titles are words that name an office when written before a name.
var titles = map[string]bool{"president": true, "secretary": true, "minister": true, "senator": true,
	"governor": true, "king": true, "queen": true, "prince": true, "princess": true,
	"chairman": true, "ambassador": true, "judge": true, "mayor": true, "pope": true, "bishop": true,
	"commissioner": true, "chancellor": true, "premier": true, "sen.": true, "gov.": true}

// titleTuples turns "President Biden" into (Biden; is; President), as
// CaRB's gold writes a title. Like possessives they are surface tuples
// only: entity resolution reads titles its own way.
func (p *parse) titleTuples() []tuple {
	var out []tuple
	for i := range p.s.Words {
		n := p.head(i)
		if p.rel(i) != "compound" && p.rel(i) != "nmod:desc" || n <= i || p.pos(n) != "PROPN" || !titles[p.lower(i)] {
			continue
		}
		// The name is the run of proper nouns after the title: "President
		// Richard Nixon" names Richard Nixon.
		var name span
		for j := i + 1; j < len(p.s.Words) && p.pos(j) == "PROPN"; j++ {
			name = append(name, j)
		}
		if len(name) == 0 {
			continue
		}
		out = append(out, tuple{subj: name, obj: span{i}, verb: -1, objCase: -1, light: -1,
			copula: true, kind: "title", depth: p.depth(i)})
	}
	return out
}

// possessives turns "King 's grandmother" into (King; has; grandmother),
// as CaRB's gold writes a possessive. A pronoun owner is left out: the
// tuple would need the pronoun resolved to say anything. They are surface
// tuples only, kept out of tuples(): "has" read off a possessive is too
// loose a relation for the graph (a "move" or an "age" is not owned).
func (p *parse) possessives() []tuple {
	var out []tuple
	for i := range p.s.Words {
		if p.rel(i) != "nmod:poss" || p.pos(i) == "PRON" || p.pos(i) == "DET" {
			continue
		}
		n := p.head(i)
		if n < 0 || !p.nominal(n) {
			continue
		}
		owner := p.trim(p.subtree(i, func(k int) bool { return p.rel(k) == "case" && p.head(k) == i }))
		owned := p.trim(p.subtree(n, func(k int) bool {
			if k == i {
				return true
			}
			switch p.rel(k) {
			case "conj", "cc", "punct", "acl:relcl", "acl", "appos", "nmod", "det", "case":
				return p.head(k) == n
			}
			return false
		}))
		if len(owner) == 0 || len(owned) == 0 {
			continue
		}
		out = append(out, tuple{subj: owner, obj: owned, verb: -1, objCase: -1, light: -1,
			kind: "poss", depth: p.depth(i)})
	}
	return out
}

// clauseParts is a clause on its way to tuples: what clause's steps
// have read so far.
type clauseParts struct {
	t        tuple
	subjects []int // subject heads
	rel      span  // relation words
	objHeads []int // object heads, coordinated
	obls     []int // heads of further arguments
	iobj     int   // indirect object, -1 if none
	x        int   // verbal open complement, -1 if none
	adjX     bool  // x completes a copular adjective ("were able to …")
	xrel     span  // relation words from folded open complements
	copObj   span  // predicate nominal or adjective as the object
}

// clause builds the tuples of the clause headed by h: one per combination
// of coordinated subject and object.
func (p *parse) clause(h int, merged map[int]bool) []tuple {
	c := &clauseParts{t: tuple{verb: h, objCase: -1, light: -1, depth: p.depth(h), kind: p.rel(h)}, rel: span{h}, iobj: -1}
	// "prevented businesses from reaching their potential": the
	// businesses do not reach it.
	c.t.negated = p.prevented(h)
	c.subjects, c.t.inherit = p.subjectOf(h, 0)
	var out []tuple
	outer := p.clausalPredicate(h)
	if outer >= 0 {
		out = append(out, p.outerTuple(h, outer))
	}
	p.readChildren(h, c, outer)
	if !c.t.negated && p.sharesNegation(h) {
		c.t.negated = true
	}
	p.placeComplements(h, c)
	p.foldOpenComplement(h, c, merged)
	if p.sharedCopula(h) >= 0 {
		c.t.copula = true
	}
	if c.t.copula {
		p.copulaPredicate(h, c)
	}
	p.chooseObject(h, c)
	c.rel = append(c.rel, p.sharedXcompPrefix(h)...)
	t := c.t
	t.relWords = cleanSpan(c.rel)
	for _, o := range c.obls {
		t.extra = append(t.extra, arg{words: p.phrase(o), role: p.role(o)})
	}
	var objs []span
	switch {
	case c.copObj != nil:
		objs = []span{c.copObj}
	default:
		for _, o := range c.objHeads {
			sp := p.phrase(o)
			if p.rel(o) == "ccomp" || p.secondComplement(o) {
				sp = p.clausePhrase(o)
			}
			if t.objCase >= 0 || t.agent != nil || t.light >= 0 {
				sp = p.stripCase(sp)
			}
			if p.rel(o) == "ccomp" || p.secondComplement(o) {
				sp = p.stripMark(sp, o)
			}
			objs = append(objs, sp)
		}
	}
	if len(objs) == 0 {
		objs = []span{nil}
	}
	subjects := p.subjectSpans(h, c.subjects)
	lead := len(subjects) == 0 && p.items && p.bareItemVerb(h)
	if lead {
		subjects = []span{nil}
	}
	for _, s := range subjects {
		if len(s) == 0 && !lead {
			continue
		}
		for _, o := range objs {
			if len(o) == 0 && len(t.extra) == 0 {
				continue
			}
			tc := t
			tc.subj, tc.obj, tc.leadSubject = s, o, lead
			out = append(out, tc)
		}
	}
	return out
}

// bareItemVerb reports whether h is the bare verb of a list item, or one
// coordinated with it: "Require background checks … and close loopholes".
func (p *parse) bareItemVerb(h int) bool {
	if p.pos(h) != "VERB" || p.xpos(h) != "VB" {
		return false
	}
	for steps := 0; p.rel(h) == "conj" && steps < 8; steps++ {
		h = p.head(h)
	}
	return p.rel(h) == "root" && p.imperative()
}

// readChildren reads the verb group and the arguments off h's children,
// leaving out those of an outer tuple.
func (p *parse) readChildren(h int, c *clauseParts, outer int) {
	for _, k := range p.kids[h] {
		if outer >= 0 && (p.rel(k) == "cop" || k == outer || p.rel(k) == "mark") {
			continue // they belong to the outer tuple
		}
		switch p.rel(k) {
		case "aux", "aux:pass":
			c.rel = append(c.rel, k)
			if modals[p.lemma(k)] {
				c.t.modality = p.lemma(k)
			}
			if p.rel(k) == "aux:pass" {
				c.t.passive = true
			}
		case "cop":
			c.rel = append(c.rel, k)
			c.t.copula = true
		case "compound:prt":
			c.rel = append(c.rel, k)
		case "advmod":
			if p.inVerbGroup(h, k) {
				c.rel = append(c.rel, k)
			}
		case "nsubj:pass", "csubj:pass":
			c.t.passive = true
		case "obj":
			c.objHeads = p.conjuncts(k)
		case "iobj":
			c.iobj = k
		case "obl", "obl:unmarked", "obl:npmod", "obl:tmod":
			c.obls = append(c.obls, k)
		case "obl:agent":
			c.t.agent = p.stripCase(p.phrase(k))
			c.obls = append(c.obls, k)
		case "ccomp":
			c.obls = append(c.obls, k)
		case "advcl":
			if p.purpose(k) {
				c.obls = append(c.obls, k)
			}
		}
		if isNegation(p, k) {
			c.t.negated = true
			if no := p.noOf(k); no >= 0 {
				c.rel = append(c.rel, no)
			}
			c.rel = append(c.rel, k)
		}
	}
}

// sharesNegation reports whether conjunct verb h falls under the negation
// of the verb it is coordinated with: in "can't escape or eliminate the
// taxes" nothing is eliminated either. A conjunct with an auxiliary or a
// negation of its own, or one that "but" opposes, says its own polarity.
func (p *parse) sharesNegation(h int) bool {
	g := p.head(h)
	if p.rel(h) != "conj" || g < 0 || p.pos(h) != "VERB" || p.hasChild(h, "aux", "aux:pass", "nsubj", "nsubj:pass") {
		return false
	}
	for _, k := range p.kids[h] {
		if p.rel(k) == "cc" && p.lower(k) == "but" || isNegation(p, k) {
			return false
		}
	}
	for _, k := range p.kids[g] {
		if isNegation(p, k) && k < g {
			return true
		}
	}
	return false
}

// placeComplements settles the second and third arguments of the clause
// types with more than one (SVOO, SVOC), the reduced relative's "be", the
// light verb's noun and a relative pronoun as object.
func (p *parse) placeComplements(h int, c *clauseParts) {
	switch {
	case c.iobj >= 0 && len(c.objHeads) == 0:
		c.objHeads = p.conjuncts(c.iobj)
	case c.iobj >= 0:
		// SVOO: "gave Kyiv aid" relates the giver to the aid; the
		// recipient is a further argument.
		c.obls = append(c.obls, c.iobj)
	}
	if x := p.child(h, "xcomp"); x >= 0 && p.pos(x) != "VERB" && !c.t.copula {
		switch {
		case len(c.objHeads) > 0:
			// SVOC: "elected him president": the complement is a
			// further argument.
			c.obls = append(c.obls, x)
		case p.child(h, "ccomp") >= 0:
			// "made clear that …": the complement completes the verb.
			c.rel = append(c.rel, x)
		default:
			// "is called Curtis", "was elected president".
			c.objHeads = []int{x}
		}
	}
	if p.rel(h) == "acl" && p.child(h, "aux", "aux:pass", "cop", "mark") < 0 && !p.mistaggedMain(h) {
		c.t.be = p.participleBe(h)
		c.t.passive = c.t.passive || p.s.Words[h].XPOS == "VBN"
	}
	if len(c.objHeads) == 1 && lightVerbs[p.lemma(h)] {
		if n, cs := p.lightNoun(c.objHeads[0]); n >= 0 {
			// "expressed concern over X": the noun completes the verb,
			// and X is the object.
			c.t.light = c.objHeads[0]
			c.rel = append(c.rel, p.subtree(c.objHeads[0], func(k int) bool { return k == n || p.ownTuple(k) || p.rel(k) == "punct" })...)
			c.rel = append(c.rel, cs)
			c.objHeads = p.conjuncts(n)
		}
	}
	if isRelativePronounObj(p, c.objHeads) {
		// "the treaty that we signed": the object is the antecedent.
		if a := p.head(h); a >= 0 && strings.HasPrefix(p.rel(h), "acl") {
			c.objHeads = []int{a}
			c.subjects, c.t.inherit = p.ownSubject(h), false
		}
	}
}

// foldOpenComplement folds an open complement with no object of its own
// into the relation, so "pledged to coordinate closely with X" relates the
// subject to X. An adjective takes one too: "were able to reinforce the
// hotel". A chain folds whole: "pledged to continue expanding measures".
func (p *parse) foldOpenComplement(h int, c *clauseParts, merged map[int]bool) {
	c.x = p.openComplement(h)
	c.adjX = c.t.copula && p.pos(h) == "ADJ" && c.x >= 0
	if !(len(c.objHeads) == 0 && !c.t.copula || c.adjX) {
		return
	}
	for x := c.x; x >= 0; x = p.chainedComplement(x) {
		for _, k := range p.kids[x] {
			switch p.rel(k) {
			case "mark", "aux", "compound:prt":
				c.xrel = append(c.xrel, k)
			case "obj":
				c.objHeads = p.conjuncts(k)
			case "obl", "obl:unmarked", "obl:npmod", "ccomp":
				c.obls = append(c.obls, k)
			case "advcl":
				if p.purpose(k) {
					c.obls = append(c.obls, k)
				}
			case "advmod":
				if p.inVerbGroup(x, k) {
					c.xrel = append(c.xrel, k)
				}
			}
			if isNegation(p, k) {
				c.t.negated = true
				c.xrel = append(c.xrel, k)
			}
		}
		c.xrel = append(c.xrel, x)
		c.t.xcomp = append(c.t.xcomp, x)
		merged[x] = true
		if len(c.objHeads) > 0 {
			break
		}
	}
	c.rel = append(c.rel, c.xrel...)
}

// copulaPredicate makes the predicate nominal or adjective of a copula its
// object, and rebuilds the relation from the copula's verb group.
func (p *parse) copulaPredicate(h int, c *clauseParts) {
	sort.Ints(c.obls)
	copObj := p.subtree(h, func(k int) bool {
		switch p.urel(k) {
		case "nsubj", "csubj", "cop", "aux", "mark", "punct", "cc", "conj", "advcl", "parataxis", "obl", "advmod", "discourse":
			return p.head(k) == h
		case "xcomp":
			return k == c.x && c.adjX
		}
		return p.ownTuple(k)
	})
	c.rel = span{}
	group := h
	if g := p.sharedCopula(h); g >= 0 {
		group = g // the copula and its auxiliaries are the first conjunct's
	}
	for _, k := range p.kids[group] {
		switch p.rel(k) {
		case "cop", "aux", "aux:pass":
			c.rel = append(c.rel, k)
		}
		if isNegation(p, k) || p.rel(k) == "advmod" && p.inVerbGroup(group, k) {
			c.rel = append(c.rel, k)
		}
	}
	switch {
	case c.adjX:
		c.rel = append(c.rel, h)
		c.rel = append(c.rel, c.xrel...)
	case p.pos(h) == "ADJ" && len(c.obls) > 0 && p.rel(c.obls[0]) == "obl":
		// Keep an obl inside the predicate when the predicate is an
		// adjective: "are open to dialogue" gives relation "are open
		// to", object "dialogue".
		c.rel = append(c.rel, h)
	default:
		c.copObj = p.trim(copObj)
	}
}

// chooseObject finds an object for a clause without one: the first
// prepositional argument after the verb, a clausal complement, or the
// agent of a passive.
func (p *parse) chooseObject(h int, c *clauseParts) {
	sort.Ints(c.obls)
	if len(c.objHeads) == 0 && c.copObj == nil && c.t.agent == nil {
		// The preposition joins the relation.
		for i, o := range c.obls {
			if o < h || p.rel(o) == "ccomp" || p.rel(o) == "advcl" {
				continue
			}
			cs := p.child(o, "case")
			if cs < 0 && p.role(o) == "time" {
				// A bare noun phrase of time ("met today with …") is
				// no object; the next argument may be.
				continue
			}
			if cs < 0 {
				break
			}
			c.t.objCase = cs
			c.rel = append(c.rel, cs)
			c.objHeads = p.conjuncts(o)
			c.obls = append(c.obls[:i:i], c.obls[i+1:]...)
			break
		}
	}
	if len(c.objHeads) == 0 && c.copObj == nil && c.t.agent == nil {
		// A clausal complement is the object of a speech or cognition verb:
		// "affirmed that our resolve is our greatest deterrent".
		for i, o := range c.obls {
			if p.rel(o) == "ccomp" {
				c.objHeads = []int{o}
				// "affirmed that X and that Y": a second complement with
				// a "that" of its own is a second object.
				for _, k := range p.kids[o] {
					if p.secondComplement(k) {
						c.objHeads = append(c.objHeads, k)
					}
				}
				c.obls = append(c.obls[:i:i], c.obls[i+1:]...)
				// CaRB's gold writes "indicated that" as the relation.
				if m := p.child(o, "mark"); m >= 0 && p.lower(m) == "that" {
					c.rel = append(c.rel, m)
				}
				break
			}
		}
	}
	if c.t.agent != nil {
		// The agent becomes the object: "was released by" + "the Governments".
		for i, o := range c.obls {
			if p.rel(o) == "obl:agent" {
				c.rel = append(c.rel, p.child(o, "case"))
				c.objHeads = p.conjuncts(o)
				c.obls = append(c.obls[:i:i], c.obls[i+1:]...)
				break
			}
		}
	}
}

// subjectSpans turns the subject heads of clause h into argument spans.
func (p *parse) subjectSpans(h int, subjects []int) []span {
	var out []span
	acl := strings.HasPrefix(p.rel(h), "acl")
	for _, s := range subjects {
		var sp span
		switch rp := p.child(h, "nsubj", "nsubj:pass"); {
		case acl && s == p.head(h) && p.child(s, "cop") >= 0 && p.child(s, "nsubj") >= 0:
			// "X is an Australian footballer who plays …": the
			// footballer is X, and CaRB's gold names X.
			sp = p.phrase(p.child(s, "nsubj"))
		case !acl && rp >= 0 && rp != s && isRelativePronoun(p, rp):
			sp = p.nounOnly(s, h)
		case acl && s == p.head(h) && p.ofPhraseHead(s) >= 0:
			// "a total of seven issues spanning …": the modified noun
			// is the whole "of" phrase.
			sp = p.nounOnly(p.ofPhraseHead(s), h)
		case acl && s == p.head(h):
			// The antecedent alone, not its whole phrase with this
			// clause in it.
			sp = p.nounOnly(s, h)
		default:
			sp = p.phrase(s)
		}
		// An antecedent inside a prepositional phrase is named without
		// its preposition.
		out = append(out, p.stripCase(sp))
	}
	return out
}

// ofPhraseHead is the noun whose "of" phrase n heads ("a total" for
// "of seven issues"), or -1.
func (p *parse) ofPhraseHead(n int) int {
	g := p.head(n)
	if g < 0 || p.rel(n) != "nmod" || p.pos(g) == "VERB" {
		return -1
	}
	if c := p.child(n, "case"); c >= 0 && p.lower(c) == "of" {
		return g
	}
	return -1
}

// inVerbGroup says whether adverb k of clause h stands inside the verb
// group, between the subject or an auxiliary and the verb ("have also
// been", "strictly maintain"): CaRB's gold keeps such adverbs in the
// relation, while a sentence adverb ("However , …") or one after the verb
// stays out.
func (p *parse) inVerbGroup(h, k int) bool {
	if k >= h || k == 0 || p.pos(k) != "ADV" || isNegation(p, k) {
		return false
	}
	switch p.lower(k) {
	case "when", "where", "why", "how", "then", "however", "thus", "therefore", "so", "instead", "meanwhile", "now", "here", "there":
		return false
	}
	if p.s.Words[k].XPOS == "WRB" || p.pos(k-1) == "PUNCT" {
		return false
	}
	for j := k + 1; j < h; j++ {
		if p.head(j) != h && p.head(j) != k {
			return false
		}
		switch p.urel(j) {
		case "aux", "cop", "advmod":
		default:
			return false
		}
	}
	return true
}

// mistaggedMain says whether participle clause h is really the main verb
// the tagger took for a participle: "The two sides reaffirmed the vision"
// parsed as a noun phrase whose noun a participle modifies. A past
// participle seldom takes a direct object, and a sentence seldom is a bare
// noun phrase.
func (p *parse) mistaggedMain(h int) bool {
	n := p.head(h)
	if n < 0 || p.rel(n) != "root" || p.child(n, "cop") >= 0 || p.child(h, "obj") < 0 {
		return false
	}
	x := p.s.Words[h].XPOS
	return x == "VBN" || x == "VBD"
}

// participleBe is the "be" a reduced relative leaves out. A participle
// carries no tense, so the relation says "be", the form open IE systems
// use for a copula the sentence implies (CaRB's matcher takes it for any
// form of "be").
func (p *parse) participleBe(h int) string {
	switch p.s.Words[h].XPOS {
	case "VBN", "VBG":
		return "be"
	}
	return ""
}

// antecedent is the noun a misattached relative pronoun r refers to: the
// nearest noun before it, across a comma, or -1.
func (p *parse) antecedent(r int) int {
	for j := r - 1; j >= 0 && j >= r-3; j-- {
		if t := p.s.Words[j].Text; t == "''" || t == "”" {
			// A quoted title: the antecedent is the head of what the
			// quotes enclose, not its last word.
			return p.quotedHead(j)
		}
		switch p.pos(j) {
		case "NOUN", "PROPN":
			return j
		case "PUNCT":
			continue
		}
		return -1
	}
	return -1
}

// openComplement is the verbal open complement of h that takes h's
// subject ("pledged to deepen"), or -1.
func (p *parse) openComplement(h int) int {
	x := p.child(h, "xcomp")
	if x < 0 || p.pos(x) != "VERB" || p.child(x, "nsubj", "nsubj:pass") >= 0 {
		return -1
	}
	return x
}

// aspectual verbs take a gerund as their open complement ("continue
// expanding"); after any other verb an "-ing" complement is more likely a
// parse of an adjective ("address pressing issues").
var aspectual = map[string]bool{"continue": true, "keep": true, "start": true, "begin": true, "stop": true,
	"resume": true, "finish": true, "cease": true, "quit": true}

// chainedComplement is the open complement of folded complement x that
// folds too: an infinitive, or a gerund after an aspectual verb; or -1.
func (p *parse) chainedComplement(x int) int {
	y := p.openComplement(x)
	if y < 0 {
		return -1
	}
	if m := p.child(y, "mark"); m >= 0 && p.lower(m) == "to" || aspectual[p.lemma(x)] {
		return y
	}
	return -1
}

// sharedXcompPrefix is what a verb coordinated with a folded open
// complement shares with it: in "pledged to deepen X and further enhance
// Y" the second verb's relation is "pledged to further enhance" too.
func (p *parse) sharedXcompPrefix(h int) span {
	if p.rel(h) != "conj" || p.child(h, "nsubj", "nsubj:pass") >= 0 {
		return nil
	}
	x := p.head(h)
	if x < 0 || p.rel(x) != "xcomp" || p.pos(x) != "VERB" || p.child(x, "nsubj", "nsubj:pass") >= 0 {
		return nil
	}
	g := p.head(x)
	if g < 0 || p.child(g, "obj", "iobj") >= 0 {
		return nil
	}
	adj := p.child(g, "cop") >= 0
	if adj && p.pos(g) != "ADJ" {
		return nil
	}
	out := span{g}
	for _, k := range p.kids[g] {
		switch p.rel(k) {
		case "aux", "aux:pass", "cop", "compound:prt":
			out = append(out, k)
		}
		if isNegation(p, k) || p.rel(k) == "advmod" && p.inVerbGroup(g, k) {
			out = append(out, k)
		}
	}
	if m := p.child(x, "mark"); m >= 0 {
		out = append(out, m)
	}
	return out
}

// lightVerbs say little by themselves: the noun after them carries the
// meaning ("expressed concern over", "made an offer on", "pay tribute to").
var lightVerbs = map[string]bool{"express": true, "voice": true, "make": true, "take": true, "give": true,
	"pay": true, "offer": true, "extend": true, "lend": true, "show": true}

// lightNoun finds, for the object o of a light verb, the prepositional
// phrase n that completes it and its preposition c; n is -1 when o has
// none or is a name or a coordination.
func (p *parse) lightNoun(o int) (n, c int) {
	if p.pos(o) != "NOUN" || p.child(o, "conj") >= 0 {
		return -1, -1
	}
	for _, k := range p.kids[o] {
		if p.rel(k) == "nmod" && k > o {
			if c := p.child(k, "case"); c >= 0 && c > o && p.lower(c) != "of" {
				return k, c
			}
		}
	}
	return -1, -1
}

// clausalPredicate finds "X is that Y …", where a copula takes a whole
// clause as its predicate: the parser heads it by Y's verb, with X as
// nsubj:outer and "is" before the clause's "that". It returns X, or -1.
// Read as one clause it gives relations like "is are".
func (p *parse) clausalPredicate(h int) int {
	o := p.child(h, "nsubj:outer")
	c, m := p.child(h, "cop"), p.child(h, "mark")
	if o < 0 || c < 0 || m < c || p.child(h, "nsubj", "nsubj:pass", "csubj") < 0 {
		return -1
	}
	return o
}

// outerTuple is (X; is; Y …) for the clausal predicate of h whose outer
// subject is o.
func (p *parse) outerTuple(h, o int) tuple {
	c, m := p.child(h, "cop"), p.child(h, "mark")
	rel := span{c}
	for _, k := range p.kids[h] {
		if isNegation(p, k) && k < m {
			rel = append(rel, k)
		}
	}
	obj := p.subtree(h, func(k int) bool {
		return p.head(k) == h && (k == o || k == c || k == m || p.rel(k) == "punct" || isNegation(p, k) && k < m)
	})
	return tuple{subj: p.phrase(o), relWords: cleanSpan(rel), obj: p.trim(obj), verb: h, objCase: -1, light: -1,
		copula: true, depth: p.depth(h), kind: p.rel(h)}
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
		if p.head(k) != n {
			return false
		}
		switch p.urel(k) {
		case "punct":
			// Quotes stay: they are part of a quoted title.
			return !isQuote(p.s.Words[k].Text)
		case "conj", "cc", "acl", "appos":
			return true
		case "nsubj", "csubj", "cop", "aux", "mark", "advcl", "parataxis", "ccomp", "xcomp", "obl", "expl", "discourse", "obj":
			// n is a predicate nominal ("X were Kilmacud Crokes , who …"):
			// its clause is not part of the noun.
			return true
		}
		return false
	}))
}

// stripCase drops a leading preposition that moved into the relation.
func (p *parse) stripCase(sp span) span {
	stripped := map[int]bool{}
	// A preposition of more than one word goes whole: "such as",
	// "according to".
	for len(sp) > 0 && (p.rel(sp[0]) == "case" || p.rel(sp[0]) == "mark" || p.rel(sp[0]) == "fixed" && stripped[p.head(sp[0])]) {
		stripped[sp[0]] = true
		sp = sp[1:]
	}
	return sp
}

// stripMark drops "that" from a complement clause: CaRB's gold puts it in
// the relation ("indicated that"), never in the argument.
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
// titled reports whether name h has a title word among its words
// ("President", "Secretary of State").
func (p *parse) titled(h int) bool {
	for _, j := range p.phrase(h) {
		if titleWords[p.lower(j)] {
			return true
		}
	}
	return false
}

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
		if p.wordCount(obj) <= 1 && isAcronym(p.s.Words[i].Text) || p.pos(i) == "NUM" || p.pos(i) == "SYM" || p.pos(i) == "PUNCT" {
			continue
		}
		// "Office of Personnel Management, Director Kiran Ahuja": a list
		// entry, an office and its holder named with the holder's
		// title. The office is no person; the title says what she is
		// (a fact of its own).
		if p.pos(i) == "PROPN" && p.titleBefore(i) {
			continue
		}
		// An apposition is a noun phrase: "(virtually)" or "(virtual)"
		// after a name says how someone took part.
		if p.pos(i) == "ADJ" || p.pos(i) == "ADV" || p.pos(i) == "VERB" {
			continue
		}
		// Two names side by side are a list the parser read as
		// apposition ("Department of Transportation, Secretary Pete
		// Buttigieg - Department of the Interior …"), or one thing named
		// twice; neither says that one is the other. A title is the
		// exception ("Biden, President of the United States"), and so is
		// a noun that says what a name is ("Hamas, a terrorist group").
		if p.pos(n) == "PROPN" && p.pos(i) == "PROPN" && !p.titled(n) && !p.titled(i) && !p.post(i) {
			continue
		}
		if p.pos(n) == "NUM" || p.isTimeWord(n) || nameSuffixes[p.lower(i)] {
			continue // "four years, vice …"; "Joseph R. Biden, Jr."
		}
		subj := p.stripCase(p.nounOnly(n, i))
		if p.acrossItems(span{n}, span{i}) || p.acrossItems(subj, obj) {
			continue
		}
		out = append(out, tuple{subj: subj, obj: obj, verb: -1, objCase: -1, light: -1,
			copula: true, kind: "appos", depth: p.depth(i)})
	}
	return out
}

// post says whether word i, capitalized as a name, names a post someone
// holds or is put up for: "Nickolas Guertin, Nominee for Director …".
func (p *parse) post(i int) bool {
	w := p.lower(i)
	return w == "nominee" || w == "candidate" || roleWords[w]
}

// titleBefore reports whether name i is written with a title before it
// ("Director Kiran Ahuja"): a title word among its compounds.
func (p *parse) titleBefore(i int) bool {
	for _, k := range p.kids[i] {
		if k < i && (p.rel(k) == "compound" || p.rel(k) == "flat") && titleWords[p.lower(k)] {
			return true
		}
	}
	return false
}

// acrossItems reports whether a semicolon separates two phrases. In a list
// of participants or nominees ("the Secretary of Foreign Affairs, Alicia
// Bárcena; the Secretary of the Interior, …") semicolons end the items,
// and an apposition the parser drew from one item to another pairs a
// name with someone else's office.
func (p *parse) acrossItems(a, b span) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	lo, hi := a[len(a)-1], b[0]
	if b[len(b)-1] < a[0] {
		lo, hi = b[len(b)-1], a[0]
	}
	for j := lo + 1; j < hi; j++ {
		if p.s.Words[j].Text == ";" {
			return true
		}
	}
	return false
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

// render writes tuple t as a surface extraction; ok is false when it has
// no relation, no subject or nothing after the subject.
func (p *parse) render(text string, t tuple) (e Extraction, ok bool) {
	e = Extraction{Relation: p.text(text, t.relWords), Confidence: confidence(p, t)}
	if t.be != "" && e.Relation != "" {
		e.Relation = t.be + " " + e.Relation
	}
	switch t.kind {
	case "appos", "title":
		e.Relation = "is"
	case "poss":
		e.Relation = "has"
	}
	e.Args = append(e.Args, p.text(text, t.subj))
	if len(t.obj) > 0 {
		e.Args = append(e.Args, p.text(text, t.obj))
	}
	for _, a := range t.extra {
		if x := p.text(text, a.words); x != "" {
			e.Args = append(e.Args, x)
		}
	}
	if e.Relation == "" || e.Args[0] == "" || len(e.Args) < 2 {
		return e, false
	}
	return e, true
}

// wordCount counts the words of sp that are not punctuation: "( MDT )" is
// one word.
func (p *parse) wordCount(sp span) int {
	n := 0
	for _, j := range sp {
		if p.pos(j) != "PUNCT" {
			n++
		}
	}
	return n
}

func (p *parse) xpos(i int) string { return p.s.Words[i].XPOS }

// hasChild says whether i has a child with any of the relations rels.
func (p *parse) hasChild(i int, rels ...string) bool { return p.child(i, rels...) >= 0 }

// infinitiveNouns take an infinitive as their complement ("attempts to
// change", "measures to cooperate"): an infinitive right after one
// completes the noun, not the verb the parser hung it on.
var infinitiveNouns = map[string]bool{"attempt": true, "effort": true, "plan": true, "decision": true,
	"ability": true, "right": true, "need": true, "opportunity": true, "intention": true, "bid": true,
	"pledge": true, "promise": true, "willingness": true, "readiness": true, "determination": true,
	"capacity": true, "chance": true, "desire": true, "failure": true, "refusal": true, "proposal": true,
	"measure": true, "step": true, "move": true, "agreement": true, "commitment": true, "initiative": true}

// clausePhrase is the complement clause headed by o as the object of a
// reporting verb: with the verbs coordinated with its own, which share
// its subject ("that any attack is unacceptable and will result in …"),
// but not a second complement with a "that" of its own ("that law
// applies and that an attack could …"), which is an object of its own.
func (p *parse) clausePhrase(o int) span {
	own := func(k int) bool { return p.head(k) == o && p.secondComplement(k) }
	sp := p.subtree(o, func(k int) bool {
		if p.head(k) != o {
			return p.ownTuple(k)
		}
		switch p.rel(k) {
		case "conj":
			return own(k)
		case "punct":
			return !p.innerPunct(k)
		case "cc":
			// The "and" before a second complement goes with it.
			for _, c := range p.kids[o] {
				if own(c) && c > k {
					return true
				}
			}
		}
		return p.ownTuple(k)
	})
	return p.trim(sp)
}

// quotedHead is the head of the phrase that the closing quote q ends:
// the word between the quotes whose head lies outside them, or -1.
func (p *parse) quotedHead(q int) int {
	open := -1
	for j := q - 1; j >= 0; j-- {
		if t := p.s.Words[j].Text; t == "``" || t == "“" {
			open = j
			break
		}
	}
	if open < 0 {
		return -1
	}
	for j := open + 1; j < q; j++ {
		if h := p.head(j); (h < open || h > q) && p.pos(j) != "PUNCT" {
			if p.nominal(j) {
				return j
			}
			return -1
		}
	}
	return -1
}

// purpose says whether k is an infinitive of purpose after its verb
// ("expand exercises to ensure a response"): CaRB-style gold keeps it as
// a further argument of the clause it serves.
func (p *parse) purpose(k int) bool {
	if p.rel(k) != "advcl" || p.pos(k) != "VERB" || k < p.head(k) || p.hasChild(k, "nsubj", "nsubj:pass") {
		return false
	}
	m := p.child(k, "mark")
	return m >= 0 && p.lower(m) == "to" && m == k-1
}

// secondComplement says whether k is a complement clause coordinated with
// another, with a "that" of its own: "… that law applies and that an
// attack could …".
func (p *parse) secondComplement(k int) bool {
	h := p.head(k)
	if p.rel(k) != "conj" || h < 0 || p.rel(h) != "ccomp" {
		return false
	}
	m := p.child(k, "mark")
	return m >= 0 && p.lower(m) == "that"
}

// between says whether noun a is the object of "between", which wants a
// conjunct of its own.
func (p *parse) between(a int) bool {
	c := p.child(a, "case")
	return c >= 0 && p.lower(c) == "between"
}
