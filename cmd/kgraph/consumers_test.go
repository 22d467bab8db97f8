package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/graph"
)

// The exports read by the programs they are for: each format's consumer
// loads what kgraph wrote and must find as much as kgraph says it wrote.
// A consumer that is not installed skips its test, naming the Debian
// package to install; .ci/run installs them all.

// seedStatement is the seed document of the shared benchmark data
// (../shared beside the checkout).
const seedStatement = "../../../shared/bench/seed/statement.txt"

// python is Debian's Python, whose python3-rdflib and python3-networkx
// packages the tests use; a python3 earlier on PATH (pyenv) lacks them.
const python = "/usr/bin/python3"

func TestExport_Consumers(t *testing.T) {
	if _, err := os.Stat(seedStatement); err != nil {
		t.Skipf("no seed statement: %v", err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", seedStatement); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	cases := []struct {
		name string
		args []string // the subgraph flags
		opts graph.ExportOptions
	}{
		{"whole", nil, graph.ExportOptions{}},
		{"DPRK 2 hops", []string{"--entity", "DPRK", "--hops", "2"}, graph.ExportOptions{Entity: "DPRK", Hops: 2}},
	}
	// kgraph's own counts, read before the exports: bolt lets one handle
	// open a store at a time.
	quads, graphs := storeCounts(t, db, cases[0].opts, cases[1].opts)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := graphs[i]
			if len(g.Edges) < 20 {
				t.Fatalf("%d edges: too few to test anything", len(g.Edges))
			}
			out := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-"))
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range graph.ExportFormats() {
				files[f] = filepath.Join(out, "graph."+f)
				args := append([]string{"export", "--db", db, "--format", f, "-o", files[f]}, c.args...)
				if _, errOut, code := run(t, "", args...); code != 0 {
					t.Fatalf("export %s: %s", f, errOut)
				}
			}
			t.Logf("kgraph: %d nodes, %d edges", len(g.Nodes), len(g.Edges))

			t.Run("rdflib", func(t *testing.T) {
				needPython(t, "rdflib", "python3-rdflib")
				nq, err := os.ReadFile(files["nquads"])
				if err != nil {
					t.Fatal(err)
				}
				wrote := bytes.Count(nq, []byte("\n"))
				if i == 0 && int64(wrote) != quads {
					t.Errorf("nquads has %d lines, the store %d quads", wrote, quads)
				}
				for _, f := range []struct{ name, rdflib string }{{"nquads", "nquads"}, {"jsonld", "json-ld"}} {
					var got struct{ Quads, Graphs int }
					pyJSON(t, rdflibCount, &got, f.rdflib, files[f.name])
					t.Logf("rdflib read %s: %d quads in %d graphs; kgraph wrote %d", f.name, got.Quads, got.Graphs, wrote)
					if got.Quads != wrote {
						t.Errorf("rdflib read %d quads from %s, kgraph wrote %d", got.Quads, f.name, wrote)
					}
				}
			})

			t.Run("networkx", func(t *testing.T) {
				needPython(t, "networkx", "python3-networkx")
				for _, f := range []string{"graphml", "gexf"} {
					var got struct {
						Nodes, Edges int
						Attributes   map[string]int // how many nodes or edges carry each attribute
					}
					pyJSON(t, networkxCount, &got, f, files[f])
					t.Logf("networkx read %s: %d nodes, %d edges, attributes %v", f, got.Nodes, got.Edges, got.Attributes)
					if got.Nodes != len(g.Nodes) || got.Edges != len(g.Edges) {
						t.Errorf("networkx read %s: %d nodes, %d edges; kgraph has %d, %d", f, got.Nodes, got.Edges, len(g.Nodes), len(g.Edges))
					}
					if f != "gexf" {
						continue
					}
					for _, a := range []string{"node type", "edge predicate", "edge polarity", "edge confidence", "edge facts"} {
						want := len(g.Edges)
						if strings.HasPrefix(a, "node") {
							want = len(g.Nodes)
						}
						if got.Attributes[a] != want {
							t.Errorf("gexf: %d with %s, want %d", got.Attributes[a], a, want)
						}
					}
				}
			})

			t.Run("graphviz", func(t *testing.T) {
				dot, err := exec.LookPath("dot")
				if err != nil {
					t.Skip("Graphviz is not installed (apt-get install graphviz)")
				}
				svg := filepath.Join(out, "graph.svg")
				var stderr bytes.Buffer
				cmd := exec.Command(dot, "-Tsvg", "-o", svg, files["dot"])
				cmd.Stderr = &stderr
				if err := cmd.Run(); err != nil || stderr.Len() > 0 {
					t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.Bytes())
				}
				data, err := os.ReadFile(svg)
				if err != nil {
					t.Fatal(err)
				}
				nodes, edges := bytes.Count(data, []byte(`class="node"`)), bytes.Count(data, []byte(`class="edge"`))
				t.Logf("dot drew %d nodes, %d edges (%d bytes of SVG)", nodes, edges, len(data))
				if nodes != len(g.Nodes) || edges != len(g.Edges) {
					t.Errorf("dot drew %d nodes, %d edges; kgraph has %d, %d", nodes, edges, len(g.Nodes), len(g.Edges))
				}
			})

			t.Run("cytoscape.js", func(t *testing.T) {
				node := "/usr/bin/node"
				if _, err := os.Stat(node); err != nil {
					t.Skip("Node.js is not installed (apt-get install nodejs)")
				}
				lib, err := filepath.Abs("../../web/static/vendor/cytoscape.min.js")
				if err != nil {
					t.Fatal(err)
				}
				var got struct{ Nodes, Edges int }
				runJSON(t, exec.Command(node, "-e", cytoscapeCount, lib, files["cytoscape"]), &got)
				t.Logf("cytoscape.js loaded %d nodes, %d edges", got.Nodes, got.Edges)
				if got.Nodes != len(g.Nodes) || got.Edges != len(g.Edges) {
					t.Errorf("cytoscape.js loaded %d nodes, %d edges; kgraph has %d, %d", got.Nodes, got.Edges, len(g.Nodes), len(g.Edges))
				}
			})

			t.Run("neo4j-admin import headers", func(t *testing.T) {
				nodes, edges := checkNeo4jCSV(t, files["csv"])
				t.Logf("csv: %d nodes, %d relationships", nodes, edges)
				if nodes != len(g.Nodes) || edges != len(g.Edges) {
					t.Errorf("csv has %d nodes, %d relationships; kgraph has %d, %d", nodes, edges, len(g.Nodes), len(g.Edges))
				}
			})
		})
	}

	t.Run("unknown entity", func(t *testing.T) {
		_, errOut, code := run(t, "", "export", "--db", db, "--format", "gexf", "--entity", "Atlantis")
		if code != exitError || !strings.Contains(errOut, `unknown entity "Atlantis"`) {
			t.Errorf("exit %d, %s", code, errOut)
		}
	})
}

