package needweights

import "testing"

// A weight or factor is a plain decimal with up to 4 places, above 0 and at most 100:
// no sign, exponent, hexadecimal, NaN, infinity or separator.
func TestFigureProblem(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		typed string
		ok    bool
	}{
		{"1", true}, {"1.21", true}, {"2.2748", true}, {"0.0001", true}, {"100", true}, {"100.0000", true}, {"007", true},
		{"", false}, {"0", false}, {"0.0000", false}, {"100.0001", false}, {"101", false}, {"1000", false},
		{"1.23456", false}, {"1e1", false}, {"1E1", false}, {"NaN", false}, {"Inf", false}, {"0x1p3", false},
		{"-1", false}, {"+1", false}, {"1,5", false}, {"1.", false}, {".5", true}, {".", false}, {"-", false}, {" 1", false}, {"١", false},
	} {
		if got := figureProblem(c.typed, "the weight"); (got == "") != c.ok {
			t.Errorf("%q: %q, want ok %v", c.typed, got, c.ok)
		}
	}
	// A negative figure is out of range, and says so; ".5" is read as 0.5.
	for _, typed := range []string{"-1", "-0.5", "0", "101"} {
		if got := figureProblem(typed, "the weight"); got != "The weight must be more than 0 and at most 100" {
			t.Errorf("%q: %q", typed, got)
		}
	}
	if errs := map[string]string{}; readFigure(".5", "k", "the weight", errs) != 0.5 || len(errs) != 0 {
		t.Errorf(".5: %v", errs)
	}
}

func TestWebAddress(t *testing.T) {
	t.Parallel()
	for s, ok := range map[string]bool{
		"https://doi.org/10.3399/bjgp18X695981": true, "http://example.org": true,
		"javascript:alert(1)": false, "ftp://example.org": false, "doi.org/10.3399": false, "https://": false,
		"https://exa mple.org": false, "//example.org": false,
	} {
		if webAddress(s) != ok {
			t.Errorf("%q: want %v", s, ok)
		}
	}
}
