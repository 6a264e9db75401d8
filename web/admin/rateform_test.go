package admin

import (
	"net/url"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// A rate is read to the tenth of a penny, exactly, within £1 to £100; the year within
// five of today's (2026/27).
func TestReadNewRate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		year, rate string
		want       float64
		bad        string // the field in error, "" when none
	}{
		{"2026/27", "27.123", 27.123, ""},
		{"2026/27", "£26.6", 26.6, ""},
		{"2031/32", "100", 100, ""},
		{"2021/22", "1.000", 1, ""},
		{"2032/33", "27", 27, "year"},
		{"2020/21", "27", 27, "year"},
		{"26/27", "27", 27, "year"},
		{"2026/27", "100.001", 100.001, "rate"},
		{"2026/27", "0.999", 0.999, "rate"},
		{"2026/27", "27.1234", 0, "rate"},
		{"2026/27", "1,000", 0, "rate"},
		{"2026/27", "27.", 0, "rate"},
	} {
		f, r := ReadNewRate(url.Values{"year": {c.year}, "rate": {c.rate}}, workforce.FinancialYear(2026))
		if c.bad == "" && (len(f.Errors) > 0 || r.RateGBP != c.want || r.FinancialYear != c.year || r.Starts.Format(workforce.DateLayout) != c.year[:4]+"-04-01") {
			t.Errorf("%s %s: %+v %v", c.year, c.rate, r, f.Errors)
		}
		if c.bad != "" && (len(f.Errors) != 1 || f.Errors[c.bad] == "") {
			t.Errorf("%s %s: errors %v, want one on %s", c.year, c.rate, f.Errors, c.bad)
		}
	}
}
