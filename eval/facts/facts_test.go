package facts

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	us := []string{"United States", "U.S.", "United States of America"}
	rok := []string{"Republic of Korea", "ROK"}
	graph := []Fact{
		{Sentence: 4, Subject: "United States", SubjectNames: us, Predicate: "reaffirm", Object: "unwavering commitment to Mutual Defense Treaty"},
		{Sentence: 4, Subject: "Republic of Korea", SubjectNames: rok, Predicate: "commit to", Object: "Mutual Defense Treaty", ObjectNames: []string{"MDT"}},
		{Sentence: 10, Subject: "United States", SubjectNames: us, Predicate: "reaffirm", Object: "defense of ROK"},
		{Sentence: 16, Subject: "nuclear attack", Predicate: "be", Object: "unacceptable"},
		{Sentence: 18, Subject: "Biden", Predicate: "title", Object: "President"},
		{Sentence: 20, Subject: "both sides", Predicate: "pledge to deepen", Object: "consultations", Unresolved: true},
	}
	tests := []struct {
		name  string
		gold  Gold
		cause Cause // "" when found
	}{
		{"light verb via object noun", Gold{Sentence: 4, Subject: "United States", Predicate: "commit to", Object: "Mutual Defense Treaty"}, ""},
		{"object differs", Gold{Sentence: 4, Subject: "United States", Predicate: "commit to", Object: "combined defense posture"}, NoObject},
		{"alias subject and entity object", Gold{Sentence: 4, Subject: "ROK", Predicate: "commit to", Object: "MDT"}, ""},
		{"neighbour sentence forgiven", Gold{Sentence: 11, Subject: "U.S.", Predicate: "reaffirm", Object: "defense of the ROK"}, ""},
		{"copula", Gold{Sentence: 16, Subject: "nuclear attack", Predicate: "be", Object: "unacceptable"}, ""},
		{"title is copular", Gold{Sentence: 18, Subject: "biden", Predicate: "be", Object: "President"}, ""},
		{"unresolved subject", Gold{Sentence: 20, Subject: "United States", Predicate: "pledge to deepen", Object: "consultations"}, NoSubject},
		{"predicate differs", Gold{Sentence: 10, Subject: "United States", Predicate: "condemn", Object: "defense"}, NoPredicate},
		{"no fact", Gold{Sentence: 40, Subject: "United States", Predicate: "oppose", Object: "attempts"}, NoFact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Evaluate([]Gold{tt.gold}, graph)
			found := rep.Found == 1
			if found != (tt.cause == "") {
				t.Fatalf("found = %v, misses %v", found, rep.Misses)
			}
			if tt.cause != "" && len(rep.Misses[tt.cause]) != 1 {
				t.Errorf("misses = %v, want cause %q", rep.Misses, tt.cause)
			}
			if rep.ReferenceSubjects != 1 {
				t.Errorf("ReferenceSubjects = %d, want 1", rep.ReferenceSubjects)
			}
		})
	}
}

func TestReadGold_seed(t *testing.T) {
	f, err := os.Open("../../../shared/bench/seed/dev-facts-gold.tsv")
	if err != nil {
		t.Skip("seed gold not found beside the repository (../shared):", err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 96 || gold[0].Sentence != 2 || gold[0].Subject != "United States" || gold[0].Predicate != "release" {
		t.Errorf("got %d facts, first %+v", len(gold), gold[0])
	}
	var buf bytes.Buffer
	if err := Evaluate(gold, nil).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "recall 0.000 (0 of 96 gold facts)\nmissed, no fact from that sentence: 96\n") {
		t.Errorf("report:\n%s", buf.String())
	}
}

func TestReadGold_errors(t *testing.T) {
	for _, in := range []string{"sid\ts\tp\to\nx\ta\tb\tc\n", "1\tonly\ttwo\n"} {
		if _, err := ReadGold(strings.NewReader(in)); err == nil {
			t.Errorf("ReadGold(%q): no error", in)
		}
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add("sid\tsubject\tpredicate\tobject\tnote\n2\tUnited States\trelease\tjoint statement\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := ReadGold(strings.NewReader(in))
		if err != nil {
			return
		}
		rep := Evaluate(gold, nil)
		if rep.Total != len(gold) || rep.Found != 0 {
			t.Errorf("report %+v for %d gold facts and no graph", rep, len(gold))
		}
	})
}
