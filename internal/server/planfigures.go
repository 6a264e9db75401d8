package server

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
)

// planNumbers are the figures beside the grid for one version's lines, as the plan
// page shows them (planfigures.Figures).
type planNumbers struct {
	figures  plan.Figures
	quarters map[workforce.Quarter]quarterFigure
	// official is each quarter's figures with the current plan: the gap report's,
	// shown beside a draft's.
	official map[workforce.Quarter]quarterFigure
	funding  map[workforce.FinancialYear]*plan.Funding
	asOf     time.Time
	// inPost is the ARRS FTE in post by role on the as-of date, for the caps on
	// numbers.
	inPost map[string]float64
}

// quarterFigure is the projection on a quarter's last day and the gap to the fair
// share then.
type quarterFigure struct {
	projected, gap float64
	hasGap         bool
}

// planNumbers works the figures out for a version's lines (planfigures.Compute, on the
// cached gap report of today), with the money of the year shown, fy; draft is the PCN's
// draft, nil for none.
func (s *Server) planNumbers(ctx context.Context, p workforce.PCN, lines []workforce.PlanLine, draft *planfigures.Draft, window []workforce.Quarter, fy workforce.FinancialYear) (planNumbers, error) {
	f, err := planfigures.Compute(ctx, s.db, s.gapReport, planfigures.Input{PCN: p, Lines: lines, Draft: draft, Window: window, Today: s.today(),
		Funding: s.computeFunding, MoneyYears: []workforce.FinancialYear{fy}})
	if err != nil {
		return planNumbers{}, err
	}
	n := planNumbers{quarters: map[workforce.Quarter]quarterFigure{}, official: map[workforce.Quarter]quarterFigure{},
		funding: map[workforce.FinancialYear]*plan.Funding{}, asOf: f.AsOf, inPost: f.InPostByRole}
	n.figures.NoCensus, n.figures.NoTarget = f.NoCensus, f.NoTarget
	if !f.NoCensus && !f.NoTarget {
		n.figures = plan.NewFigures(f.Target, f.Row, f.WithDraft)
		n.figures.AsOf, n.figures.At, n.figures.InPost = f.AsOf, f.At, f.InPost
	}
	for q, x := range f.Quarters {
		n.quarters[q] = quarterFigure{projected: x.Projected, gap: x.Gap, hasGap: true}
	}
	for q, x := range f.Official {
		n.official[q] = quarterFigure{projected: x.Projected, gap: x.Gap, hasGap: true}
	}
	for fy, y := range f.Years {
		n.funding[fy] = yearFunding(fy, y)
	}
	return n, nil
}

// yearFunding is a year's money as the plan page shows it: the ARRS, and beside it the
// practice GP scheme (from its first year) and the cost of posts on other money, each
// "with your draft" beside the official only when the draft plans it differently.
func yearFunding(fy workforce.FinancialYear, y planfigures.Year) *plan.Funding {
	out := plan.NewFunding(y.Funding, y.OfficialARRS(), fundingNotes(fy, y))
	out.Other = plan.NewOther(y.Funding.Other, y.OfficialOther())
	if y.Scheme {
		notes := plan.SchemeNotes(fy, y.PracticeGP.RatePounds, y.PracticeGPRateFrom, y.PracticeGPNoRate, y.Census)
		out.Scheme = plan.NewScheme(y.PracticeGP, y.OfficialScheme(), !y.PracticeGPNoRate, notes)
	}
	return out
}

// fundingNotes say where a year's money stands on an assumption: a rate not yet
// published, a registered list standing in, costs or caps not known.
func fundingNotes(fy workforce.FinancialYear, y planfigures.Year) []string {
	notes := plan.RateNotes(fy, y.Rate, y.RateFrom, y.NoRate)
	if y.ListSize {
		notes = append(notes, plan.ListSizeNote(y.Census, y.Population))
	}
	return append(notes, planning.CostNotes(y.Costs)...)
}
