package data

import _ "embed"

// ParserModel is the gzipped dependency-parser model of package nlp/parse
// (format in nlp/parse/model.go). Regenerate it, after any change to the
// tagger, with
//
//	go run ./nlp/parse/internal/train
//
// from the repository root (about 15 minutes on one core; see that command's
// doc for its flags).
//
//go:embed models/parser.bin.gz
var ParserModel []byte
