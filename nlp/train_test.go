package nlp

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/lemma"
	"github.com/kgraph/kgraph/nlp/parse"
	"github.com/kgraph/kgraph/nlp/tag"
	"github.com/kgraph/kgraph/nlp/tokenize"
)

// Training the whole core on a slice of EWT: the models load back, tag and
// parse, and the same seed gives the same bytes.
func TestTrain(t *testing.T) {
	if testing.Short() {
		t.Skip("trains four models")
	}
	f, err := os.Open("../../shared/data/ud-english-ewt/en_ewt-ud-train.conllu")
	if err != nil {
		t.Skip("UD EWT not found beside the repository (../shared):", err)
	}
	defer f.Close()
	all, err := conllu.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	train := all[:400]
	var dirs []string
	for range 2 {
		m, err := Train(context.Background(), TrainConfig{Train: train, Seed: 7, Folds: 2, Classes: 32, Supertags: true,
			Text: []string{"The two sides reaffirmed the alliance. They condemned the launches.\n\nBoth welcomed the talks."}})
		if err != nil {
			t.Fatal(err)
		}
		if m.Classes == nil || m.Classes.K() != 32 {
			t.Fatalf("trained with 32 word classes, got %v", m.Classes)
		}
		if _, ok := m.Classes.Class("the"); !ok {
			t.Error(`"the" has no word class`)
		}
		dir := t.TempDir()
		if err := m.WriteDir(dir); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	for _, name := range []string{BoundaryFile, TaggerFile, SupertagFile, LemmatizerFile, ParserFile} {
		a, err := os.ReadFile(filepath.Join(dirs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dirs[1], name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two trainings with one seed", name)
		}
	}
	// The written models load and work as a pipeline.
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dirs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if _, err := tokenize.NewSplitter(read(BoundaryFile)); err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Load(bytes.NewReader(read(TaggerFile)))
	if err != nil {
		t.Fatal(err)
	}
	st, err := tag.Load(bytes.NewReader(read(SupertagFile)))
	if err != nil {
		t.Fatal(err)
	}
	lm, err := lemma.Load(bytes.NewReader(read(LemmatizerFile)))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(read(ParserFile)))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parse.Load(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !ps.Supertagged() {
		t.Error("the parser was trained without supertags")
	}
	for _, tags := range st.Tags() {
		if tags[1] != "root" && !strings.HasSuffix(tags[1], "/L") && !strings.HasSuffix(tags[1], "/R") {
			t.Errorf("supertagger tag %q is not a supertag", tags[1])
		}
	}
	ps.SetSupertagger(st)
	p := &Pipeline{Tagger: tg, Lemmatizer: lm, Parser: ps}
	s := p.AnnotateWords([]string{"The", "sides", "reaffirmed", "the", "treaty", "."})
	roots := 0
	for _, w := range s.Words {
		if w.Head == 0 {
			roots++
		}
		if w.UPOS == "" || w.Lemma == "" || w.Deprel == "" {
			t.Errorf("word not annotated: %+v", w)
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
	// LoadDir assembles the same pipeline from the directory.
	q, err := LoadDir(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := q.AnnotateWords([]string{"The", "sides", "reaffirmed", "the", "treaty", "."}); !reflect.DeepEqual(got, s) {
		t.Errorf("LoadDir pipeline annotates\n%+v\nwant\n%+v", got, s)
	}
	if _, err := LoadDir(t.TempDir()); err == nil {
		t.Error("LoadDir of an empty directory succeeded")
	}
}

func TestCountPairs(t *testing.T) {
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := []string{"The two sides reaffirmed the alliance. They condemned the launches.", "Both sides welcomed the talks."}
	a, err := CountPairs(context.Background(), text, data.TokenizeModel, tg, p)
	if err != nil {
		t.Fatal(err)
	}
	// Three sentences of 7, 5 and 6 tokens have 15 arcs below their roots,
	// with few word pairs in common.
	if a.Len() < 11 || a.Len() > 15 {
		t.Errorf("%d distinct word pairs in three sentences with 15 arcs", a.Len())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CountPairs(ctx, text, data.TokenizeModel, tg, p); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled count: %v", err)
	}
}
