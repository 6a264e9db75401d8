package ui

import (
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		max    int
		want   []float64
	}{
		{0, 10, 6, []float64{0, 2, 4, 6, 8, 10}},
		{0, 97, 6, []float64{0, 20, 40, 60, 80, 100}},
		{0, 1, 5, []float64{0, 0.25, 0.5, 0.75, 1}},
		{0, 1234, 5, []float64{0, 500, 1000, 1500}},
		{0, 3.2, 6, []float64{0, 1, 2, 3, 4}},
		{-3, 7, 6, []float64{-5, -2.5, 0, 2.5, 5, 7.5}},
		{0, 0, 5, []float64{0, 0.25, 0.5, 0.75, 1}},
		{42, 42, 5, []float64{0, 20, 40, 60}},
		{0, 0.3, 4, []float64{0, 0.1, 0.2, 0.3}},
		{10, 0, 3, []float64{0, 5, 10}},
		{0, 95000, 6, []float64{0, 20000, 40000, 60000, 80000, 100000}},
		{0, 9.5, 2, []float64{0, 5, 10}},
	}
	for _, tt := range tests {
		got := niceTicks(tt.lo, tt.hi, tt.max)
		if !slices.Equal(got, tt.want) {
			t.Errorf("niceTicks(%v, %v, %d) = %v, want %v", tt.lo, tt.hi, tt.max, got, tt.want)
		}
	}
}

func TestNiceTicksCoverAndFit(t *testing.T) {
	for _, r := range [][2]float64{{0, 1}, {0, 7.3}, {0, 13}, {0, 999}, {0.5, 0.51}, {-17, 3}, {1e6, 3e6}, {0, 0.0007}} {
		for n := 3; n <= 10; n++ {
			got := niceTicks(r[0], r[1], n)
			if len(got) > n || len(got) < 2 || got[0] > r[0] || got[len(got)-1] < r[1] {
				t.Errorf("niceTicks(%v, %v, %d) = %v: want 2..%d ticks covering the range", r[0], r[1], n, got, n)
			}
		}
	}
}

func TestLinearScale(t *testing.T) {
	s := linearScale{d0: 0, d1: 100, r0: 300, r1: 20} // a y axis: up is smaller
	for _, tt := range []struct{ v, want float64 }{{0, 300}, {100, 20}, {50, 160}, {25, 230}} {
		if got := s.at(tt.v); got != tt.want {
			t.Errorf("at(%v) = %v, want %v", tt.v, got, tt.want)
		}
	}
	if got := (linearScale{d0: 5, d1: 5, r0: 7, r1: 9}).at(5); got != 7 {
		t.Errorf("empty domain maps to %v, want the range start 7", got)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{{0, "0"}, {12.5, "12.5"}, {1234.567, "1,234.57"}, {1234567, "1,234,567"}, {-1500.25, "-1,500.25"}, {0.1 + 0.2, "0.3"}, {-0.001, "0"}} {
		if got := formatNumber(tt.v); got != tt.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
