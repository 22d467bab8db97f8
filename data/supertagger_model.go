package data

import _ "embed"

// SupertaggerModel is the gzip-compressed supertagger (an nlp/tag model
// whose tags are each word's relation and head side) that nlp/parse.Default
// attaches to the parser, which reads its guesses. It comes out of
// `kgraph train` together with ParserModel, which was trained on the
// guesses of supertaggers like it (see ParserModel); replace the two
// together.
//
//go:embed models/supertagger.bin.gz
var SupertaggerModel []byte
