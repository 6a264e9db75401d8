package workforce

import "testing"

func TestPenceFormats(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pence                             Pence
		str, short, whole, input, decimal string
	}{
		{3866667, "£38,666.67", "£38,666.67", "£38,667", "38666.67", "38666.67"},
		{6697200, "£66,972.00", "£66,972", "£66,972", "66972", "66972.00"},
		{6697250, "£66,972.50", "£66,972.50", "£66,973", "66972.50", "66972.50"},
		{5, "£0.05", "£0.05", "£0", "0.05", "0.05"},
		{0, "£0.00", "£0", "£0", "0", "0.00"},
		{-226977000, "−£2,269,770.00", "−£2,269,770", "−£2,269,770", "-2269770", "-2269770.00"},
		{-150, "−£1.50", "−£1.50", "−£2", "-1.50", "-1.50"},
		{-30, "−£0.30", "−£0.30", "£0", "-0.30", "-0.30"},
		{123449, "£1,234.49", "£1,234.49", "£1,234", "1234.49", "1234.49"},
		{25_000_000, "£250,000.00", "£250,000", "£250,000", "250000", "250000.00"},
	}
	for _, c := range cases {
		if got := c.pence.String(); got != c.str {
			t.Errorf("Pence(%d).String() = %q, want %q", c.pence, got, c.str)
		}
		if got := c.pence.Short(); got != c.short {
			t.Errorf("Pence(%d).Short() = %q, want %q", c.pence, got, c.short)
		}
		if got := c.pence.Whole(); got != c.whole {
			t.Errorf("Pence(%d).Whole() = %q, want %q", c.pence, got, c.whole)
		}
		if got := c.pence.Input(); got != c.input {
			t.Errorf("Pence(%d).Input() = %q, want %q", c.pence, got, c.input)
		}
		if got := c.pence.Decimal(); got != c.decimal {
			t.Errorf("Pence(%d).Decimal() = %q, want %q", c.pence, got, c.decimal)
		}
	}
}

func TestParsePounds(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in    string
		pence Pence
		ok    bool
	}{
		{"45000", 4_500_000, true},
		{"45000.5", 4_500_050, true},
		{"45000.50", 4_500_050, true},
		{"55000.505", 5_500_051, true}, // half a penny rounds away from zero
		{"55000.5049", 5_500_050, true},
		{"45000.", 4_500_000, true},
		{".5", 50, true},
		{"0", 0, true},
		{"007", 700, true},
		{"999999999999999", 99_999_999_999_999_900, true},
		{"1000000000000000", 0, false}, // too large to hold
		{"", 0, false},
		{".", 0, false},
		{"-5", 0, false},
		{"£45000", 0, false},
		{"45,000", 0, false},
		{"1e4", 0, false},
		{"1.2.3", 0, false},
		{" 5", 0, false},
	}
	for _, c := range cases {
		pence, ok := ParsePounds(c.in)
		if pence != c.pence || ok != c.ok {
			t.Errorf("ParsePounds(%q) = %d, %v; want %d, %v", c.in, pence, ok, c.pence, c.ok)
		}
	}
	for _, p := range []Pence{0, 5, 6697200, 6697250, 3866667} {
		if back, ok := ParsePounds(p.Input()); !ok || back != p {
			t.Errorf("ParsePounds(%q) = %d, %v; want %d back", p.Input(), back, ok, p)
		}
	}
	if !IsPounds("1000000000000000") || IsPounds("-5") || IsPounds(".") {
		t.Error("IsPounds: want the shape of ParsePounds's input, whatever its size")
	}
}
