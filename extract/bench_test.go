package extract

import (
	"context"
	"testing"
	"time"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/schema"
)

// BenchmarkExtract measures raw text to facts (split, tag, lemmatize, parse,
// extract, resolve) on the bundled statement, models already loaded.
func BenchmarkExtract(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	doc := schema.Document{ID: "statement", Text: data.Statement}
	res, err := p.Extract(context.Background(), doc) // warm up: loads the models
	if err != nil {
		b.Fatal(err)
	}
	sents := len(res.Sentences)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := p.Extract(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sents*b.N)/time.Since(start).Seconds(), "sentences/s")
}
