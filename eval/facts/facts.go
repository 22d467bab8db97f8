// Package facts measures how many of an analyst's expected facts a graph
// holds, after entity and reference resolution.
//
// A gold fact is (sentence, subject, predicate, object) with canonical
// names, as in ../shared/bench/seed/dev-facts-gold.tsv. Matching is lenient
// where surface forms legitimately differ and strict where resolution
// matters: the subject must be the right entity, while the predicate and
// object may be worded differently (see Found).
package facts

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Gold is one expected fact.
type Gold struct {
	Line      int // line in the gold file
	Sentence  int
	Subject   string
	Predicate string
	Object    string
	Note      string
}

// Fact is one fact of the graph, with every name its subject and object
// entities go by.
type Fact struct {
	Document     string
	Sentence     int
	Subject      string   // canonical label, or the surface text if unresolved
	SubjectNames []string // label and aliases
	Predicate    string
	Object       string
	ObjectNames  []string
	Unresolved   bool
}

// ReadGold reads a gold file: a header line, then
// sid<TAB>subject<TAB>predicate<TAB>object[<TAB>note].
func ReadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || n == 1 && strings.HasPrefix(line, "sid\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("line %d: %d fields, want sid, subject, predicate, object", n, len(f))
		}
		sid, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if err != nil {
			return nil, fmt.Errorf("line %d: sentence %q is not a number", n, f[0])
		}
		g := Gold{Line: n, Sentence: sid, Subject: strings.TrimSpace(f[1]), Predicate: strings.TrimSpace(f[2]), Object: strings.TrimSpace(f[3])}
		if len(f) > 4 {
			g.Note = f[4]
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Cause says why a gold fact was missed.
type Cause string

const (
	NoFact      Cause = "no fact from that sentence"
	NoSubject   Cause = "subject not resolved"
	NoPredicate Cause = "predicate differs"
	NoObject    Cause = "object differs"
)

// Causes lists the causes in the order a report prints them.
var Causes = []Cause{NoFact, NoSubject, NoPredicate, NoObject}

// Report is the outcome of Evaluate.
type Report struct {
	Total, Found int
	Misses       map[Cause][]Gold
	// ReferenceSubjects counts graph facts whose subject is still a pronoun
	// or group reference (unresolved).
	ReferenceSubjects int
}

// Recall is Found/Total, 0 for no gold.
func (r Report) Recall() float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Found) / float64(r.Total)
}

// Evaluate matches every gold fact against the graph's facts.
func Evaluate(gold []Gold, facts []Fact) Report {
	bySentence := map[int][]Fact{}
	rep := Report{Total: len(gold), Misses: map[Cause][]Gold{}}
	for _, f := range facts {
		bySentence[f.Sentence] = append(bySentence[f.Sentence], f)
		if f.Unresolved {
			rep.ReferenceSubjects++
		}
	}
	for _, g := range gold {
		cause, ok := match(g, bySentence)
		if ok {
			rep.Found++
			continue
		}
		rep.Misses[cause] = append(rep.Misses[cause], g)
	}
	return rep
}

// match finds g among the facts of its sentence and the two beside it (to
// forgive a splitter that cuts differently), or says what came closest.
func match(g Gold, bySentence map[int][]Fact) (Cause, bool) {
	var near []Fact
	for s := g.Sentence - 1; s <= g.Sentence+1; s++ {
		near = append(near, bySentence[s]...)
	}
	if len(near) == 0 {
		return NoFact, false
	}
	best := NoSubject
	for _, f := range near {
		if f.Unresolved || !hasName(f.SubjectNames, f.Subject, g.Subject) {
			continue
		}
		if !predicateMatches(g.Predicate, f) {
			best = NoPredicate
			continue
		}
		if objectMatches(g.Object, f) {
			return "", true
		}
		best = NoObject
	}
	return best, false
}

func hasName(names []string, label, want string) bool {
	if sameName(label, want) {
		return true
	}
	for _, n := range names {
		if sameName(n, want) {
			return true
		}
	}
	return false
}

func sameName(a, b string) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
	}
	return norm(a) == norm(b)
}

// copular are the predicates a gold "be" accepts: the copula itself and
// the title and identity relations kgraph writes.
var copular = map[string]bool{"be": true, "title": true, "serve as": true, "become": true, "remain": true, "is": true}

// predicateMatches: the fact's predicate contains the gold predicate's main
// verb, or its object contains it as a noun (a light verb: "reaffirm —
// unwavering commitment to X" for "commit to — X"); a gold "be" accepts any
// copular or title predicate.
func predicateMatches(goldPred string, f Fact) bool {
	words := strings.Fields(strings.ToLower(goldPred))
	if len(words) == 1 && words[0] == "be" {
		p := strings.ToLower(f.Predicate)
		return copular[p] || strings.HasPrefix(p, "be ")
	}
	verb := ""
	for _, w := range words {
		if w != "be" && w != "to" {
			verb = w
			break
		}
	}
	if verb == "" {
		return false
	}
	return containsWord(f.Predicate, verb) || containsWord(f.Object, verb)
}

// objectMatches: the fact's object is the gold object's entity, or shares
// at least half of its content words.
func objectMatches(goldObj string, f Fact) bool {
	if hasName(f.ObjectNames, f.Object, goldObj) {
		return true
	}
	want := contentWords(goldObj)
	if len(want) == 0 {
		return false
	}
	have := contentWords(f.Object)
	for _, n := range f.ObjectNames {
		have = append(have, contentWords(n)...)
	}
	shared := 0
	for _, w := range want {
		for _, h := range have {
			if stem(w) == stem(h) {
				shared++
				break
			}
		}
	}
	return 2*shared >= len(want)
}

// stem is a word's first four letters: "commitment" and "committed" match.
func stem(w string) string {
	w = strings.ToLower(w)
	r := []rune(w)
	if len(r) > 4 {
		r = r[:4]
	}
	return string(r)
}

func containsWord(text, word string) bool {
	for _, w := range words(text) {
		if stem(w) == stem(word) {
			return true
		}
	}
	return false
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
}

var stopwords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "to": true,
	"in": true, "on": true, "for": true, "with": true, "by": true, "its": true, "their": true, "our": true, "as": true,
	"at": true, "from": true, "that": true, "this": true, "these": true, "those": true, "s": true}

func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if !stopwords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// Write prints the report: recall, the misses grouped by cause, and the
// count of facts whose subject is still a reference.
func (r Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "recall %.3f (%d of %d gold facts)\n", r.Recall(), r.Found, r.Total)
	for _, c := range Causes {
		ms := r.Misses[c]
		if len(ms) == 0 {
			continue
		}
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Line < ms[j].Line })
		fmt.Fprintf(bw, "missed, %s: %d\n", c, len(ms))
		for _, g := range ms {
			fmt.Fprintf(bw, "  %d\t%s\t%s\t%s\n", g.Sentence, g.Subject, g.Predicate, g.Object)
		}
	}
	fmt.Fprintf(bw, "facts with a pronoun or group reference as subject: %d\n", r.ReferenceSubjects)
	return bw.Flush()
}
