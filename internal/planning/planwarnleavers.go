package planning

import (
	"math"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// leaverWarnings finds the quarters of the window in which a role's planned leavers are
// more than the staff of the role in post then: the FTE in post on the as-of date, plus
// the plan's starters less its leavers of the quarters between (never below zero), plus
// the quarter's own starters; attrition is left out, as it is no one's plan. The
// projection floors at zero (PLANNING.md, "Projection"), so leavers beyond the staff
// there would vanish from the figures without anyone noticing. Lines of quarters
// starting on or before the as-of date are in the staff data already, and not checked.
func leaverWarnings(c PlanChecks, role string) []PlanWarning {
	var mine []workforce.PlanLine
	for _, l := range c.Lines {
		if l.RoleCode == role && l.QuarterStart.After(c.AsOf) {
			mine = append(mine, l)
		}
	}
	if len(mine) == 0 || len(c.Window) == 0 {
		return nil
	}
	first := c.Window[0].Start()
	inPost := math.Max(0, c.InPost[role]+PlanNet(beforeDay(mine, first), c.AsOf, first))
	var out []PlanWarning
	for _, q := range c.Window {
		if !q.Start().After(c.AsOf) {
			continue
		}
		starters, leavers := quarterFlows(mine, q)
		then := inPost + starters
		if leavers > then+1e-9 {
			out = append(out, PlanWarning{RoleCode: role, Quarter: q, OverStaff: true, FTE: leavers, LimitFTE: then})
		}
		inPost = math.Max(0, then-leavers)
	}
	return out
}

// beforeDay is the lines of quarters starting before d.
func beforeDay(lines []workforce.PlanLine, d time.Time) []workforce.PlanLine {
	var out []workforce.PlanLine
	for _, l := range lines {
		if l.QuarterStart.Before(d) {
			out = append(out, l)
		}
	}
	return out
}

// quarterFlows sums the starters and the leavers of the lines of quarter q.
func quarterFlows(lines []workforce.PlanLine, q workforce.Quarter) (starters, leavers float64) {
	for _, l := range lines {
		if workforce.QuarterOf(l.QuarterStart) == q {
			starters += l.StartersFTE
			leavers += l.LeaversFTE
		}
	}
	return starters, leavers
}
