// Package schema is the contract between extraction and storage: the Go
// types an extractor produces and the names under which the graph stores
// them.
//
// Package extract fills a Result; package graph turns it into quads. Neither
// knows the other: every node name, predicate and provenance rule lives here,
// and docs/schema.md describes the same contract for analysts.
//
// Names are short IRIs with the scheme "kg", so that an analyst can type them
// in Gizmo and RDF tools still accept them:
//
//	kg:e/united-states          an entity (person, country, concept …)
//	kg:p/reaffirm               a predicate: the lemma of a relation
//	kg:d/statement              a document
//	kg:s/statement/4            sentence 4 of that document
//	kg:f/statement/4/2          the statement node of fact 2 of sentence 4
//	kg:t/Country                an entity type
//	kg:label, kg:type, …        the schema's own predicates (see Pred*)
package schema

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scheme is the IRI scheme of every name kgraph writes.
const Scheme = "kg:"

// The schema's own predicates. Every one is an IRI without angle brackets.
const (
	PredLabel      = "kg:label"       // node → its human-readable name
	PredAlias      = "kg:alias"       // entity → another name it goes by (quad label: the sentence that says so)
	PredType       = "kg:type"        // entity → kg:t/<Type>
	PredTitle      = "kg:title"       // person entity → a title, e.g. "U.S. Secretary of State"
	PredAffiliated = "kg:affiliation" // person entity → organization or country entity
	PredMentions   = "kg:mentions"    // sentence → entity it names

	PredText      = "kg:text"      // sentence → its text
	PredNumber    = "kg:number"    // sentence → its number in the document, 1-based
	PredDocument  = "kg:document"  // sentence → its document
	PredID        = "kg:id"        // document → its id
	PredDate      = "kg:date"      // document → date, as given
	PredURL       = "kg:url"       // document → url, as given
	PredHash      = "kg:hash"      // document → content hash, to tell a re-run from a new version
	PredSentences = "kg:sentences" // document → sentence count

	PredSubject     = "kg:subject"     // statement → subject entity
	PredPredicate   = "kg:predicate"   // statement → predicate IRI
	PredObject      = "kg:object"      // statement → object entity
	PredSentence    = "kg:sentence"    // statement → sentence it came from
	PredConfidence  = "kg:confidence"  // statement → float in [0,1]
	PredPolarity    = "kg:polarity"    // statement → "negative" (absent means positive)
	PredModality    = "kg:modality"    // statement → modal verb, e.g. "will", "may"
	PredTime        = "kg:time"        // statement → temporal argument text
	PredPlace       = "kg:place"       // statement → locative argument text
	PredArgument    = "kg:argument"    // statement → any further argument text
	PredRelation    = "kg:relation"    // statement → the relation as written
	PredResolved    = "kg:resolved"    // statement → "false" when the subject is an unresolved reference
	PredSubjectText = "kg:subjectText" // statement → the subject as written
	PredObjectText  = "kg:objectText"  // statement → the object as written
)

// Entity types (issue: one node per real-world entity).
const (
	TypeCountry      = "Country"
	TypeOrganization = "Organization"
	TypePerson       = "Person"
	TypeAgreement    = "Agreement"
	TypeLocation     = "Location"
	TypeEvent        = "Event"
	TypeProgram      = "Program"
	TypeConcept      = "Concept"
	// The node types that are not entities.
	TypeDocument  = "Document"
	TypeSentence  = "Sentence"
	TypeStatement = "Statement" // not written since statements are told by kg:predicate; earlier stores have it
	TypePredicate = "Predicate"
)

// EntityIRI names the entity whose canonical label is label.
func EntityIRI(label string) string { return Scheme + "e/" + Slug(label) }

// PredicateIRI names the predicate whose lemma is lemma ("commit to" → kg:p/commit-to).
func PredicateIRI(lemma string) string { return Scheme + "p/" + Slug(lemma) }

// TypeIRI names an entity type.
func TypeIRI(t string) string { return Scheme + "t/" + t }

// DocumentIRI names a document by its id.
func DocumentIRI(doc string) string { return Scheme + "d/" + escapeSegment(doc) }

// SentenceIRI names sentence n (1-based) of a document.
func SentenceIRI(doc string, n int) string {
	return Scheme + "s/" + escapeSegment(doc) + "/" + strconv.Itoa(n)
}

// StatementIRI names fact i (1-based, in extraction order) of sentence n.
func StatementIRI(doc string, n, i int) string {
	return Scheme + "f/" + escapeSegment(doc) + "/" + strconv.Itoa(n) + "/" + strconv.Itoa(i)
}

// Slug turns a label into the last segment of an IRI: lower case, accents
// folded, letters and digits kept (any script), every other run of
// characters one hyphen.
// "Republic of Korea" → "republic-of-korea"; "U.S.-ROK Alliance" → "u-s-rok-alliance".
func Slug(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			// "People's" → "peoples", not "people-s".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// escapeSegment keeps a document id readable in an IRI while making it safe:
// characters outside the unreserved set are percent-encoded, so no id can
// inject a space, '>' or a path separator into an IRI.
func escapeSegment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(s[i]), 16)))
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~", r)):
			b.WriteRune(r)
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, c := range buf[:n] {
				b.WriteString("%")
				if c < 0x10 {
					b.WriteByte('0')
				}
				b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(c), 16)))
			}
		}
		i += size
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// Fold drops the accents of a name, so that its spellings with and without
// them name one thing: "Martínez" and "Martinez", "Calderón" and
// "Calderon" (statements write a name both ways).
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