// storeCounts opens the store and returns its number of quads and the
// entity graph of each options.
func storeCounts(t *testing.T, db string, opts ...graph.ExportOptions) (int64, []*graph.EntityGraph) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Address: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var gs []*graph.EntityGraph
	for _, o := range opts {
		g, err := st.EntityGraph(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		gs = append(gs, g)
	}
	return stats.Quads, gs
}

// needPython skips the test unless Debian's Python can import module.
func needPython(t *testing.T, module, pkg string) {
	t.Helper()
	if err := exec.Command(python, "-c", "import "+module).Run(); err != nil {
		t.Skipf("%s cannot import %s (apt-get install %s): %v", python, module, pkg, err)
	}
}

func pyJSON(t *testing.T, script string, v any, args ...string) {
	t.Helper()
	runJSON(t, exec.Command(python, append([]string{"-c", script}, args...)...), v)
}

// runJSON runs cmd and decodes its standard output into v.
func runJSON(t *testing.T, cmd *exec.Cmd, v any) {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", filepath.Base(cmd.Path), err, stderr.Bytes())
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("%s printed %q: %v", filepath.Base(cmd.Path), out, err)
	}
}

// rdflibCount loads an RDF file into a Dataset (a named graph per quad
// label) and counts its quads.
const rdflibCount = `
import json, sys, rdflib
ds = rdflib.Dataset()
ds.parse(sys.argv[2], format=sys.argv[1])
quads = list(ds.quads((None, None, None, None)))
print(json.dumps({"quads": len(quads), "graphs": len({q[3] for q in quads})}))
`

