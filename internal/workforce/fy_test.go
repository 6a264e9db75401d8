package workforce

import (
	"math"
	"testing"
	"time"
)

// day parses an ISO date for the tests' tables.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// near compares FTE computed in floating point with a hand-worked figure.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestParseFinancialYear(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in      string
		want    FinancialYear
		wantErr bool
	}{
		{"2025/26", 2025, false},
		{"2099/00", 2099, false},
		{"2025/27", 0, true},
		{"2025-26", 0, true},
		{"25/26", 0, true},
		{"2025/2026", 0, true},
		{"+202/03", 0, true},
		{"2099/+0", 0, true},
		{"", 0, true},
	}
	for _, c := range cases {
		got, err := ParseFinancialYear(c.in)
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("ParseFinancialYear(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.wantErr)
		}
		if err == nil && got.String() != c.in {
			t.Errorf("%q round trips to %q", c.in, got.String())
		}
	}
}

func TestFinancialYearBounds(t *testing.T) {
	t.Parallel()
	f := FinancialYear(2025)
	if !f.Start().Equal(day("2025-04-01")) || !f.End().Equal(day("2026-04-01")) {
		t.Errorf("2025/26 runs %v to %v", f.Start(), f.End())
	}
	ms := f.MonthStarts()
	if !ms[0].Equal(day("2025-04-01")) || !ms[9].Equal(day("2026-01-01")) || !ms[11].Equal(day("2026-03-01")) {
		t.Errorf("month starts %v", ms)
	}
	cases := map[string]FinancialYear{
		"2026-03-31": 2025, "2026-04-01": 2026, "2026-01-01": 2025, "2025-12-31": 2025,
	}
	for d, want := range cases {
		if got := FinancialYearOf(day(d)); got != want {
			t.Errorf("FinancialYearOf(%s) = %v, want %v", d, got, want)
		}
	}
}

func TestQuarters(t *testing.T) {
	t.Parallel()
	cases := []struct {
		label string
		start string
	}{
		{"2026/27 Q1", "2026-04-01"},
		{"2026/27 Q2", "2026-07-01"},
		{"2026/27 Q3", "2026-10-01"},
		{"2026/27 Q4", "2027-01-01"}, // Q4 starts in the next calendar year
	}
	for _, c := range cases {
		q, err := ParseQuarter(c.label)
		if err != nil {
			t.Fatalf("ParseQuarter(%q): %v", c.label, err)
		}
		if !q.Start().Equal(day(c.start)) {
			t.Errorf("%s starts %v, want %s", c.label, q.Start(), c.start)
		}
		if q.String() != c.label {
			t.Errorf("%s prints as %s", c.label, q)
		}
		// Every day of the quarter belongs to it: its first, and the day before the next.
		last := q.Next().Start().AddDate(0, 0, -1)
		if QuarterOf(q.Start()) != q || QuarterOf(last) != q {
			t.Errorf("QuarterOf(%v)=%v, QuarterOf(%v)=%v, want %v", q.Start(), QuarterOf(q.Start()), last, QuarterOf(last), q)
		}
	}
	if next := (Quarter{2026, 4}).Next(); next != (Quarter{2027, 1}) {
		t.Errorf("after 2026/27 Q4 comes %v", next)
	}
	for _, bad := range []string{"2026/27 Q5", "2026/27 Q0", "2026/27Q1", "2026/28 Q1", "2026/27 q1", "Q1 2026/27"} {
		if _, err := ParseQuarter(bad); err == nil {
			t.Errorf("ParseQuarter(%q) accepted", bad)
		}
	}
}

func TestQuarterStarts(t *testing.T) {
	t.Parallel()
	// (2026-04-01, 2027-01-01]: the start on the first day is out, on the last day in.
	got := QuarterStarts(day("2026-04-01"), day("2027-01-01"))
	want := []string{"2026-07-01", "2026-10-01", "2027-01-01"}
	if len(got) != len(want) {
		t.Fatalf("QuarterStarts = %v, want %v", got, want)
	}
	for i := range want {
		if !got[i].Equal(day(want[i])) {
			t.Errorf("QuarterStarts[%d] = %v, want %s", i, got[i], want[i])
		}
	}
	if got := QuarterStarts(day("2026-04-02"), day("2026-06-30")); len(got) != 0 {
		t.Errorf("no quarter starts in (2 Apr, 30 Jun], got %v", got)
	}
}

func TestDaysAndMonths(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b   string
		days   int
		months float64
	}{
		{"2025-11-30", "2025-11-30", 0, 0},
		{"2026-03-31", "2027-03-31", 365, 365 * 12 / 365.25}, // 11.991786…
		{"2027-03-31", "2028-03-31", 366, 366 * 12 / 365.25}, // 29 Feb 2028 in between
		{"2024-01-01", "2024-03-01", 60, 60 * 12 / 365.25},   // 31 + 29
		{"2026-01-15", "2025-01-15", -365, -365 * 12 / 365.25},
	}
	for _, c := range cases {
		if got := Days(day(c.a), day(c.b)); got != c.days {
			t.Errorf("Days(%s, %s) = %d, want %d", c.a, c.b, got, c.days)
		}
		if got := Months(day(c.a), day(c.b)); got != c.months {
			t.Errorf("Months(%s, %s) = %v, want %v", c.a, c.b, got, c.months)
		}
	}
	// A clock time or another zone does not change the calendar day counted.
	london := time.FixedZone("BST", 3600)
	a := time.Date(2026, 6, 1, 0, 30, 0, 0, london) // 31 May 23:30 UTC, but 1 June here
	if got := Days(a, day("2026-06-02")); got != 1 {
		t.Errorf("Days across zones = %d, want 1", got)
	}
}
