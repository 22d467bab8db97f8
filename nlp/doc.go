// Package nlp is kgraph's pure-Go natural-language core: it turns raw
// English text into sentences, tokens, part-of-speech tags, lemmas and a
// labeled dependency parse, with models trained on UD English EWT and
// embedded in the binary (package data).
//
// Each job lives in its own sub-package, so a stage can be read, tested and
// replaced on its own:
//
//	conllu    reading and writing CoNLL-U, the treebank format of training and evaluation
//	tokenize  tokenizer following the EWT conventions, perceptron sentence splitter, raw-text scorer
//	cluster   word classes learnt from unlabelled text (exchange algorithm), for words EWT lacks
//	tag       part-of-speech tagger: joint UPOS+XPOS averaged perceptron; trained on
//	          supertags (parse.Supertags) it is also the parser's supertagger
//	lemma     lemmatizer (exception table and learned suffix rules) and FEATS lookup
//	parse     labeled dependency parser (arc-hybrid, averaged perceptron, dynamic oracle) and CoNLL 2018 scoring
//
// This package composes them: Pipeline runs the stages (Default loads the
// embedded models once), Train retrains every model from a treebank
// (`kgraph train`), and AnnotateGold prepares gold-tokenized sentences for
// scoring (`kgraph eval parse`).
//
// The extractor in package extract consumes the output of this core;
// nothing here knows about facts or graphs.
package nlp