// networkxCount reads GraphML or GEXF and counts nodes, edges and the
// attributes they carry. networkx (2.8 in Debian 12, 3.x too) knows GEXF
// 1.1 and 1.2 only; 1.3 keeps their elements and attributes under a new
// namespace, so the reader is told that namespace and otherwise reads as
// it reads 1.2.
const networkxCount = `
import json, sys
import networkx as nx
from networkx.readwrite.gexf import GEXF
GEXF.versions["1.3"] = {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
}
fmt, path = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path, version="1.3")
attrs = {}
for _, d in g.nodes(data=True):
    for k in d:
        attrs["node " + k] = attrs.get("node " + k, 0) + 1
for _, _, d in g.edges(data=True):
    for k, v in d.items():
        if k == "confidence" and not 0 <= v <= 1:
            continue
        attrs["edge " + k] = attrs.get("edge " + k, 0) + 1
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "attributes": attrs}))
`

// cytoscapeCount loads Cytoscape.js elements JSON into a headless
// cytoscape, the library the explorer embeds.
const cytoscapeCount = `
const [lib, path] = process.argv.slice(1);
const cytoscape = require(lib);
const { elements } = JSON.parse(require("fs").readFileSync(path, "utf8"));
const cy = cytoscape({ headless: true, elements });
console.log(JSON.stringify({ nodes: cy.nodes().length, edges: cy.edges().length }));
`

// The header grammar of neo4j-admin database import: a property with its
// type (an array with []), an id with an optional property name and id
// group, the ends of a relationship, labels, relationship type, or a
// column to ignore.
var (
	neo4jProperty = regexp.MustCompile(`^([^:]+):(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?$`)
	neo4jID       = regexp.MustCompile(`^([^:]*):ID(\([^()]+\))?$`)
	neo4jEnd      = regexp.MustCompile(`^:(START_ID|END_ID)(\([^()]+\))?$`)
	neo4jKeyword  = regexp.MustCompile(`^:(LABEL|TYPE|IGNORE)$`)
)

// neo4jColumn is one header field, parsed.
type neo4jColumn struct {
	kind string // "property", "ID", "START_ID", "END_ID", "LABEL", "TYPE" or "IGNORE"
	typ  string // a property's type
}

func parseNeo4jHeader(fields []string) ([]neo4jColumn, error) {
	var cols []neo4jColumn
	for _, f := range fields {
		switch m := neo4jProperty.FindStringSubmatch(f); {
		case m != nil:
			cols = append(cols, neo4jColumn{"property", m[2] + m[3]})
		case neo4jID.MatchString(f):
			cols = append(cols, neo4jColumn{kind: "ID"})
		case neo4jEnd.MatchString(f):
			cols = append(cols, neo4jColumn{kind: neo4jEnd.FindStringSubmatch(f)[1]})
		case neo4jKeyword.MatchString(f):
			cols = append(cols, neo4jColumn{kind: f[1:]})
		default:
			return nil, fmt.Errorf("header field %q is not name:type, :ID, :START_ID, :END_ID, :LABEL, :TYPE or :IGNORE", f)
		}
	}
	return cols, nil
}

