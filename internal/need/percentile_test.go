package need

import (
	"math"
	"testing"
)

// Type 7, as PostgreSQL's percentile_cont: h = (n − 1)p, the value at floor(h) plus
// the fraction of h towards the next (values sorted first).
func TestPercentile(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	cases := []struct {
		name   string
		values []float64
		p      float64
		want   float64
	}{
		// {1 2 3 4}: h = 3 × 0.1 = 0.3 → 1 + 0.3 × (2 − 1) = 1.3
		// (SELECT percentile_cont(0.1) WITHIN GROUP (ORDER BY x) FROM (VALUES (1),(2),(3),(4)) v(x) is 1.3).
		{"tenth", []float64{4, 2, 1, 3}, 0.1, 1.3},
		{"median of four", []float64{4, 2, 1, 3}, 0.5, 2.5},    // h = 1.5 → 2 + 0.5 = 2.5
		{"ninetieth", []float64{4, 2, 1, 3}, 0.9, 3.7},         // h = 2.7 → 3 + 0.7 = 3.7
		{"least", []float64{4, 2, 1, 3}, 0, 1},                 // h = 0
		{"greatest", []float64{4, 2, 1, 3}, 1, 4},              // h = 3
		{"NaN left out", []float64{4, nan, 2, 1, 3}, 0.5, 2.5}, // as NULL in SQL
		{"quarter of three", []float64{40, 10, 20}, 0.25, 15},  // h = 0.5 → 10 + 0.5 × 10
		{"three quarters", []float64{40, 10, 20}, 0.75, 30},    // h = 1.5 → 20 + 0.5 × 20
		{"ties", []float64{5, 5, 5, 9}, 0.5, 5},                // h = 1.5 → 5 + 0.5 × 0
		{"one value", []float64{7}, 0.3, 7},
		{"none", nil, 0.5, nan},
		{"only NaN", []float64{nan}, 0.5, nan},
		{"p above 1", []float64{1, 2}, 1.1, nan},
		{"p below 0", []float64{1, 2}, -0.1, nan},
	}
	for _, c := range cases {
		got := Percentile(c.values, c.p)
		if math.IsNaN(c.want) != math.IsNaN(got) || (!math.IsNaN(c.want) && math.Abs(got-c.want) > 1e-12) {
			t.Errorf("%s: Percentile(%v, %v) = %v, want %v", c.name, c.values, c.p, got, c.want)
		}
	}
}

// 0, 10, …, 100 (11 values): h = 10p lands on a value each time, so the deciles are
// 10, 20, …, 90, as percentile_cont over generate_series(0, 100, 10) gives.
func TestDeciles(t *testing.T) {
	t.Parallel()
	values := []float64{100, 0, 50, 10, 90, 20, 80, 30, 70, 40, 60, math.NaN()}
	got := Deciles(values)
	for i, d := range got {
		if want := float64(10 * (i + 1)); math.Abs(d-want) > 1e-9 {
			t.Errorf("decile %d = %v, want %v", i+1, d, want)
		}
	}
	if none := Deciles(nil); !math.IsNaN(none[4]) {
		t.Errorf("median of nothing = %v, want NaN", none[4])
	}
}
