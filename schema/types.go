package schema

// Document is one input text with its metadata. ID is what names it in the
// graph; building a document with an ID already stored replaces it when the
// text differs and does nothing when it is the same.
type Document struct {
	ID    string
	Title string
	Date  string
	URL   string
	Text  string
}

// Sentence is one sentence of a document. N is 1-based; a line break always
// ends a sentence, so the title line of a text file is sentence 1.
type Sentence struct {
	N          int
	Text       string
	Start, End int // byte offsets of Text in Document.Text
	// Mentions are the canonical labels of the entities the sentence names,
	// whether or not a fact links them ("Russian support" names Russia).
	Mentions []string
}

// Entity is one real-world thing (or concept) the document talks about,
// after alias and reference resolution. Label is the canonical name; the IRI
// is derived from it (EntityIRI), so two mentions with the same canonical
// label are one node across documents.
type Entity struct {
	Label        string
	Type         string   // one of the Type* constants; "" when unknown
	Aliases      []Alias  // other names, each with the sentence that gives it
	Titles       []string // for persons: "U.S. Secretary of State"
	Affiliations []string // for persons: labels of organizations or countries
}

// Alias is another name of an entity and the sentence (number) that
// establishes it; 0 when it comes from the gazetteer rather than the text.
type Alias struct {
	Name     string
	Sentence int
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
	Subject     string
	Predicate   string
	Object      string
	Sentence    int     // number of the sentence that says it
	Confidence  float64 // in [0,1]; ranks facts, higher is surer
	Negated     bool
	Modality    string   // "will", "may", "should" …; "" for none
	Time        string   // temporal argument as written
	Place       string   // locative argument as written
	Extra       []string // further arguments as written
	Relation    string   // the relation as written, e.g. "reaffirmed"
	SubjectText string   // the subject as written
	ObjectText  string   // the object as written
	// Unresolved marks a fact whose subject is a reference (a pronoun, "both
	// sides") that could not be resolved; Subject then holds the surface text.
	Unresolved bool
}

// Result is everything extracted from one document.
type Result struct {
	// Extractor names what extracted the result and its version. With the
	// document it identifies the result: storing the same document again
	// changes nothing unless the text or the extractor changed.
	Extractor string
	Document  Document
	Sentences []Sentence
	Entities  []Entity // every entity a fact or alias mentions
	Facts     []Fact
}

// Polarity is "negative" for a negated fact and "positive" otherwise, the
// words the facts table uses.
func (f Fact) Polarity() string {
	if f.Negated {
		return "negative"
	}
	return "positive"
}
