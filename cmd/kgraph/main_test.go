package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// run runs kgraph with args and stdin, returning stdout, stderr and the
// exit status.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

const statement = "../../data/statement.txt"

func TestHelp(t *testing.T) {
	for _, cmd := range [][]string{{}, {"build"}, {"extract"}, {"query"}, {"serve"}, {"export"}, {"eval"}, {"eval", "carb"}, {"import"}, {"entities"}, {"render"}, {"stats"}, {"remove"}, {"train"}, {"eval", "parse"}, {"eval", "facts"}, {"related"}, {"index"}} {
		t.Run(strings.Join(cmd, " "), func(t *testing.T) {
			out, _, code := run(t, "", append(cmd, "--help")...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			if !strings.Contains(out, "Examples:") || !strings.Contains(out, "kgraph ") {
				t.Errorf("help has no example:\n%s", out)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--nope", "x"}, "unknown flag"},
		{[]string{"build"}, "requires at least 1 arg"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"extract", "--format", "xml", statement}, `unknown format "xml"; known: tsv, json, nquads, carb`},
		{[]string{"export", "--db", "x", "--format", "gml2"}, `unknown format "gml2"`},
		{[]string{"export", "--db", "x", "--format", "csv"}, "format csv writes nodes.csv and relationships.csv into a directory: give one with -o DIR"},
		{[]string{"export", "--db", "x", "--format", "tsv", "--hops", "2"}, "--hops counts from an entity: give --entity"},
		{[]string{"export", "--db", "x", "--format", "tsv", "--entity", "ROK", "--hops", "0"}, "--hops 0: must be 1 or more"},
		{[]string{"export", "--db", "x", "--format", "tsv", "--entity", "ROK", "--query", "g.V().All()"}, "--entity and --query: give one, not both"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, errOut, code := run(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.want)
			}
		})
	}
}

// The README's quick start, end to end: build the bundled statement, ask
// who reaffirmed what, and get the United States back.
func TestBuildQueryExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	out, errOut, code := run(t, "", "build", "--db", db, "-q", statement)
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, errOut)
	}
	for _, want := range []string{"documents  1 (1 new", "sentences  73", "facts", "entities", "quads", "seconds"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// Building the same document again adds nothing.
	out, _, code = run(t, "", "build", "--db", db, "-q", "--json", statement)
	if code != 0 || !strings.Contains(out, `"unchanged":1`) || !strings.Contains(out, `"quads":0`) {
		t.Errorf("rebuild: exit %d, %s", code, out)
	}
	out, errOut, code = run(t, "", "query", "--db", db,
		`g.V().Has("<kg:label>", "United States").Out("<kg:label>").All()`)
	if code != 0 || !strings.Contains(out, `"result"`) || !strings.Contains(out, "United States") {
		t.Errorf("query: exit %d, out %s, err %s", code, out, errOut)
	}
	tsv, errOut, code := run(t, "", "export", "--db", db, "--format", "tsv")
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(tsv), "\n")
	if lines[0] != "subject\tpredicate\tobject\tdocument\tsentence\tconfidence\tpolarity" {
		t.Errorf("header = %q", lines[0])
	}
	if len(lines)-1 < 100 {
		t.Errorf("%d facts, want at least 100", len(lines)-1)
	}
	for _, l := range lines[1:] {
		if f := strings.Split(l, "\t"); len(f) != 7 || f[3] != "statement" || f[4] == "" || f[4] == "0" {
			t.Errorf("bad row %q", l)
			break
		}
	}
	again, _, _ := run(t, "", "export", "--db", db, "--format", "tsv")
	if again != tsv {
		t.Error("two exports of the same graph differ")
	}
}

// Bad inputs are refused one by one, with a message naming them, the good
// inputs are still built, the status is non-zero, and what was stored
// before is untouched.
func TestBuild_BadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", statement); code != 0 {
		t.Fatalf("seed build: %s", errOut)
	}
	before, _, _ := run(t, "", "export", "--db", db, "--format", "nquads")

	files := map[string][]byte{
		"binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1},
		"latin1.txt": []byte("Caf\xe9 society met."),
		"empty.txt":  {},
		"bad.jsonl":  []byte("{\"id\":\"ok\",\"text\":\"Russia violated the Charter.\"}\n{broken\n{\"id\":\"notext\"}\n"),
		"good.txt":   []byte("Japan welcomed the agreement."),
	}
	var inputs []string
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"binary.txt", "latin1.txt", "empty.txt", "bad.jsonl", "good.txt"} {
		inputs = append(inputs, filepath.Join(dir, name))
	}
	out, errOut, code := run(t, "", append([]string{"build", "--db", db, "-q"}, inputs...)...)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for _, want := range []string{"binary.txt: binary data", "latin1.txt: invalid UTF-8", "empty.txt: empty document",
		"bad.jsonl:2: not a JSON object", "bad.jsonl:3: no \"text\" field"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if n := strings.Count(strings.TrimSpace(errOut), "\n") + 1; n != 5 {
		t.Errorf("%d error lines, want 5 (one per bad input):\n%s", n, errOut)
	}
	if !strings.Contains(out, "2 new") || !strings.Contains(out, "5 refused") {
		t.Errorf("summary: %s", out)
	}
	after, _, _ := run(t, "", "export", "--db", db, "--format", "nquads")
	for _, q := range strings.Split(strings.TrimSpace(before), "\n") {
		if !strings.Contains(after, q) {
			t.Fatalf("quad lost: %s", q)
		}
	}
}

