package main

// Faults and hostile input, each a test (issue 14, point 7): a build killed
// at random, bad inputs among good ones, and queries that never end.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kgraph/graph"
)

// childEnv, when set, makes the test binary run kgraph itself: the kill
// test starts the binary it is running in as a kgraph process, so that it
// needs no go toolchain and no separate build.
const childEnv = "KGRAPH_FAULT_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(Main(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
	}
	os.Exit(m.Run())
}

// faultInput is 40 short documents, the openings of corpus statements of
// every kind (CC0).
const faultInput = "testdata/faults.jsonl"

// faultBatch is the --batch-docs of the kill test: small batches, so that a
// build of faultInput writes the store ten times and a kill can land
// between, or during, any of them.
const faultBatch = "4"

// faultSeed seeds the kill delays; KGRAPH_FAULT_SEED overrides it to
// explore other timings.
const faultSeed = 20261207

// faultRounds is how many builds the kill test kills.
const faultRounds = 20

// startChild starts kgraph with args in a child process.
func startChild(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// storeDump is what a store holds, read through the library: its N-Quads
// lines, sorted, and its counts.
// childBuild runs kgraph with args in a child process, as the killed
// builds run, to its end, and returns the store it leaves (args' --db) and
// how long the run took.
func childBuild(t *testing.T, what string, args ...string) (storeDump, time.Duration) {
	t.Helper()
	start := time.Now()
	cmd, out := startChild(t, args...)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s: %v\n%s", what, err, out)
	}
	took := time.Since(start)
	db := args[slices.Index(args, "--db")+1]
	st, err := readStore(t, db)
	if err != nil {
		t.Fatalf("%s: the store: %v", what, err)
	}
	return st, took
}

type storeDump struct {
	lines []string
	stats graph.Stats
}

