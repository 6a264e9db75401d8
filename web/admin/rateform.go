package admin

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/input"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// The bounds of a rate an admin may enter. The Network Contract DES publishes the rate
// per weighted patient in pounds to three decimal places (£26.631 for 2025/26); a rate
// outside £1 to £100, or a year more than RateYearsAround from this one, is a typing
// slip, not a publication.
const (
	MinRateMilli    = 1_000   // £1.000
	MaxRateMilli    = 100_000 // £100.000
	RateYearsAround = 5
)

// rateLimits are the rate forms' text inputs with their limits.
var rateLimits = []input.Limit{
	{Name: "year", Label: "Financial year", Max: workforce.MaxCodeLength},
	{Name: "rate", Label: "Rate per weighted patient", Max: workforce.MaxCodeLength},
}

// ratePattern is pounds with up to three decimal places, as the DES prints them.
var ratePattern = regexp.MustCompile(`^[0-9]{1,6}(\.[0-9]{1,3})?$`)

// NewRatesPage lists the years' rates with the add form f.
func NewRatesPage(page layout.PageParams, rows []RateRow, f RateForm) RatesPage {
	p := RatesPage{Layout: page, Rows: rows, Form: f}
	p.Layout.HasErrors = len(f.Errors) > 0
	return p
}

// ReadNewRate reads the form that adds a year's rate on day today: the fields as
// typed and the rate; every problem is in the form's Errors.
func ReadNewRate(v url.Values, today workforce.FinancialYear) (RateForm, workforce.FundingRate) {
	f := RateForm{Year: strings.TrimSpace(v.Get("year")), Rate: strings.TrimSpace(v.Get("rate")), Errors: map[string]string{}}
	if input.TooLong(v, f.Errors, rateLimits...) {
		return f, workforce.FundingRate{}
	}
	y := f.parseYear(today)
	return f, workforce.FundingRate{FinancialYear: y.String(), Starts: y.Start(), RateGBP: f.parseRate()}
}

// ReadRateChange reads the form that changes year y's rate, posted at version; every
// problem is in the form's Errors.
func ReadRateChange(v url.Values, y workforce.FinancialYear, version int) (RateForm, workforce.FundingRate) {
	f := RateForm{Fixed: y, Version: version, Year: y.String(), Rate: strings.TrimSpace(v.Get("rate")), Errors: map[string]string{}}
	if input.TooLong(v, f.Errors, rateLimits...) {
		return f, workforce.FundingRate{}
	}
	return f, workforce.FundingRate{FinancialYear: y.String(), Starts: y.Start(), RateGBP: f.parseRate()}
}

// parseYear reads the financial year, within RateYearsAround of today's.
func (f *RateForm) parseYear(today workforce.FinancialYear) workforce.FinancialYear {
	first, last := today-RateYearsAround, today+RateYearsAround
	y, err := workforce.ParseFinancialYear(f.Year)
	switch {
	case f.Year == "":
		f.Errors["year"] = "Enter the financial year, such as " + (today + 1).String()
	case err != nil:
		f.Errors["year"] = "Enter the financial year in the form YYYY/YY, such as " + (today + 1).String()
	case y < first || y > last:
		f.Errors["year"] = "The financial year must be between " + first.String() + " and " + last.String()
	}
	return y
}

// parseRate reads the rate in pounds, to the tenth of a penny, between £1 and £100.
func (f *RateForm) parseRate() float64 {
	s := strings.TrimPrefix(f.Rate, "£")
	switch {
	case f.Rate == "":
		f.Errors["rate"] = "Enter the rate per weighted patient, in pounds"
		return 0
	case !ratePattern.MatchString(s):
		f.Errors["rate"] = "Enter the rate in pounds with up to 3 decimal places, such as 26.631"
		return 0
	}
	pounds, frac, _ := strings.Cut(s, ".")
	whole, _ := strconv.Atoi(pounds)
	milli, _ := strconv.Atoi((frac + "000")[:3])
	m := whole*1000 + milli
	if m < MinRateMilli || m > MaxRateMilli {
		f.Errors["rate"] = "The rate must be between £1 and £100 per weighted patient"
	}
	return float64(m) / 1000
}

// RateFormOf fills the change form from a year's rate as stored at version.
func RateFormOf(r workforce.FundingRate, y workforce.FinancialYear, version int) RateForm {
	return RateForm{Fixed: y, Version: version, Year: y.String(), Rate: strconv.FormatFloat(r.RateGBP, 'f', -1, 64), Errors: map[string]string{}}
}

// YearTaken refuses the year: it has a rate already.
func (f *RateForm) YearTaken() {
	f.Errors["year"] = "There is already a rate for " + f.Year + ": change that rate instead"
}

// Stale marks the form of a stale save: someone saved the year's rate since the form
// was opened; current is it now. The form keeps what was typed.
func (f RateForm) Stale(current workforce.FundingRate) RateForm {
	f.Conflict = "Someone else changed this rate while you were editing: it is now " + RatePounds(current.RateGBP) +
		". Nothing was saved. Check the rate below, then save it again."
	return f
}

// Framed completes a change form: its page (marked in error when the form is), and
// the rate's version as stored now when the form is stale or has none.
func (f RateForm) Framed(page layout.PageParams, version int) RateForm {
	f.Layout = page
	f.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Funding rates", Href: "/admin/rates"}}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	if f.Conflict != "" || f.Version == 0 {
		f.Version = version
	}
	return f
}

// RateTitle is the title of a year's change form.
func RateTitle(y workforce.FinancialYear) string { return "Change the rate for " + y.String() }

// RateSaved says what was done, for the message the rates page shows after: "Added
// the rate for 2026/27 of £27.123 per weighted patient from 1 April 2026".
func RateSaved(verb string, r workforce.FundingRate) string {
	return verb + " the rate for " + r.FinancialYear + " of " + RatePounds(r.RateGBP) + " per weighted patient from " + r.Starts.Format("2 January 2006")
}
