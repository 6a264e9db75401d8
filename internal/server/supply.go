package server

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/supply"
	"github.com/arrs-planner/arrs/web/ui"
)

// supplyYears is how many financial years the supply page shows: this one and the
// next two.
const supplyYears = 3

// icbOfURL is the ICB of the URL; the route's rule has checked it exists.
func (s *Server) icbOfURL(r *http.Request) (workforce.ICB, error) {
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return workforce.ICB{}, err
	}
	icb, ok := tree.ICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return icb, errNotFound
	}
	return icb, nil
}

// planningLines maps stored plan lines to planning's; an unknown cost is 0.
func planningLines(lines []store.PlanLine) []planning.PlanLine {
	out := make([]planning.PlanLine, len(lines))
	for i, l := range lines {
		out[i] = planning.PlanLine{PCN: l.PCNCode, Role: l.RoleCode, QuarterStart: l.QuarterStart, Starters: l.StartersFTE, Leavers: l.LeaversFTE}
		if l.AnnualCostPence != nil {
			out[i].AnnualCostPence = *l.AnnualCostPence
		}
	}
	return out
}

// supplyFigures is an ICB's supply against demand over some financial years.
type supplyFigures struct {
	years    []planning.FinancialYear
	supply   []workforce.ExpectedSupply
	lines    []store.PlanLine
	gaps     []planning.SupplyGap
	planning int // PCNs whose plans start anyone in the years
}

// icbSupply gathers an ICB's expected supply and its PCNs' current plans and sets one
// against the other for the financial year of day d and the next two.
func (s *Server) icbSupply(ctx context.Context, icb string, d time.Time) (supplyFigures, error) {
	f := supplyFigures{}
	for y := planning.FinancialYearOf(d); len(f.years) < supplyYears; y++ {
		f.years = append(f.years, y)
	}
	var err error
	if f.supply, err = s.db.ExpectedSupplyOfICB(ctx, icb); err != nil {
		return f, err
	}
	if f.lines, err = s.db.CurrentPlanLinesOfICB(ctx, icb); err != nil {
		return f, err
	}
	var sup []planning.Supply
	for _, x := range f.supply {
		y, err := planning.ParseFinancialYear(x.FinancialYear)
		if err != nil {
			return f, err
		}
		sup = append(sup, planning.Supply{Role: x.RoleCode, Year: y, NewlyQualified: x.NewlyQualified, TraineesCompleting: x.TraineesCompleting, Movers: x.Movers})
	}
	f.gaps = planning.SupplyGaps(sup, planningLines(f.lines), f.years)
	pcns := map[string]bool{}
	for _, l := range f.lines {
		y := planning.FinancialYearOf(l.QuarterStart)
		if l.StartersFTE > 0 && y >= f.years[0] && y <= f.years[len(f.years)-1] {
			pcns[l.PCNCode] = true
		}
	}
	f.planning = len(pcns)
	return f, nil
}

func (s *Server) supplyPage(w http.ResponseWriter, r *http.Request) error {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return err
	}
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	f, err := s.icbSupply(r.Context(), icb.Code, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return err
	}
	p := supply.Page{Layout: s.supplyLayout(r, icb, "Supply against demand"), ICBCode: icb.Code, ICBName: icb.Name,
		CanChange: currentUser(r).LeadsICB(icb.Code), Success: s.sessions.PopString(r.Context(), keyFlash), WithPlan: f.planning}
	for _, pcn := range tree.PCNs {
		if pcn.ICBCode == icb.Code {
			p.PCNs++
		}
	}
	outrun := planning.OutrunRoles(f.gaps)
	for _, role := range roles {
		if slices.Contains(outrun, role.Code) {
			p.Outrun = append(p.Outrun, role.Name)
		}
	}
	p.Years = supplyYearsOf(f, roles)
	return render(w, r, supply.View(p))
}

// supplyYearsOf lays the gaps out year by year, roles in catalogue order.
func supplyYearsOf(f supplyFigures, roles []workforce.Role) []supply.Year {
	stored := map[string]workforce.ExpectedSupply{}
	for _, x := range f.supply {
		stored[x.FinancialYear+" "+x.RoleCode] = x
	}
	gaps := map[string]planning.SupplyGap{}
	for _, g := range f.gaps {
		gaps[g.Year.String()+" "+g.Role] = g
	}
	out := make([]supply.Year, 0, len(f.years))
	for _, y := range f.years {
		year := supply.Year{Name: y.String()}
		for _, role := range roles {
			g, ok := gaps[y.String()+" "+role.Code]
			if !ok {
				continue
			}
			x := stored[y.String()+" "+role.Code]
			year.Rows = append(year.Rows, supply.Row{RoleCode: role.Code, Role: role.Name, NewlyQualified: x.NewlyQualified,
				TraineesCompleting: x.TraineesCompleting, Movers: x.Movers, Supply: g.Supply, Recorded: g.Recorded,
				Starters: g.Starters, Shortfall: g.Shortfall, Outrun: g.Outrun})
		}
		out = append(out, year)
	}
	return out
}

// supplyLayout is the frame of the supply pages, under the ICB.
func (s *Server) supplyLayout(r *http.Request, icb workforce.ICB, title string) layout.PageParams {
	l := s.page(r, title, layout.NavEngland)
	l.Breadcrumbs = []ui.BreadcrumbItem{{Text: icb.Name, Href: "/icbs/" + icb.Code}}
	return l
}