func TestQuery_NoStore(t *testing.T) {
	_, errOut, code := run(t, "", "query", "--db", filepath.Join(t.TempDir(), "missing"), "g.V().All()")
	if code != exitError || !strings.Contains(errOut, "no store at") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestExtract_Carb(t *testing.T) {
	in := "The two sides reaffirmed the shared vision .\nRussia violated the United Nations Charter .\n"
	out, errOut, code := run(t, in, "extract", "--format", "carb", "--lines", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(l, "\t")
		if len(f) < 5 {
			t.Errorf("too few fields: %q", l)
		}
		if f[0] != "The two sides reaffirmed the shared vision ." && f[0] != "Russia violated the United Nations Charter ." {
			t.Errorf("sentence not verbatim: %q", f[0])
		}
		if f[len(f)-1] == "" {
			t.Errorf("empty trailing argument: %q", l)
		}
	}
	if !strings.Contains(out, "\tviolated\tRussia\tthe United Nations Charter") {
		t.Errorf("missing (Russia; violated; the United Nations Charter):\n%s", out)
	}
}

// An acronym one document defines names the same entity in a later one,
// in this run and in the next.
func TestBuild_AcronymAcrossDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	first := filepath.Join(dir, "a.txt")
	second := filepath.Join(dir, "b.txt")
	third := filepath.Join(dir, "c.txt")
	os.WriteFile(first, []byte("The Nuclear Consultative Group (NCG) met in Seoul."), 0o644)
	os.WriteFile(second, []byte("Japan welcomed the NCG."), 0o644)
	os.WriteFile(third, []byte("Australia praised the NCG."), 0o644)
	for _, in := range [][]string{{first, second}, {third}} {
		if _, errOut, code := run(t, "", append([]string{"build", "--db", db, "-q"}, in...)...); code != 0 {
			t.Fatalf("build %v: %s", in, errOut)
		}
	}
	out, _, _ := run(t, "", "export", "--db", db, "--format", "tsv")
	for _, want := range []string{"Japan\twelcome\tNuclear Consultative Group\tb\t1", "Australia\tpraise\tNuclear Consultative Group\tc\t1"} {
		if !strings.Contains(out, want) {
			t.Errorf("facts lack %q:\n%s", want, out)
		}
	}
}