// readStore opens the bolt store at db, asks it a query, checks its fact
// index, and reads it whole.
func readStore(t *testing.T, db string) (storeDump, error) {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Address: db, FewWrites: true})
	if err != nil {
		return storeDump{}, fmt.Errorf("open: %w", err)
	}
	defer s.Close()
	if _, err := s.Query(ctx, "gizmo", `g.Emit(g.V().Has("<kg:type>", "<kg:t/Document>").Count())`, graph.QueryOptions{Timeout: time.Minute}); err != nil {
		return storeDump{}, fmt.Errorf("query: %w", err)
	}
	// The fact index is written in the quads' transactions: whatever
	// moment the kill fell on, it says what the quads say.
	if err := s.CheckIndex(ctx); err != nil {
		return storeDump{}, err
	}
	var b bytes.Buffer
	if err := s.Export(ctx, &b, "nquads", graph.ExportOptions{}); err != nil {
		return storeDump{}, fmt.Errorf("export: %w", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return storeDump{}, fmt.Errorf("stats: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	slices.Sort(lines)
	return storeDump{lines: lines, stats: st}, nil
}

// quadLabel is the document an N-Quads line belongs to ("" for the
// unlabeled quads entities and predicates share): the document of its
// label, <kg:d/ID> or <kg:s/ID/N>.
func quadLabel(line string) string {
	line = strings.TrimSuffix(strings.TrimSpace(line), " .")
	i := strings.LastIndex(line, " <")
	if i < 0 || !strings.HasSuffix(line, ">") {
		return ""
	}
	label := line[i+2 : len(line)-1]
	switch {
	case strings.HasPrefix(label, "kg:d/"):
		return strings.TrimPrefix(label, "kg:d/")
	case strings.HasPrefix(label, "kg:s/"):
		id := strings.TrimPrefix(label, "kg:s/")
		if j := strings.LastIndexByte(id, '/'); j >= 0 {
			return id[:j]
		}
	}
	return ""
}

// byDocument splits a dump's lines into each document's labeled quads and
// the shared, unlabeled ones.
func byDocument(lines []string) (docs map[string][]string, shared []string) {
	docs = map[string][]string{}
	for _, l := range lines {
		if d := quadLabel(l); d != "" {
			docs[d] = append(docs[d], l)
		} else {
			shared = append(shared, l)
		}
	}
	return docs, shared
}

// checkWhole says what is wrong with got, a store a killed build left,
// against versions, the stores clean builds give (the store before a
// build that replaces documents, and after it): every document got holds
// must hold exactly its quads of one version, every entity and predicate
// its quads name must have its label, and got must hold no shared quad
// that no version has.
func checkWhole(got storeDump, versions ...storeDump) []string {
	var problems []string
	gotDocs, gotShared := byDocument(got.lines)
	var wantDocs []map[string][]string
	var wantShared [][]string
	for _, v := range versions {
		d, sh := byDocument(v.lines)
		wantDocs, wantShared = append(wantDocs, d), append(wantShared, sh)
	}
	for id, qs := range gotDocs {
		if !slices.ContainsFunc(wantDocs, func(w map[string][]string) bool { return slices.Equal(qs, w[id]) }) {
			problems = append(problems, fmt.Sprintf("document %s: %d quads, want those of a clean build (%d)", id, len(qs), len(wantDocs[len(wantDocs)-1][id])))
		}
	}
	labeled := map[string]bool{}
	for _, l := range gotShared {
		if f := strings.SplitN(l, " ", 3); len(f) == 3 && f[1] == "<kg:label>" {
			labeled[f[0]] = true
		}
		if !slices.ContainsFunc(wantShared, func(w []string) bool { _, ok := slices.BinarySearch(w, l); return ok }) {
			problems = append(problems, "shared quad not in a clean build: "+l)
		}
	}
	for id, qs := range gotDocs {
		for _, l := range qs {
			f := strings.SplitN(l, " ", 4)
			if len(f) == 4 && (f[1] == "<kg:mentions>" || f[1] == "<kg:predicate>") && !labeled[f[2]] {
				problems = append(problems, fmt.Sprintf("document %s names %s, which has no label", id, f[2]))
			}
		}
	}
	slices.Sort(problems)
	return problems
}

// faultSeedFromEnv is faultSeed, or KGRAPH_FAULT_SEED when set.
func faultSeedFromEnv(t *testing.T) uint64 {
	seed := uint64(faultSeed)
	if s := os.Getenv("KGRAPH_FAULT_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("KGRAPH_FAULT_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("seed %d (KGRAPH_FAULT_SEED=%d go test -run %s reruns these delays)", seed, seed, t.Name())
	return seed
}

// killRounds runs rounds builds (args) in child processes, each into a
// store prepare makes, kills each after a seeded random delay in about the
// time took that one build takes, and checks what each left against
// versions (checkWhole); then it builds again in this process and wants
// exactly clean, the last version. It returns how many documents each
// killed build had left stored.
func killRounds(t *testing.T, seed uint64, rounds int, took time.Duration, prepare func(db string), args func(db string) []string, versions ...storeDump) []int64 {
	t.Helper()
	clean := versions[len(versions)-1]
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(seed, seed))
	var stored []int64
	for round := range rounds {
		db := filepath.Join(dir, fmt.Sprintf("kill%02d.db", round))
		prepare(db)
		// Loading the models takes the first part of a build: the kills
		// fall from a third of its time to a little past its end.
		delay := took/3 + time.Duration(rng.Int64N(int64(took)*3/4))
		cmd, out := startChild(t, args(db)...)
		time.Sleep(delay)
		killed := cmd.Process.Kill() == nil
		werr := cmd.Wait()
		if !killed && werr != nil {
			t.Fatalf("round %d: the build failed before the kill: %v\n%s", round, werr, out)
		}

		got, err := readStore(t, db)
		if err != nil {
			t.Errorf("round %d (killed after %v): the store left behind: %v", round, delay, err)
			continue
		}
		for _, p := range checkWhole(got, versions...) {
			t.Errorf("round %d (killed after %v): %s", round, delay, p)
		}
		stored = append(stored, got.stats.Documents)
		t.Logf("round %2d: killed after %4dms: %2d documents stored", round, delay.Milliseconds(), got.stats.Documents)

		if _, errOut, code := run(t, "", args(db)...); code != 0 {
			t.Errorf("round %d: building again: exit %d: %s", round, code, errOut)
			continue
		}
		rebuilt, err := readStore(t, db)
		if err != nil {
			t.Errorf("round %d: the store built again: %v", round, err)
			continue
		}
		if !slices.Equal(rebuilt.lines, clean.lines) {
			t.Errorf("round %d: built again, the store differs from a clean build: %d quads, want %d; %s", round, len(rebuilt.lines), len(clean.lines), firstDiff(rebuilt.lines, clean.lines))
		}
		if rebuilt.stats != clean.stats {
			t.Errorf("round %d: built again, stats %+v, want the clean build's %+v (a duplicate?)", round, rebuilt.stats, clean.stats)
		}
	}
	return stored
}

// A build killed with SIGKILL at a random moment leaves a store that opens,
// answers, and holds every document it holds whole; building again
// completes and gives the store a clean build gives, with no duplicate.
func TestFault_KilledBuild(t *testing.T) {
	seed := faultSeedFromEnv(t)
	dir := t.TempDir()
	args := func(db string) []string {
		return []string{"build", "--db", db, "-q", "--batch-docs", faultBatch, faultInput}
	}

	// A clean build, in a child process as the killed ones are, to know
	// how long one takes; and one in this process, to check that a build
	// is deterministic and the comparison below fair.
	cleanDB := filepath.Join(dir, "clean.db")
	clean, took := childBuild(t, "clean build", args(cleanDB)...)
	if clean.stats.Documents != 40 {
		t.Fatalf("clean build holds %d documents, want 40", clean.stats.Documents)
	}
	again := filepath.Join(dir, "again.db")
	if _, errOut, code := run(t, "", args(again)...); code != 0 {
		t.Fatalf("second clean build: exit %d: %s", code, errOut)
	}
	if d, err := readStore(t, again); err != nil || !slices.Equal(d.lines, clean.lines) {
		t.Fatalf("two clean builds differ (%v): the kill test needs a deterministic build", err)
	}
	t.Logf("clean build: %v in a child process, %d documents, %d quads", took.Round(time.Millisecond), clean.stats.Documents, len(clean.lines))

	stored := killRounds(t, seed, faultRounds, took, func(string) {}, args, clean)
	var empty, partial, whole int
	for _, n := range stored {
		switch {
		case n == 0:
			empty++
		case n < clean.stats.Documents:
			partial++
		default:
			whole++
		}
	}
	t.Logf("%d rounds: %d killed before the first write, %d part way, %d after the last", len(stored), empty, partial, whole)
}

// A build that replaces every document, killed at random: each document
// the store holds is whole in its old version or its new one, and building
// again gives what the replacing build gives. On bolt a replacement is two
// writes, removals first (graph.Store.Load, a Cayley bug), so a kill
// between them may leave a document missing; building again restores it.
func TestFault_KilledReplace(t *testing.T) {
	seed := faultSeedFromEnv(t)
	dir := t.TempDir()
	// The old versions: each text with one sentence more.
	data, err := os.ReadFile(faultInput)
	if err != nil {
		t.Fatal(err)
	}
	var old bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d map[string]any
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		d["text"] = d["text"].(string) + "\nJapan and Kenya welcomed the statement."
		b, _ := json.Marshal(d)
		old.Write(append(b, '\n'))
	}
	oldInput := filepath.Join(dir, "old.jsonl")
	if err := os.WriteFile(oldInput, old.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := func(db string) []string {
		return []string{"build", "--db", db, "-q", "--batch-docs", faultBatch, faultInput}
	}
	oldDB := filepath.Join(dir, "old.db")
	if _, errOut, code := run(t, "", "build", "--db", oldDB, "-q", oldInput); code != 0 {
		t.Fatalf("building the old versions: %s", errOut)
	}
	before, err := readStore(t, oldDB)
	if err != nil {
		t.Fatal(err)
	}
	cleanDB := filepath.Join(dir, "clean.db")
	copyDir(t, oldDB, cleanDB)
	clean, took := childBuild(t, "clean replacing build", args(cleanDB)...)
	t.Logf("replacing build: %v in a child process; %d quads before, %d after", took.Round(time.Millisecond), len(before.lines), len(clean.lines))

	stored := killRounds(t, seed, faultRounds/2, took, func(db string) { copyDir(t, oldDB, db) }, args, before, clean)
	missing := 0
	for _, n := range stored {
		if n < clean.stats.Documents {
			missing++
		}
	}
	t.Logf("%d rounds, %d with a document missing (killed between a replacement's two writes)", len(stored), missing)
}

// copyDir copies the files of the directory from into a new directory to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// firstDiff describes the first line that only one of two sorted lists holds.
func firstDiff(got, want []string) string {
	for _, l := range got {
		if _, ok := slices.BinarySearch(want, l); !ok {
			return "extra: " + l
		}
	}
	for _, l := range want {
		if _, ok := slices.BinarySearch(got, l); !ok {
			return "missing: " + l
		}
	}
	return "same lines, different order"
}

// Hostile inputs among good ones: each bad document gets one error line
// naming its file and line, the good documents are built, and the exit
// status says that some were refused.
func TestFault_HostileInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A 50 MB line between two good ones.
	var huge bytes.Buffer
	huge.WriteString(`{"id":"before","text":"Japan welcomed the agreement."}` + "\n")
	huge.WriteString(`{"id":"huge","text":"`)
	huge.Write(bytes.Repeat([]byte("Kenya condemned the attack. "), 50<<20/28))
	huge.WriteString("\"}\n" + `{"id":"after","text":"Chile signed the treaty."}` + "\n")
	// A gzip file cut short: the lines before the cut are built.
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(zw, `{"id":"gz%02d","text":"Norway supported the plan %d.`, i, i)
		for j := range 200 { // digits that hardly compress
			fmt.Fprintf(zw, " %d", (i*7919+j*104729)%99991)
		}
		fmt.Fprint(zw, "\"}\n")
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	cut := z.Bytes()[:z.Len()/2]

	inputs := []string{
		write("huge.jsonl", huge.Bytes()),
		write("cut.jsonl.gz", cut),
		write("types.jsonl", []byte(`{"id":"t1","text":5}`+"\n"+`{"id":2,"text":"India agreed."}`+"\n"+`{"id":"t3","text":"Ghana agreed."}`+"\n")),
		write("broken.jsonl", []byte(`{"id":"b1","text":"Peru agreed.`+"\n"+`{"id":"b2","text":"France agreed."}`+"\n")),
		write("utf8.jsonl", []byte("{\"id\":\"u1\",\"text\":\"caf\xe9 society\"}\n")),
		write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
		write("latin1.txt", []byte("Caf\xe9 society met.")),
		write("good.txt", []byte("The United States condemned the test.")),
	}
	db := filepath.Join(dir, "kg.db")
	out, errOut, code := run(t, "", append([]string{"build", "--db", db, "-q", "--json"}, inputs...)...)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	errLines := strings.Split(strings.TrimSpace(errOut), "\n")
	for _, want := range []string{
		"huge.jsonl:2: line longer than 16 MB",
		"cut.jsonl.gz:", // the line depends on where the cut falls
		`types.jsonl:1: field "text" is a number, want a string`,
		`types.jsonl:2: field "id" is a number, want a string`,
		"broken.jsonl:1: not a JSON object: unexpected end of JSON input",
		"utf8.jsonl:1: invalid UTF-8 at byte offset 22",
		"photo.txt: binary data (NUL byte at offset 8)",
		"latin1.txt: invalid UTF-8 at byte offset 3",
	} {
		n := 0
		for _, l := range errLines {
			if strings.Contains(l, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d error lines say %q, want 1:\n%s", n, want, errOut)
		}
	}
	if len(errLines) != 8 {
		t.Errorf("%d error lines, want 8, one per bad document:\n%s", len(errLines), errOut)
	}
	var gzLine int
	for _, l := range errLines {
		if _, rest, ok := strings.Cut(l, "cut.jsonl.gz:"); ok {
			fmt.Sscanf(rest, "%d: compressed data cut short or corrupt", &gzLine)
		}
	}
	if gzLine < 2 {
		t.Fatalf("no error names the line where the gzip stream ends:\n%s", errOut)
	}
	var sum buildSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	// before, after, the gzip lines before the cut, t3, b2, good.
	wantNew := 2 + (gzLine - 1) + 3
	if sum.New != wantNew || sum.Refused != 8 {
		t.Errorf("summary %+v, want %d new and 8 refused", sum, wantNew)
	}
	got, err := readStore(t, db)
	if err != nil {
		t.Fatal(err)
	}
	if int(got.stats.Documents) != wantNew {
		t.Errorf("the store holds %d documents, want %d", got.stats.Documents, wantNew)
	}
}

// A query that never ends stops at --timeout, and one that would answer
// millions of rows stops at --limit.
func TestFault_RunawayQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errOut, code := run(t, "The United States condemned the test.", "build", "--db", db, "-q", "--id", "note", "-"); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"endless", []string{"--timeout", "300ms", `while (true) {}`}, exitError, "", "gizmo query: query timed out after 300ms"},
		{"endless from stdin", []string{"--timeout", "300ms", "-"}, exitError, "", "query timed out after 300ms"},
		{"millions of rows, limit", []string{"--limit", "3", `for (var i = 0; i < 1e8; i++) { g.Emit(i) }`}, exitOK, `{"result":[0,1,2],"truncated":true}`, ""},
		{"millions of rows, timeout", []string{"--timeout", "300ms", `for (var i = 0; i < 1e8; i++) { g.Emit(i) }`}, exitError, "", "query timed out after 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, `while (true) {}`, append([]string{"query", "--db", db}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) || strings.TrimSpace(out) != tt.wantOut {
				t.Errorf("exit %d, out %q, err %q; want exit %d, out %q, err containing %q", code, out, errOut, tt.wantCode, tt.wantOut, tt.wantErr)
			}
		})
	}
}
