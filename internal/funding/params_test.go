package funding

import (
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The cash flow's settings take plain digits within their limits and nothing else:
// no NaN, infinity, exponent, hexadecimal, sign or space, which strconv alone would
// take; a refusal names the limit.
func TestParams(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]int{"0": 0, "2": 2, "6": 6, "06": 6} {
		if n, err := ParseLag(s); err != nil || n != want {
			t.Errorf("lag %q: %d %v, want %d", s, n, err, want)
		}
	}
	for _, s := range []string{"", "7", "-1", "+2", "2.0", "0x2", "1e0", " 2", "two", "100"} {
		if _, err := ParseLag(s); err == nil || !strings.Contains(err.Error(), "from 0 to 6") {
			t.Errorf("lag %q: %v", s, err)
		}
	}
	for s, want := range map[string]float64{"0": 0, "3.3": 3.3, "20": 20, "20.00": 20, "0.05": 0.05, "12.5": 12.5} {
		if p, err := ParseUplift(s); err != nil || p != want {
			t.Errorf("uplift %q: %v %v, want %v", s, p, err, want)
		}
	}
	for _, s := range []string{"", "NaN", "nan", "Inf", "+Inf", "-Inf", "1e1", "1E1", "0x1p3", "0x14", "-1", "+3", "20.01", "25",
		"3.333", ".5", "3.", "3,3", " 3", "3 ", "1_0", "100"} {
		if _, err := ParseUplift(s); err == nil || !strings.Contains(err.Error(), "from 0 to 20 with at most 2 decimal places") {
			t.Errorf("uplift %q: %v", s, err)
		}
	}
	year := workforce.FinancialYear(2026).MonthStarts()
	if m, err := ParseMonth("2026-08", year[0], year[11]); err != nil || !m.Equal(workforce.Date(2026, time.August, 1)) {
		t.Errorf("month 2026-08: %v %v", m, err)
	}
	for _, s := range []string{"2026-03", "2027-04", "2026-8", "2026-13", "2026/08", "202608", "+2026-08", "2026-08-01"} {
		if _, err := ParseMonth(s, year[0], year[11]); err == nil || !strings.Contains(err.Error(), "from 2026-04 to 2027-03, as YYYY-MM") {
			t.Errorf("month %q: %v", s, err)
		}
	}
	for s, want := range map[string]workforce.FinancialYear{"2026/27": 2026, "2026": 2026, "2028": 2028} {
		if y, err := ParseYear(s, 2026, 2028); err != nil || y != want {
			t.Errorf("year %q: %v %v", s, y, err)
		}
	}
	for _, s := range []string{"", "2025/26", "2029", "2026/28", "26/27", "+2026", "2026.0", "0x7ea"} {
		if _, err := ParseYear(s, 2026, 2028); err == nil || !strings.Contains(err.Error(), "from 2026/27 to 2028/29") {
			t.Errorf("year %q: %v", s, err)
		}
	}
	if _, err := ParseLag("9"); err == nil || err.Error() != `must be a whole number of months from 0 to 6, not "9"` {
		t.Errorf("the refusal continues the setting's name: %v", err)
	}
	if fy, u := UpliftIn(3.3, workforce.Date(2027, time.February, 1)); fy != 2026 || u != (planning.Uplift{Percent: 3.3, Month: 10}) {
		t.Errorf("February 2027: %s %+v, want 2026/27, month 10", fy, u)
	}
}
