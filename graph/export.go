package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// ExportOptions choose what Export writes: the whole graph, or the subgraph
// around one entity (Entity, Hops) or among the entities a query returns
// (Query). A subgraph is a set of resolved facts; every format writes those
// facts and the nodes they link, so the formats agree on what is in it.
type ExportOptions struct {
	// All includes unresolved facts in the tsv facts table. They have no
	// subject entity, so a subgraph never holds them.
	All bool

	// Entity, a label or an alias ("DPRK"), keeps the facts within Hops
	// hops of that entity: those on a path of at most Hops facts from it,
	// following facts either way.
	Entity string
	// Hops is how far from Entity to go; 0 means 1, the entity's own facts.
	Hops int

	// Query, a Gizmo query, keeps the facts between the entities it
	// returns: entity IRIs ("<kg:e/russia>") or entity labels, as the
	// result or in a tag.
	Query string
}

// subgraph reports whether the options select part of the graph.
func (o ExportOptions) subgraph() bool { return o.Entity != "" || o.Query != "" }

// Validate reports options that contradict each other.
func (o ExportOptions) Validate() error {
	switch {
	case o.Entity != "" && o.Query != "":
		return errors.New("choose a subgraph by entity or by query, not both")
	case o.Hops < 0:
		return fmt.Errorf("hops %d: must be 1 or more", o.Hops)
	case o.Hops > 0 && o.Entity == "":
		return errors.New("hops count from an entity: give one")
	}
	return nil
}

// Format is an export format. Add one by adding a file that calls
// registerFormat in its init, as format_*.go do.
type Format struct {
	Name string   // what Export's format argument says
	Ext  []string // file extensions, with the dot
	MIME string   // content type
	// Files are the files a format that writes a directory puts in it;
	// nil for a format that writes one stream. Export refuses the first
	// kind and ExportDir the second.
	Files []string

	// write writes the view in this format to one stream.
	write func(ctx context.Context, v *view, w io.Writer) error
	// writeDir writes the view in this format into a directory.
	writeDir func(ctx context.Context, v *view, dir string) error
}

var formats = map[string]*Format{}

func registerFormat(f Format) {
	if _, dup := formats[f.Name]; dup {
		panic("graph: format " + f.Name + " registered twice")
	}
	if (f.write == nil) == (f.writeDir == nil) {
		panic("graph: format " + f.Name + " must write a stream or a directory")
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

// ExportFormats lists the names Export and ExportDir accept, sorted.
func ExportFormats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LookupFormat finds a format by name.
func LookupFormat(name string) (Format, error) {
	f, ok := formats[name]
	if !ok {
		return Format{}, fmt.Errorf("%w %q; known: %s", ErrUnknownFormat, name, strings.Join(ExportFormats(), ", "))
	}
	return *f, nil
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

// Export writes the graph, or the subgraph opts select, to w in the named
// format (one of ExportFormats() that writes a stream). Two exports of the
// same graph are byte-identical.
func (s *Store) Export(ctx context.Context, w io.Writer, format string, opts ExportOptions) error {
	f, err := LookupFormat(format)
	if err != nil {
		return err
	}
	if f.write == nil {
		return fmt.Errorf("export %s: %w (%s): use ExportDir", format, ErrDirectoryFormat, strings.Join(f.Files, ", "))
	}
	v, err := s.newView(ctx, opts)
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := f.write(ctx, v, w); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// ExportDir writes the graph, or the subgraph opts select, into dir in the
// named format, one that writes a directory (Format.Files), creating dir
// when it is missing. Each file is written under a temporary name and
// renamed when whole.
func (s *Store) ExportDir(ctx context.Context, dir, format string, opts ExportOptions) error {
	f, err := LookupFormat(format)
	if err != nil {
		return err
	}
	if f.writeDir == nil {
		return fmt.Errorf("export %s: the format writes one stream, not a directory: use Export", format)
	}
	v, err := s.newView(ctx, opts)
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := f.writeDir(ctx, v, dir); err != nil {
		return fmt.Errorf("export %s to %s: %w", format, dir, err)
	}
	return nil
}

// writeFile writes path through write, under a temporary name renamed at
// the end, so that a failed export never leaves half a file.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file private; an export is for other programs.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
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
