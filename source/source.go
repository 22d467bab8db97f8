// Package source reads the documents kgraph builds graphs from: plain text
// and Markdown files (one document each), JSON Lines files, plain or
// gzip-compressed (one document a line), directories of those, and standard
// input.
//
// It sits before extraction: every input becomes a schema.Document or an
// error that names the input (and line), so one bad file never stops the
// others and never reaches the store half-read.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kgraph/schema"
)

// MaxDocumentBytes is the largest document accepted. Larger ones are refused
// whole: extraction and a single-transaction load of more than this would
// hold too much memory for one machine.
const MaxDocumentBytes = 16 << 20

// ErrInput matches (errors.Is) every error about the content of an input,
// as opposed to an error reading it.
var ErrInput = errors.New("bad input")

// InputError says what is wrong with an input's content.
type InputError struct{ Msg string }

func (e *InputError) Error() string        { return e.Msg }
func (e *InputError) Is(target error) bool { return target == ErrInput }

func badInput(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// Item is one document read from an input, or the error that kept it from
// being read. Origin names where it came from: "data/statement.txt",
// "corpus.jsonl.gz:12", "-".
type Item struct {
	Doc    schema.Document
	Origin string
	Err    error
}

// Options says how to read inputs.
type Options struct {
	Stdin   io.Reader // read for the input "-"
	StdinID string    // document id for standard input; "stdin" when empty
}

// Walk reads every input in order and calls fn for each document or error.
// A directory is walked in sorted order, taking .txt, .md, .jsonl and
// .jsonl.gz files. Walk stops early only when fn returns an error or ctx is
// done; errors about one input are reported through fn and the walk goes on.
func Walk(ctx context.Context, inputs []string, opts Options, fn func(Item) error) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if in == "-" {
			if err := readStdin(opts, fn); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			if err := fn(Item{Origin: in, Err: err}); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := readFile(ctx, in, fn); err != nil {
				return err
			}
			continue
		}
		files, err := listDir(in)
		if err != nil {
			if err := fn(Item{Origin: in, Err: err}); err != nil {
				return err
			}
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := readFile(ctx, f, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// Texts reads every input as Walk does and returns the documents' texts in
// order, for consumers that need the words and not the documents (learning
// word classes). Unlike Walk it stops at the first input it cannot read and
// returns that error, naming the input.
func Texts(ctx context.Context, inputs []string, opts Options) ([]string, error) {
	var texts []string
	err := Walk(ctx, inputs, opts, func(it Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Origin, it.Err)
		}
		texts = append(texts, it.Doc.Text)
		return nil
	})
	return texts, err
}

// Supported reports whether a file name has an extension Walk reads.
func Supported(name string) bool {
	_, ok := kindOf(name)
	return ok
}

type kind int

const (
	kindText kind = iota
	kindJSONL
	kindJSONLGzip
)

func kindOf(name string) (kind, bool) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".jsonl.gz"):
		return kindJSONLGzip, true
	case strings.HasSuffix(lower, ".jsonl"):
		return kindJSONL, true
	case strings.HasSuffix(lower, ".txt"), strings.HasSuffix(lower, ".md"):
		return kindText, true
	}
	return 0, false
}

func listDir(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && Supported(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// DocumentID is the id of a document read from a file: its base name
// without the extension Walk recognized ("statement" for data/statement.txt,
// "wh" for wh.jsonl.gz).
func DocumentID(path string) string {
	base := filepath.Base(path)
	lower := strings.ToLower(base)
	for _, ext := range []string{".jsonl.gz", ".jsonl", ".txt", ".md"} {
		if strings.HasSuffix(lower, ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func readStdin(opts Options, fn func(Item) error) error {
	id := opts.StdinID
	if id == "" {
		id = "stdin"
	}
	if opts.Stdin == nil {
		return fn(Item{Origin: "-", Err: badInput("no standard input")})
	}
	text, err := readLimited(opts.Stdin)
	if err == nil {
		err = CheckText(text)
	}
	if err != nil {
		return fn(Item{Origin: "-", Err: err})
	}
	return fn(Item{Origin: "-", Doc: schema.Document{ID: id, Text: string(text)}})
}

func readFile(ctx context.Context, path string, fn func(Item) error) error {
	k, ok := kindOf(path)
	if !ok {
		return fn(Item{Origin: path, Err: badInput("unsupported file type (want .txt, .md, .jsonl or .jsonl.gz)")})
	}
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Origin: path, Err: err})
	}
	defer f.Close()
	switch k {
	case kindJSONL:
		return readJSONL(ctx, path, f, fn)
	case kindJSONLGzip:
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fn(Item{Origin: path, Err: badInput("not gzip: %v", err)})
		}
		defer zr.Close()
		return readJSONL(ctx, path, zr, fn)
	}
	text, err := readLimited(f)
	if err == nil {
		err = CheckText(text)
	}
	if err != nil {
		return fn(Item{Origin: path, Err: err})
	}
	return fn(Item{Origin: path, Doc: schema.Document{ID: DocumentID(path), Text: string(text)}})
}

func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxDocumentBytes {
		return nil, badInput("document larger than %d MB", MaxDocumentBytes>>20)
	}
	return b, nil
}

