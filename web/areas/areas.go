// Package areas renders the workforce of an area: England (with the target and the
// national trend), a region, or an ICB, each with its child areas and FTE by role.
package areas

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of an area page.
type Page struct {
	Layout layout.PageParams
	// Kind is "England", "Region" or "ICB", shown above the name.
	Kind string
	Code string
	Name string
	// At is the day the figures describe; Census is false before any import.
	At             time.Time
	Census         bool
	ARRS, NonARRS  float64
	PCNs, Patients int
	PerTenThousand float64
	// NoData: the day is before the data start, so the staff records give none of the
	// FTE figures; NoDataText says so in their place. Published: England's ARRS FTE is
	// instead NHS England's published series for the month (the caller sets it).
	NoData     bool
	NoDataText string
	Published  bool
	// ChildKind names the rows of Children ("regions", "ICBs", "PCNs").
	ChildKind string
	Children  []Child
	Sort      ui.Sort
	Roles     []RoleFTE
	// NoReturnCensus is the census describing At, zero when no imported census does
	// (then nothing is said of returns); NoReturn counts the area's PCNs that made no
	// return for it.
	NoReturnCensus time.Time
	NoReturn       int
	// England only.
	Target *workforce.Target
	Series []SeriesPoint
	// SupplyHref links an ICB's page to its supply against demand; "" for users who
	// may not see it, and on other pages.
	SupplyHref string
	// CompareHref links an ICB's page to its PCNs compared, for the same users.
	CompareHref string
	// NeedHref links England's and an ICB's page to the funnel of staffing against need
	// (the ICB's PCNs highlighted on an ICB's page).
	NeedHref string
	// PaymentLagHref links an ICB's page to the months it takes to pay a claim (the
	// cash flow's lag), for its leads and admins; PaymentLag is that lag.
	PaymentLagHref string
	PaymentLag     int
	// Waiting is what waits for the user, shown near the top of the home page; nil
	// for users with no part in plans' sign-off.
	Waiting *Waiting
	// Home is the user's panel when the page is their home: their places and an
	// admin's attention on England's, a lead's work on their ICB's (docs/homes.md).
	Home Home
	// Footprints, when set, offers the ICBs as they were on At or on today's
	// footprints (region and ICB pages).
	Footprints *Footprints
	// History is an ICB's: what became of it, or what it was made from. When its
	// Absent is set the page shows no figures.
	History ICBHistory
}

// Absent reports whether the area had no place on the page's day: the page then says
// so instead of showing figures (unknown is not zero).
func (p Page) Absent() bool { return p.History.Absent != "" }

// Child is one row of the child-area table.
type Child struct {
	Code, Name, Href string
	PCNs, Patients   int
	ARRS, NonARRS    float64
	PerTenThousand   float64
	// NoReturn flags a PCN row whose PCN made no return for the page's census.
	NoReturn bool
}

// RoleFTE is one ARRS role's FTE in the area.
type RoleFTE struct {
	Code, Name, Href string
	FTE              float64
}

// SeriesPoint is England's ARRS FTE in one census month: NHS England's published
// series (mapped to ARRS roles the same way as imports) for months before the data
// start, or, when Imported, the staff records of a census imported here.
type SeriesPoint struct {
	Month    time.Time
	FTE      float64
	Imported bool
}

// Sort keys of the child table.
const (
	SortName     = "name"
	SortCode     = "code"
	SortPCNs     = "pcns"
	SortPatients = "patients"
	SortARRS     = "arrs"
	SortPer10k   = "per10k"
	SortNonARRS  = "nonarrs"
)

// SortKeys lists the keys a sort parameter may take.
var SortKeys = []string{SortName, SortCode, SortPCNs, SortPatients, SortARRS, SortPer10k, SortNonARRS}

// childTableID is the child table's id, the anchor of its sort links.
const childTableID = "children"

