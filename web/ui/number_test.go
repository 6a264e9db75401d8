package ui

import "testing"

func TestNumbers(t *testing.T) {
	cases := map[string]string{
		FTE(26826.27):     "26,826.3",
		FTE(0.05):         "0.1",
		FTE(0):            "0.0",
		FTE(-1234.56):     "−1,234.6",
		Decimal(999.5, 0): "1,000",
		Count(1297):       "1,297",
		Count(56000000):   "56,000,000",
		Count(12):         "12",
		Count(-1000):      "−1,000",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
