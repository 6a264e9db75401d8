package plan

import (
	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// PrintPage is the view model of /pcns/{code}/plan/print: a version in the shape of NHS
// England's ARRS workforce planning template, on a page of its own to print and file.
type PrintPage struct {
	Header  plansheet.Header
	Table   plansheet.Table
	Version Version
	// Back is the plan page of the version, linked on screen only.
	Back string
}

// title is the document's title.
func (p PrintPage) title() string {
	return p.Header.Title() + ", version " + ui.Count(p.Header.Version) + " – ARRS Planner"
}

// asOf is the day the staff data describes, or "no data".
func (p PrintPage) asOf() string {
	if p.Table.AsOf.IsZero() {
		return plansheet.NoData
	}
	return p.Table.AsOf.Format("2 January 2006")
}

// inPostHead heads the in-post column.
func (p PrintPage) inPostHead() string {
	if p.Table.AsOf.IsZero() {
		return "In post (FTE)"
	}
	return "In post on " + p.Table.AsOf.Format("2 Jan 2006") + " (FTE)"
}

// yearHead heads a year's group of columns: "2026/27".
func yearHead(fy workforce.FinancialYear) string { return fy.String() }

// printFTE is an FTE as the template writes it, with 2 decimals: plan lines are
// entered to a tenth or a hundredth of a WTE, which 1 decimal would hide.
func printFTE(v float64) string { return ui.Decimal(v, 2) }

// printFigure is a figure, or "no data".
func printFigure(f plansheet.Figure) string {
	if !f.Known {
		return plansheet.NoData
	}
	return printFTE(f.Value)
}

// printMoney is an amount in whole pounds, or "no data".
func printMoney(m plansheet.Money) string {
	if !m.Known {
		return plansheet.NoData
	}
	return m.Pence.Whole()
}

// costTestID marks the totals row's planned cost cells for tests.
func costTestID(total bool) string {
	if total {
		return "print-cost"
	}
	return "print-role-cost"
}
