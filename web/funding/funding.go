// Package funding renders a PCN's money (/pcns/{code}/funding): for each financial year
// of the plan's window, its funding streams side by side (the ARRS sum, the practice GP
// scheme, other money); the ARRS entitlement, the committed claims of staff in post and
// the planned claims of the plan's starters month by month, the headroom; each member
// practice's scheme entitlement and its part of the PCN's costs and reimbursements;
// agreed reimbursement shares and approved roles; and per staff member its stream and
// the cap against the actual cost. Every assumption behind a figure (a list size
// standing in for a population, a rate not yet published, a role with no known cap, a
// cost not recorded) is said next to it.
package funding

import (
	"strconv"
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
	// Links lead to the PCN's funding settings and its cash flow; Downloads are the
	// practices' figures for every year.
	Links     []Link
	Downloads []Download
}

// Link is a link to a related page.
type Link struct {
	Text, Href, TestID string
}

// Year is one financial year's figures, in pence.
type Year struct {
	Key   string // "2026", for ids
	Name  string // "2026/27"
	Label string // YearLabel: "This year", "Next year", "Year after next"
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
	// AboveUnknown counts the staff records with no cost, left out of Above.
	AboveUnknown int
	// Partial is true when the year starts before the staff data (DataStart, the
	// first census): committed and headroom are then not known.
	Partial   bool
	DataStart time.Time
	Months    []Month
	Staff     []Staff
	Plan      []PlanLine
	// NoCapRoles names the roles claimed at actual cost for want of a known cap;
	// BandRoles those claimed against their Agenda for Change band's cap.
	NoCapRoles, BandRoles []string
	// CostsAssumed counts the staff records (and plan lines) whose cost is not
	// recorded, estimated at the cap; Uncosted those with no cap either, left out of
	// every total; BandsAssumed the mental health practitioners with no band, at 5.
	CostsAssumed, PlanCostsAssumed int
	Uncosted, BandsAssumed         int
	Downloads                      []Download
	// Streams are the year's funding streams side by side; Practices its member
	// practices; Shares its agreed shares and approved posts.
	Streams   Streams
	Practices Practices
	Shares    Shares
	// StaffPages and PlanPages are where the staff and plan tables are (Paginate):
	// a large network's records fill several pages.
	StaffPages, PlanPages ui.Pages
}

// Month is one month's claims.
type Month struct {
	Key       string // "2026-04"
	Label     string // "Apr 2026"
	Committed workforce.Pence
	Planned   workforce.Pence
	// Unknown: the month starts before the staff data; its committed claims are not
	// known.
	Unknown bool
}

// Staff is one staff record's year.
type Staff struct {
	ID    int64
	Label string // NWRS identifier, else the record number
	Href  string // the record's history
	Role  string
	// Stream is the money the post is paid from; Practice the practice claiming a
	// practice-scheme GP ("A81001 NAME"), Approved the approved role an ARRS post
	// outside the list is claimed under.
	Stream     workforce.Stream
	Practice   string
	Approved   string
	FTE        float64
	Cap        workforce.Pence // per WTE a year, in force in its last month in post this year
	CapKnown   bool
	CapChanged bool
	CapBand    string // the band whose cap it is, when not the role's own
	Uncosted   bool
	Cost       workforce.Pence // per WTE a year
	CostKnown  bool
	Claims     workforce.Pence // claimable over the year
	CostYear   workforce.Pence // actual cost over the year (when known)
	Above      workforce.Pence
	// OtherCost is an other-money post's cost over the year, the cap standing in for
	// an unrecorded cost (OtherCostEstimated).
	OtherCost          workforce.Pence
	OtherCostEstimated bool
}

