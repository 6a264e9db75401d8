package plantemplate

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// notes say what the columns mean and, in the plan page's own words, what is not known
// and why.
func notes(in Input, t plansheet.Table) []string {
	f := in.Figures
	var out []string
	switch {
	case f.NoCensus:
		out = append(out, "No workforce census has been imported: the staff in post, the FTE at the year end and the planned cost are \""+plansheet.NoData+"\".")
	case f.NoTarget:
		out = append(out, "No recruitment target is set, so the gap report is not worked out: the FTE at the year end is \""+plansheet.NoData+"\".")
	}
	if !t.AsOf.IsZero() {
		out = append(out, "In post is the ARRS FTE in post on "+day(t.AsOf)+", the latest census imported.")
	}
	out = append(out,
		"FTE at the year end is the projected ARRS FTE of the whole network on 31 March: the staff in post, plus this version's starters less leavers, less the expected attrition of each role; never below zero. It is not split by role, because attrition and that floor apply to the network as a whole.",
		"Planned cost is what the plan's starters will claim in the year (from their quarter's start; every month of it for those who start in an earlier year), less what its leavers would have claimed: the plan page's \"Planned for starters\" for the year. Lines of quarters that started by the census date are in the staff data already, so they count in the starters and leavers but not in the planned cost.")
	for _, fy := range t.Years {
		if y, ok := f.Years[fy]; ok {
			out = append(out, costNotes(fy, y.Costs[planning.LinePlan])...)
		}
	}
	if n := outside(in.Lines, t.Years); n > 0 {
		out = append(out, "This version also holds "+lines(n)+" outside the years shown: download the plan lines to see them.")
	}
	return out
}

// costNotes are the plan page's notes on a year's plan lines costed on an assumption
// (planning.CostNotes, the one wording), each naming its year.
func costNotes(fy workforce.FinancialYear, c planning.CostCounts) []string {
	var out []string
	for _, n := range planning.CostNotes(map[planning.LineKind]planning.CostCounts{planning.LinePlan: c}) {
		out = append(out, fy.String()+": "+n)
	}
	return out
}

// outside counts the lines in no year of the table.
func outside(all []workforce.PlanLine, years []workforce.FinancialYear) int {
	n := 0
	for _, l := range all {
		fy := workforce.FinancialYearOf(l.QuarterStart)
		if len(years) == 0 || fy < years[0] || fy > years[len(years)-1] {
			n++
		}
	}
	return n
}

func lines(n int) string { return strconv.Itoa(n) + " " + planning.Agree(n, "plan line", "plan lines") }

// day is a date as pages write it: "30 November 2025".
func day(d time.Time) string { return d.Format("2 January 2006") }
