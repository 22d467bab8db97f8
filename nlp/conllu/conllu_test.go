package conllu

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# newpar id = p1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	CopyOf=4
5	.	.	PUNCT	.	_	4	punct	4:punct	_

`

func TestReadWriteRoundTrip(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("got %d sentences, want 1", len(sents))
	}
	s := sents[0]
	if got := s.Text(); got != "I don't know." {
		t.Errorf("Text() = %q", got)
	}
	if !s.NewDoc() || !s.NewPar() {
		t.Errorf("NewDoc/NewPar = %v/%v, want true/true", s.NewDoc(), s.NewPar())
	}
	if len(s.Words) != 5 || len(s.Tokens) != 1 || len(s.EmptyNodes) != 1 {
		t.Fatalf("words/tokens/empty = %d/%d/%d", len(s.Words), len(s.Tokens), len(s.EmptyNodes))
	}
	if s.Words[3].SpaceAfter() {
		t.Error("word 4 has SpaceAfter=No")
	}
	var forms []string
	for _, st := range s.SurfaceTokens() {
		forms = append(forms, st.Form)
	}
	if got := strings.Join(forms, "|"); got != "I|don't|know|." {
		t.Errorf("SurfaceTokens = %s", got)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("round trip differs:\n%s", buf.String())
	}
}

func TestRead_Errors(t *testing.T) {
	for _, in := range []string{
		"1\ta\tb\n",
		"x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
		"2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
		"1\ta\ta\tX\tX\t_\tz\troot\t_\t_\n",
		"3-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n",
	} {
		if _, err := ReadAll(strings.NewReader(in)); err == nil {
			t.Errorf("ReadAll(%q): no error", in)
		}
	}
}

func TestUniversalDeprel(t *testing.T) {
	if got := (Word{Deprel: "obl:tmod"}).UniversalDeprel(); got != "obl" {
		t.Errorf("got %q", got)
	}
}

// The shipped treebank must round-trip byte for byte, or scoring would read
// something other than the gold.
func TestEWTDevRoundTrip(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Skip("UD EWT not found beside the repository (../shared):", err)
	}
	sents, err := ReadAll(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2001 {
		t.Errorf("got %d sentences, want 2001", len(sents))
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), raw) {
		t.Error("dev treebank does not round-trip")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = ReadAll(strings.NewReader(in))
	})
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/good.conllu"
	bad := dir + "/bad.conllu"
	os.WriteFile(good, []byte(sample), 0o644)
	os.WriteFile(bad, []byte("1\tonly\n"), 0o644)
	if s, err := ReadFile(good); err != nil || len(s) != 1 {
		t.Errorf("ReadFile(good) = %d sentences, %v", len(s), err)
	}
	if _, err := ReadFile(bad); err == nil || !strings.Contains(err.Error(), "bad.conllu") {
		t.Errorf("ReadFile(bad) error %v does not name the file", err)
	}
	if _, err := ReadFile(dir + "/missing.conllu"); err == nil {
		t.Error("ReadFile(missing): no error")
	}
}

func TestWord_Misc(t *testing.T) {
	tests := []struct {
		misc, key, value string // SetMisc(key, value) on misc
		want             string
		get              string // MiscValue(key) before the change
		had              bool
	}{
		{"_", "Supertag", "nsubj/R", "Supertag=nsubj/R", "", false},
		{"", "Supertag", "nsubj/R", "Supertag=nsubj/R", "", false},
		{"SpaceAfter=No", "Supertag", "obj/L", "SpaceAfter=No|Supertag=obj/L", "", false},
		{"Supertag=obj/L|SpaceAfter=No", "Supertag", "root", "SpaceAfter=No|Supertag=root", "obj/L", true},
		{"Supertag=obj/L|SpaceAfter=No", "Supertag", "", "SpaceAfter=No", "obj/L", true},
		{"SpaceAfter=No", "SpaceAfter", "", "", "No", true},
		{"Flag|A=b=c", "A", "d", "Flag|A=d", "b=c", true},
	}
	for _, tt := range tests {
		w := Word{Misc: tt.misc}
		if got, ok := w.MiscValue(tt.key); got != tt.get || ok != tt.had {
			t.Errorf("MiscValue(%q) of %q = %q, %v; want %q, %v", tt.key, tt.misc, got, ok, tt.get, tt.had)
		}
		w.SetMisc(tt.key, tt.value)
		if w.Misc != tt.want {
			t.Errorf("SetMisc(%q, %q) on %q gives %q, want %q", tt.key, tt.value, tt.misc, w.Misc, tt.want)
		}
	}
}
