package carb

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestReadTabbed_fields(t *testing.T) {
	tests := []struct {
		name     string
		line     string
		wantRel  string
		wantArgs []string
	}{
		{"binary", "S .\t0.5\tis\tA\tB", "is", []string{"A", "B"}},
		{"empty trailing arg vanishes", "S .\t0.5\tis\tA\t", "is", []string{"A"}},
		{"all trailing empties vanish", "S .\t0.5\tis\tA\t\t\t", "is", []string{"A"}},
		{"inner empty arg stays", "S .\t0.5\tis\t\tB", "is", []string{"", "B"}},
		{"fields keep inner padding", "S .\t0.5\t is \t A \tB", " is ", []string{" A ", "B"}},
		{"no args", "S .\t0.5\tis", "is", nil},
		{"empty relation kept", "S .\t0.5\t\tA\tB", "", []string{"A", "B"}},
		{"context args kept in system files", "S .\t0.5\tis\tA\tC: B", "is", []string{"A", "C: B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ReadTabbed(strings.NewReader(tt.line + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			e := onlyExtraction(t, s)
			if e.Relation != tt.wantRel || !sameArgs(e.Args, tt.wantArgs) {
				t.Errorf("got rel %q args %q, want %q %q", e.Relation, e.Args, tt.wantRel, tt.wantArgs)
			}
			if e.Confidence != 0.5 || e.Line != 1 {
				t.Errorf("got confidence %v line %d, want 0.5 line 1", e.Confidence, e.Line)
			}
		})
	}
}

func TestReadGold_fields(t *testing.T) {
	tests := []struct {
		name     string
		line     string
		wantSent string
		wantRel  string
		wantArgs []string
	}{
		{"binary", "S .\tis\tA\tB", "S .", "is", []string{"A", "B"}},
		{"fields stripped", "S . \t is \t A \t B ", "S .", "is", []string{"A", "B"}},
		{"trailing tab vanishes", "S .\tis\tA\tB\t", "S .", "is", []string{"A", "B"}},
		{"context arg dropped", "S .\tis\tA\tB\tC: he said", "S .", "is", []string{"A", "B"}},
		{"context arg dropped anywhere", "S .\tis\tC: he said\tA", "S .", "is", []string{"A"}},
		{"C: needs its space", "S .\tis\tA\tC:B", "S .", "is", []string{"A", "C:B"}},
		{"relation only", "S .\tis", "S .", "is", nil},
		{"inner empty arg stays", "S .\tis\t\tB", "S .", "is", []string{"", "B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ReadGold(strings.NewReader(tt.line + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			e := onlyExtraction(t, s)
			if e.Sentence != tt.wantSent || e.Relation != tt.wantRel || !sameArgs(e.Args, tt.wantArgs) {
				t.Errorf("got %q %q %q, want %q %q %q", e.Sentence, e.Relation, e.Args, tt.wantSent, tt.wantRel, tt.wantArgs)
			}
			if e.Confidence != 1 {
				t.Errorf("gold confidence %v, want 1", e.Confidence)
			}
		})
	}
}

// TestRead_lines checks line splitting and numbering, which follow
// Python's text mode: \r, \r\n and \n all end a line.
func TestRead_lines(t *testing.T) {
	input := "A .\t0.1\tr\tx\r\nB .\t0.2\tr\tx\rC .\t0.3\tr\tx\n\n  \nD .\t0.4\tr\tx"
	s, err := ReadTabbed(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, se := range s.Sentences() {
		for _, e := range se.Extractions {
			got = append(got, e.Line)
		}
	}
	if want := []int{1, 2, 3, 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines %v, want %v", got, want)
	}
}

func TestRead_errors(t *testing.T) {
	tests := []struct {
		name     string
		read     func(string) error
		input    string
		wantLine int
		wantErr  error
	}{
		{"tabbed too few fields", tabbed, "A .\t0.5\tr\tx\nB .\t0.5\n", 2, ErrTooFewFields},
		{"tabbed bad confidence", tabbed, "A .\t0.5\tr\n\nB .\thigh\tr\n", 3, ErrConfidence},
		{"tabbed NaN confidence", tabbed, "A .\tnan\tr\n", 1, ErrConfidence},
		{"tabbed hex confidence", tabbed, "A .\t0x1p-1\tr\n", 1, ErrConfidence},
		{"tabbed bad UTF-8", tabbed, "A .\t0.5\tr\nB \xff .\t0.5\tr\n", 2, ErrEncoding},
		{"gold without relation", gold, "A .\tr\tx\nB . r x\n", 2, ErrTooFewFields},
		{"gold bad UTF-8", gold, "A \xc3 .\tr\n", 1, ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(tt.input)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != tt.wantLine {
				t.Fatalf("error %v does not name line %d", err, tt.wantLine)
			}
		})
	}
}

