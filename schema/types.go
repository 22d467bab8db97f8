package schema

import "strings"

// Document is one input text with its metadata. ID is what names it in the
// graph; building a document with an ID already stored replaces it when the
// text differs and does nothing when it is the same.
type Document struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
	Text  string `json:"text"`
}

// Sentence is one sentence of a document. N is 1-based; a line break always
// ends a sentence, so the title line of a text file is sentence 1.
type Sentence struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	// Start and End are the byte offsets of Text in Document.Text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Mentions are the canonical labels of the entities the sentence names,
	// whether or not a fact links them ("Russian support" names Russia).
	Mentions []string `json:"mentions"`
}

// Entity is one real-world thing (or concept) the document talks about,
// after alias and reference resolution. Label is the canonical name; the IRI
// is derived from it (EntityIRI), so two mentions with the same canonical
// label are one node across documents.
type Entity struct {
	Label        string   `json:"label"`
	Type         string   `json:"type"`         // one of the Type* constants; "" when unknown
	Aliases      []Alias  `json:"aliases"`      // other names, each with the sentence that gives it
	Titles       []string `json:"titles"`       // for persons: "U.S. Secretary of State"
	Affiliations []string `json:"affiliations"` // for persons: labels of organizations or countries
}

// Alias is another name of an entity and the sentence (number) that
// establishes it; 0 when it comes from the gazetteer rather than the text.
type Alias struct {
	Name     string `json:"name"`
	Sentence int    `json:"sentence"`
}

// IRI is the entity's node name.
func (e Entity) IRI() string { return EntityIRI(e.Label) }

// Fact is one subject–predicate–object statement with its provenance.
//
// Subject and Object are canonical entity labels. Predicate is the
// normalized relation: the lowercase lemma of the verb with any particle or
// preposition ("reaffirm", "commit to"). Whatever a triple cannot hold sits in
// the other fields, which the graph stores on the fact's statement node.
type Fact struct {
	Subject    string   `json:"subject"`
	Predicate  string   `json:"predicate"`
	Object     string   `json:"object"`
	Sentence   int      `json:"sentence"`   // number of the sentence that says it
	Confidence float64  `json:"confidence"` // in [0,1]; ranks facts, higher is surer
	Negated    bool     `json:"negated"`
	Modality   string   `json:"modality"` // "will", "may", "should" …; "" for none
	Time       string   `json:"time"`     // temporal argument as written
	Place      string   `json:"place"`    // locative argument as written
	Extra      []string `json:"extra"`    // further arguments as written
	Relation   string   `json:"relation"` // the relation as written, e.g. "reaffirmed"
	// The arguments as written; for a concept, whose label is only its head
	// phrase, the phrase the fact is about, within the fact's bounds.
	SubjectText string `json:"subject_text"`
	ObjectText  string `json:"object_text"`
	// Unresolved marks a fact whose subject is a reference (a pronoun, "both
	// sides") that could not be resolved; Subject then holds the surface text.
	Unresolved bool `json:"unresolved"`
}

// Result is everything extracted from one document.
type Result struct {
	// Extractor names what extracted the result and its version. With the
	// document it identifies the result: storing the same document again
	// changes nothing unless the text or the extractor changed.
	Extractor string     `json:"extractor"`
	Document  Document   `json:"document"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Entity   `json:"entities"` // every entity a fact or alias mentions
	Facts     []Fact     `json:"facts"`
}

// Polarity is "negative" for a negated fact and "positive" otherwise, the
// words the facts table uses.
func (f Fact) Polarity() string {
	if f.Negated {
		return "negative"
	}
	return "positive"
}

// Shown is how a facts table shows a fact's subject or object. A named entity is
// shown by its label. A concept's label is only its head phrase
// ("implementation", the node that gathers every wording of it), which says
// too little beside a subject and a predicate, so a concept is shown as
// the fact writes it, without a leading article or possessive ("continued
// implementation of commitments") when that is known.
func Shown(label, typ, text string) string {
	if typ != TypeConcept || strings.TrimSpace(text) == "" {
		return label
	}
	text = strings.Join(strings.Fields(text), " ")
	for {
		first, rest, ok := strings.Cut(text, " ")
		if !ok || !leadingDeterminers[strings.ToLower(first)] {
			return text
		}
		text = rest
	}
}

var leadingDeterminers = map[string]bool{"the": true, "a": true, "an": true, "our": true, "their": true,
	"its": true, "his": true, "her": true, "my": true, "your": true, "this": true, "these": true,
	"that": true, "those": true}
