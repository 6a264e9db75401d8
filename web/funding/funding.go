// Package funding renders a PCN's ARRS money (/pcns/{code}/funding): for this
// financial year and the next, the entitlement, the committed claims of staff in post
// and the planned claims of the plan's starters month by month, the headroom, and per
// staff member the cap against the actual cost. Every assumption behind a figure (a
// list size standing in for the weighted population, a rate not yet published, a role
// with no known cap, a cost not recorded) is said next to it.
package funding

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /pcns/{code}/funding.
type Page struct {
	Layout     layout.PageParams
	Code, Name string
	// AsOf is the day the staff data describes; Census is false when no NWRS file
	// has been imported and it is today.
	AsOf   time.Time
	Census bool
	Years  []Year
}

// Year is one financial year's figures, in pence.
type Year struct {
	Key   string // "2026", for ids
	Name  string // "2026/27"
	Label string // "This year" or "Next year"
	// RatePounds is the rate per weighted patient, from the year RateYear;
	// RateAssumed when that is an earlier year, RateKnown false when none is held.
	RatePounds  float64
	RateYear    string
	RateAssumed bool
	RateKnown   bool
	// Population is w(p) in force on PopulationDay; ListSize when the registered
	// list stands in.
	Population    float64
	PopulationDay time.Time
	ListSize      bool
	Entitlement   workforce.Pence
	Committed     workforce.Pence
	Planned       workforce.Pence
	Headroom      workforce.Pence
	Above         workforce.Pence // paid above the caps, over staff whose cost is known
	Months        []Month
	Staff         []Staff
	Plan          []PlanLine
	// NoCapRoles names the roles claimed at actual cost for want of a known cap.
	NoCapRoles []string
	// CostsAssumed counts the staff records (and plan lines) whose cost is not
	// recorded, claimed at the cap; Unpriced those with no known cap either, which
	// claim nothing.
	CostsAssumed, PlanCostsAssumed int
	Unpriced                       int
	Downloads                      []Download
}

// Month is one month's claims.
type Month struct {
	Key       string // "2026-04"
	Label     string // "Apr 2026"
	Committed workforce.Pence
	Planned   workforce.Pence
}

// Staff is one staff record's year.
type Staff struct {
	ID         int64
	Label      string // NWRS identifier, else the record number
	Href       string // the record's history
	Role       string
	FTE        float64
	Cap        workforce.Pence // per WTE a year, in force in its last month in post this year
	CapKnown   bool
	CapChanged bool
	Cost       workforce.Pence // per WTE a year
	CostKnown  bool
	Claims     workforce.Pence // claimable over the year
	CostYear   workforce.Pence // actual cost over the year (when known)
	Above      workforce.Pence
}

// PlanLine is one plan line's planned claims.
type PlanLine struct {
	Quarter   string
	Role      string
	Starters  float64
	Cost      workforce.Pence
	CostKnown bool
	Uncapped  bool
	Total     workforce.Pence
}

// Download is a link to the year's claim schedule.
type Download struct {
	Text, Href, TestID string
}

const dateLong = "2 January 2006"

// id prefixes a test id with the year: "y2026-entitlement".
func (y Year) id(s string) string { return "y" + y.Key + "-" + s }

func (y Year) rows() []ui.SummaryListRow {
	return []ui.SummaryListRow{
		{Key: "Entitlement", Value: y.Entitlement.String(), TestID: y.id("entitlement")},
		{Key: "Committed: staff in post", Value: y.Committed.String(), TestID: y.id("committed")},
		{Key: "Planned: starters in the plan", Value: y.Planned.String(), TestID: y.id("planned")},
		{Key: "Headroom", Value: y.Headroom.String(), TestID: y.id("headroom")},
		{Key: y.outcomeKey(), Value: y.outcome(), TestID: y.id("outcome")},
		{Key: "Paid by the PCN above the caps", Value: y.Above.String(), TestID: y.id("above-cap")},
	}
}

func (y Year) outcomeKey() string {
	if y.Headroom < 0 {
		return "Over-committed"
	}
	return "Forecast underspend"
}

