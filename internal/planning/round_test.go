package planning

import "testing"

func TestRoundPence(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b     float64
		num, den int64
		want     int64
	}{
		// £22.671 × 5 patients × 100 = 11335.5p exactly; float says 11335.4999…
		{22.671, 5, 100, 1, 11336},
		{22.671, 45415, 100, 1, 102960347},           // 2267.1 × 45415 = 102960346.5p → 102960347p
		{0.5, 1, 3, 1, 2},                            // 1.5 → 2
		{-0.5, 1, 3, 1, -2},                          // −1.5 → −2: away from zero
		{1, 1, 7, 2, 4},                              // 3.5 → 4, integers through the exact path
		{0.946667, 1, 6697200 * 30, 12 * 30, 528335}, // 558100 × 0.946667 = 528334.8527p
	}
	for _, c := range cases {
		if got := roundPence(c.a, c.b, c.num, c.den); got != c.want {
			t.Errorf("roundPence(%v, %v, %d, %d) = %d, want %d", c.a, c.b, c.num, c.den, got, c.want)
		}
		if got := roundExact(c.a, c.b, c.num, c.den); got != c.want {
			t.Errorf("roundExact(%v, %v, %d, %d) = %d, want %d", c.a, c.b, c.num, c.den, got, c.want)
		}
	}
}
