package data

import _ "embed"

// Gazetteer is the embedded table of known names (alias, canonical name,
// type; tab-separated, # comments) that entity resolution starts from.
//
//go:embed gazetteer.tsv
var Gazetteer []byte

// Groups lists standing groups and their members (group<TAB>member;member),
// so that a group's statement knows who "we" are.
//
//go:embed groups.tsv
var Groups []byte

// GivenNames lists first names seen after a title in the statements
// corpus, one a line (# comments), so that an untitled "Karine
// Jean-Pierre" is known for a person. go run ./data/internal/givennames
// regenerates it.
//
//go:embed given-names.txt
var GivenNames []byte

// Terms lists concept keys of several words ("supply chain resilience")
// that recur across documents of the statements corpus, one a line (#
// comments); extract keys any other concept by its head noun. go run
// ./data/internal/terms regenerates it.
//
//go:embed terms.txt
var Terms []byte

// Verbs lists base forms of verbs from the statements corpus, one a line
// (# comments), that the lemmatizer's training words lack ("convene").
// go run ./data/internal/verbs regenerates it.
//
//go:embed verbs.txt
var Verbs []byte
