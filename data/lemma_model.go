package data

import _ "embed"

// LemmaModel is the gzip-compressed lemmatizer model that nlp/lemma.Default
// decodes. Regenerate it with
//
//	go run ./nlp/lemma/internal/train
//
//go:embed models/lemma.bin.gz
var LemmaModel []byte
