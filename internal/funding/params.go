package funding

import (
	"regexp"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The cash flow's settings as people write them: the page's ?year=, ?lag=, ?uplift=
// and ?uplift_month=, and `arrs report cashflow`'s --year, --lag, --uplift and
// --uplift-month. One reading each, so that the page and the command line accept and
// refuse the same values. Only plain digits are read: no sign, exponent, hexadecimal,
// NaN or infinity (strconv alone would take "1e1", "0x1p3" and "NaN").

// ParamError is a setting outside its limit. Its text continues the setting's name:
// `must be a whole number of months from 0 to 6, not "9"`.
type ParamError struct {
	// Value is the setting as written; Limit what it must be.
	Value, Limit string
}

func (e *ParamError) Error() string { return "must be " + e.Limit + ", not " + strconv.Quote(e.Value) }

var (
	lagPattern    = regexp.MustCompile(`^[0-9]{1,2}$`)
	upliftPattern = regexp.MustCompile(`^[0-9]{1,2}(\.[0-9]{1,2})?$`)
	monthPattern  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)
	yearPattern   = regexp.MustCompile(`^[0-9]{4}(/[0-9]{2})?$`)
)

// ParseLag reads a payment lag: whole months from 0 to planning.MaxPaymentLag.
func ParseLag(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if !lagPattern.MatchString(s) || err != nil || !(n >= 0 && n <= planning.MaxPaymentLag) {
		return 0, &ParamError{Value: s, Limit: "a whole number of months from 0 to " + strconv.Itoa(planning.MaxPaymentLag)}
	}
	return n, nil
}

// UpliftPlaces bounds the decimal places of an uplift's percentage.
const UpliftPlaces = 2

// ParseUplift reads a backdated uplift's percentage: from 0 to MaxUpliftPercent with
// at most UpliftPlaces decimal places, digits and a point only.
func ParseUplift(s string) (float64, error) {
	p, err := strconv.ParseFloat(s, 64)
	if !upliftPattern.MatchString(s) || err != nil || !(p >= 0 && p <= MaxUpliftPercent) {
		return 0, &ParamError{Value: s, Limit: "a percentage from 0 to " + strconv.Itoa(MaxUpliftPercent) + " with at most " +
			strconv.Itoa(UpliftPlaces) + " decimal places, such as 3.3"}
	}
	return p, nil
}

// ParseMonth reads a month written YYYY-MM, from first's month to last's: the first
// day of the month.
func ParseMonth(s string, first, last time.Time) (time.Time, error) {
	m, err := time.Parse("2006-01", s)
	if !monthPattern.MatchString(s) || err != nil || m.Before(monthOf(first)) || m.After(monthOf(last)) {
		return time.Time{}, &ParamError{Value: s, Limit: "a month from " + first.Format("2006-01") + " to " + last.Format("2006-01") + ", as YYYY-MM"}
	}
	return m, nil
}

// monthOf is the first day of d's month.
func monthOf(d time.Time) time.Time { return workforce.Date(d.Year(), d.Month(), 1) }

// ParseYear reads a financial year, written 2026/27 or 2026, from first to last.
func ParseYear(s string, first, last workforce.FinancialYear) (workforce.FinancialYear, error) {
	refuse := &ParamError{Value: s, Limit: "a financial year from " + first.String() + " to " + last.String() + ", such as " +
		first.String() + " or " + strconv.Itoa(int(first))}
	if !yearPattern.MatchString(s) {
		return 0, refuse
	}
	y, err := workforce.ParseFinancialYear(s)
	if len(s) == 4 {
		n, _ := strconv.Atoi(s)
		y, err = workforce.FinancialYear(n), nil
	}
	if err != nil || y < first || y > last {
		return 0, refuse
	}
	return y, nil
}

// UpliftIn is a backdated uplift of percent confirmed in month (its first day): the
// financial year it belongs to, and the uplift of that year.
func UpliftIn(percent float64, month time.Time) (workforce.FinancialYear, planning.Uplift) {
	fy := workforce.FinancialYearOf(month)
	i := (month.Year()-int(fy))*12 + int(month.Month()) - int(time.April)
	return fy, planning.Uplift{Percent: percent, Month: i}
}
