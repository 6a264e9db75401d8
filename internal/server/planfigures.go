package server

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
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
// cached gap report of today); draft is the PCN's draft, nil for none.
func (s *Server) planNumbers(ctx context.Context, p workforce.PCN, lines []workforce.PlanLine, draft *planfigures.Draft, window []workforce.Quarter) (planNumbers, error) {
	f, err := planfigures.Compute(ctx, s.db, s.gapReport, planfigures.Input{PCN: p, Lines: lines, Draft: draft, Window: window, Today: s.today()})
	if err != nil {
		return planNumbers{}, err
	}
	n := planNumbers{quarters: map[workforce.Quarter]quarterFigure{}, official: map[workforce.Quarter]quarterFigure{},
		funding: map[workforce.FinancialYear]*plan.Funding{}, asOf: f.AsOf, inPost: f.InPostByRole}
	n.figures.NoCensus, n.figures.NoTarget = f.NoCensus, f.NoTarget
	if !f.NoCensus && !f.NoTarget {
		g := f.Row
		n.figures = plan.Figures{AsOf: f.AsOf, TargetName: f.Target.Name, TargetFTE: f.Target.FTE, Deadline: f.Target.Deadline,
			FairShare: g.TargetFTE, Baseline: g.BaselineFTE, InPost: f.InPost, ListSize: g.ListSizePCNs > 0,
			Patients: int(g.WeightedPopulation), At: f.At, Official: plan.Outlook{Projected: g.ProjectedFTE, Gap: g.GapFTE}}
		if d := f.WithDraft; d != nil {
			n.figures.WithDraft = &plan.Outlook{Projected: d.ProjectedFTE, Gap: d.GapFTE}
		}
	}
	for q, x := range f.Quarters {
		n.quarters[q] = quarterFigure{projected: x.Projected, gap: x.Gap, hasGap: true}
	}
	for q, x := range f.Official {
		n.official[q] = quarterFigure{projected: x.Projected, gap: x.Gap, hasGap: true}
	}
	for fy, y := range f.Years {
		n.funding[fy] = &plan.Funding{Entitlement: y.EntitlementPence, Committed: y.CommittedPence,
			Planned: y.PlannedPence, Left: y.HeadroomPence, Notes: fundingNotes(fy, y)}
	}
	return n, nil
}

// fundingNotes say where a year's money stands on an assumption: a rate not yet
// published, a registered list standing in, costs or caps not known.
func fundingNotes(fy workforce.FinancialYear, y planfigures.Year) []string {
	var notes []string
	switch {
	case y.NoRate:
		notes = append(notes, "No funding rate is held for "+fy.String()+", so the entitlement is shown as £0.")
	case y.RateFrom != "":
		notes = append(notes, fmt.Sprintf("No rate is published for %s yet: the %s rate of £%s per weighted patient is assumed.",
			fy, y.RateFrom, strconv.FormatFloat(y.Rate, 'f', -1, 64)))
	}
	if y.ListSize {
		notes = append(notes, "No weighted population is entered for "+y.Census.Format("2 January 2006")+
			": the registered list of "+ui.Count(int(y.Population))+" patients stands in.")
	}
	for _, k := range []planning.LineKind{planning.LineStaff, planning.LinePlan} {
		what := map[planning.LineKind]string{planning.LineStaff: "staff records", planning.LinePlan: "plan lines"}[k]
		c := y.Costs[k]
		if c.Assumed > 0 {
			notes = append(notes, fmt.Sprintf("%d %s have no cost recorded: the role's cap is assumed.", c.Assumed, what))
		}
		if c.Uncapped > 0 {
			notes = append(notes, fmt.Sprintf("%d %s are in roles with no published cap: their cost is counted in full.", c.Uncapped, what))
		}
		if c.Nothing > 0 {
			notes = append(notes, fmt.Sprintf("%d %s are in roles with no published cap and have no cost recorded: they count as £0.", c.Nothing, what))
		}
	}
	return notes
}