// The facts table names entities, never the words that refer to them: no
// subject is a pronoun or a group reference, and the seed's countries are
// each one entity.
func TestSeedGraph_Entities(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", statement); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	tsv, _, _ := run(t, "", "export", "--db", db, "--format", "tsv")
	refs := map[string]bool{"both sides": true, "the two sides": true, "two sides": true, "the two countries": true,
		"the secretaries and ministers": true, "the leaders": true, "they": true, "we": true, "it": true, "its": true,
		"their": true, "which": true, "that": true, "sides": true}
	for _, line := range strings.Split(strings.TrimSpace(tsv), "\n")[1:] {
		if subj := strings.Split(line, "\t")[0]; refs[strings.ToLower(subj)] {
			t.Errorf("reference as subject: %s", line)
		}
	}
	out, _, code := run(t, "", "entities", "--db", db, "--type", "Country", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var rows []struct{ Label string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, r := range rows {
		count[r.Label]++
	}
	for _, c := range []string{"United States", "Republic of Korea", "Democratic People's Republic of Korea", "Russia", "Ukraine", "China", "Japan"} {
		if count[c] != 1 {
			t.Errorf("country %q listed %d times, want once", c, count[c])
		}
	}
}

// A user's alias file names entities the embedded gazetteer does not know.
func TestBuild_Aliases(t *testing.T) {
	dir := t.TempDir()
	aliases := filepath.Join(dir, "aliases.tsv")
	doc := filepath.Join(dir, "note.txt")
	os.WriteFile(aliases, []byte("# ours\nKimchi Pact\tSeoul Food Accord\tAgreement\n"), 0o644)
	os.WriteFile(doc, []byte("Japan signed the Kimchi Pact."), 0o644)
	db := filepath.Join(dir, "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", "--aliases", aliases, doc); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	out, _, _ := run(t, "", "export", "--db", db, "--format", "tsv")
	if !strings.Contains(out, "Japan\tsign\tSeoul Food Accord\tnote\t1") {
		t.Errorf("alias not applied:\n%s", out)
	}
	ents, _, _ := run(t, "", "entities", "--db", db, "--type", "Agreement")
	if !strings.Contains(ents, "Seoul Food Accord") || !strings.Contains(ents, "Kimchi Pact") {
		t.Errorf("entities:\n%s", ents)
	}
	os.WriteFile(aliases, []byte("only two\tfields\n"), 0o644)
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", "--aliases", aliases, doc); code == 0 || !strings.Contains(errOut, "aliases.tsv:1") {
		t.Errorf("bad alias file: exit %d, %s", code, errOut)
	}
}

// extract --format json names its fields in lower case, snake_case for
// two words, as docs/schema.md lists them, and reads back into a Result.
func TestExtract_JSON(t *testing.T) {
	out, errOut, code := run(t, "Russia violated the UN Charter.", "extract", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var ks []string
		for k := range v.(map[string]any) {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	first := func(k string) any { return raw[k].([]any)[0] }
	for _, c := range []struct {
		what string
		v    any
		want []string
	}{
		{"result", raw, []string{"document", "entities", "extractor", "facts", "sentences"}},
		{"document", raw["document"], []string{"date", "id", "text", "title", "url"}},
		{"sentence", first("sentences"), []string{"end", "mentions", "n", "start", "text"}},
		{"entity", first("entities"), []string{"affiliations", "aliases", "label", "titles", "type"}},
		{"fact", first("facts"), []string{"confidence", "extra", "modality", "negated", "object", "object_text", "place",
			"predicate", "relation", "sentence", "subject", "subject_text", "time", "unresolved"}},
	} {
		if got := keys(c.v); !slices.Equal(got, c.want) {
			t.Errorf("%s fields %q, want %q", c.what, got, c.want)
		}
	}
	var res schema.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Facts) != 1 || res.Facts[0].Subject != "Russia" || res.Facts[0].ObjectText != "the UN Charter" || res.Document.ID != "stdin" {
		t.Errorf("read back: %+v", res)
	}
}

// A dry run extracts as a build does and stores nothing.
func TestBuild_dryRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	out, errOut, code := run(t, "", "build", "--dry-run", "--db", db, "-q", "--json", statement)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var sum buildSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Documents != 1 || sum.Sentences == 0 || sum.Facts == 0 || sum.Quads != 0 {
		t.Errorf("dry-run summary %+v, want one document's sentences and facts and no quads", sum)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a dry run made the store %s (stat: %v)", db, err)
	}
}

// remove takes a document out and leaves the others as they were.
func TestRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	other := filepath.Join(t.TempDir(), "other.txt")
	if err := os.WriteFile(other, []byte("Japan and Canada signed a trade agreement."), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "", "build", "--quiet", "--db", db, statement, other); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	out, errs, code := run(t, "", "remove", "--db", db, "--doc", "statement", "--json")
	if code != 0 {
		t.Fatalf("remove: exit %d: %s", code, errs)
	}
	var st struct{ Quads, Entities int }
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Quads == 0 || st.Entities == 0 {
		t.Fatalf("remove printed %q (%v)", out, err)
	}
	out, _, _ = run(t, "", "stats", "--db", db, "--json")
	var stats struct{ Documents, Facts int }
	if err := json.Unmarshal([]byte(out), &stats); err != nil || stats.Documents != 1 || stats.Facts == 0 {
		t.Errorf("after remove, stats %q (%v), want the other document with its facts", out, err)
	}
	out, _, _ = run(t, "", "query", "--db", db, `g.V("<kg:e/canada>").Out("<kg:label>").All()`)
	if !strings.Contains(out, "Canada") {
		t.Errorf("the other document's entity went too: %s", out)
	}
	if _, errs, code := run(t, "", "remove", "--db", db, "--doc", "statement"); code == 0 || !strings.Contains(errs, `no document "statement"`) {
		t.Errorf("removing it again: exit %d, %q", code, errs)
	}
}

// A surname alone in a document read before the one that names the person
// in full: the build's second look makes them one person.
func TestBuild_secondLook(t *testing.T) {
	dir := t.TempDir()
	db, in := filepath.Join(dir, "db"), filepath.Join(dir, "docs.jsonl")
	docs := `{"id":"a","title":"Readout","text":"Prime Minister Morawiecki welcomed the new sanctions on Russia."}
{"id":"b","title":"Statement","text":"President Biden met with Polish Prime Minister Mateusz Morawiecki today."}
`
	if err := os.WriteFile(in, []byte(docs), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "build", "--quiet", "--json", "--db", db, in)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	var sum struct{ Revisited int }
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Revisited != 1 {
		t.Errorf("build printed %q (%v), want one document revisited", out, err)
	}
	out, _, _ = run(t, "", "export", "--db", db, "--format", "tsv")
	if !strings.Contains(out, "Mateusz Morawiecki\twelcome\t") || strings.Contains(out, "\nMorawiecki\t") {
		t.Errorf("the first document's facts are not of Mateusz Morawiecki:\n%s", out)
	}
	out, _, _ = run(t, "", "query", "--db", db, `g.V("<kg:e/morawiecki>").Out("<kg:label>").All()`)
	if strings.Contains(out, "Morawiecki") {
		t.Errorf("the surname's node outlived the second look: %s", out)
	}
	// Run again: nothing new, nothing lost.
	out, _, _ = run(t, "", "build", "--quiet", "--json", "--db", db, in)
	if !strings.Contains(out, `"unchanged":2`) {
		t.Errorf("second build: %s", out)
	}
}
