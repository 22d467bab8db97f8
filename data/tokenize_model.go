package data

import _ "embed"

// TokenizeModel is the gzipped sentence-boundary model of package
// nlp/tokenize. Regenerate it with
//
//	go run ./nlp/tokenize/internal/trainboundary
//
// from the repository root (see the package doc of nlp/tokenize).
//
//go:embed models/tokenize_boundary.bin.gz
var TokenizeModel []byte
