// Package extract turns English prose into subject–predicate–object facts.
//
// It sits between the NLP core (package nlp, which splits, tags, lemmatizes
// and parses) and the store (package graph, which it never imports): the
// output is a schema.Result, the contract both sides share.
//
// The flow for one document goes down through these stages, each in its
// own file: text, plain text, parses, mended parses, surface tuples, facts
// and entities.
//
//   - markup.go blanks Markdown and HTML byte for byte, so offsets hold, and
//     ends a sentence at every item of a bulleted list; dateline.go blanks a
//     press release's "WASHINGTON –";
//   - repair.go mends the parser's recurring errors in place (each repair
//     tested on a hand-built tree in repair_test.go, apart from the parser);
//   - clause.go reads clauses off the mended tree into tuples; nominal.go
//     folds light nouns into predicates ("reaffirm commitment to") and reads
//     facts out of noun phrases;
//   - canon.go turns tuples into facts with canonical entities, using
//     gazetteer.go (known names), persons.go (names and titles) and
//     speakers.go (who "we", "I" and "the President" are in this document);
//   - plausible.go is the last check on each fact: it drops those a reader
//     spots as broken rather than keep a wrong fact;
//   - confidence.go scores extractions and, last of all, drops the facts
//     the extractor is least sure of; factconf.go then scores each fact
//     kept from its clause's score and what resolution made of it (fitted
//     on the judged dev samples by fit_test.go).
//
// Surface tuples (Extraction) keep the words as written, the form the CaRB
// benchmark scores; facts carry canonical entity labels and lemmatized
// predicates, the form the graph stores. Any extractor that implements
// Extractor plugs into graph loading and the CLI unchanged.
package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/schema"
)

// Extractor turns one document into facts.
type Extractor interface {
	Extract(ctx context.Context, doc schema.Document) (schema.Result, error)
}

// Annotator runs the NLP core: *nlp.Pipeline implements it. Annotate splits
// text into sentences (a line break always ends one); AnnotateSentence
// takes text that is already one sentence.
type Annotator interface {
	Annotate(text string) []nlp.Sentence
	AnnotateSentence(text string) nlp.Sentence
}

// Extraction is one surface extraction: a relation and its arguments as
// written in the sentence, the first argument being the subject.
type Extraction struct {
	Relation   string
	Args       []string
	Confidence float64
}

// Pipeline is kgraph's extractor: clause-based open information extraction
// over a dependency parse, then entity and predicate normalization.
type Pipeline struct {
	ann    Annotator
	opts   Options
	people people // persons named in full in documents learnt so far
	// observe, when set, sees every fact with the features it is scored
	// by (fit_test.go).
	observe func(schema.Fact, map[string]float64)
}

// Options adjust a Pipeline.
type Options struct {
	// Gazetteer names known entities; nil means DefaultGazetteer().
	Gazetteer *Gazetteer
	// Lines takes every line of a document as one sentence, never split
	// further (for benchmarks whose sentences come one a line).
	Lines bool
	// Terms lists the concept keys of more than one word that stay whole
	// ("supply chain resilience", "nuclear weapons"); any other concept is
	// keyed by its head noun alone (concept.go). Nil means DefaultTerms().
	Terms map[string]bool
	// AllTerms keeps every concept key whole, as data/terms.txt is made.
	AllTerms bool
	// Unsure keeps the facts below MinConfidence that Extract drops
	// otherwise (confidence.go).
	Unsure bool
}

var _ Extractor = (*Pipeline)(nil)

// New returns an extractor over ann.
func New(ann Annotator, opts Options) *Pipeline {
	if opts.Gazetteer == nil {
		opts.Gazetteer = DefaultGazetteer()
	}
	// A private copy: Learn adds to it.
	opts.Gazetteer = opts.Gazetteer.Clone()
	if opts.Terms == nil {
		opts.Terms = DefaultTerms()
	}
	return &Pipeline{ann: ann, opts: opts, people: people{bySurname: map[string]string{}}}
}

// Learn adds the names a document defined ("Nuclear Consultative Group
// (NCG)") to the pipeline's gazetteer, and the persons it named in full,
// so that later documents resolve them too ("Biden" alone). It must not run while Extract does.
func (p *Pipeline) Learn(res schema.Result) {
	for _, e := range res.Entities {
		if e.Type == schema.TypePerson {
			p.people.learn(e.Label, e.Titles)
		}
		for _, a := range e.Aliases {
			if e.Type == schema.TypePerson && !strings.Contains(a.Name, " ") {
				continue // a surname alone means someone else in another document
			}
			if a.Sentence > 0 {
				p.AddName(a.Name, e.Label, e.Type)
			}
		}
	}
}

// LoneSurnames returns the persons of res known by a surname alone
// ("Morawiecki"): the document named no one of that surname in full, and
// no document before it did. So are persons known by a short form that
// stands for more than one given name ("Tony Blinken"), which a later
// document may write out.
func LoneSurnames(res schema.Result) []string {
	var out []string
	for _, e := range res.Entities {
		if e.Type == schema.TypePerson && (!strings.Contains(e.Label, " ") || shortForm(e.Label)) {
			out = append(out, e.Label)
		}
	}
	return out
}

// Resolves reports whether a person that a document knew by a surname
// alone (LoneSurnames) has since been named in full by a document the
// pipeline learnt: extracting the document again may give the person
// under the full name (when the surname, or a title with it, names one
// person; see people). Like Learn, it must
// not run beside Extract.
func (p *Pipeline) Resolves(surnames []string) bool {
	for _, s := range surnames {
		if strings.Contains(s, " ") {
			// The name a short form stands for was written out.
			if who := p.people.lookupFull(s); who != "" && who != s {
				return true
			}
			continue
		}
		// A full name of the surname was learnt: the surname alone, or
		// a title with it, may name that person now.
		if p.people.docs[Key(s)] != nil {
			return true
		}
	}
	return false
}

