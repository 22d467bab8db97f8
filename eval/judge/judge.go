// Package judge measures the precision of extracted facts as a person would
// judge them, on documents nobody tuned the extractor to.
//
// The measure has three steps, each a plain TSV file so that people (or
// fresh helpers who see nothing else) can do the middle one:
//
//  1. Sample draws a seeded random sample of facts from a set of results
//     and writes each fact beside its sentence (WriteSample).
//  2. A judge marks every item C (the sentence asserts it and the subject is
//     the right real-world entity), P (the right relation, argument
//     boundaries off) or W (anything else): one line "id<TAB>C|P|W[<TAB>why]".
//  3. Score reads the sample and any number of judgement files and reports
//     precision = (C + ½P)/n for each judge, their agreement, and the
//     precision of the top half of the sample by confidence.
//
// Items are keyed by what they say (document, sentence, subject, predicate,
// object), not only by their number, so a judgement made on one sample
// carries over to the same fact in a later sample (Carry).
package judge

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/schema"
)

// Item is one sampled fact with the sentence that says it.
type Item struct {
	ID         int
	Document   string
	Sentence   int
	Confidence float64
	Subject    string
	Predicate  string
	Object     string
	Negated    bool
	Text       string // the sentence
}

// Key identifies what an item says, whatever sample it is in.
func (it Item) Key() string {
	neg := ""
	if it.Negated {
		neg = "not "
	}
	return strings.Join([]string{it.Document, strconv.Itoa(it.Sentence), it.Subject, neg + it.Predicate, it.Object}, "\x1f")
}

// Coverage counts what the sampled population looks like: how many facts
// each sentence gets and how many sentences get none. Sentences counts
// prose sentences only (see prose), Units every text unit of four words
// or more, list items and headings included; Facts counts every resolved
// fact.
type Coverage struct {
	Documents, Sentences, SentencesWithFact, Facts int
	Units, UnitsWithFact                           int
}

// FactsPerSentence is Facts/Sentences.
func (c Coverage) FactsPerSentence() float64 {
	if c.Sentences == 0 {
		return 0
	}
	return float64(c.Facts) / float64(c.Sentences)
}

// SentenceShare is the share of sentences with at least one fact.
func (c Coverage) SentenceShare() float64 {
	if c.Sentences == 0 {
		return 0
	}
	return float64(c.SentencesWithFact) / float64(c.Sentences)
}

// UnitShare is the share of units of four words or more with a fact.
func (c Coverage) UnitShare() float64 {
	if c.Units == 0 {
		return 0
	}
	return float64(c.UnitsWithFact) / float64(c.Units)
}

// words counts the words with a letter in them.
func words(text string) int {
	n := 0
	for _, w := range strings.Fields(text) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// prose reports whether a unit is a sentence a reader expects facts from:
// four words or more, ending as a sentence ends (". ! ?", maybe inside a
// quote or bracket), with a word in lower case. A heading, a list of names
// ("Senator Cory Booker (NJ)"), a sign-off in capitals, a dateline or the
// "# # #" that ends a release is not.
func prose(text string) bool {
	if words(text) < 4 {
		return false
	}
	t := strings.TrimRight(text, " \t\"'”’)]*")
	if t == "" || !strings.ContainsAny(t[len(t)-1:], ".!?") {
		return false
	}
	for _, w := range strings.Fields(text) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// Population is every fact a sample may draw, in a fixed order, with the
// coverage of the results it came from. Facts whose subject is an
// unresolved reference are left out, as the facts table leaves them out.
func Population(results []schema.Result) ([]Item, Coverage) {
	var items []Item
	var cov Coverage
	for _, r := range results {
		cov.Documents++
		text := map[int]string{}
		types := map[string]string{}
		for _, e := range r.Entities {
			types[e.Label] = e.Type
		}
		for _, s := range r.Sentences {
			text[s.N] = s.Text
			if prose(s.Text) {
				cov.Sentences++
			}
			if words(s.Text) >= 4 {
				cov.Units++
			}
		}
		with := map[int]bool{} // prose sentences with a fact
		unitWith := map[int]bool{}
		for _, f := range r.Facts {
			if f.Unresolved {
				continue
			}
			cov.Facts++
			if prose(text[f.Sentence]) {
				with[f.Sentence] = true
			}
			if words(text[f.Sentence]) >= 4 {
				unitWith[f.Sentence] = true
			}
			items = append(items, Item{
				Document: r.Document.ID, Sentence: f.Sentence, Confidence: f.Confidence,
				Subject: schema.Shown(f.Subject, types[f.Subject], f.SubjectText), Predicate: f.Predicate, Object: schema.Shown(f.Object, types[f.Object], f.ObjectText), Negated: f.Negated,
				Text: text[f.Sentence],
			})
		}
		cov.SentencesWithFact += len(with)
		cov.UnitsWithFact += len(unitWith)
	}
	return items, cov
}

// Sample draws n items at random with the given seed, without replacement,
// and numbers them from 1 in document order. The same population and seed
// give the same sample.
func Sample(pop []Item, n int, seed int64) []Item {
	idx := rand.New(rand.NewSource(seed)).Perm(len(pop))
	if n < len(idx) {
		idx = idx[:n]
	}
	sort.Ints(idx)
	out := make([]Item, len(idx))
	for i, j := range idx {
		out[i] = pop[j]
		out[i].ID = i + 1
	}
	return out
}

const sampleHeader = "id\tdocument\tsentence\tconfidence\tsubject\tpredicate\tobject\tpolarity\ttext"

// WriteSample writes items as TSV with a header.
func WriteSample(w io.Writer, items []Item) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, sampleHeader)
	for _, it := range items {
		pol := "positive"
		if it.Negated {
			pol = "negative"
		}
		fmt.Fprintf(bw, "%d\t%s\t%d\t%.3f\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.Document, it.Sentence, it.Confidence,
			clean(it.Subject), clean(it.Predicate), clean(it.Object), pol, clean(it.Text))
	}
	return bw.Flush()
}

