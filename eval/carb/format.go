package carb

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Summary returns the line carb.py prints, byte for byte, for example
//
//	AUC: 0.24	 Optimal (precision, recall, F1): [0.526 0.406 0.458]
//
// with the tab and space of its format string, the AUC as Python prints a
// float rounded to 3 decimals (so 0.24, not 0.240) and the best point as
// numpy prints a rounded array (aligned, "1." for one). With no system
// confidences at all it prints CaRB's fallback, "AUC: 0" and "(0, 0, 0)";
// when no threshold has an F1, numpy's integer array "[0 0 0]".
func (r Result) Summary() string {
	const format = "AUC: %s\t Optimal (precision, recall, F1): %s"
	switch {
	case len(r.Curve) == 0:
		return fmt.Sprintf(format, "0", "(0, 0, 0)")
	case r.Best < 0:
		return fmt.Sprintf(format, pyFloat(round3(r.AUC)), "[0 0 0]")
	}
	best := numpyRow(round3(r.Precision), round3(r.Recall), round3(r.F1))
	return fmt.Sprintf(format, pyFloat(round3(r.AUC)), best)
}

// WriteCurveTSV writes the curve as carb.py writes its --out file: a
// Precision, Recall, Confidence header, then one row per threshold in
// order of recall (stable, so ties keep threshold order), numbers printed
// as Python prints them. The file can be diffed against CaRB's own.
func (r Result) WriteCurveTSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("Precision\tRecall\tConfidence\n")
	rows := slices.Clone(r.Curve)
	slices.SortStableFunc(rows, func(a, b Point) int { return cmp.Compare(a.Recall, b.Recall) })
	for _, p := range rows {
		// Where CaRB had no division to do it stored the Python int 1 or 0,
		// which prints without ".0".
		prec, rec := pyFloat(p.Precision), pyFloat(p.Recall)
		if p.Kept == 0 {
			prec = "1"
		}
		if r.Gold == 0 {
			rec = "0"
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\n", prec, rec, pyFloat(p.Threshold))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write curve: %w", err)
	}
	return nil
}

// pyFloat formats x as Python's repr does (and numpy's str of a float64):
// the shortest digits that read back as x, positional for exponents from
// -4 to 15 with at least one decimal, scientific otherwise.
func pyFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(x, 'e', -1, 64) // [-]d[.ddd]e±XX
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%se%s%02d", mant, sign, exp)
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// numpyRow formats values as numpy prints a small 1-D float array whose
// values lie in [0, 1] with at most 3 decimals (a rounded CaRB point):
// shortest digits, each padded on the right to the longest fraction, and
// "1." or "0." for whole numbers.
func numpyRow(vals ...float64) string {
	parts := make([]string, len(vals))
	width := 0
	for i, v := range vals {
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += "."
		}
		parts[i] = s
		_, frac, _ := strings.Cut(s, ".")
		width = max(width, len(frac))
	}
	for i, s := range parts {
		_, frac, _ := strings.Cut(s, ".")
		parts[i] = s + strings.Repeat(" ", width-len(frac))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// Line is the summary as kgraph prints it: the scorer's figures, each
// rounded as the scorer rounds them (half to even, 3 decimals) and written
// with exactly three decimals, so that columns of runs line up:
//
//	AUC: 0.240	Optimal (precision, recall, F1): 0.526 0.406 0.458
func (r Result) Line() string {
	p, rec, f := 0.0, 0.0, 0.0
	if len(r.Curve) > 0 && r.Best >= 0 {
		p, rec, f = round3(r.Precision), round3(r.Recall), round3(r.F1)
	}
	return fmt.Sprintf("AUC: %.3f\tOptimal (precision, recall, F1): %.3f %.3f %.3f", round3(r.AUC), p, rec, f)
}
