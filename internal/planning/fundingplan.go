package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// addPlan adds the planned claims of the plan's lines in the year's window: each
// line's starters, and its leavers negated (PLANNING.md, "Funding": planned can be
// negative).
func (f *Funding) addPlan(in FundingInputs) {
	lastDay := in.Year.End().AddDate(0, 0, -1)
	for i, l := range in.Plan {
		if l.RoleCode == "" || !inWindow(l.QuarterStart, in.AsOf, lastDay) {
			continue
		}
		if l.StartersFTE > 0 {
			f.addLine(claimLine(LinePlan, i, planPost(l, l.StartersFTE, lineCost(l)), in.Year, in.Caps))
		}
		if l.LeaversFTE > 0 {
			cost := lineCost(l)
			if cost == 0 {
				cost = leaverCost(in.Staff, l.RoleCode, in)
			}
			line, inYear := claimLine(LinePlan, i, planPost(l, l.LeaversFTE, cost), in.Year, in.Caps)
			f.addLine(negate(line), inYear)
		}
	}
}

// planPost treats FTE of a plan line as one record in post from the quarter start.
func planPost(l workforce.PlanLine, fte float64, cost workforce.Pence) workforce.Staff {
	return workforce.Staff{PCNCode: l.PCNCode, RoleCode: l.RoleCode, FTE: fte, Start: l.QuarterStart, AnnualCostPence: cost}
}

// lineCost is the line's annual cost, 0 when not known.
func lineCost(l workforce.PlanLine) workforce.Pence {
	if l.AnnualCostPence == nil {
		return 0
	}
	return max(*l.AnnualCostPence, 0)
}

// leaverCost is the cost a leaver stops: the mean annual cost of the PCN's records in
// the role in post on the as-of date whose cost is recorded (each record counts once,
// whatever its FTE: the cost is already per WTE), rounded half up to the penny; 0 when
// none has one, and the cap then stands in (ClaimBasis).
func leaverCost(staff []workforce.Staff, role string, in FundingInputs) workforce.Pence {
	var sum, n int64
	for _, s := range staff {
		if s.RoleCode == role && s.AnnualCostPence > 0 && s.InPost(in.AsOf) {
			sum += int64(s.AnnualCostPence)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return workforce.Pence((2*sum + n) / (2 * n))
}

// negate turns a leavers' line into what it takes off the planned total.
func negate(l FundingLine) FundingLine {
	l.Leavers = true
	l.TotalPence = -l.TotalPence
	for m := range l.MonthPence {
		l.MonthPence[m] = -l.MonthPence[m]
	}
	return l
}