// PlanLine is one plan line's planned claims.
type PlanLine struct {
	Quarter   string
	Role      string
	Stream    workforce.Stream
	Starters  float64
	Leavers   bool // the line's leavers: Starters is the FTE leaving, Total negative
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
// YearLabel names the i-th year of the plan's window counted from this one (0).
func YearLabel(i int) string {
	switch i {
	case 0:
		return "This year"
	case 1:
		return "Next year"
	case 2:
		return "Year after next"
	}
	return "In " + strconv.Itoa(i) + " years"
}

func (y Year) id(s string) string { return "y" + y.Key + "-" + s }

func (y Year) rows() []ui.SummaryListRow {
	return moneyRows([]ui.SummaryListRow{
		{Key: "Entitlement", Value: y.Entitlement.Whole(), TestID: y.id("entitlement")},
		{Key: "Committed: staff in post", Value: y.knownText(y.Committed), TestID: y.id("committed")},
		{Key: "Planned: starters in the plan", Value: y.Planned.Whole(), TestID: y.id("planned")},
		{Key: "Headroom", Value: y.knownText(y.Headroom), TestID: y.id("headroom")},
		{Key: y.outcomeKey(), Value: y.outcome(), TestID: y.id("outcome")},
		{Key: "Paid by the PCN above the caps", Value: y.aboveText(), TestID: y.id("above-cap")},
	})
}

// partialText says why a year's committed and headroom are not known.
func (y Year) partialText() string {
	return "Partial: staff records start at the census of " + y.DataStart.Format(dateLong) + ", so what was committed in " + y.Name +
		" before then is not known, and neither is the year's headroom."
}

// knownText is a committed or headroom figure, "Not known" in a partial year (never a
// full-year figure built on months counted as £0).
func (y Year) knownText(p workforce.Pence) string {
	if y.Partial {
		return "Not known: staff records start at the census of " + y.DataStart.Format(dateLong)
	}
	return p.Whole()
}

// aboveText is what the PCN pays above the caps: not known when no staff record has a
// cost, else over those that have one, saying how many are left out.
func (y Year) aboveText() string {
	switch {
	case y.AboveUnknown > 0 && y.AboveUnknown == len(y.Staff):
		return "Not known: no staff record has a cost recorded"
	case y.AboveUnknown > 0:
		return y.Above.Whole() + ", excluding " + ui.Count(y.AboveUnknown) + " " + ui.Agree(y.AboveUnknown, "record", "records") + " with no cost"
	}
	return y.Above.Whole()
}

func (y Year) outcomeKey() string {
	if y.Partial {
		return "Forecast underspend"
	}
	if y.Headroom < 0 {
		return "Over-committed"
	}
	return "Forecast underspend"
}

// outcome says what the headroom means: money left unclaimed at year end is not
// carried forward; a negative headroom is claims the entitlement cannot meet.
func (y Year) outcome() string {
	if y.Partial {
		return "Not known: the year starts before the staff records"
	}
	if y.Headroom < 0 {
		return (-y.Headroom).Whole() + " more than the entitlement"
	}
	return y.Headroom.Whole() + " unclaimed at year end, which is not carried forward"
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
		Description: "Committed claims reach " + y.Committed.Whole() + " and, with the plan's starters, " + (y.Committed + y.Planned).Whole() +
			" by March, against an entitlement of " + y.Entitlement.Whole() + ".",
		XTitle: "Month", YTitle: "£", XLabels: labels, MinusSign: true,
		Series: []ui.LineSeries{{Name: "Committed to date", Values: committed}, {Name: "Committed and planned to date", Values: total}},
		Target: &ui.ChartTarget{Value: y.Entitlement.Pounds(), Label: "Entitlement " + y.Entitlement.Whole()},
	}
}

