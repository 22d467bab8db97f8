package judge

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

func results() []schema.Result {
	return []schema.Result{{
		Document: schema.Document{ID: "d1"},
		Sentences: []schema.Sentence{{N: 1, Text: "Russia violated the UN Charter."}, {N: 2, Text: "It was very sad."}, {N: 3, Text: "# # #"},
			{N: 4, Text: "Senator Cory Booker (NJ)"}, {N: 5, Text: "JOSEPH R. BIDEN JR."}},
		Facts: []schema.Fact{
			{Subject: "Russia", Predicate: "violate", Object: "UN Charter", Sentence: 1, Confidence: 0.9},
			{Subject: "it", Predicate: "be", Object: "sad", Sentence: 2, Unresolved: true},
		},
	}, {
		Document:  schema.Document{ID: "d2"},
		Sentences: []schema.Sentence{{N: 1, Text: "We do not accept it."}},
		Facts:     []schema.Fact{{Subject: "Japan", Predicate: "accept", Object: "it", Sentence: 1, Negated: true, Confidence: 0.4}},
	}}
}

func TestPopulation(t *testing.T) {
	pop, cov := Population(results())
	if len(pop) != 2 {
		t.Fatalf("population %d items, want 2 (the unresolved fact left out): %+v", len(pop), pop)
	}
	want := Coverage{Documents: 2, Sentences: 3, SentencesWithFact: 2, Facts: 2, Units: 5, UnitsWithFact: 2}
	if cov != want {
		t.Errorf("coverage %+v, want %+v", cov, want)
	}
	if pop[0].Text != "Russia violated the UN Charter." || pop[1].Document != "d2" || !pop[1].Negated {
		t.Errorf("items lost their sentence or polarity: %+v", pop)
	}
}

func TestSample_seeded(t *testing.T) {
	var pop []Item
	for i := 0; i < 50; i++ {
		pop = append(pop, Item{Document: "d", Sentence: i, Subject: "s", Predicate: "p", Object: "o"})
	}
	a, b := Sample(pop, 10, 7), Sample(pop, 10, 7)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gave two samples")
	}
	if c := Sample(pop, 10, 8); reflect.DeepEqual(a, c) {
		t.Error("two seeds gave the same sample")
	}
	seen := map[int]bool{}
	for i, it := range a {
		if it.ID != i+1 {
			t.Errorf("item %d numbered %d", i, it.ID)
		}
		if seen[it.Sentence] {
			t.Errorf("sentence %d drawn twice", it.Sentence)
		}
		seen[it.Sentence] = true
		if i > 0 && a[i-1].Sentence > it.Sentence {
			t.Error("sample not in population order")
		}
	}
	if got := len(Sample(pop, 80, 1)); got != 50 {
		t.Errorf("sample of 80 from 50 has %d items", got)
	}
}

func TestSample_roundTrip(t *testing.T) {
	pop, _ := Population(results())
	s := Sample(pop, 5, 1)
	var buf bytes.Buffer
	if err := WriteSample(&buf, s); err != nil {
		t.Fatal(err)
	}
	back, err := ReadSample(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, s)
	}
}

func TestReadJudgements_errors(t *testing.T) {
	for _, in := range []string{"1\tX\n", "one\tC\n", "1\tC\n1\tW\n", "1\n"} {
		if _, err := ReadJudgements(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	j, err := ReadJudgements(strings.NewReader("id\tmark\n# note\n1\tc\twhy\n2\tP\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(j, Judgements{1: Correct, 2: Partly}) {
		t.Errorf("got %v", j)
	}
}

func TestScore(t *testing.T) {
	items := []Item{
		{ID: 1, Confidence: 0.9}, {ID: 2, Confidence: 0.8}, {ID: 3, Confidence: 0.2}, {ID: 4, Confidence: 0.1},
	}
	a := Judgements{1: Correct, 2: Correct, 3: Partly, 4: Wrong}
	b := Judgements{1: Correct, 2: Partly, 3: Wrong, 4: Wrong}
	rep := Score(items, []string{"a", "b"}, []Judgements{a, b})
	if got := rep.Each[0].Value(); got != 0.625 {
		t.Errorf("judge a precision %v, want (2 + 0.5)/4", got)
	}
	if got := rep.Each[1].Value(); got != 0.375 {
		t.Errorf("judge b precision %v, want 1.5/4", got)
	}
	if rep.TopHalf[0].Value() != 1 || rep.TopHalf[1].Value() != 0.75 {
		t.Errorf("top half %v %v, want 1 and 0.75", rep.TopHalf[0], rep.TopHalf[1])
	}
	if rep.Agree != 0.5 || !reflect.DeepEqual(rep.Disputed, []int{2, 3}) {
		t.Errorf("agreement %v disputed %v", rep.Agree, rep.Disputed)
	}
	// Observed 0.5; chance: C 2/4·1/4, P 1/4·1/4, W 1/4·2/4 = 5/16.
	if want := (0.5 - 5.0/16) / (1 - 5.0/16); math.Abs(rep.Kappa-want) > 1e-9 {
		t.Errorf("kappa %v, want %v", rep.Kappa, want)
	}
	var buf bytes.Buffer
	rep.Write(&buf)
	if !strings.Contains(buf.String(), "mean precision 0.500") {
		t.Errorf("report:\n%s", buf.String())
	}
}

func TestScore_missing(t *testing.T) {
	items := []Item{{ID: 1}, {ID: 2}}
	rep := Score(items, []string{"a"}, []Judgements{{1: Correct, 9: Wrong}})
	if !reflect.DeepEqual(rep.Missing, []int{2}) || !reflect.DeepEqual(rep.Unknown, []int{9}) {
		t.Errorf("missing %v unknown %v", rep.Missing, rep.Unknown)
	}
	if rep.Each[0].N != 1 {
		t.Errorf("precision over %d items, want the 1 judged", rep.Each[0].N)
	}
}

func TestCarry(t *testing.T) {
	old := []Item{{ID: 1, Document: "d", Sentence: 1, Subject: "A", Predicate: "p", Object: "B"},
		{ID: 2, Document: "d", Sentence: 2, Subject: "A", Predicate: "p", Object: "B"}}
	oldJ := Judgements{1: Correct, 2: Wrong}
	next := []Item{{ID: 1, Document: "d", Sentence: 2, Subject: "A", Predicate: "p", Object: "B"},
		{ID: 2, Document: "d", Sentence: 1, Subject: "A", Predicate: "p", Object: "B", Negated: true},
		{ID: 3, Document: "d", Sentence: 1, Subject: "A", Predicate: "p", Object: "B"}}
	got := Carry(old, oldJ, next)
	if !reflect.DeepEqual(got, Judgements{1: Wrong, 3: Correct}) {
		t.Errorf("carried %v", got)
	}
}
