package cluster

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// toyCounter counts a text in which nouns follow determiners and verbs
// follow pronouns, so that a good clustering puts each group in a class.
func toyCounter() *Counter {
	c := NewCounter()
	dets := []string{"the", "a", "this", "every"}
	nouns := []string{"cat", "dog", "treaty", "alliance", "minister"}
	prons := []string{"she", "they", "we"}
	verbs := []string{"sleeps", "reaffirms", "condemns", "welcomes"}
	for i := range 400 {
		c.Add([]string{
			prons[i%len(prons)], verbs[(i/3)%len(verbs)],
			dets[i%len(dets)], nouns[(i/4)%len(nouns)], ".",
		})
	}
	return c
}

func TestTrainGroupsWordsByContext(t *testing.T) {
	cl, err := Train(context.Background(), toyCounter(), Config{K: 4, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	if cl.K() != 4 || cl.Len() != 17 {
		t.Fatalf("K %d, %d words; want 4 classes over 17 words", cl.K(), cl.Len())
	}
	same := func(a, b string) bool {
		ka, _ := cl.Class(a)
		kb, _ := cl.Class(b)
		return ka == kb
	}
	for _, g := range [][]string{
		{"cat", "dog", "treaty", "alliance", "minister"},
		{"sleeps", "reaffirms", "condemns", "welcomes"},
		{"the", "a", "this", "every"},
	} {
		for _, w := range g[1:] {
			if !same(g[0], w) {
				t.Errorf("%q and %q in different classes", g[0], w)
			}
		}
	}
	if same("cat", "sleeps") || same("the", "cat") || same("sleeps", "the") {
		t.Error("nouns, verbs and determiners share a class")
	}
	// Look-ups fold case and digits.
	if k1, ok := cl.Class("Treaty"); !ok || !same("treaty", "Treaty") {
		t.Errorf("Class(Treaty) = %d, %v", k1, ok)
	}
	if _, ok := cl.Class("unseen"); ok {
		t.Error("a word never counted has a class")
	}
}

func TestTrainDeterministic(t *testing.T) {
	var files [2][]byte
	for i := range files {
		cl, err := Train(context.Background(), toyCounter(), Config{K: 3, MinCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := cl.Save(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two trainings on the same counts differ")
	}
}

func TestSaveLoad(t *testing.T) {
	cl, err := Train(context.Background(), toyCounter(), Config{K: 3, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cl.Save(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Load(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.K() != cl.K() || got.Len() != cl.Len() {
		t.Fatalf("loaded %d classes, %d words; saved %d, %d", got.K(), got.Len(), cl.K(), cl.Len())
	}
	for w, k := range cl.All() {
		if k2, ok := got.ClassOfNorm([]byte(w)); !ok || k2 != k {
			t.Errorf("%q: class %d after load, %d before", w, k2, k)
		}
	}
	for _, bad := range [][]byte{nil, []byte("KGCLASS0xx"), b.Bytes()[:len(b.Bytes())-3]} {
		if _, err := Load(bytes.NewReader(bad)); err == nil {
			t.Errorf("Load(%q) succeeded", bad)
		}
	}
	if _, err := Load(bytes.NewReader([]byte("nonsense"))); !errors.Is(err, ErrModel) {
		t.Errorf("Load(nonsense) = %v, want ErrModel", err)
	}
}

func TestTrainErrors(t *testing.T) {
	c := NewCounter()
	c.Add([]string{"one", "two"})
	for _, cfg := range []Config{{K: 1}, {K: 8}} {
		if _, err := Train(context.Background(), c, cfg); err == nil {
			t.Errorf("Train(%+v) on words seen once succeeded", cfg)
		}
	}
	if cl, err := Train(context.Background(), c, Config{K: 8, MinCount: 1}); err != nil || cl.K() != 2 {
		t.Errorf("Train with 8 classes for two words: %v classes, error %v; want 2 and none", cl, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, toyCounter(), Config{K: 2, MinCount: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Train with a cancelled context = %v", err)
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"The": "the", "2024": "0000", "COVID-19": "covid-00", "Zürich": "zürich", "Ärzte9": "ärzte0", "": "",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleTrain() {
	c := NewCounter()
	for range 50 {
		c.Add([]string{"the", "allies", "condemn", "the", "launches"})
		c.Add([]string{"the", "ministers", "welcome", "the", "talks"})
	}
	cl, _ := Train(context.Background(), c, Config{K: 3, MinCount: 1})
	a, _ := cl.Class("condemn")
	b, _ := cl.Class("welcome")
	fmt.Println(a == b)
	// Output: true
}

func TestReadFile(t *testing.T) {
	cl, err := Train(context.Background(), toyCounter(), Config{K: 3, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	var plain, zipped bytes.Buffer
	if err := cl.Save(&plain); err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(&zipped)
	zw.Write(plain.Bytes())
	zw.Close()
	dir := t.TempDir()
	for name, b := range map[string][]byte{"plain.bin": plain.Bytes(), "zipped.bin.gz": zipped.Bytes()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Len() != cl.Len() || got.K() != cl.K() {
			t.Errorf("%s: %d words in %d classes, want %d in %d", name, got.Len(), got.K(), cl.Len(), cl.K())
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing")); err == nil {
		t.Error("ReadFile of a missing file succeeded")
	}
}
