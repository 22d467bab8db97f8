package nlp

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp/conllu"
	"github.com/kgraph/kgraph/nlp/lemma"
	"github.com/kgraph/kgraph/nlp/parse"
	"github.com/kgraph/kgraph/nlp/tag"
	"github.com/kgraph/kgraph/nlp/tokenize"
)

// benchText is EWT dev as raw text when the treebank is beside the
// repository (varied web text), else the bundled statement.
func benchText(b *testing.B) string {
	f, err := os.Open("../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		return data.Statement
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f)
	if err != nil {
		b.Fatal(err)
	}
	return tokenize.RawText(sents)
}

// BenchmarkPipeline measures raw text → sentences, tokens, tags, lemmas and
// parse, models already loaded. Run on one core:
//
//	GOMAXPROCS=1 go test ./nlp -run '^$' -bench Pipeline -benchtime 3x
func BenchmarkPipeline(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b)
	sents := p.Annotate(text) // warm up and count
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		p.Annotate(text)
	}
	secs := time.Since(start).Seconds()
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(tokens*b.N)/secs, "tokens/s")
	b.ReportMetric(float64(len(sents)*b.N)/secs, "sentences/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(len(sents)*b.N), "allocs/sentence")
}

// BenchmarkModelMemory measures the heap that loaded models hold, loading
// fresh copies from the embedded bytes.
func BenchmarkModelMemory(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tg, err1 := tag.Load(bytes.NewReader(data.TaggerModel))
		lm, err2 := lemma.Load(bytes.NewReader(data.LemmaModel))
		st, err4 := tag.Load(bytes.NewReader(data.SupertaggerModel))
		zr, err3 := gzip.NewReader(bytes.NewReader(data.ParserModel))
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			b.Fatal(err)
		}
		ps, err := parse.Load(zr)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "model-MB")
		runtime.KeepAlive(tg)
		runtime.KeepAlive(lm)
		runtime.KeepAlive(ps)
		runtime.KeepAlive(st)
	}
}
