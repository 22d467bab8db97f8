package data

import _ "embed"

// ParserModel is the gzipped dependency-parser model of package nlp/parse
// (format in nlp/parse/model.go). It reads the supertags of
// SupertaggerModel; regenerate the two, with the tagger they were trained
// with, by
//
//	go run ./cmd/kgraph train --ewt ../shared/data/ud-english-ewt --text ../shared/corpus/wh-statements.jsonl.gz
//
// from the repository root (about 50 minutes on two cores).
//
//go:embed models/parser.bin.gz
var ParserModel []byte
