package data

import _ "embed"

// Gazetteer is the embedded table of known names (alias, canonical name,
// type; tab-separated, # comments) that entity resolution starts from.
//
//go:embed gazetteer.tsv
var Gazetteer []byte