func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// ReadSample reads what WriteSample wrote.
func ReadSample(r io.Reader) ([]Item, error) {
	var out []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || n == 1 && strings.HasPrefix(line, "id\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 9 {
			return nil, fmt.Errorf("line %d: %d fields, want 9 (%s)", n, len(f), strings.ReplaceAll(sampleHeader, "\t", ", "))
		}
		id, err1 := strconv.Atoi(f[0])
		sid, err2 := strconv.Atoi(f[2])
		conf, err3 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("line %d: id, sentence and confidence must be numbers", n)
		}
		out = append(out, Item{ID: id, Document: f[1], Sentence: sid, Confidence: conf,
			Subject: f[4], Predicate: f[5], Object: f[6], Negated: f[7] == "negative", Text: f[8]})
	}
	return out, sc.Err()
}

// Mark is one judgement.
type Mark byte

const (
	Correct Mark = 'C'
	Partly  Mark = 'P'
	Wrong   Mark = 'W'
)

// Value is what a mark counts for in precision.
func (m Mark) Value() float64 {
	switch m {
	case Correct:
		return 1
	case Partly:
		return 0.5
	}
	return 0
}

// Judgements maps item ids to marks.
type Judgements map[int]Mark

// ReadJudgements reads "id<TAB>C|P|W[<TAB>why]" lines; a header line
// starting with "id" and lines starting with "#" are skipped.
func ReadJudgements(r io.Reader) (Judgements, error) {
	out := Judgements{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || n == 1 && strings.HasPrefix(line, "id") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want id<TAB>C|P|W", n)
		}
		id, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if err != nil {
			return nil, fmt.Errorf("line %d: id %q is not a number", n, f[0])
		}
		m := strings.ToUpper(strings.TrimSpace(f[1]))
		if m != "C" && m != "P" && m != "W" {
			return nil, fmt.Errorf("line %d: judgement %q, want C, P or W", n, f[1])
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("line %d: item %d judged twice", n, id)
		}
		out[id] = Mark(m[0])
	}
	return out, sc.Err()
}

// Carry moves judgements made on an earlier sample to the items of a new
// sample that say the same thing; the rest of the new sample is left for a
// judge.
func Carry(old []Item, oldJ Judgements, sample []Item) Judgements {
	byKey := map[string]Mark{}
	for _, it := range old {
		if m, ok := oldJ[it.ID]; ok {
			byKey[it.Key()] = m
		}
	}
	out := Judgements{}
	for _, it := range sample {
		if m, ok := byKey[it.Key()]; ok {
			out[it.ID] = m
		}
	}
	return out
}

// Precision is (C + ½P)/n over the items a judge marked, with its counts.
type Precision struct {
	N, C, P, W int
}

// Value is (C + ½P)/N, 0 for no items.
func (p Precision) Value() float64 {
	if p.N == 0 {
		return 0
	}
	return (float64(p.C) + 0.5*float64(p.P)) / float64(p.N)
}

