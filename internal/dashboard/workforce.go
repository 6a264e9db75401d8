package dashboard

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Workforce is the PCN against its fair share: in post on the as-of date and projected
// on the last day of each quarter of the plan's window (workforce.PlanWindowAt), with the current plan and
// without, from the gap report the plan page uses; and, when the PCN's draft changes
// them, with the draft in place of the current plan.
type Workforce struct {
	// NoCensus is true before any import; NoTarget when no target is set. Either
	// leaves the rest empty.
	NoCensus, NoTarget bool
	AsOf               time.Time
	Target             workforce.Target
	// Position is the PCN's on England's measures (planning.Positions).
	Position planning.Position
	Quarters []Quarter
	// Plan is the version the projection uses, the current plan; nil for none.
	Plan *store.PlanVersion
	// Draft is the PCN's draft when it changes the projection of some quarter (to 0.01
	// FTE, workforce.DiffersFTE); nil otherwise.
	Draft *store.PlanVersion
}

// Quarter is the projection on a quarter's last day.
type Quarter struct {
	Quarter               workforce.Quarter
	Day                   time.Time
	WithPlan, WithoutPlan float64
	// WithDraft is the projection with the draft in place of the current plan; it
	// differs from WithPlan somewhere only when Workforce.Draft is set.
	WithDraft float64
}

// workforceOf works the workforce part out from the gap report of today.
func workforceOf(ctx context.Context, report gaps.Source, code string, d time.Time, versions []store.PlanVersion, draft *planfigures.Draft) (Workforce, error) {
	var w Workforce
	res, err := report(ctx, gaps.Options{Today: d})
	switch {
	case errors.Is(err, gaps.ErrNoCensus):
		w.NoCensus = true
		return w, nil
	case errors.Is(err, store.ErrNotFound):
		w.NoTarget = true
		return w, nil
	case err != nil:
		return w, err
	}
	w.AsOf, w.Target, w.Position = res.AsOf, res.Target, res.Positions().ByPCN[code]
	staff, plan := res.ForPCN(code)
	rates := res.Inputs.AttritionRate
	for _, q := range workforce.PlanWindowAt(d) {
		end := q.LastDay()
		w.Quarters = append(w.Quarters, Quarter{Quarter: q, Day: end,
			WithPlan:    planning.Projected(staff, plan, rates, res.AsOf, end),
			WithoutPlan: planning.Projected(staff, nil, rates, res.AsOf, end)})
	}
	changed := draft != nil && w.withDraft(staff, planfigures.Named(code, draft.Lines), res)
	for i, v := range versions {
		if v.Current {
			w.Plan = &versions[i]
		}
		if changed && v.ID == draft.Plan.ID {
			w.Draft = &versions[i]
		}
	}
	return w, nil
}

// withDraft fills each quarter's projection with the draft in place of the current
// plan, and reports whether any differs from the official one.
func (w *Workforce) withDraft(staff []workforce.Staff, draft []workforce.PlanLine, res *gaps.Result) bool {
	changed := false
	for i, q := range w.Quarters {
		w.Quarters[i].WithDraft = planning.Projected(staff, draft, res.Inputs.AttritionRate, res.AsOf, q.Day)
		changed = changed || workforce.DiffersFTE(w.Quarters[i].WithDraft, q.WithPlan)
	}
	return changed
}
