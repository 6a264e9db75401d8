package ui

import "testing"

func TestFigures(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"26000 additional roles":        "26,000 additional roles",
		"Long term plan 2024/25":        "Long term plan 2024/25",
		"1234567 FTE":                   "1,234,567 FTE",
		"0.123456":                      "0.123456",
		"26,000 already":                "26,000 already",
		"":                              "",
		"Target of 31000 by 2029, ARRS": "Target of 31,000 by 2029, ARRS",
	} {
		if got := Figures(in); got != want {
			t.Errorf("Figures(%q) = %q, want %q", in, got, want)
		}
	}
}
