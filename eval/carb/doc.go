// Package carb scores open information extraction output against the CaRB
// benchmark, reproducing the reference scorer (dair-iitd/CaRB carb.py with
// its default lenient binary tuple matcher) number for number.
//
// It sits at the end of kgraph's extraction flow: the extractor's surface
// tuples, written in CaRB's tabbed format or built in memory with NewSet,
// are compared with a gold file, and the package reports the area under the
// precision–recall curve, the best-F1 operating point and the curve itself,
// so kgraph's figures can be set beside published ones.
//
// The port is deliberately literal, quirks included, because CaRB numbers
// are only comparable when computed the same way:
//
//   - tokens are whitespace-separated words; case, stop words and
//     punctuation are not normalised;
//   - a tuple scores zero unless the relations share a word (a predicted
//     "be" also stands for any form of "be" in the gold relation);
//   - precision matches predictions to gold tuples one to one, greedily,
//     while recall lets one prediction serve several gold tuples (unless
//     Options.SingleMatch asks for the one-to-one variant used by the
//     OpenIE6, IMoJIE and DetIE forks);
//   - extractions of sentences that have no gold are ignored;
//   - the AUC is the trapezoidal area under the curve of all distinct
//     confidence thresholds plus the point (recall 0, precision 1).
//
// Result.Summary prints the scorer's own line, so output can be compared
// with published logs byte for byte; WriteCurveTSV writes the scorer's
// .dat file and WriteCurveSVG draws the curve.
package carb
