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
