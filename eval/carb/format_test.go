package carb

import (
	"bytes"
	"math"
	"testing"
)

func TestPyFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1, "1.0"},
		{0.24, "0.24"},
		{0.30000000000000004, "0.30000000000000004"}, // 0.1+0.2 in float64
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{1.5e-7, "1.5e-07"},
		{123456789012345.0, "123456789012345.0"},
		{1e16, "1e+16"},
		{1.5e300, "1.5e+300"},
		{math.Inf(1), "inf"},
		{math.NaN(), "nan"},
	}
	for _, tt := range tests {
		if got := pyFloat(tt.in); got != tt.want {
			t.Errorf("pyFloat(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNumpyRow checks the array layout against numpy 1.24's output.
func TestNumpyRow(t *testing.T) {
	tests := []struct {
		in   [3]float64
		want string
	}{
		{[3]float64{0.526, 0.406, 0.458}, "[0.526 0.406 0.458]"},
		{[3]float64{1, 0.5, 0.667}, "[1.    0.5   0.667]"},
		{[3]float64{0.1, 0.25, 0.125}, "[0.1   0.25  0.125]"},
		{[3]float64{1, 0.042, 0.08}, "[1.    0.042 0.08 ]"},
		{[3]float64{0, 0, 0}, "[0. 0. 0.]"},
		{[3]float64{0.5, 0.5, 0.5}, "[0.5 0.5 0.5]"},
	}
	for _, tt := range tests {
		if got := numpyRow(tt.in[:]...); got != tt.want {
			t.Errorf("numpyRow(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRound3(t *testing.T) {
	// numpy rounds half to even on x·1000: 0.0005·1000 is exactly 0.5.
	tests := []struct{ in, want float64 }{
		{0.24021044589892113, 0.24},
		{0.0005, 0},
		{0.0015, 0.002},
		{0.4581092385960356, 0.458},
	}
	for _, tt := range tests {
		if got := round3(tt.in); got != tt.want {
			t.Errorf("round3(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestWriteCurveTSV_pythonInts checks the two places where CaRB stores a
// Python int rather than a float, which print without ".0".
func TestWriteCurveTSV_pythonInts(t *testing.T) {
	r := Result{Curve: []Point{
		{Threshold: 0.5, Precision: 0.5, Recall: 0, Kept: 2},
		{Threshold: 1, Precision: 1, Recall: 0, Kept: 0},
	}}
	var buf bytes.Buffer
	if err := r.WriteCurveTSV(&buf); err != nil {
		t.Fatal(err)
	}
	want := "Precision\tRecall\tConfidence\n0.5\t0\t0.5\n1\t0\t1.0\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
