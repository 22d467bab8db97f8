// Command kgraph builds a knowledge graph from English prose and answers
// questions about it. Every subcommand is one file here, a thin layer of
// flags over the packages extract, graph and eval; run `kgraph --help`.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
