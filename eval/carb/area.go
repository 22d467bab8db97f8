package carb

import "math"

// area is the AUC as CaRB gets it from sklearn.metrics.auc: the trapezoidal
// area under recall (x) against precision (y) over the curve in threshold
// order with the point (0, 1) appended. Recall falls as the threshold
// rises, so sklearn integrates "decreasing" and flips the sign. The terms
// are summed in numpy's pairwise order so that the result matches to the
// last bit, not just to the printed digits.
//
// sklearn refuses a curve whose recall both rises and falls; that cannot
// happen with the default matching, and with SingleMatch (whose greedy
// recall is not monotone in theory) the signed area is returned anyway.
func area(curve []Point) float64 {
	if len(curve) == 0 {
		return 0
	}
	xy := func(i int) (float64, float64) {
		if i == len(curve) {
			return 0, 1
		}
		return curve[i].Recall, curve[i].Precision
	}
	terms := make([]float64, len(curve))
	direction := 1.0
	for i := range terms {
		x0, y0 := xy(i)
		x1, y1 := xy(i + 1)
		dx := x1 - x0
		if dx < 0 {
			direction = -1
		}
		terms[i] = dx * (y1 + y0) / 2
	}
	return direction * pairwiseSum(terms)
}

// pairwiseSum adds as numpy's add.reduce does for a contiguous float64
// array: plainly below 8 values, in 8 interleaved partial sums up to 128,
// and by recursive halving (on multiples of 8) above that.
func pairwiseSum(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		s := 0.0
		for _, v := range a {
			s += v
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range r {
				r[j] += a[i+j]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += a[i]
		}
		return s
	default:
		half := n / 2
		half -= half % 8
		return pairwiseSum(a[:half]) + pairwiseSum(a[half:])
	}
}

// round3 is numpy's round(x, 3): scale, round half to even, scale back.
func round3(x float64) float64 {
	return math.RoundToEven(x*1000) / 1000
}
