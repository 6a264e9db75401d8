package planning

import (
	"cmp"
	"slices"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// SupplyGap sets one role's expected supply in one financial year against the
// starters its PCNs' plans put in that year.
type SupplyGap struct {
	Role string
	Year workforce.FinancialYear
	// Supply is the expected supply; Recorded is false when none was recorded (Supply
	// is then 0).
	Supply   float64
	Recorded bool
	// Starters is Σ starters of the plan lines of the role whose quarter starts in the
	// year.
	Starters float64
	// Shortfall is Starters − Supply when the plans outrun supply, else 0.
	Shortfall float64
	Outrun    bool
}

// SupplyGaps sets expected supply against planned starters for each of years (PLANNING
// has no rule: this is issue 6's "flags roles where plans outrun supply"). There is one
// row per role and year with supply recorded or starters planned, by role code then
// year; years not asked for, and plan lines outside ARRS (Role ""), are left out. Plans
// outrun supply when starters exceed it (by more than binary noise): a role with
// starters and no supply recorded outruns it. Leavers are not set against supply: a
// plan's replacements need people as much as its growth does.
func SupplyGaps(supply []workforce.ExpectedSupply, plan []workforce.PlanLine, years []workforce.FinancialYear) []SupplyGap {
	type key struct {
		role string
		year workforce.FinancialYear
	}
	rows := map[key]*SupplyGap{}
	row := func(role string, year workforce.FinancialYear) *SupplyGap {
		k := key{role, year}
		if rows[k] == nil {
			rows[k] = &SupplyGap{Role: role, Year: year}
		}
		return rows[k]
	}
	for _, s := range supply {
		if y, ok := s.Year(); ok && slices.Contains(years, y) {
			g := row(s.RoleCode, y)
			g.Supply += s.Total()
			g.Recorded = true
		}
	}
	for _, l := range plan {
		if y := workforce.FinancialYearOf(l.QuarterStart); l.RoleCode != "" && slices.Contains(years, y) && l.StartersFTE != 0 {
			row(l.RoleCode, y).Starters += l.StartersFTE
		}
	}
	out := make([]SupplyGap, 0, len(rows))
	for _, g := range rows {
		g.Outrun = g.Starters > g.Supply+1e-9
		if g.Outrun {
			g.Shortfall = g.Starters - g.Supply
		}
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b SupplyGap) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// OutrunRoles lists, in role code order, the roles whose plans outrun supply in at
// least one year of gaps.
func OutrunRoles(gaps []SupplyGap) []string {
	var out []string
	for _, g := range gaps {
		if g.Outrun && !slices.Contains(out, g.Role) {
			out = append(out, g.Role)
		}
	}
	slices.Sort(out)
	return out
}