// outcome says what the headroom means: money left unclaimed at year end is not
// carried forward; a negative headroom is claims the entitlement cannot meet.
func (y Year) outcome() string {
	if y.Headroom < 0 {
		return (-y.Headroom).String() + " more than the entitlement"
	}
	return y.Headroom.String() + " unclaimed at year end, which is not carried forward"
}

func (y Year) rateText() string {
	switch {
	case !y.RateKnown:
		return "No rate per weighted patient is held for " + y.Name + " or any earlier year, so the entitlement is shown as £0."
	case y.RateAssumed:
		return "No rate per weighted patient is published for " + y.Name + " yet: " + y.RateYear + "'s £" +
			strconv.FormatFloat(y.RatePounds, 'f', -1, 64) + " stands in."
	}
	return ""
}

func (y Year) populationText() string {
	if y.ListSize {
		return "No weighted population is in force on " + y.PopulationDay.Format(dateLong) + ": the registered list of " +
			ui.Count(int(y.Population)) + " patients stands in, so the entitlement follows list size rather than need."
	}
	return "Weighted population in force on " + y.PopulationDay.Format(dateLong) + ": " + ui.Decimal(y.Population, 0) + "."
}

func (y Year) costText() string {
	var parts []string
	if y.CostsAssumed > 0 {
		parts = append(parts, ui.Count(y.CostsAssumed)+" staff "+plural(y.CostsAssumed, "record has", "records have")+" no annual cost recorded: the role's cap stands in (cost assumed), and what the PCN pays above it is not known.")
	}
	if y.PlanCostsAssumed > 0 {
		parts = append(parts, ui.Count(y.PlanCostsAssumed)+" plan "+plural(y.PlanCostsAssumed, "line has", "lines have")+" no annual cost: the cap stands in.")
	}
	return strings.Join(parts, " ")
}

func (y Year) noCapText() string {
	t := "No cap is known for " + strings.Join(y.NoCapRoles, ", ") + ": claims use the actual cost, which may be more than the scheme reimburses."
	if y.Unpriced > 0 {
		t += " " + ui.Count(y.Unpriced) + " of their staff records and plan lines have no annual cost recorded either, so nothing can be worked out for them: they show as £0. Record their costs to see their claims."
	}
	return t
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// chart is the year's claims to date, month by month, against the entitlement.
func (y Year) chart() ui.LineChartParams {
	labels := make([]string, len(y.Months))
	committed, total := make([]float64, len(y.Months)), make([]float64, len(y.Months))
	var c, t workforce.Pence
	for i, m := range y.Months {
		c += m.Committed
		t += m.Committed + m.Planned
		labels[i], committed[i], total[i] = m.Label, c.Pounds(), t.Pounds()
	}
	return ui.LineChartParams{
		ID: y.id("chart"), Title: "Claims to date against the entitlement, " + y.Name, Width: 640, Height: 280,
		Description: "Committed claims reach " + y.Committed.String() + " and, with the plan's starters, " + (y.Committed + y.Planned).String() +
			" by March, against an entitlement of " + y.Entitlement.String() + ".",
		XTitle: "Month", YTitle: "£", XLabels: labels,
		Series: []ui.LineSeries{{Name: "Committed to date", Values: committed}, {Name: "Committed and planned to date", Values: total}},
		Target: &ui.ChartTarget{Value: y.Entitlement.Pounds(), Label: "Entitlement " + y.Entitlement.String()},
	}
}

// chartTable is the chart's numbers, in pounds and pence.
func (y Year) chartTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Months))
	var c, t workforce.Pence
	for _, m := range y.Months {
		c += m.Committed
		t += m.Committed + m.Planned
		rows = append(rows, ui.TableRow{Cells: []ui.TableCell{{Text: m.Label}, {Text: c.String()}, {Text: t.String()}, {Text: y.Entitlement.String()}}})
	}
	return ui.TableParams{Caption: "Claims to date against the entitlement, " + y.Name, FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Month"}, {Text: "Committed to date", Numeric: true}, {Text: "Committed and planned to date", Numeric: true},
			{Text: "Entitlement", Numeric: true}},
		Rows: rows}
}

