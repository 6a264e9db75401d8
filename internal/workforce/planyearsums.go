package workforce

import (
	"maps"
	"slices"
)

// Flow is the starters and the leavers of some plan lines, in FTE.
type Flow struct {
	Starters, Leavers float64
}

// YearFlows are plan lines' starters and leavers by role and financial year: the one
// sum behind a year's figures on the check-your-answers page and in the planning
// template (the grid's totals of typed cells are GridInput.Flows).
type YearFlows map[string]map[FinancialYear]Flow

// SumFlows adds plan lines up by role and by the financial year of their quarter.
func SumFlows(lines []PlanLine) YearFlows {
	out := YearFlows{}
	for _, l := range lines {
		fy := FinancialYearOf(l.QuarterStart)
		if out[l.RoleCode] == nil {
			out[l.RoleCode] = map[FinancialYear]Flow{}
		}
		f := out[l.RoleCode][fy]
		f.Starters += l.StartersFTE
		f.Leavers += l.LeaversFTE
		out[l.RoleCode][fy] = f
	}
	return out
}

// Year is every role's flow in year fy, added in the roles' code order so that the
// sum is the same on every call.
func (y YearFlows) Year(fy FinancialYear) Flow {
	var sum Flow
	for _, role := range slices.Sorted(maps.Keys(y)) {
		f := y[role][fy]
		sum.Starters += f.Starters
		sum.Leavers += f.Leavers
	}
	return sum
}