// CheckText refuses what is not a document: empty or blank text, binary
// data (a NUL byte) and invalid UTF-8, naming the byte offset where it
// goes wrong.
func CheckText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return badInput("empty document")
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return badInput("binary data (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(b) {
		return badInput("invalid UTF-8 at byte offset %d", invalidUTF8(b))
	}
	return nil
}

// invalidUTF8 is the offset of the first byte of b that is not UTF-8.
func invalidUTF8(b []byte) int {
	off := 0
	for off < len(b) {
		r, size := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return off
}

// jsonError says what json.Unmarshal found wrong with a line, in the
// line's terms rather than Go's: `field "text" is a number, want a string`
// instead of "cannot unmarshal number into Go struct field jsonDoc.text".
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return badInput("not a JSON object: %s %s", article(te.Value), te.Value)
		}
		return badInput("field %q is %s %s, want a string", te.Field, article(te.Value), te.Value)
	}
	return badInput("not a JSON object: %v", err)
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// jsonDoc is one JSON Lines record; extra fields are ignored.
type jsonDoc struct {
	ID    *string `json:"id"`
	Title string  `json:"title"`
	Date  string  `json:"date"`
	URL   string  `json:"url"`
	Text  *string `json:"text"`
}

func readJSONL(ctx context.Context, path string, r io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, MaxDocumentBytes)
		if err == io.EOF && line == nil && !tooLong {
			return nil
		}
		origin := fmt.Sprintf("%s:%d", path, n)
		if err != nil && err != io.EOF {
			// The rest of the file cannot be read: a gzip file cut short
			// or corrupt, or a failing disk. The line is dropped whole.
			if _, gz := r.(*gzip.Reader); gz {
				err = badInput("compressed data cut short or corrupt (%v); the lines before were read", err)
			}
			return fn(Item{Origin: origin, Err: err})
		}
		atEOF := err == io.EOF
		var item Item
		switch {
		case tooLong:
			item = Item{Origin: origin, Err: badInput("line longer than %d MB", MaxDocumentBytes>>20)}
		case len(bytes.TrimSpace(line)) == 0:
			if atEOF {
				return nil
			}
			continue
		default:
			item = parseJSONLine(origin, line)
		}
		if err := fn(item); err != nil {
			return err
		}
		if atEOF {
			return nil
		}
	}
}

func parseJSONLine(origin string, line []byte) Item {
	if !utf8.Valid(line) {
		return Item{Origin: origin, Err: badInput("invalid UTF-8 at byte offset %d", invalidUTF8(line))}
	}
	var d jsonDoc
	if err := json.Unmarshal(line, &d); err != nil {
		return Item{Origin: origin, Err: jsonError(err)}
	}
	if bytes.Equal(bytes.TrimSpace(line), []byte("null")) {
		return Item{Origin: origin, Err: badInput("not a JSON object: null")}
	}
	if d.ID == nil || strings.TrimSpace(*d.ID) == "" {
		return Item{Origin: origin, Err: badInput("no \"id\" field")}
	}
	if d.Text == nil {
		return Item{Origin: origin, Err: badInput("no \"text\" field")}
	}
	if err := CheckText([]byte(*d.Text)); err != nil {
		return Item{Origin: origin, Err: err}
	}
	return Item{Origin: origin, Doc: schema.Document{ID: *d.ID, Title: d.Title, Date: d.Date, URL: d.URL, Text: *d.Text}}
}

// readLine returns the next line without its newline. A line longer than
// max is consumed and discarded, and reported with tooLong, so a 50 MB line
// costs no more memory than max.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			if tooLong {
				return nil, true, nil
			}
			return bytes.TrimRight(buf, "\r\n"), false, nil
		default:
			if tooLong {
				return nil, true, err
			}
			if len(buf) == 0 {
				return nil, false, err
			}
			return bytes.TrimRight(buf, "\r\n"), false, err
		}
	}
}
