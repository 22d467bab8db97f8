package tokenize

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kgraph/nlp/conllu"
)

// ErrTextMismatch is returned by ScoreRaw when the gold tokens do not spell
// the text built from the gold "# text" comments, so the two cannot be
// aligned.
var ErrTextMismatch = errors.New("tokenize: gold tokens and raw text differ")

// RawText builds the raw text that the raw-text evaluation feeds the
// pipeline: the "# text" of consecutive sentences joined by one space, and a
// blank line before every sentence that opens a paragraph or a document.
func RawText(gold []*conllu.Sentence) string {
	var b strings.Builder
	for i, s := range gold {
		if i > 0 {
			if s.NewDoc() || s.NewPar() {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.Text())
	}
	return b.String()
}

// F1 is a precision/recall/F1 triple with the counts behind it.
type F1 struct {
	Gold, System, Correct int
	Precision, Recall, F1 float64
}

func newF1(gold, system, correct int) F1 {
	f := F1{Gold: gold, System: system, Correct: correct}
	if system > 0 {
		f.Precision = float64(correct) / float64(system)
	}
	if gold > 0 {
		f.Recall = float64(correct) / float64(gold)
	}
	if gold+system > 0 {
		f.F1 = 2 * float64(correct) / float64(gold+system)
	}
	return f
}

// RawScore is how well Split recovers the gold segmentation.
type RawScore struct {
	Tokens    F1 // surface tokens: a multiword token counts once
	Sentences F1
}

// span is a range of non-space character (rune) indexes, end exclusive.
type span struct{ start, end int }

// ScoreRaw runs Split on RawText(gold) and scores the result as the CoNLL
// 2018 shared task's conll18_ud_eval.py does: gold and system are aligned on
// the characters of their tokens with white space (Unicode Zs) removed, a
// token is correct when it covers exactly the same characters as a gold
// surface token, and a sentence when it spans exactly the same characters as
// a gold sentence.
func ScoreRaw(gold []*conllu.Sentence) (RawScore, error) {
	text := RawText(gold)
	return scoreSplit(gold, Split(text))
}

func scoreSplit(gold []*conllu.Sentence, sys []Sentence) (RawScore, error) {
	var goldChars, sysChars []rune
	var goldTok, goldSent []span
	for _, s := range gold {
		first := len(goldChars)
		for _, t := range s.SurfaceTokens() {
			a := len(goldChars)
			goldChars = appendNonSpace(goldChars, t.Form)
			goldTok = append(goldTok, span{a, len(goldChars)})
		}
		goldSent = append(goldSent, span{first, len(goldChars)})
	}
	var sysTok, sysSent []span
	for _, s := range sys {
		first := len(sysChars)
		for i := 0; i < len(s.Tokens); i++ {
			a := len(sysChars)
			t := s.Tokens[i]
			if t.Part > 0 {
				// A multiword token counts once, over all its words.
				for i+1 < len(s.Tokens) && s.Tokens[i+1].Part == t.Part+1 {
					i++
					t = s.Tokens[i]
				}
			}
			sysChars = appendNonSpace(sysChars, sysText(s, i))
			sysTok = append(sysTok, span{a, len(sysChars)})
		}
		sysSent = append(sysSent, span{first, len(sysChars)})
	}
	if len(goldChars) != len(sysChars) || string(goldChars) != string(sysChars) {
		i := 0
		for i < len(goldChars) && i < len(sysChars) && goldChars[i] == sysChars[i] {
			i++
		}
		return RawScore{}, fmt.Errorf("align at character %d: %w", i, ErrTextMismatch)
	}
	return RawScore{
		Tokens:    newF1(len(goldTok), len(sysTok), matchSpans(goldTok, sysTok)),
		Sentences: newF1(len(goldSent), len(sysSent), matchSpans(goldSent, sysSent)),
	}, nil
}

// sysText returns the text of the surface token whose last word is
// s.Tokens[i].
func sysText(s Sentence, i int) string {
	t := s.Tokens[i]
	if t.Part == 0 {
		return t.Text
	}
	// Words of one surface token are contiguous, so the surface text is the
	// concatenation of their texts.
	var b strings.Builder
	for k := i - t.Part + 1; k <= i; k++ {
		b.WriteString(s.Tokens[k].Text)
	}
	return b.String()
}

func appendNonSpace(dst []rune, s string) []rune {
	for _, r := range s {
		if r == utf8.RuneError || !unicode.Is(unicode.Zs, r) {
			dst = append(dst, r)
		}
	}
	return dst
}

// matchSpans counts spans present in both sorted lists.
func matchSpans(gold, sys []span) int {
	n, i, j := 0, 0, 0
	for i < len(gold) && j < len(sys) {
		switch {
		case gold[i].start < sys[j].start:
			i++
		case gold[i].start > sys[j].start:
			j++
		default:
			if gold[i].end == sys[j].end {
				n++
			}
			i++
			j++
		}
	}
	return n
}
