package ui

import "testing"

func TestMoney(t *testing.T) {
	cases := []struct {
		pence        int64
		money, whole string
	}{
		{3866667, "£38,666.67", "£38,666.67"},
		{6697200, "£66,972.00", "£66,972"},
		{5, "£0.05", "£0.05"},
		{0, "£0.00", "£0"},
		{-226977000, "−£2,269,770.00", "−£2,269,770"},
		{-150, "−£1.50", "−£1.50"},
	}
	for _, c := range cases {
		if got := Money(c.pence); got != c.money {
			t.Errorf("Money(%d) = %q, want %q", c.pence, got, c.money)
		}
		if got := MoneyWhole(c.pence); got != c.whole {
			t.Errorf("MoneyWhole(%d) = %q, want %q", c.pence, got, c.whole)
		}
	}
}
