// Package plantemplate lays out one version of a PCN's recruitment plan in the shape
// of NHS England's ARRS workforce planning template: the ARRS roles by name as rows,
// in the role guide's order; the plan's financial years as column groups (starters,
// leavers, FTE at the year end, planned cost); a totals row; and notes saying what is
// not known. Build makes the table from the version's lines and the plan page's
// figures (planfigures), which it arranges but never recomputes, so the file, the
// print page and the plan page agree. Workbook writes the table as a formatted Excel
// workbook; web/plan prints it. Nothing here reads the database or the clock.
package plantemplate

import (
	"time"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Input is one version of a PCN's plan with the plan page's figures for it.
type Input struct {
	// Roles are the ARRS roles, in the role guide's order: one row each.
	Roles []workforce.Role
	// Window is the plan's quarters (the plan page's), whole financial years in order.
	Window workforce.PlanWindow
	// Lines are the version's lines.
	Lines []workforce.PlanLine
	// Figures are planfigures.Compute's for the same lines and window.
	Figures planfigures.Figures
}

// Build lays the version out (the values are plansheet's, shared with the print
// page): a row per role, a column group per financial year of the window, the totals,
// and the notes. The staff in post are known whenever a census is, target or not.
func Build(in Input) plansheet.Table {
	f := in.Figures
	t := plansheet.Table{AsOf: f.AsOf, Years: in.Window.Years()}
	if f.NoCensus {
		t.AsOf = time.Time{}
	}
	flows := workforce.SumFlows(in.Lines)
	t.Total = plansheet.Row{Name: "Total", InPost: plansheet.Figure{Value: f.InPost, Known: !f.NoCensus}}
	for _, r := range in.Roles {
		row := plansheet.Row{Role: r.Code, Name: r.Name, InPost: plansheet.Figure{Value: f.InPostByRole[r.Code], Known: !f.NoCensus}}
		for _, fy := range t.Years {
			s := flows[r.Code][fy]
			row.Years = append(row.Years, plansheet.Cells{Starters: s.Starters, Leavers: s.Leavers, Cost: roleCost(f, fy, r.Code)})
		}
		t.Rows = append(t.Rows, row)
	}
	for i, fy := range t.Years {
		t.Total.Years = append(t.Total.Years, totalOf(t, i, f, fy))
	}
	t.Notes = notes(in, t)
	return t
}

// totalOf is the totals row's cells of the i-th year: the sums of the roles' FTE, and
// the plan page's figures for the network.
func totalOf(t plansheet.Table, i int, f planfigures.Figures, fy workforce.FinancialYear) plansheet.Cells {
	var c plansheet.Cells
	for _, r := range t.Rows {
		c.Starters += r.Years[i].Starters
		c.Leavers += r.Years[i].Leavers
	}
	if q, ok := f.Quarters[workforce.Quarter{Year: fy, N: 4}]; ok {
		c.YearEnd = plansheet.Figure{Value: q.Projected, Known: true}
	}
	if y, ok := f.Years[fy]; ok {
		c.Cost = plansheet.Money{Pence: y.PlannedPence, Known: true}
	}
	return c
}

// roleCost is a role's part of the year's planned ARRS claims: its ARRS plan lines'
// claims in the plan page's money for the year (their sum over the roles is its
// planned). The template's FTE count a role's lines on every stream.
func roleCost(f planfigures.Figures, fy workforce.FinancialYear, role string) plansheet.Money {
	y, ok := f.Years[fy]
	if !ok {
		return plansheet.Money{}
	}
	m := plansheet.Money{Known: true}
	for _, l := range y.Lines {
		if l.Kind == planning.LinePlan && l.Role == role && (l.Stream == "" || l.Stream == workforce.StreamARRS) {
			m.Pence += l.TotalPence
		}
	}
	return m
}
