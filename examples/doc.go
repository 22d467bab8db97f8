// Package examples shows kgraph used as a library, end to end: extract the
// facts of a document with package extract, store them with package graph,
// and query them. Its examples run as tests (go test ./examples).
package examples