// monthTable is the month-by-month claims, with what is left of the entitlement.
func (y Year) monthTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Months)+1)
	var cum workforce.Pence
	for _, m := range y.Months {
		cum += m.Committed + m.Planned
		rows = append(rows, ui.TableRow{TestID: y.id("month-" + m.Key), Cells: []ui.TableCell{
			{Text: m.Label}, {Text: m.Committed.String()}, {Text: m.Planned.String()}, {Text: (m.Committed + m.Planned).String()},
			{Text: cum.String()}, {Text: (y.Entitlement - cum).String()},
		}})
	}
	rows = append(rows, ui.TableRow{TestID: y.id("month-total"), Cells: []ui.TableCell{
		{Text: "Year"}, {Text: y.Committed.String()}, {Text: y.Planned.String()}, {Text: (y.Committed + y.Planned).String()}, {}, {Text: y.Headroom.String()},
	}})
	return ui.TableParams{Caption: "Claims by month, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("months"),
		Head: []ui.TableHeader{{Text: "Month"}, {Text: "Committed", Numeric: true}, {Text: "Planned", Numeric: true}, {Text: "Total", Numeric: true},
			{Text: "Total to date", Numeric: true}, {Text: "Entitlement left", Numeric: true}},
		Rows: rows}
}

// staffTable is each staff record's cap against its actual cost.
func (y Year) staffTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Staff))
	for _, s := range y.Staff {
		rows = append(rows, ui.TableRow{TestID: y.id("staff-" + strconv.FormatInt(s.ID, 10)), Cells: []ui.TableCell{
			{Text: s.Label, Href: s.Href}, {Text: s.Role}, {Text: ui.Decimal(s.FTE, 2)}, {Text: s.capText()}, {Text: s.costText()},
			{Text: s.Claims.String()}, {Text: s.costYearText()}, {Text: s.aboveText()},
		}})
	}
	return ui.TableParams{Caption: "Cap against actual cost by staff member, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("staff"),
		Head: []ui.TableHeader{{Text: "Staff"}, {Text: "Role"}, {Text: "FTE", Numeric: true}, {Text: "Cap per WTE a year", Numeric: true},
			{Text: "Cost per WTE a year", Numeric: true}, {Text: "Claimable this year", Numeric: true}, {Text: "Actual cost this year", Numeric: true},
			{Text: "Paid above the cap", Numeric: true}},
		Rows: rows}
}

func (s Staff) capText() string {
	if !s.CapKnown {
		return "No known cap"
	}
	if s.CapChanged {
		return s.Cap.Short() + " (changed this year)"
	}
	return s.Cap.Short()
}

func (s Staff) costText() string {
	if !s.CostKnown {
		return "Not recorded"
	}
	return s.Cost.Short()
}

func (s Staff) costYearText() string {
	if !s.CostKnown {
		return "Not known"
	}
	return s.CostYear.String()
}

func (s Staff) aboveText() string {
	if !s.CostKnown {
		return "Not known"
	}
	return s.Above.String()
}

// planTable is the plan's starters claimed this year.
func (y Year) planTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Plan))
	for i, l := range y.Plan {
		cost := "Not given"
		if l.CostKnown {
			cost = l.Cost.Short()
		}
		if l.Uncapped {
			cost += " (no known cap)"
		}
		rows = append(rows, ui.TableRow{TestID: y.id("plan-" + strconv.Itoa(i)), Cells: []ui.TableCell{
			{Text: l.Quarter}, {Text: l.Role}, {Text: ui.Decimal(l.Starters, 2)}, {Text: cost}, {Text: l.Total.String()},
		}})
	}
	return ui.TableParams{Caption: "Planned starters, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("plan"),
		Head: []ui.TableHeader{{Text: "Quarter"}, {Text: "Role"}, {Text: "Starters, FTE", Numeric: true}, {Text: "Cost per WTE a year", Numeric: true},
			{Text: "Planned claims this year", Numeric: true}},
		Rows: rows}
}
