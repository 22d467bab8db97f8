// Package data holds what the kgraph binary embeds so that it needs no
// files at run time: the trained NLP models (models/, CC BY-SA 4.0 like the
// treebank they are trained on; see models/LICENSE), the gazetteer of known
// names, word lists counted from the statements corpus (terms.txt,
// verbs.txt, given-names.txt), and the bundled sample statement.
package data
