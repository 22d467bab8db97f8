package graph

import (
	"context"
	"encoding/csv"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/schema"
)

// csv is the entity graph laid out for Neo4j's bulk importer
// (neo4j-admin database import full --nodes=nodes.csv
// --relationships=relationships.csv): two files, typed headers, every node
// labeled Entity and its types, every relationship typed by its predicate
// in Neo4j's style, COMMIT_TO for "commit to".
func init() {
	registerFormat(Format{
		Name:     "csv",
		MIME:     "text/csv",
		Files:    []string{csvNodes, csvRelationships},
		writeDir: writeCSV,
	})
}

const (
	csvNodes         = "nodes.csv"
	csvRelationships = "relationships.csv"
)

// The headers. The node's IRI is its import id and is kept as the property
// iri, so that a Neo4j node leads back to the RDF export.
var (
	csvNodeHeader         = []string{"iri:ID", "name:string", "type:string", ":LABEL"}
	csvRelationshipHeader = []string{":START_ID", ":END_ID", ":TYPE", "predicate:string", "polarity:string", "confidence:float", "facts:int"}
)

func writeCSV(ctx context.Context, v *view, dir string) error {
	g, err := v.entityGraph(ctx)
	if err != nil {
		return err
	}
	err = writeFile(filepath.Join(dir, csvNodes), func(w io.Writer) error {
		rows := [][]string{csvNodeHeader}
		for _, n := range g.Nodes {
			// ";" is the importer's array delimiter: one label per type.
			labels := append([]string{"Entity"}, n.Types...)
			rows = append(rows, []string{n.IRI, field(n.Label), n.Type(), strings.Join(labels, ";")})
		}
		return writeCSVRows(w, rows)
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, csvRelationships), func(w io.Writer) error {
		rows := [][]string{csvRelationshipHeader}
		for _, e := range g.Edges {
			rows = append(rows, []string{e.Source, e.Target, relationshipType(e.Predicate), field(e.Predicate), e.Polarity,
				strconv.FormatFloat(e.Confidence, 'g', -1, 64), strconv.Itoa(e.Facts)})
		}
		return writeCSVRows(w, rows)
	})
}

func writeCSVRows(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// relationshipType is a predicate as a Neo4j relationship type: upper case,
// words joined by "_", so that Cypher needs no backquotes around it.
func relationshipType(predicate string) string {
	t := strings.ToUpper(strings.ReplaceAll(schema.Slug(predicate), "-", "_"))
	if t == "" {
		return "RELATED_TO"
	}
	return t
}
