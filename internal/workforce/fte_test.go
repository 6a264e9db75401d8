package workforce

import "testing"

func TestRound(t *testing.T) {
	t.Parallel()
	cases := []struct {
		x      float64
		places int
		want   string
	}{
		{2.675, 2, "2.68"}, // stored as 2.67499999…, a spreadsheet shows 2.68
		{0.125, 2, "0.13"}, // an exact binary half: away from zero, not to even
		{-0.125, 2, "-0.13"},
		{1.005, 2, "1.01"},
		{0.946667, 2, "0.95"},
		{0.946667, 1, "0.9"},
		{0.1 + 0.2, 2, "0.30"},
		{-0.001, 2, "0.00"}, // no "-0.00"
		{26826.25, 1, "26826.3"},
		{12.344999, 2, "12.34"},
		{3, 2, "3.00"},
	}
	for _, c := range cases {
		if got := FormatFTE(c.x, c.places); got != c.want {
			t.Errorf("FormatFTE(%v, %d) = %s, want %s", c.x, c.places, got, c.want)
		}
	}
}
