package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// addPlan adds the planned claims (costs, for other money) of the plan's lines in the
// year's window, each in its stream: each line's starters, and its leavers negated
// (PLANNING.md, "Funding": planned can be negative). A plan line names no practice: a
// practice-scheme line is the PCN's, at the PCN's cap (London("")).
func (f *Funding) addPlan(in FundingInputs) {
	for i, l := range in.Plan {
		if !in.planned(l) {
			continue
		}
		stream := in.StreamOf(l.FundingStream(), l.RoleCode, 0)
		if l.StartersFTE > 0 {
			f.addLine(in.postLine(LinePlan, i, planPost(l, l.StartersFTE, lineCost(l)), stream))
		}
		if l.LeaversFTE > 0 {
			cost := lineCost(l)
			if cost == 0 {
				cost = leaverCost(in.Staff, l.RoleCode, in)
			}
			line, inYear := in.postLine(LinePlan, i, planPost(l, l.LeaversFTE, cost), stream)
			f.addLine(negate(line), inYear)
		}
	}
}

// planned reports whether a plan line is planned spend of the year: a catalogue role,
// its quarter starting after AsOf and before the year ends.
func (in FundingInputs) planned(l workforce.PlanLine) bool {
	return l.RoleCode != "" && inWindow(l.QuarterStart, in.AsOf, in.Year.End().AddDate(0, 0, -1))
}

// maxLines is how many lines the year can have: a line a staff record in an ARRS or
// approved role, and one for each of a planned line's starters and leavers (Funding.Lines
// is made that big at once: a line is large, and growing the slice copies them).
func (in FundingInputs) maxLines() int {
	n := 0
	for _, s := range in.Staff {
		n += b2i(s.RoleCode != "" || s.ApprovedRole != 0)
	}
	for _, l := range in.Plan {
		if in.planned(l) {
			n += b2i(l.StartersFTE > 0) + b2i(l.LeaversFTE > 0)
		}
	}
	return n
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

// negate turns a leavers' line into what it takes off the planned total: its claims
// and costs negative (what they stand on, Months and FTE, stays as it is).
func negate(l FundingLine) FundingLine {
	l.Leavers = true
	l.TotalPence, l.CostTotalPence = -l.TotalPence, -l.CostTotalPence
	for m := range l.MonthPence {
		l.MonthPence[m] = -l.MonthPence[m]
		l.CostMonthPence[m] = -l.CostMonthPence[m]
	}
	return l
}
