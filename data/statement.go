package data

import _ "embed"

// Statement is the bundled sample document: the 2024 United States–Republic
// of Korea Foreign and Defense Ministerial (2+2) joint statement, a US
// government work in the public domain. Tests and examples build their graph
// from it; the quick start in the README reads the same text from
// data/statement.txt.
//
//go:embed statement.txt
var Statement string