// chartTable is the chart's numbers, in pounds and pence.
func (y Year) chartTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Months))
	var c, t workforce.Pence
	for _, m := range y.Months {
		c += m.Committed
		t += m.Committed + m.Planned
		rows = append(rows, ui.TableRow{Cells: []ui.TableCell{{Text: m.Label}, {Text: c.Whole()}, {Text: t.Whole()}, {Text: y.Entitlement.Whole()}}})
	}
	return MoneyCells(ui.TableParams{Caption: "Claims to date against the entitlement, " + y.Name, FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Month"}, {Text: "Committed to date", Numeric: true}, {Text: "Committed and planned to date", Numeric: true},
			{Text: "Entitlement", Numeric: true}},
		Rows: rows})
}

// monthTable is the month-by-month claims, with what is left of the entitlement.
func (y Year) monthTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Months)+1)
	var cum workforce.Pence
	for _, m := range y.Months {
		cum += m.Committed + m.Planned
		if m.Unknown {
			rows = append(rows, ui.TableRow{TestID: y.id("month-" + m.Key), Cells: []ui.TableCell{
				{Text: m.Label}, {Text: "No data"}, {Text: m.Planned.Whole()}, {Text: "No data"}, {Text: "No data"}, {Text: "No data"},
			}})
			continue
		}
		rows = append(rows, ui.TableRow{TestID: y.id("month-" + m.Key), Cells: []ui.TableCell{
			{Text: m.Label}, {Text: m.Committed.Whole()}, {Text: m.Planned.Whole()}, {Text: (m.Committed + m.Planned).Whole()},
			{Text: y.cell(cum)}, {Text: y.cell(y.Entitlement - cum)},
		}})
	}
	total := y.cell(y.Committed + y.Planned)
	rows = append(rows, ui.TableRow{TestID: y.id("month-total"), Cells: []ui.TableCell{
		{Text: "Year"}, {Text: y.cell(y.Committed)}, {Text: y.Planned.Whole()}, {Text: total}, {}, {Text: y.cell(y.Headroom)},
	}})
	return MoneyCells(ui.TableParams{Caption: "Claims by month, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("months"),
		Head: []ui.TableHeader{{Text: "Month"}, {Text: "Committed", Numeric: true}, {Text: "Planned", Numeric: true}, {Text: "Total", Numeric: true},
			{Text: "Total to date", Numeric: true}, {Text: "Entitlement left", Numeric: true}},
		Rows: rows})
}

// cell is a table's figure that sums committed claims: "Not known" in a partial year.
func (y Year) cell(p workforce.Pence) string {
	if y.Partial {
		return "Not known"
	}
	return p.Whole()
}

// staffTable is each staff record's stream and its cap against its actual cost; an
// other-money post claims nothing, so its cost is shown alone.
func (y Year) staffTable() ui.TableParams {
	shown, _ := pageOf(y.Staff, y.StaffPages)
	rows := make([]ui.TableRow, 0, len(shown))
	for _, s := range shown {
		rows = append(rows, ui.TableRow{TestID: y.id("staff-" + strconv.FormatInt(s.ID, 10)), Cells: []ui.TableCell{
			{Text: s.Label, Href: s.Href}, {Text: s.Role}, {Text: s.streamText()}, {Text: ui.Decimal(s.FTE, 2)}, {Text: s.capText()}, {Text: s.costText()},
			{Text: s.claimsText()}, {Text: s.costYearText()}, {Text: s.aboveText()},
		}})
	}
	return MoneyCells(ui.TableParams{Caption: "Stream, and cap against actual cost, by staff member, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("staff"),
		Head: []ui.TableHeader{{Text: "Staff"}, {Text: "Role"}, {Text: "Stream"}, {Text: "FTE", Numeric: true}, {Text: "Cap per WTE a year", Numeric: true},
			{Text: "Cost per WTE a year", Numeric: true}, {Text: "Claimable this year", Numeric: true}, {Text: "Actual cost this year", Numeric: true},
			{Text: "Paid above the cap", Numeric: true}},
		Rows: rows})
}

// other reports whether the post is paid from other money: nothing is claimed.
func (s Staff) other() bool { return s.Stream == workforce.StreamOther }

