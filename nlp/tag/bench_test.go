package tag

import (
	"compress/gzip"
	"io"
	"os"
	"testing"

	"github.com/kgraph/kgraph/nlp/conllu"
)

// BenchmarkTag tags EWT dev sentences with the committed model, or with the
// model file named by $KGRAPH_TAG_BENCH_MODEL; tokens/s is the figure the
// speed target is stated in.
func BenchmarkTag(b *testing.B) {
	dev := readEWT(b, "dev")
	tg, err := Default()
	if path := os.Getenv("KGRAPH_TAG_BENCH_MODEL"); path != "" {
		var f *os.File
		if f, err = os.Open(path); err != nil {
			b.Fatal(err)
		}
		tg, err = Load(f)
		f.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
	sents := make([][]string, len(dev))
	words := 0
	for i, s := range dev {
		for _, w := range s.Words {
			sents[i] = append(sents[i], w.Form)
		}
		words += len(s.Words)
	}
	upos, xpos := make([]string, 512), make([]string, 512)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			tg.TagInto(s, upos, xpos)
		}
		n += words
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// readEWT reads a split of UD English EWT from ../shared beside the
// repository, skipping the test or benchmark when it is absent.
func readEWT(tb testing.TB, split string) []*conllu.Sentence {
	tb.Helper()
	path := "../../../shared/data/ud-english-ewt/en_ewt-ud-" + split + ".conllu"
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("UD English EWT not found at %s; it lives in ../shared beside the repository", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return s
}

func gzipBytes(w io.Writer, b []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Close()
}
