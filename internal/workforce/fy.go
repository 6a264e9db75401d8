package workforce

import (
	"fmt"
	"strconv"
	"time"
)

// dayNumber counts days since 1970-01-01 for the calendar day of t in its own
// location, so that Days is exact whatever the clock time or zone of its arguments.
// Days in UTC, the form of every date here (and of dates read from the database),
// take the quick way: a floored division of the Unix time, with no calendar sums.
func dayNumber(t time.Time) int64 {
	if t.Location() == time.UTC {
		u := t.Unix()
		if u < 0 {
			return (u - 86399) / 86400
		}
		return u / 86400
	}
	y, m, d := t.Date()
	return Date(y, m, d).Unix() / 86400
}

// Days is the number of whole calendar days from a to b (negative if b is before a):
// days(A, d) of PLANNING.md.
func Days(a, b time.Time) int {
	return int(dayNumber(b) - dayNumber(a))
}

// daysPerMonth is the average month, 365.25 / 12 days (see the package doc).
const daysPerMonth = 365.25 / 12

// Months is the number of months from a to b, Days(a, b) × 12 / 365.25, the divisor of
// the required pace (see the package doc for why an average month).
func Months(a, b time.Time) float64 {
	return float64(Days(a, b)) / daysPerMonth
}

// FinancialYear is an NHS financial year, named by the calendar year it starts in:
// FinancialYear(2025) is "2025/26", 1 April 2025 to 31 March 2026.
type FinancialYear int

// ParseFinancialYear parses "YYYY/YY", where YY is the last two digits of the next year.
func ParseFinancialYear(s string) (FinancialYear, error) {
	if len(s) != 7 || s[4] != '/' {
		return 0, fmt.Errorf("financial year %q: want YYYY/YY, e.g. 2025/26", s)
	}
	start, err1 := strconv.Atoi(s[:4])
	next, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || start < 1000 || s[5] == '+' || s[5] == '-' {
		return 0, fmt.Errorf("financial year %q: want YYYY/YY, e.g. 2025/26", s)
	}
	if next != (start+1)%100 {
		return 0, fmt.Errorf("financial year %q: %02d does not follow %d", s, next, start)
	}
	return FinancialYear(start), nil
}

// FinancialYearOf returns the financial year containing day d (January to March
// belong to the year that started the April before).
func FinancialYearOf(d time.Time) FinancialYear {
	if d.Month() < time.April {
		return FinancialYear(d.Year() - 1)
	}
	return FinancialYear(d.Year())
}

// String formats the year as "2025/26".
func (f FinancialYear) String() string {
	return fmt.Sprintf("%d/%02d", int(f), (int(f)+1)%100)
}

// Start is 1 April, the year's first day.
func (f FinancialYear) Start() time.Time { return Date(int(f), time.April, 1) }

// End is 1 April of the next year, the first day after the year (31 March is the last).
func (f FinancialYear) End() time.Time { return Date(int(f)+1, time.April, 1) }

// MonthStarts returns the first days of the year's twelve months, April first: the
// months in which ARRS claims are made.
func (f FinancialYear) MonthStarts() [12]time.Time {
	var ms [12]time.Time
	for i := range ms {
		ms[i] = Date(int(f), time.April+time.Month(i), 1)
	}
	return ms
}

// Quarter is a quarter of a financial year, N from 1 to 4.
type Quarter struct {
	Year FinancialYear
	N    int
}

// ParseQuarter parses a plan line's quarter, "2026/27 Q1" (PLANNING.md, "Plan lines").
func ParseQuarter(s string) (Quarter, error) {
	if len(s) != 10 || s[7] != ' ' || s[8] != 'Q' || s[9] < '1' || s[9] > '4' {
		return Quarter{}, fmt.Errorf("quarter %q: want YYYY/YY Qn, e.g. 2026/27 Q1", s)
	}
	f, err := ParseFinancialYear(s[:7])
	if err != nil {
		return Quarter{}, fmt.Errorf("quarter %q: %w", s, err)
	}
	return Quarter{Year: f, N: int(s[9] - '0')}, nil
}

// QuarterOf returns the quarter containing day d.
func QuarterOf(d time.Time) Quarter {
	f := FinancialYearOf(d)
	months := (int(d.Month()) - int(time.April) + 12) % 12
	return Quarter{Year: f, N: months/3 + 1}
}

// String formats the quarter as "2026/27 Q1".
func (q Quarter) String() string { return fmt.Sprintf("%s Q%d", q.Year, q.N) }

// Start is the quarter's first day: 1 April (Q1), 1 July (Q2), 1 October (Q3) or
// 1 January of the following calendar year (Q4).
func (q Quarter) Start() time.Time {
	return Date(int(q.Year), time.April+time.Month(3*(q.N-1)), 1)
}

// Next is the following quarter (Q4 is followed by Q1 of the next year).
func (q Quarter) Next() Quarter {
	if q.N == 4 {
		return Quarter{Year: q.Year + 1, N: 1}
	}
	return Quarter{Year: q.Year, N: q.N + 1}
}

// LastDay is the quarter's last day, on which the plan editor, the plan's figures and
// the dashboard measure it.
func (q Quarter) LastDay() time.Time { return q.Next().Start().AddDate(0, 0, -1) }

// QuarterStarts returns the quarter start days in (after, until], the window in which a
// plan line counts towards a projection from after to until.
func QuarterStarts(after, until time.Time) []time.Time {
	var starts []time.Time
	for q := QuarterOf(after).Next(); !q.Start().After(until); q = q.Next() {
		starts = append(starts, q.Start())
	}
	return starts
}
