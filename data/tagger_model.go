package data

import _ "embed"

// TaggerModel is the gzip-compressed part-of-speech tagger model that
// nlp/tag.Default decodes. Regenerate it with
//
//	go run ./nlp/tag/internal/train
//
//go:embed models/tagger.bin.gz
var TaggerModel []byte