func TestParseNeo4jHeader(t *testing.T) {
	tests := []struct {
		header string
		ok     bool
	}{
		{"iri:ID,name:string,born:int,:LABEL", true},
		{":ID(Person),tags:string[],at:datetime,where:point", true},
		{":START_ID(Person),:END_ID,:TYPE,since:date,:IGNORE", true},
		{"name", false},             // we always type our properties
		{"name:str", false},         // no such type
		{":ID(),x:int", false},      // an empty group
		{"START_ID,:END_ID", false}, // the colon starts a keyword
		{":LABELS", false},
		{"a:int[][]", false},
	}
	for _, tt := range tests {
		_, err := parseNeo4jHeader(strings.Split(tt.header, ","))
		if (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok %v", tt.header, err, tt.ok)
		}
	}
}

// checkNeo4jCSV checks an export directory as neo4j-admin database import
// would read it: headers in its grammar, an id, labels, both ends and a
// type where each is needed, as many fields in each row as in its header,
// values of the declared types, unique node ids, and relationships
// between nodes that exist. It returns the numbers of nodes and
// relationships.
func checkNeo4jCSV(t *testing.T, dir string) (int, int) {
	t.Helper()
	read := func(name string, need ...string) ([]neo4jColumn, [][]string) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1 // counted below, with a better message
		rows, err := r.ReadAll()
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s: %d rows, %v", name, len(rows), err)
		}
		cols, err := parseNeo4jHeader(rows[0])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, k := range need {
			n := 0
			for _, c := range cols {
				if c.kind == k {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: %d %s columns, want 1", name, n, k)
			}
		}
		for i, row := range rows[1:] {
			if len(row) != len(cols) {
				t.Errorf("%s row %d: %d fields, header %d", name, i+2, len(row), len(cols))
				continue
			}
			for j, c := range cols {
				if err := checkNeo4jValue(c, row[j]); err != nil {
					t.Errorf("%s row %d, %s: %v", name, i+2, rows[0][j], err)
				}
			}
		}
		return cols, rows[1:]
	}
	column := func(cols []neo4jColumn, kind string) int {
		for i, c := range cols {
			if c.kind == kind {
				return i
			}
		}
		return -1
	}

	ncols, nodes := read("nodes.csv", "ID", "LABEL")
	ids := map[string]bool{}
	if id := column(ncols, "ID"); id >= 0 {
		for _, row := range nodes {
			if len(row) > id {
				if ids[row[id]] {
					t.Errorf("nodes.csv: id %q twice", row[id])
				}
				ids[row[id]] = true
			}
		}
	}
	rcols, rels := read("relationships.csv", "START_ID", "END_ID", "TYPE")
	for _, k := range []string{"START_ID", "END_ID"} {
		c := column(rcols, k)
		for i, row := range rels {
			if c >= 0 && len(row) > c && !ids[row[c]] {
				t.Errorf("relationships.csv row %d: %s %q is no node", i+2, k, row[c])
			}
		}
	}
	return len(nodes), len(rels)
}

// checkNeo4jValue checks a field against its column: the importer refuses a
// number that does not parse, an empty id, label or type.
func checkNeo4jValue(c neo4jColumn, v string) error {
	switch c.kind {
	case "ID", "START_ID", "END_ID", "TYPE", "LABEL":
		if v == "" {
			return fmt.Errorf("empty %s", c.kind)
		}
		if c.kind == "LABEL" {
			for _, l := range strings.Split(v, ";") {
				if l == "" {
					return fmt.Errorf("empty label in %q", v)
				}
			}
		}
	case "property":
		var err error
		switch c.typ {
		case "int", "long", "byte", "short":
			_, err = strconv.ParseInt(v, 10, 64)
		case "float", "double":
			_, err = strconv.ParseFloat(v, 64)
		case "boolean":
			_, err = strconv.ParseBool(v)
		}
		return err
	}
	return nil
}
