// Command entities counts the distinct entities of extraction results by
// type: it reads `kgraph extract --format json` output (one result a line)
// on stdin and prints a table. An entity is its node, schema.EntityIRI of
// its label, as in a store; its type is the one most documents give it.
// A sample of persons goes to stderr with -persons N, each with the other
// persons whose label shares a word with it, for checking by eye that no
// person is under two labels. With -store it reads instead the entities of
// a built store, `kgraph entities --json`, where a build's second look
// (documents that knew a person by a surname alone, extracted again at the
// end) has had its say.
//
//	kgraph extract --format json ../shared/corpus/wh-statements.jsonl.gz | go run ./bench/entities
//	kgraph entities --json --db wh.db | go run ./bench/entities -store -persons 50
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/kgraph/kgraph/schema"
)

func main() {
	persons := flag.Int("persons", 0, "print a seeded sample of `N` persons with their names to stderr")
	store := flag.Bool("store", false, "read a store's entities (`kgraph entities --json`) instead of extraction results")
	flag.Parse()
	types := map[string]map[string]int{} // IRI → type → documents
	labels := map[string]string{}
	names := map[string][]string{}
	if *store {
		var list []struct {
			IRI, Label string
			Types      []string
			Aliases    []string
		}
		if err := json.NewDecoder(os.Stdin).Decode(&list); err != nil {
			fmt.Fprintln(os.Stderr, "entities: reading the store's entities:", err)
			os.Exit(1)
		}
		for _, e := range list {
			t := ""
			if len(e.Types) > 0 {
				t = e.Types[0]
			}
			types[e.IRI] = map[string]int{t: 1}
			labels[e.IRI] = e.Label
			names[e.IRI] = e.Aliases
		}
		report(types, labels, names, 0, *persons)
		return
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<30)
	docs := 0
	for in.Scan() {
		var r schema.Result
		if err := json.Unmarshal(in.Bytes(), &r); err != nil {
			fmt.Fprintf(os.Stderr, "entities: result %d: %v\n", docs+1, err)
			os.Exit(1)
		}
		docs++
		for _, e := range r.Entities {
			iri := schema.EntityIRI(e.Label)
			if types[iri] == nil {
				types[iri] = map[string]int{}
				labels[iri] = e.Label
			}
			types[iri][e.Type]++
			if e.Type == schema.TypePerson {
				for _, a := range e.Aliases {
					if !slices.Contains(names[iri], a.Name) {
						names[iri] = append(names[iri], a.Name)
					}
				}
			}
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "entities:", err)
		os.Exit(1)
	}
	report(types, labels, names, docs, *persons)
}

// report prints the count by type and, for persons > 0, the sample.
func report(types map[string]map[string]int, labels map[string]string, names map[string][]string, docs, persons int) {
	byType := map[string]int{}
	var people []string
	for iri, ts := range types {
		best, n := "", -1
		for t, c := range ts {
			if c > n || c == n && t < best {
				best, n = t, c
			}
		}
		byType[best]++
		if best == schema.TypePerson {
			people = append(people, iri)
		}
	}
	fmt.Printf("documents\t%d\nentities\t%d\n", docs, len(types))
	var ts []string
	for t := range byType {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b string) int { return cmp.Or(cmp.Compare(byType[b], byType[a]), cmp.Compare(a, b)) })
	for _, t := range ts {
		name := t
		if name == "" {
			name = "(untyped)"
		}
		fmt.Printf("%s\t%d\n", name, byType[t])
	}
	if persons > 0 {
		// Each sampled person with the other persons whose label shares
		// a word with it (a surname, or a given name used alone): where
		// one person hides under two labels, they are among these.
		byWord := map[string][]string{}
		for _, iri := range people {
			for _, w := range strings.Fields(schema.Fold(strings.ToLower(labels[iri]))) {
				byWord[w] = append(byWord[w], labels[iri])
			}
		}
		slices.Sort(people)
		rng := rand.New(rand.NewPCG(1, 2))
		rng.Shuffle(len(people), func(i, j int) { people[i], people[j] = people[j], people[i] })
		for _, iri := range people[:min(persons, len(people))] {
			var near []string
			ws := strings.Fields(schema.Fold(strings.ToLower(labels[iri])))
			slices.Reverse(ws) // the surname first: it is what two labels of one person share
			for _, w := range ws {
				for _, l := range byWord[w] {
					if l != labels[iri] && !slices.Contains(near, l) && len(near) < 12 {
						near = append(near, l)
					}
				}
			}
			fmt.Fprintf(os.Stderr, "%s\tnames %q\tsharing a word: %q\n", labels[iri], names[iri], near)
		}
	}
}