func (p Page) childTable() ui.TableParams {
	perPCN := p.ChildKind == "PCNs" // a PCN row counts one PCN: the column says nothing
	s := p.Sort
	s.Anchor = childTableID
	head := []ui.TableHeader{
		s.Header("Name", SortName, false),
		s.Header("Code", SortCode, false),
		s.Header("PCNs", SortPCNs, true),
		s.Header("Registered patients", SortPatients, true),
		s.Header("ARRS FTE", SortARRS, true),
		s.Header("ARRS FTE per 10,000 registered patients", SortPer10k, true),
		s.Header("Other PCN staff FTE", SortNonARRS, true),
	}
	rows := make([]ui.TableRow, 0, len(p.Children))
	for _, c := range p.Children {
		name := ui.TableCell{Text: c.Name, Href: c.Href}
		if c.NoReturn {
			name = ui.TableCell{Content: NameNoReturn(c.Name, c.Href)}
		}
		rows = append(rows, ui.TableRow{TestID: "child-" + c.Code, Cells: []ui.TableCell{
			name,
			{Text: c.Code},
			{Text: ui.Count(c.PCNs)},
			{Text: patientsText(c.Patients)},
			{Text: p.figure(ui.FTE(c.ARRS))},
			{Text: p.perTenThousandText(c.Patients, c.PerTenThousand)},
			{Text: p.figure(ui.FTE(c.NonARRS))},
		}})
	}
	if perPCN {
		head = append(head[:2], head[3:]...)
		for i := range rows {
			rows[i].Cells = append(rows[i].Cells[:2], rows[i].Cells[3:]...)
		}
	}
	return ui.TableParams{Caption: "ARRS FTE by " + singular(p.ChildKind), Head: head, Rows: rows, FirstCellIsHeader: true, ID: childTableID}
}

// childBox is the child table in a box that scrolls sideways on a narrow screen.
func (p Page) childBox() ui.WideTableParams {
	return ui.WideTableParams{Label: "ARRS FTE by " + singular(p.ChildKind), TestID: "children-box", Table: p.childTable()}
}

func singular(kind string) string {
	switch kind {
	case "regions":
		return "region"
	case "ICBs":
		return "ICB"
	}
	return "PCN"
}

func (p Page) roleChart() ui.BarChartParams {
	bars := make([]ui.Bar, 0, len(p.Roles))
	for _, r := range p.Roles {
		bars = append(bars, ui.Bar{Label: r.Name, Value: r.FTE, ValueLabel: ui.FTE(r.FTE)})
	}
	return ui.BarChartParams{
		ID: "roles-chart", Title: "ARRS FTE by role, " + p.Name,
		Description: "Horizontal bars of the FTE in post in each ARRS role on " + p.At.Format("2 January 2006") + ".",
		LabelTitle:  "Role", ValueTitle: "FTE", Bars: bars,
	}
}

func (p Page) roleTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(p.Roles)+1)
	for _, r := range p.Roles {
		rows = append(rows, ui.TableRow{TestID: "role-" + r.Code, Cells: []ui.TableCell{{Text: r.Name, Href: r.Href}, {Text: ui.FTE(r.FTE)}}})
	}
	rows = append(rows, ui.TableRow{TestID: "role-all-arrs", Cells: []ui.TableCell{{Text: "All ARRS roles"}, {Text: p.arrsText()}}})
	return ui.TableParams{
		Caption: "ARRS FTE by role", FirstCellIsHeader: true, ID: "roles",
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "FTE", Numeric: true}}, Rows: rows,
	}
}

func first[T any](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	return xs[0]
}

func last[T any](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	return xs[len(xs)-1]
}

func (p Page) targetShare() float64 {
	if p.Target == nil || p.Target.FTE == 0 {
		return 0
	}
	return p.ARRS / p.Target.FTE * 100
}

// lagText is when a claim is paid, in words: "2 months after the month worked".
func lagText(months int) string {
	switch months {
	case 0:
		return "in the month worked"
	case 1:
		return "1 month after the month worked"
	}
	return strconv.Itoa(months) + " months after the month worked"
}
