// Package nlp is the root of kgraph's pure-Go natural-language core: the
// pieces that turn raw English text into sentences, tokens, part-of-speech
// tags, lemmas and a labeled dependency parse, trained on UD English EWT.
//
// Each job lives in its own sub-package so that a stage can be read, tested
// and replaced on its own:
//
//	conllu    reading and writing CoNLL-U, the treebank format used for training and evaluation
//	tokenize  tokenizer and sentence splitter following the UD EWT conventions
//
// The extractor in package extract consumes the output of this core; nothing
// here knows about facts or graphs.
package nlp
