// Package supply answers one question: will the people an ICB expects to become
// available in each role cover the starters its PCNs' current plans need, this
// financial year and the next two? PLANNING.md has no rule for it: planning.SupplyGaps
// sets expected supply against planned starters as issue 6 asks ("flags roles where
// plans outrun supply"), and docs/supervision-rooms-supply.md, "Supply against demand",
// describes the page. The plans are the current plans (store.CurrentPlanLinesOfICB):
// a draft's lines never count.
package supply

import (
	"context"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Years is how many financial years are set out: the day's and the next two.
const Years = 3

// Figures is an ICB's supply against demand over some financial years.
type Figures struct {
	Years []workforce.FinancialYear
	// Supply is the expected supply recorded for the ICB, every year.
	Supply []workforce.ExpectedSupply
	Gaps   []planning.SupplyGap
	// Planning counts the PCNs whose current plans start anyone in the years.
	Planning int
}

// OfICB gathers an ICB's expected supply and its PCNs' current plans and sets one
// against the other for the financial year of day d and the next two.
func OfICB(ctx context.Context, db *store.DB, icb string, d time.Time) (Figures, error) {
	f := Figures{}
	for y := workforce.FinancialYearOf(d); len(f.Years) < Years; y++ {
		f.Years = append(f.Years, y)
	}
	var err error
	if f.Supply, err = db.ExpectedSupplyOfICB(ctx, icb); err != nil {
		return f, err
	}
	lines, err := db.CurrentPlanLinesOfICB(ctx, icb)
	if err != nil {
		return f, err
	}
	f.Gaps = planning.SupplyGaps(f.Supply, lines, f.Years)
	f.Planning = pcnsStarting(lines, f.Years)
	return f, nil
}

// pcnsStarting counts the PCNs whose plan lines start anyone in the years.
func pcnsStarting(lines []workforce.PlanLine, years []workforce.FinancialYear) int {
	pcns := map[string]bool{}
	for _, l := range lines {
		y := workforce.FinancialYearOf(l.QuarterStart)
		if l.StartersFTE > 0 && y >= years[0] && y <= years[len(years)-1] {
			pcns[l.PCNCode] = true
		}
	}
	return len(pcns)
}

// Year is one financial year's supply against demand, role by role.
type Year struct {
	Year workforce.FinancialYear
	Rows []Row
}

// Row is one role's supply against demand in a year: what was recorded by source, and
// the gap.
type Row struct {
	Role     workforce.Role
	Expected workforce.ExpectedSupply
	Gap      planning.SupplyGap
}

// ByYear lays the gaps out year by year, roles in the catalogue's order; a role with
// neither supply recorded nor starters planned in a year has no row in it.
func (f Figures) ByYear(roles []workforce.Role) []Year {
	stored := map[string]workforce.ExpectedSupply{}
	for _, x := range f.Supply {
		stored[x.FinancialYear+" "+x.RoleCode] = x
	}
	gaps := map[string]planning.SupplyGap{}
	for _, g := range f.Gaps {
		gaps[g.Year.String()+" "+g.Role] = g
	}
	out := make([]Year, 0, len(f.Years))
	for _, y := range f.Years {
		year := Year{Year: y}
		for _, role := range roles {
			if g, ok := gaps[y.String()+" "+role.Code]; ok {
				year.Rows = append(year.Rows, Row{Role: role, Expected: stored[y.String()+" "+role.Code], Gap: g})
			}
		}
		out = append(out, year)
	}
	return out
}

// Outrun lists, in the catalogue's order, the roles whose plans outrun supply in at
// least one of the years.
func (f Figures) Outrun(roles []workforce.Role) []workforce.Role {
	outrun := planning.OutrunRoles(f.Gaps)
	var out []workforce.Role
	for _, role := range roles {
		if slices.Contains(outrun, role.Code) {
			out = append(out, role)
		}
	}
	return out
}
