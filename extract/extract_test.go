package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sentence builds a parsed sentence from "word/UPOS/head/deprel[/lemma]"
// items, so that clause rules are tested apart from the parser.
func sentence(t *testing.T, spec string) (string, nlp.Sentence) {
	t.Helper()
	var b strings.Builder
	var s nlp.Sentence
	for i, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		if len(f) < 4 {
			t.Fatalf("bad item %q", item)
		}
		head, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatal(err)
		}
		lemma := strings.ToLower(f[0])
		if len(f) > 4 {
			lemma = f[4]
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(f[0])
		s.Words = append(s.Words, nlp.Word{Text: f[0], Start: start, End: b.Len(), SpaceAfter: true,
			UPOS: f[1], Lemma: lemma, Head: head, Deprel: f[3]})
	}
	s.End = b.Len()
	return b.String(), s
}

func TestGazetteer_Lookup(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"U.S.", "United States", true},
		{"the United States of America", "United States", true},
		{"democratic people’s republic of korea", "Democratic People's Republic of Korea", true},
		{"Russian", "Russia", true},
		{"WHO", "World Health Organization", true},
		{"who", "", false}, // the pronoun names nothing
		{"us", "", false},
		{"Atlantis", "", false},
	}
	for _, tt := range tests {
		e, ok := g.Lookup(tt.name)
		if ok != tt.ok || e.Canonical != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.name, e.Canonical, ok, tt.want, tt.ok)
		}
	}
}

func TestGazetteer_Read(t *testing.T) {
	g := DefaultGazetteer().Clone()
	in := "# mine\nthe Alliance\tU.S.-ROK Alliance\tOrganization\n\nKimchi Accord\tKimchi Accord\tAgreement\n"
	if err := g.Read(strings.NewReader(in), "mine.tsv"); err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Lookup("Alliance"); !ok || e.Canonical != "U.S.-ROK Alliance" {
		t.Errorf("user alias not found: %+v", e)
	}
	if _, ok := DefaultGazetteer().Lookup("Kimchi Accord"); ok {
		t.Error("Clone shares entries with the default")
	}
	if err := g.Read(strings.NewReader("a\tb\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("err = %v, want one naming bad.tsv:1", err)
	}
}

func TestMatchAcronym(t *testing.T) {
	tests := []struct {
		words, acr string
		want       int
	}{
		{"the Republic of Korea", "ROK", 1},
		{"the Mutual Defense Treaty", "MDT", 1},
		{"Democratic People's Republic of Korea", "DPRK", 0},
		{"the UN Security Council", "UNSC", 1},
		{"weapons of mass destruction", "WMD", 0},
		{"a bilateral forum", "NCG", -1},
	}
	for _, tt := range tests {
		var ws []nlp.Word
		for _, w := range strings.Fields(strings.ReplaceAll(tt.words, "'s", " 's")) {
			ws = append(ws, nlp.Word{Text: w})
		}
		if got := matchAcronym(ws, tt.acr); got != tt.want {
			t.Errorf("matchAcronym(%q, %q) = %d, want %d", tt.words, tt.acr, got, tt.want)
		}
	}
}

// The seed statement's extractions are a golden file, so that every change
// to them shows in review. go test ./extract -update rewrites it.
func TestExtract_seedGolden(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Extract(context.Background(), schema.Document{ID: "statement", Text: data.Statement})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sentences) != 73 {
		t.Errorf("%d sentences, want 73", len(res.Sentences))
	}
	types := entityTypes(res)
	// An argument shows as a facts table shows it, a concept's node {in braces}.
	arg := func(label, text string) string {
		if s := schema.Shown(label, types[label], text); s != label {
			return s + " {" + label + "}"
		}
		return label
	}
	var b strings.Builder
	for _, f := range res.Facts {
		flag := ""
		if f.Unresolved {
			flag = "\tunresolved"
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%.2f\t%s%s\n", f.Sentence, arg(f.Subject, f.SubjectText), f.Predicate,
			arg(f.Object, f.ObjectText), f.Confidence, f.Polarity(), flag)
	}
	got := b.String()
	const golden = "testdata/statement.facts.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("extractions differ from %s (go test ./extract -update rewrites it):\n%s", golden, diffLines(string(want), got))
	}

	// The parties of the joint statement stand in for its group references.
	found := false
	for _, f := range res.Facts {
		if f.Sentence == 4 && f.Subject == "Republic of Korea" && f.Predicate == "reaffirm" {
			found = true
		}
	}
	if !found {
		t.Error(`sentence 4 ("The two sides reaffirmed …") gives no fact with subject Republic of Korea`)
	}
}

// diffLines lists the lines only one side has, enough to read a change.
func diffLines(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

func FuzzGazetteerRead(f *testing.F) {
	f.Add("US\tUnited States\tCountry\n# comment\n")
	f.Add("a\tb\n")
	f.Fuzz(func(t *testing.T, in string) {
		g := NewGazetteer()
		if err := g.Read(strings.NewReader(in), "fuzz.tsv"); err != nil {
			return
		}
		// Every canonical name read is found again.
		for _, line := range strings.Split(in, "\n") {
			f := strings.Split(strings.TrimRight(line, "\r"), "\t")
			if len(f) != 3 || strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(f[1]) == "" {
				continue
			}
			if _, ok := g.Lookup(strings.TrimSpace(f[1])); !ok && Key(f[1]) != "" {
				t.Errorf("canonical %q not found after reading %q", f[1], in)
			}
		}
	})
}

// FuzzExtract feeds the extractor, repairs and all, arbitrary text: it
// must not panic, and every fact must name a sentence of the document with
// a subject, a predicate and a confidence in [0,1].
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The two sides reaffirmed the shared vision, common values, and unwavering commitment.",
		"Building on this progress, the Secretaries and Ministers pledged to expand exercises.",
		"ASEAN-led mechanisms such as the East Asia Summit, and the Forum Plus, remain central.",
		"Any attack by X against the A or its allies is unacceptable and will result in the end.",
		"in managing, implementing, and enforcing the terms , , and",
		"- led - - by and and or such as",
		"Mr. A. B. C. D. E. said that \"it\" (was) — re-led.",
		cycleSentence,
	} {
		f.Add(s)
	}
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := p.Extract(t.Context(), schema.Document{ID: "fuzz", Text: text})
		if err != nil {
			return
		}
		for _, fa := range res.Facts {
			if fa.Sentence < 1 || fa.Sentence > len(res.Sentences) {
				t.Errorf("fact %q|%q|%q names sentence %d of %d", fa.Subject, fa.Predicate, fa.Object, fa.Sentence, len(res.Sentences))
			}
			if fa.Subject == "" || fa.Predicate == "" || fa.Confidence < 0 || fa.Confidence > 1 {
				t.Errorf("incomplete fact %+v", fa)
			}
		}
	})
}

// cycleSentence, from the White House corpus, once led a repair to hang a
// word below its own dependent, and the walk over the tree overflowed the
// stack.
const cycleSentence = "And is that factoring into any of the timing right now of when the President plans to deliver?"

func TestRepair_leavesATree(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{cycleSentence, data.Statement} {
		for _, s := range p.ann.Annotate(text) {
			if pp := newParse(s); pp.cyclic() {
				t.Errorf("repairs left a cycle in %q", text[s.Start:s.End])
			}
		}
	}
}
