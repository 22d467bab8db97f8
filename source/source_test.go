package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// truncatedGzip is a gzip file of JSON Lines documents t1, t2, … cut
// short part way, and how many whole lines can be read from it.
func truncatedGzip(t *testing.T) ([]byte, int) {
	var b strings.Builder
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&b, "{\"id\":\"t%d\",\"text\":\"Japan welcomed it.", i)
		for j := 0; j < 300; j++ { // digits that hardly compress
			fmt.Fprintf(&b, " %d", (i*7919+j*104729)%99991)
		}
		b.WriteString("\"}\n")
	}
	z := gz(t, b.String())
	z = z[:len(z)*3/5]
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err == nil {
		t.Fatal("the cut gzip stream reads whole")
	}
	lines := 0
	for _, l := range strings.SplitAfter(string(got), "\n") {
		if strings.HasPrefix(l, "{") && strings.HasSuffix(l, "\n") {
			lines++
		}
	}
	if lines < 2 {
		t.Fatalf("only %d whole documents before the cut", lines)
	}
	return z, lines
}

func collect(t *testing.T, inputs []string, opts Options) (docs []Item, errs []Item) {
	t.Helper()
	err := Walk(context.Background(), inputs, opts, func(it Item) error {
		if it.Err != nil {
			errs = append(errs, it)
		} else {
			docs = append(docs, it)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, errs
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "in/b.txt", []byte("Title line\nThe sides met."))
	write(t, dir, "in/a.md", []byte("# Heading\nText."))
	write(t, dir, "in/skip.csv", []byte("x,y"))
	write(t, dir, "in/sub/c.jsonl", []byte(`{"id":"c1","text":"One.","title":"T","date":"2024-10-31","url":"http://x"}`+"\n\n"+`{"id":"c2","text":"Two."}`))
	write(t, dir, "in/d.jsonl.gz", gz(t, `{"id":"d1","text":"Gz."}`+"\n"))

	cut, cutLines := truncatedGzip(t)
	var ids []string
	for i := 1; i <= cutLines; i++ {
		ids = append(ids, fmt.Sprintf("t%d", i))
	}
	cutIDs := strings.Join(ids, " ")
	tests := []struct {
		name    string
		inputs  []string
		stdin   string
		wantIDs string
		wantErr []string // substrings, one per error, in order
	}{
		{name: "file", inputs: []string{good}, wantIDs: "b"},
		{name: "directory sorted", inputs: []string{filepath.Join(dir, "in")}, wantIDs: "a b d1 c1 c2"},
		{name: "stdin", inputs: []string{"-"}, stdin: "From stdin.", wantIDs: "stdin"},
		{name: "missing file continues", inputs: []string{filepath.Join(dir, "nope.txt"), good}, wantIDs: "b", wantErr: []string{"nope.txt"}},
		{name: "binary", inputs: []string{write(t, dir, "bin.txt", []byte("ab\x00cd")), good}, wantIDs: "b", wantErr: []string{"NUL byte at offset 2"}},
		{name: "invalid utf8", inputs: []string{write(t, dir, "bad.txt", []byte("caf\xe9 ok"))}, wantErr: []string{"invalid UTF-8 at byte offset 3"}},
		{name: "empty", inputs: []string{write(t, dir, "empty.txt", []byte(" \n\t"))}, wantErr: []string{"empty document"}},
		{name: "unsupported", inputs: []string{write(t, dir, "x.pdf", []byte("%PDF"))}, wantErr: []string{"unsupported file type"}},
		{name: "jsonl bad lines", inputs: []string{write(t, dir, "bad.jsonl", []byte(
			"{\"id\":\"ok1\",\"text\":\"Fine.\"}\nnot json\n{\"id\":\"x\"}\n{\"text\":\"no id\"}\n{\"id\":\"e\",\"text\":\"\"}\n{\"id\":\"ok2\",\"text\":\"Also fine.\"}"))},
			wantIDs: "ok1 ok2",
			wantErr: []string{"bad.jsonl:2: not a JSON object", "bad.jsonl:3: no \"text\"", "bad.jsonl:4: no \"id\"", "bad.jsonl:5: empty document"}},
		{name: "jsonl wrong types", inputs: []string{write(t, dir, "types.jsonl", []byte(
			"{\"id\":\"a\",\"text\":5}\n{\"id\":7,\"text\":\"x\"}\n[\"array\"]\nnull\n{\"id\":\"ok\",\"text\":\"Fine.\"}\n{\"id\":\"u\",\"text\":\"caf\xe9\"}\n"))},
			wantIDs: "ok",
			wantErr: []string{`types.jsonl:1: field "text" is a number, want a string`, `types.jsonl:2: field "id" is a number, want a string`,
				"types.jsonl:3: not a JSON object: an array", "types.jsonl:4: not a JSON object: null", "types.jsonl:6: invalid UTF-8 at byte offset 21"}},
		{name: "truncated gzip", inputs: []string{write(t, dir, "cut.jsonl.gz", cut), good}, wantIDs: cutIDs + " b",
			wantErr: []string{fmt.Sprintf("cut.jsonl.gz:%d: compressed data cut short or corrupt (unexpected EOF)", cutLines+1)}},
		{name: "not gzip", inputs: []string{write(t, dir, "fake.jsonl.gz", []byte("plain"))}, wantErr: []string{"not gzip"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, tt.inputs, Options{Stdin: strings.NewReader(tt.stdin)})
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.Doc.ID)
			}
			if got := strings.Join(ids, " "); got != tt.wantIDs {
				t.Errorf("ids = %q, want %q", got, tt.wantIDs)
			}
			if len(errs) != len(tt.wantErr) {
				t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(tt.wantErr))
			}
			for i, e := range errs {
				msg := e.Origin + ": " + e.Err.Error()
				if !strings.Contains(msg, tt.wantErr[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, msg, tt.wantErr[i])
				}
			}
		})
	}
}

