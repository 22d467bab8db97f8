package extract

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/eval/judge"
	"github.com/kgraph/kgraph/schema"
)

// TestFitFactConfidence refits factWeights (factconf.go) on the judged dev
// samples and prints them, with how well they rank judged facts of
// documents they were not fitted on. It reads the statements corpus and
// runs for a minute or two, so it runs only when asked:
//
//	KGRAPH_FIT=1 go test ./extract -run TestFitFactConfidence -v
//
// KGRAPH_CORPUS names the corpus if it is not ../shared/corpus.
func TestFitFactConfidence(t *testing.T) {
	if os.Getenv("KGRAPH_FIT") == "" {
		t.Skip("set KGRAPH_FIT=1 to refit the fact confidence model")
	}
	corpus := os.Getenv("KGRAPH_CORPUS")
	if corpus == "" {
		corpus = "../../shared/corpus/wh-statements.jsonl.gz"
	}
	labels, docs := judgedDev(t, "../testdata/judge/dev")
	for _, f := range []string{"../testdata/judge/dev/docs-c320.txt", "../testdata/judge/dev/docs.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range strings.Fields(string(b)) {
			docs[id] = true
		}
	}
	p, err := NewDefault(Options{Unsure: true})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		x     map[string]float64
		y     float64
		old   float64
		doc   string
		fresh float64
	}
	var rows []row
	var cur []struct {
		f schema.Fact
		x map[string]float64
	}
	p.observe = func(f schema.Fact, x map[string]float64) {
		cur = append(cur, struct {
			f schema.Fact
			x map[string]float64
		}{f, x})
	}
	fh, err := os.Open(corpus)
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	matched := 0
	for sc.Scan() {
		var doc schema.Document
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if !docs[doc.ID] {
			continue
		}
		cur = cur[:0]
		res, err := p.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		p.Learn(res)
		types := map[string]string{}
		for _, e := range res.Entities {
			types[e.Label] = e.Type
		}
		done := map[string]bool{}
		for _, o := range cur {
			f := o.f
			it := judge.Item{Document: doc.ID, Sentence: f.Sentence, Subject: schema.Shown(f.Subject, types[f.Subject], f.SubjectText),
				Predicate: f.Predicate, Object: schema.Shown(f.Object, types[f.Object], f.ObjectText), Negated: f.Negated}
			y, ok := labels[it.Key()]
			if !ok || done[it.Key()] {
				continue
			}
			done[it.Key()] = true
			matched++
			old := 1 / (1 + math.Exp(-o.x["clause"]))
			rows = append(rows, row{x: o.x, y: y, old: old, doc: doc.ID})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d judged dev facts, %d of them extracted the same way now", len(labels), matched)
	names := map[string]bool{}
	for _, r := range rows {
		for k := range r.x {
			names[k] = true
		}
	}
	var feats []string
	for k := range names {
		feats = append(feats, k)
	}
	sort.Strings(feats)
	fit := func(train []row) map[string]float64 {
		w := map[string]float64{}
		const rate, l2 = 0.5, 0.02
		for range 3000 {
			grad := map[string]float64{}
			for _, r := range train {
				z := 0.0
				for k, v := range r.x {
					z += w[k] * v
				}
				e := 1/(1+math.Exp(-z)) - r.y
				for k, v := range r.x {
					grad[k] += e * v
				}
			}
			for _, k := range feats {
				g := grad[k] / float64(len(train))
				if k != "bias" {
					g += l2 * w[k]
				}
				w[k] -= rate * g
			}
		}
		return w
	}
	score := func(w map[string]float64, x map[string]float64) float64 {
		z := 0.0
		for k, v := range x {
			z += w[k] * v
		}
		return 1 / (1 + math.Exp(-z))
	}
	// Two folds by document: fit on one half, rank the other.
	half := func(doc string) int {
		h := fnv.New32a()
		h.Write([]byte(doc))
		return int(h.Sum32() % 2)
	}
	for fold := range 2 {
		var train, test []row
		for _, r := range rows {
			if half(r.doc) == fold {
				test = append(test, r)
			} else {
				train = append(train, r)
			}
		}
		w := fit(train)
		for i := range test {
			test[i].fresh = score(w, test[i].x)
		}
		by := func(key func(row) float64) string {
			s := append([]row(nil), test...)
			sort.SliceStable(s, func(i, j int) bool { return key(s[i]) > key(s[j]) })
			top, all := 0.0, 0.0
			for i, r := range s {
				all += r.y
				if i < len(s)/2 {
					top += r.y
				}
			}
			// Precision kept when the least sure fifth is dropped.
			keep := 0.0
			n := len(s) * 4 / 5
			for _, r := range s[:n] {
				keep += r.y
			}
			return fmt.Sprintf("all %.3f, top half %.3f, top 80%% %.3f", all/float64(len(s)), top/float64(len(s)/2), keep/float64(n))
		}
		t.Logf("fold %d (%d train, %d test): clause model %s; fact model %s", fold, len(train), len(test),
			by(func(r row) float64 { return r.old }), by(func(r row) float64 { return r.fresh }))
	}
	if os.Getenv("KGRAPH_FIT_TABLE") != "" {
		// Judged precision of the facts that have each feature.
		for _, k := range feats {
			sum, n := 0.0, 0
			for _, r := range rows {
				if r.x[k] > 0.5 {
					sum += r.y
					n++
				}
			}
			if n >= 10 {
				t.Logf("%-16s n=%4d precision %.3f", k, n, sum/float64(n))
			}
		}
	}
	w := fit(rows)
	var b strings.Builder
	b.WriteString("var factWeights = map[string]float64{\n")
	for _, k := range feats {
		if math.Abs(w[k]) >= 0.005 {
			fmt.Fprintf(&b, "\t%q: %s,\n", k, strconv.FormatFloat(math.Round(w[k]*100)/100, 'f', -1, 64))
		}
	}
	b.WriteString("}\n")
	t.Log("\n" + b.String())
}

// judgedDev reads the judged samples of dir: each item's key with its
// mean judgement (C 1, P ½, W 0), and the documents they are from.
func judgedDev(t *testing.T, dir string) (map[string]float64, map[string]bool) {
	samples, _ := filepath.Glob(filepath.Join(dir, "v*.sample.tsv"))
	labels := map[string]float64{}
	docs := map[string]bool{}
	for _, s := range samples {
		items := readWith(t, s, judge.ReadSample)
		var js []judge.Judgements
		jf, _ := filepath.Glob(strings.TrimSuffix(s, ".sample.tsv") + ".judge-*.tsv")
		for _, name := range jf {
			js = append(js, readWith(t, name, judge.ReadJudgements))
		}
		for _, it := range items {
			sum, n := 0.0, 0
			for _, j := range js {
				if m, ok := j[it.ID]; ok {
					sum += m.Value()
					n++
				}
			}
			if n > 0 {
				labels[it.Key()] = sum / float64(n)
				docs[it.Document] = true
			}
		}
	}
	return labels, docs
}

// readWith opens file name and reads it with read, failing t on an error.
func readWith[T any](t *testing.T, name string, read func(io.Reader) (T, error)) T {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}