func (s Staff) streamText() string {
	switch {
	case s.Practice != "":
		return s.Stream.Label() + ": " + s.Practice
	case s.Approved != "":
		return s.Stream.Label() + ": approved role " + s.Approved
	}
	return s.Stream.Label()
}

func (s Staff) capText() string {
	if s.other() {
		return "—"
	}
	if !s.CapKnown {
		return "No known cap"
	}
	t := s.Cap.Whole()
	if s.CapBand != "" {
		t += " (band " + s.CapBand + ")"
	}
	if s.CapChanged {
		t += " (changed this year)"
	}
	return t
}

func (s Staff) costText() string {
	switch {
	case !s.CostKnown && s.other():
		return "Not recorded: estimated at the role's cap"
	case !s.CostKnown:
		return "Not recorded: estimated at the cap"
	}
	return s.Cost.Whole()
}

func (s Staff) claimsText() string {
	switch {
	case s.Uncosted:
		return "Excluded: no cost or cap"
	case s.other():
		return "Nothing: other money"
	}
	return s.Claims.Whole()
}

func (s Staff) costYearText() string {
	switch {
	case s.other() && s.Uncosted:
		return "Not known"
	case s.other() && s.OtherCostEstimated:
		return s.OtherCost.Whole() + " (estimated)"
	case s.other():
		return s.OtherCost.Whole()
	case !s.CostKnown:
		return "Not known"
	}
	return s.CostYear.Whole()
}

func (s Staff) aboveText() string {
	switch {
	case s.other():
		return "—"
	case !s.CostKnown:
		return "Not known"
	}
	return s.Above.Whole()
}

// planTable is the plan's starters claimed this year.
func (y Year) planTable() ui.TableParams {
	shown, first := pageOf(y.Plan, y.PlanPages)
	rows := make([]ui.TableRow, 0, len(shown))
	for j, l := range shown {
		i := first + j
		cost := "Not given: estimated at the cap"
		if l.Leavers && !l.CostKnown && l.Cost > 0 {
			cost = l.Cost.Whole() + " (the role's average)"
		}
		if l.CostKnown {
			cost = l.Cost.Whole()
		}
		if l.Uncapped {
			cost += " (no known cap)"
		}
		total := l.Total.Whole()
		if l.Stream == workforce.StreamOther {
			total = "Nothing: other money"
		}
		rows = append(rows, ui.TableRow{TestID: y.id("plan-" + strconv.Itoa(i)), Cells: []ui.TableCell{
			{Text: l.Quarter}, {Text: l.Role}, {Text: l.Stream.Label()}, {Text: l.fteText()}, {Text: cost}, {Text: total},
		}})
	}
	return MoneyCells(ui.TableParams{Caption: "Planned starters and leavers, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("plan"),
		Head: []ui.TableHeader{{Text: "Quarter"}, {Text: "Role"}, {Text: "Stream"}, {Text: "Starters (leavers), FTE", Numeric: true},
			{Text: "Cost per WTE a year", Numeric: true}, {Text: "Planned claims this year", Numeric: true}},
		Rows: rows})
}

// staffSummary opens the year's staff table: "Show the 45 staff records of 2026/27".
func (y Year) staffSummary() string {
	return "Show the " + ui.Count(len(y.Staff)) + " staff " + ui.Agree(len(y.Staff), "record", "records") + " of " + y.Name
}

// planSummary opens the year's plan lines: "Show the 12 plan lines of 2026/27".
func (y Year) planSummary() string {
	return "Show the " + ui.Count(len(y.Plan)) + " plan " + ui.Agree(len(y.Plan), "line", "lines") + " of " + y.Name
}

// fteText is the line's FTE, leavers in brackets as what they take off.
func (l PlanLine) fteText() string {
	if l.Leavers {
		return "(" + ui.Decimal(l.Starters, 2) + " leaving)"
	}
	return ui.Decimal(l.Starters, 2)
}