// AddName teaches the pipeline another name for an entity, unless the name
// is known already (the gazetteer and earlier names win).
func (p *Pipeline) AddName(alias, canonical, typ string) {
	if _, known := p.opts.Gazetteer.Lookup(alias); known || alias == "" || canonical == "" {
		return
	}
	p.opts.Gazetteer.Add(GazEntry{Alias: alias, Canonical: canonical, Type: typ})
}

// Default returns the extractor with the embedded models and gazetteer.
func Default() (*Pipeline, error) { return NewDefault(Options{}) }

// NewDefault returns the extractor with the embedded models and opts.
func NewDefault(opts Options) (*Pipeline, error) {
	ann, err := nlp.Default()
	if err != nil {
		return nil, fmt.Errorf("load NLP models: %w", err)
	}
	return New(ann, opts), nil
}

// sentences annotates text, by lines when the options say so.
func (p *Pipeline) sentences(text string) []nlp.Sentence {
	if !p.opts.Lines {
		return p.ann.Annotate(text)
	}
	var out []nlp.Sentence
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		if strings.TrimSpace(line) != "" {
			s := p.ann.AnnotateSentence(line)
			for i := range s.Words {
				s.Words[i].Start += off
				s.Words[i].End += off
			}
			s.Start, s.End = s.Start+off, s.End+off
			if len(s.Words) > 0 {
				out = append(out, s)
			}
		}
		off = end + 1
	}
	return out
}

// Version names this extractor in every Result (schema.Result.Extractor).
// Bump it when a change to the rules or models should replace the facts of
// documents already stored.
const Version = "kgraph-extract/0.6"

// Extract extracts the facts of one document.
func (p *Pipeline) Extract(ctx context.Context, doc schema.Document) (schema.Result, error) {
	res := schema.Result{Extractor: Version, Document: doc}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	plain := blankDateline(blankMarkup(doc.Text), p.opts.Gazetteer)
	sents := p.sentences(plain)
	var title *nlp.Sentence
	if strings.TrimSpace(doc.Title) != "" {
		t := p.ann.AnnotateSentence(doc.Title)
		title = &t
	}
	doc.Text = plain // the original stays in res.Document
	d := newDocState(p.opts.Gazetteer, &p.people, doc, title, sents)
	d.terms, d.allTerms = p.opts.Terms, p.opts.AllTerms
	d.observe = p.observe
	for i, s := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		n := i + 1
		res.Sentences = append(res.Sentences, schema.Sentence{N: n, Text: res.Document.Text[s.Start:s.End], Start: s.Start, End: s.End,
			Mentions: d.mentions(s)})
		d.readTurn(res.Sentences[i].Text, strings.HasPrefix(res.Document.Text[s.End:], ":"))
		if foreign(s) || shouted(s) {
			continue // kept as a sentence, read for no facts
		}
		pr := newParse(s)
		// After a list's lead-in ("The Plan will:") a bare verb's doer
		// is the lead-in's subject.
		pr.items = d.lead != nil
		ts := pr.tuples()
		if len(ts) == 0 {
			d.heading(n, pr)
		}
		d.facts(n, pr, ts)
	}
	res.Facts = d.otherPerson(d.out)
	if !p.opts.Unsure {
		res.Facts = d.confident(res.Facts)
	}
	d.rescore(res.Facts)
	d.out = res.Facts
	res.Entities = d.entityList(res.Sentences)
	return res, nil
}

// ExtractSentence returns the surface extractions of text taken as one
// sentence, best first.
func (p *Pipeline) ExtractSentence(text string) []Extraction {
	s := p.ann.AnnotateSentence(text)
	return surface(text, newParse(s))
}

// ExtractText splits text into sentences (by lines, when Options.Lines is
// set) and returns each one's text with its surface extractions.
func (p *Pipeline) ExtractText(text string) (sentences []string, extractions [][]Extraction) {
	for _, s := range p.sentences(text) {
		sentences = append(sentences, text[s.Start:s.End])
		extractions = append(extractions, surface(text, newParse(s)))
	}
	return sentences, extractions
}

// surface renders the tuples of a sentence as written, the form CaRB
// scores. The has- and is-tuples read off possessives and titles are
// surface tuples only: facts get them, if at all, from entity resolution.
func surface(text string, pr *parse) []Extraction {
	var out []Extraction
	seen := map[string]bool{}
	ts := append(pr.tuples(), pr.possessives()...)
	for _, t := range append(ts, pr.titleTuples()...) {
		e, ok := pr.render(text, t)
		if !ok {
			continue
		}
		key := e.Relation + "\x00" + strings.Join(e.Args, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, e)
	}
	return out
}

// text renders a span as written: a contiguous run is the exact slice of
// the input, and a gap between words becomes one space.
func (pr *parse) text(text string, sp span) string {
	if len(sp) == 0 {
		return ""
	}
	var b strings.Builder
	start := sp[0]
	for i := 1; i <= len(sp); i++ {
		if i < len(sp) && sp[i] == sp[i-1]+1 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[pr.s.Words[start].Start:pr.s.Words[sp[i-1]].End])
		if i < len(sp) {
			start = sp[i]
		}
	}
	out := b.String()
	if strings.Contains(out, "  ") {
		// Blanked markup (markup.go) leaves runs of spaces.
		out = strings.Join(strings.Fields(out), " ")
	}
	return out
}
