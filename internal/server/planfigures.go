package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planNumbers are the figures beside the grid for one version's lines.
type planNumbers struct {
	figures  plan.Figures
	quarters map[planning.Quarter]quarterFigure
	// official is each quarter's figures with the current plan: the gap report's,
	// shown beside a draft's.
	official map[planning.Quarter]quarterFigure
	funding  map[planning.FinancialYear]*plan.Funding
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

// planQuarterEnd is the last day of a quarter, on which the grid measures it.
func planQuarterEnd(q planning.Quarter) time.Time { return q.Next().Start().AddDate(0, 0, -1) }

// planNumbers works the figures out for a version's lines. The projection and the gap
// come from the same gap report as /gaps (gaps.Compute with today's clock): the PCN's
// staff, attrition rates, fair share and baseline, with this version's lines in place
// of the current plan's, through planning.Projected. So when the version shown is the
// current plan they are the report's figures for each quarter's last day; the official
// ones (the current plan's) are worked out beside them. draft is the PCN's draft, nil
// for none: its gap on the report's day is the "with your draft" figure. The money is
// planning.YearFunding for each year of the grid.
func (s *Server) planNumbers(ctx context.Context, p workforce.PCN, lines []store.PlanLine, draft *pcnDraft, window []planning.Quarter) (planNumbers, error) {
	n := planNumbers{quarters: map[planning.Quarter]quarterFigure{}, official: map[planning.Quarter]quarterFigure{},
		funding: map[planning.FinancialYear]*plan.Funding{}}
	data, err := s.gapData(ctx, gaps.Options{Today: today(s.now())})
	switch {
	case errors.Is(err, gaps.ErrNoCensus):
		n.figures.NoCensus = true
		return n, nil
	case errors.Is(err, store.ErrNotFound):
		n.figures.NoTarget = true
		if n.asOf, err = s.db.LatestCensus(ctx); errors.Is(err, store.ErrNotFound) {
			n.figures.NoCensus = true
			return n, nil
		} else if err != nil {
			return n, err
		}
		return n, s.planFunding(ctx, &n, p, planningPlanLines(p.Code, lines), window)
	case err != nil:
		return n, err
	}
	res := data.res
	staff, current := res.ForPCN(p.Code)
	mine := planningPlanLines(p.Code, lines)
	g, _ := findGap(res.PCNs, p.Code)
	n.asOf, n.inPost = res.AsOf, planning.InPostByRole(staff, res.AsOf)
	n.figures = plan.Figures{AsOf: res.AsOf, TargetName: res.Target.Name, TargetFTE: res.Target.FTE, Deadline: res.Target.Deadline,
		FairShare: g.TargetFTE, Baseline: g.BaselineFTE, InPost: planning.InPostFTE(staff, res.AsOf),
		ListSize: g.ListSizePCNs > 0, Patients: int(g.WeightedPopulation),
		At: res.At, Official: plan.Outlook{Projected: g.ProjectedFTE, Gap: g.GapFTE}}
	if draft != nil {
		if d, ok := res.WithDraft(p.Code, planningPlanLines(p.Code, draft.lines)); ok && planning.DiffersFTE(d.ProjectedFTE, g.ProjectedFTE) {
			n.figures.WithDraft = &plan.Outlook{Projected: d.ProjectedFTE, Gap: d.GapFTE}
		}
	}
	for _, q := range window {
		n.quarters[q] = quarterFigureOf(g, planning.Projected(staff, mine, res.Inputs.AttritionRate, res.AsOf, planQuarterEnd(q)))
		n.official[q] = quarterFigureOf(g, planning.Projected(staff, current, res.Inputs.AttritionRate, res.AsOf, planQuarterEnd(q)))
	}
	return n, s.planFunding(ctx, &n, p, mine, window)
}

// quarterFigureOf is a projection on a quarter's last day and the gap to the PCN's
// fair share then (planning.Gap.WithProjected).
func quarterFigureOf(g planning.Gap, projected float64) quarterFigure {
	return quarterFigure{projected: projected, gap: g.WithProjected(projected).GapFTE, hasGap: true}
}

// pcnDraft is a PCN's draft (its latest version, when that is a draft or returned):
// the "with your draft" figures of its own plan and dashboard pages come from it.
type pcnDraft struct {
	plan  store.Plan
	lines []store.PlanLine
}

// draftOf reads the PCN's draft; nil when it has none. Only the PCN's own pages call
// it, behind the pcnMember rule.
func (s *Server) draftOf(ctx context.Context, pcn string) (*pcnDraft, error) {
	p, lines, err := s.db.PCNDraft(ctx, pcn)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &pcnDraft{plan: p, lines: lines}, nil
}

// planningPlanLines is plan lines as package planning reads them: an unknown cost is 0.
func planningPlanLines(pcn string, lines []store.PlanLine) []planning.PlanLine {
	out := make([]planning.PlanLine, len(lines))
	for i, l := range lines {
		out[i] = planning.PlanLine{PCN: pcn, Role: l.RoleCode, QuarterStart: l.QuarterStart, Starters: l.StartersFTE, Leavers: l.LeaversFTE}
		if l.AnnualCostPence != nil {
			out[i].AnnualCostPence = *l.AnnualCostPence
		}
	}
	return out
}

// planFunding works out each year of the grid: entitlement − committed − planned.
func (s *Server) planFunding(ctx context.Context, n *planNumbers, p workforce.PCN, lines []planning.PlanLine, window []planning.Quarter) error {
	in, err := s.fundingInputs(ctx, p, window)
	if err != nil {
		return err
	}
	for _, q := range window {
		if q.N != 1 {
			continue
		}
		rate, rateNote := fundingRateFor(in.rates, q.Year)
		pop, popNote := fundingPopulationFor(in.pops, q.Year, p.RegisteredPatients)
		f := planning.YearFunding(planning.FundingInputs{Year: q.Year, RatePounds: rate, Population: pop,
			Staff: in.staff, Plan: lines, AsOf: n.asOf, Caps: in.caps})
		out := &plan.Funding{Entitlement: f.EntitlementPence, Committed: f.CommittedPence, Planned: f.PlannedPence, Left: f.HeadroomPence}
		out.Notes = append(out.Notes, nonEmpty(rateNote, popNote)...)
		out.Notes = append(out.Notes, fundingCostNotes(f.Lines)...)
		n.funding[q.Year] = out
	}
	return nil
}

// fundingInputs are what the years' money needs besides the plan.
type fundingInputs struct {
	rates []workforce.FundingRate
	pops  []workforce.Population // newest first
	staff []planning.Staff
	caps  planning.Caps
}

func (s *Server) fundingInputs(ctx context.Context, p workforce.PCN, window []planning.Quarter) (fundingInputs, error) {
	var in fundingInputs
	var err error
	if in.rates, err = s.db.FundingRates(ctx); err != nil {
		return in, err
	}
	if in.pops, err = s.db.PopulationsByPCN(ctx, p.Code); err != nil {
		return in, err
	}
	caps, err := s.db.Caps(ctx)
	if err != nil {
		return in, err
	}
	in.caps = planCaps(caps)
	recs, err := s.db.FundedStaffOfPCN(ctx, p.Code, window[0].Start(), window[len(window)-1].Next().Start())
	for _, r := range recs {
		in.staff = append(in.staff, planning.Staff{ID: r.ID, PCN: r.PCNCode, Role: r.RoleCode, FTE: r.FTE, Start: r.Start, End: r.End, AnnualCostPence: r.AnnualCostPence})
	}
	return in, err
}

func planCaps(caps []workforce.Cap) planning.Caps {
	out := make([]planning.Cap, len(caps))
	for i, c := range caps {
		out[i] = planning.Cap{Role: c.RoleCode, Variant: c.Variant, From: c.EffectiveFrom, AnnualPence: c.Pence}
	}
	return planning.NewCaps(out)
}

// fundingRateFor is rate(f): the year's published rate, else the latest earlier one, said so.
func fundingRateFor(rates []workforce.FundingRate, year planning.FinancialYear) (float64, string) {
	var latest *workforce.FundingRate
	for i, r := range rates {
		if r.FinancialYear == year.String() {
			return r.RateGBP, ""
		}
		if r.Starts.Before(year.Start()) {
			latest = &rates[i]
		}
	}
	if latest == nil {
		return 0, "No funding rate is held for " + year.String() + ", so the entitlement is shown as £0."
	}
	return latest.RateGBP, fmt.Sprintf("No rate is published for %s yet: the %s rate of £%s per weighted patient is assumed.",
		year, latest.FinancialYear, strconv.FormatFloat(latest.RateGBP, 'f', -1, 64))
}

// fundingPopulationFor is w(p) for a year's entitlement: the weighted population in force on
// 1 January before the year (DOMAIN.md, "Money"), else the registered list, said so.
func fundingPopulationFor(pops []workforce.Population, year planning.FinancialYear, listSize int) (float64, string) {
	census := planning.Date(int(year), time.January, 1)
	for _, p := range pops {
		if !p.EffectiveDate.After(census) {
			return p.Weighted, ""
		}
	}
	return float64(listSize), "No weighted population is entered for " + census.Format("2 January 2006") +
		": the registered list of " + ui.Count(listSize) + " patients stands in."
}

// fundingCostNotes say how many claims stand on an assumed cost or no cap.
func fundingCostNotes(lines []planning.FundingLine) []string {
	type count struct{ assumed, uncapped, nothing int }
	counts := map[planning.LineKind]*count{planning.LineStaff: {}, planning.LinePlan: {}}
	for _, l := range lines {
		c := counts[l.Kind]
		switch {
		case l.Uncapped && l.CostAssumed:
			c.nothing++
		case l.Uncapped:
			c.uncapped++
		case l.CostAssumed:
			c.assumed++
		}
	}
	var notes []string
	for _, k := range []planning.LineKind{planning.LineStaff, planning.LinePlan} {
		what := map[planning.LineKind]string{planning.LineStaff: "staff records", planning.LinePlan: "plan lines"}[k]
		c := counts[k]
		if c.assumed > 0 {
			notes = append(notes, fmt.Sprintf("%d %s have no cost recorded: the role's cap is assumed.", c.assumed, what))
		}
		if c.uncapped > 0 {
			notes = append(notes, fmt.Sprintf("%d %s are in roles with no published cap: their cost is counted in full.", c.uncapped, what))
		}
		if c.nothing > 0 {
			notes = append(notes, fmt.Sprintf("%d %s are in roles with no published cap and have no cost recorded: they count as £0.", c.nothing, what))
		}
	}
	return notes
}
