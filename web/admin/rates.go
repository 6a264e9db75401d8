package admin

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// RatesPage is the view model of /admin/rates: each financial year's rate per
// weighted patient with its start date, and the form that adds a year's rate.
type RatesPage struct {
	Layout  layout.PageParams
	Success string
	Rows    []RateRow
	Form    RateForm
}

// RateRow is one year's rate.
type RateRow struct {
	Year   workforce.FinancialYear
	Starts time.Time
	Pounds float64
}

// RateForm is the add or change form of a year's rate, as typed.
type RateForm struct {
	Layout layout.PageParams
	// Fixed is the year of a change form (its year cannot change), zero when adding;
	// Version is then the version the form shows.
	Fixed    workforce.FinancialYear
	Version  int
	Year     string // YYYY/YY
	Rate     string // pounds per weighted patient
	Errors   map[string]string
	Conflict string // someone else changed the rate meanwhile
}

// RateHref is a year's change form: /admin/rates/2026 for 2026/27.
func RateHref(y workforce.FinancialYear) string { return "/admin/rates/" + strconv.Itoa(int(y)) }

// Action is where the form posts.
func (f RateForm) Action() string {
	if f.Fixed == 0 {
		return "/admin/rates"
	}
	return RateHref(f.Fixed)
}

// RatePounds shows a rate as it is published, to the tenth of a penny: "£26.631".
func RatePounds(pounds float64) string { return "£" + strconv.FormatFloat(pounds, 'f', 3, 64) }

var rateFieldOrder = []string{"year", "rate"}

func (f RateForm) summary() ui.ErrorSummaryParams {
	var items []ui.ErrorSummaryItem
	if f.Conflict != "" {
		items = append(items, ui.ErrorSummaryItem{Text: f.Conflict, Href: "#rate"})
	}
	for _, k := range rateFieldOrder {
		if msg := f.Errors[k]; msg != "" {
			items = append(items, ui.ErrorSummaryItem{Text: msg, Href: "#" + k})
		}
	}
	return ui.ErrorSummaryParams{Title: "There is a problem", Errors: items}
}

// table lists the years' rates, oldest first.
func (p RatesPage) table() ui.TableParams {
	var rows []ui.TableRow
	for _, r := range p.Rows {
		rows = append(rows, ui.TableRow{TestID: "rate-" + strconv.Itoa(int(r.Year)), Cells: []ui.TableCell{
			{Text: r.Year.String()}, {Text: r.Starts.Format("2 Jan 2006")}, {Text: RatePounds(r.Pounds)},
			{Text: "Change", Href: RateHref(r.Year), VisuallyHiddenText: " the rate of " + r.Year.String()},
		}})
	}
	return ui.TableParams{Caption: "Rates by financial year", FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Financial year"}, {Text: "In force from"}, {Text: "Per weighted patient", Numeric: true}, {Text: "Action"}},
		Rows: rows}
}