func TestWalk_Metadata(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "m.jsonl", []byte(`{"id":"m","title":"T","date":"D","url":"U","text":"X."}`))
	docs, _ := collect(t, []string{p}, Options{})
	if len(docs) != 1 {
		t.Fatal(len(docs))
	}
	d := docs[0].Doc
	if d.Title != "T" || d.Date != "D" || d.URL != "U" || d.Text != "X." {
		t.Errorf("got %+v", d)
	}
}

// A line far longer than the limit is refused by itself and the next line
// still reads.
func TestWalk_HugeLine(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	b.WriteString(`{"id":"big","text":"`)
	b.Write(bytes.Repeat([]byte("a"), MaxDocumentBytes+10))
	b.WriteString("\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n")
	p := write(t, dir, "huge.jsonl", b.Bytes())
	docs, errs := collect(t, []string{p}, Options{})
	if len(errs) != 1 || !errors.Is(errs[0].Err, ErrInput) || !strings.Contains(errs[0].Err.Error(), "longer than") {
		t.Fatalf("errs = %v", errs)
	}
	if len(docs) != 1 || docs[0].Doc.ID != "after" {
		t.Fatalf("docs = %v", docs)
	}
	big := write(t, dir, "big.txt", bytes.Repeat([]byte("b"), MaxDocumentBytes+1))
	if _, errs := collect(t, []string{big}, Options{}); len(errs) != 1 || !strings.Contains(errs[0].Err.Error(), "larger than") {
		t.Fatalf("big text errs = %v", errs)
	}
}

func TestDocumentID(t *testing.T) {
	for in, want := range map[string]string{
		"data/statement.txt": "statement", "x/wh.jsonl.gz": "wh", "a.b.md": "a.b", "C.JSONL": "C",
	} {
		if got := DocumentID(in); got != want {
			t.Errorf("DocumentID(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseJSONLine(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"b"}`))
	f.Add([]byte(`{"id":1}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		it := parseJSONLine("f:1", line)
		if it.Err == nil && (it.Doc.ID == "" || CheckText([]byte(it.Doc.Text)) != nil) {
			t.Fatalf("accepted a document without id or text: %+v", it.Doc)
		}
	})
}

func TestTexts(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("First text."))
	b := write(t, dir, "b.jsonl", []byte(`{"id":"b1","text":"Second."}`+"\n"+`{"id":"b2","text":"Third."}`+"\n"))
	got, err := Texts(context.Background(), []string{a, b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "First text.|Second.|Third." {
		t.Errorf("Texts = %q", got)
	}
	bad := write(t, dir, "bad.jsonl", []byte(`{"id":"x","text":"ok"}`+"\nnot json\n"))
	_, err = Texts(context.Background(), []string{a, bad}, Options{})
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("Texts of a broken JSON Lines file: error %v, want one naming bad.jsonl:2", err)
	}
}

// FuzzReadJSONL reads whole JSON Lines files: whatever the bytes, reading
// ends, never panics, numbers lines in order, and accepts only documents
// with an id and a text.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"text\":\"b\"}\n\n{\"id\":\"c\",\"text\":\"d\"}"))
	f.Add([]byte("{\"id\":\"a\",\"text\":5}\r\nnull\n\xff\x00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		err := readJSONL(context.Background(), "f", bytes.NewReader(data), func(it Item) error {
			var n int
			if _, err := fmt.Sscanf(it.Origin, "f:%d", &n); err != nil || n <= last {
				t.Fatalf("origin %q after line %d", it.Origin, last)
			}
			last = n
			if it.Err == nil && (it.Doc.ID == "" || CheckText([]byte(it.Doc.Text)) != nil) {
				t.Fatalf("accepted a document without id or text: %+v", it.Doc)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
