package graph

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// ExportOptions choose what Export writes.
type ExportOptions struct {
	// All includes unresolved facts in the tsv facts table.
	All bool
}

// Format is an export format. Add one by adding a file that calls
// registerFormat in its init, as format_*.go do.
type Format struct {
	Name string   // what Export's format argument says
	Ext  []string // file extensions, with the dot
	MIME string   // content type
	// write writes the store in this format.
	write func(ctx context.Context, s *Store, w io.Writer, opts ExportOptions) error
}

var formats = map[string]*Format{}

func registerFormat(f Format) {
	if _, dup := formats[f.Name]; dup {
		panic("graph: format " + f.Name + " registered twice")
	}
	formats[f.Name] = &f
}

// Formats lists the export formats, sorted by name.
func Formats() []Format {
	out := make([]Format, 0, len(formats))
	for _, f := range formats {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ExportFormats lists the names Export accepts, sorted.
func ExportFormats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// FormatByExt finds the format that writes files named like path
// ("graph.nq" → nquads); false when none does.
func FormatByExt(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		if slices.Contains(f.Ext, ext) {
			return *f, true
		}
	}
	return Format{}, false
}

// Export writes the whole graph to w in the named format (one of
// ExportFormats()). Two exports of the same graph are byte-identical.
func (s *Store) Export(ctx context.Context, w io.Writer, format string, opts ExportOptions) error {
	f, ok := formats[format]
	if !ok {
		return fmt.Errorf("%w %q; known: %s", ErrUnknownFormat, format, strings.Join(ExportFormats(), ", "))
	}
	if err := f.write(ctx, s, w, opts); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// sortedQuads reads every quad, sorted by its N-Quads line, so that exports
// do not depend on storage order.
func (s *Store) sortedQuads(ctx context.Context) ([]quad.Quad, error) {
	type line struct {
		q quad.Quad
		s string
	}
	var all []line
	err := s.eachStoredQuad(ctx, func(q quad.Quad) { all = append(all, line{q, q.NQuad()}) })
	if err != nil {
		return nil, err
	}
	slices.SortFunc(all, func(a, b line) int { return strings.Compare(a.s, b.s) })
	out := make([]quad.Quad, len(all))
	for i, l := range all {
		out[i] = l.q
	}
	return out, nil
}

// writeQuads writes qs through a quad writer and closes it.
func writeQuads(w quad.WriteCloser, qs []quad.Quad) error {
	if _, err := w.WriteQuads(qs); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