func TestReadGold_blankLinesSkipped(t *testing.T) {
	s, err := ReadGold(strings.NewReader("\nA .\tr\tx\n \t \nB .\tr\tx\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Extractions(); got != 2 {
		t.Errorf("%d extractions, want 2", got)
	}
}

func TestReadFile_errorsNamePath(t *testing.T) {
	_, err := ReadTabbedFile("testdata/no-such-file.tabbed")
	if err == nil || !strings.Contains(err.Error(), "no-such-file.tabbed") {
		t.Errorf("error %v does not name the file", err)
	}
}

func TestParseConfidence(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0.5", 0.5, true},
		{" 0.5 ", 0.5, true},
		{"\u00a00.5", 0.5, true},
		{"+1.5E-3", 0.0015, true},
		{".5", 0.5, true},
		{"5.", 5, true},
		{"1_000.5", 1000.5, true},
		{"-Infinity", math.Inf(-1), true},
		{"inf", math.Inf(1), true},
		{"1e400", math.Inf(1), true},
		{"1e-400", 0, true},
		{"", 0, false},
		{".", 0, false},
		{"1e", 0, false},
		{"1__0", 0, false},
		{"_1", 0, false},
		{"1_", 0, false},
		{"1_.5", 0, false},
		{"0x10", 0, false},
		{"nan", 0, false},
		{"0.5 0.6", 0, false},
		{"high", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseConfidence(tt.in)
			if (err == nil) != tt.ok || tt.ok && got != tt.want {
				t.Errorf("parseConfidence(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestNormalizeSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"He said , `` no . ''", "Hesaidno"},
		{"a -LRB- b -RRB- c", "abc"},
		{"-LSB-x-RSB- -LCB-y-RCB-", "xy"},
		{"-lrb- stays", "lrbstays"},
		{"Café – naïve", "Café–naïve"},
		{"tab\tand\u00a0nbsp stay", "tab\tand\u00a0nbspstay"},
		{`!"#$%&'()*+,-./:;<=>?@[\]^_{|}~` + "`", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormalizeSentence(tt.in); got != tt.want {
				t.Errorf("NormalizeSentence(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNewSet_grouping checks CaRB's dict semantics: the same raw sentence
// merges, while two raw sentences that normalise alike do not merge: the
// later one's extractions win, in the earlier one's place.
func TestNewSet_grouping(t *testing.T) {
	s, err := ReadTabbed(strings.NewReader(strings.Join([]string{
		"First , one .\t0.1\tr1\tx",
		"Second .\t0.2\tr2\tx",
		"First one .\t0.3\tr3\tx",
		"First , one .\t0.4\tr4\tx",
		"First one .\t0.5\tr5\tx",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, se := range s.Sentences() {
		rels := se.Key + ":"
		for _, e := range se.Extractions {
			rels += " " + e.Relation
		}
		got = append(got, rels)
	}
	if want := []string{"Firstone: r3 r5", "Second: r2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
	if se, ok := s.Lookup("First one"); !ok || se.Text != "First one ." {
		t.Errorf("Lookup(First one) = %+v, %v", se, ok)
	}
}

func TestNewSet_rejectsNaN(t *testing.T) {
	_, err := NewSet([]Extraction{{Sentence: "S", Relation: "r", Confidence: math.NaN()}})
	if !errors.Is(err, ErrConfidence) {
		t.Errorf("error %v, want ErrConfidence", err)
	}
}

func tabbed(s string) error { _, err := ReadTabbed(strings.NewReader(s)); return err }
func gold(s string) error   { _, err := ReadGold(strings.NewReader(s)); return err }

func onlyExtraction(t *testing.T, s *Set) Extraction {
	t.Helper()
	ses := s.Sentences()
	if len(ses) != 1 || len(ses[0].Extractions) != 1 {
		t.Fatalf("want one extraction, got %+v", ses)
	}
	return ses[0].Extractions[0]
}

func sameArgs(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}