func (p Precision) String() string {
	return fmt.Sprintf("%.3f (n=%d: %d C, %d P, %d W)", p.Value(), p.N, p.C, p.P, p.W)
}

func precision(items []Item, j Judgements) Precision {
	var p Precision
	for _, it := range items {
		m, ok := j[it.ID]
		if !ok {
			continue
		}
		p.N++
		switch m {
		case Correct:
			p.C++
		case Partly:
			p.P++
		default:
			p.W++
		}
	}
	return p
}

// Report is what Score finds.
type Report struct {
	Items    int
	Judges   []string
	Each     []Precision // one for each judge, all items
	TopHalf  []Precision // one for each judge, the half of items with the highest confidence
	Mean     float64     // mean of the judges' precision
	MeanTop  float64     // mean of the judges' top-half precision
	Agree    float64     // share of items every judge marked the same (over items all judged)
	Kappa    float64     // Cohen's kappa for two judges; 0 otherwise
	Missing  []int       // item ids some judge did not mark
	Unknown  []int       // judged ids not in the sample
	Disputed []int       // items the judges marked differently
}

// TopHalf returns the ceil(n/2) items with the highest confidence; ties go
// to the earlier item so the split is stable.
func TopHalf(items []Item) []Item {
	s := append([]Item(nil), items...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Confidence > s[j].Confidence })
	return s[:(len(s)+1)/2]
}

// Score compares judges on one sample.
func Score(items []Item, names []string, js []Judgements) Report {
	rep := Report{Items: len(items), Judges: names}
	top := TopHalf(items)
	inSample := map[int]bool{}
	for _, it := range items {
		inSample[it.ID] = true
	}
	for _, j := range js {
		p, t := precision(items, j), precision(top, j)
		rep.Each = append(rep.Each, p)
		rep.TopHalf = append(rep.TopHalf, t)
		rep.Mean += p.Value() / float64(len(js))
		rep.MeanTop += t.Value() / float64(len(js))
		for id := range j {
			if !inSample[id] {
				rep.Unknown = append(rep.Unknown, id)
			}
		}
	}
	both, same := 0, 0
	for _, it := range items {
		var marks []Mark
		for _, j := range js {
			if m, ok := j[it.ID]; ok {
				marks = append(marks, m)
			}
		}
		if len(marks) < len(js) {
			rep.Missing = append(rep.Missing, it.ID)
			continue
		}
		both++
		agree := true
		for _, m := range marks[1:] {
			agree = agree && m == marks[0]
		}
		if agree {
			same++
		} else {
			rep.Disputed = append(rep.Disputed, it.ID)
		}
	}
	if both > 0 {
		rep.Agree = float64(same) / float64(both)
	}
	if len(js) == 2 {
		rep.Kappa = kappa(items, js[0], js[1])
	}
	sort.Ints(rep.Unknown)
	return rep
}

// kappa is Cohen's kappa over the items both judges marked: agreement
// beyond what the judges' own mark frequencies give by chance.
func kappa(items []Item, a, b Judgements) float64 {
	marks := []Mark{Correct, Partly, Wrong}
	var n, obs float64
	fa, fb := map[Mark]float64{}, map[Mark]float64{}
	for _, it := range items {
		ma, okA := a[it.ID]
		mb, okB := b[it.ID]
		if !okA || !okB {
			continue
		}
		n++
		if ma == mb {
			obs++
		}
		fa[ma]++
		fb[mb]++
	}
	if n == 0 {
		return 0
	}
	var chance float64
	for _, m := range marks {
		chance += fa[m] / n * fb[m] / n
	}
	if chance == 1 {
		return 1
	}
	return (obs/n - chance) / (1 - chance)
}

// Write prints the report.
func (r Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "items %d\n", r.Items)
	for i, name := range r.Judges {
		fmt.Fprintf(bw, "judge %s: precision %s; top half by confidence %s\n", name, r.Each[i], r.TopHalf[i])
	}
	fmt.Fprintf(bw, "mean precision %.3f; top half %.3f\n", r.Mean, r.MeanTop)
	if len(r.Judges) > 1 {
		fmt.Fprintf(bw, "agreement %.3f (kappa %.3f); %d items disputed\n", r.Agree, r.Kappa, len(r.Disputed))
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(bw, "not judged by every judge: %d items %v\n", len(r.Missing), r.Missing)
	}
	if len(r.Unknown) > 0 {
		fmt.Fprintf(bw, "judged but not in the sample: %v\n", r.Unknown)
	}
	return bw.Flush()
}
