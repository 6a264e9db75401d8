package gaps

import (
	"context"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
)

// Source gives the gap report of some options: Compute on a database (From), or the
// same behind a cache, as the server keeps one per data version so that the pages
// built on England's report (the plan page, the dashboard, the ICB comparison) share
// one computation of it. Its errors are Compute's.
type Source func(context.Context, Options) (*Result, error)

// From is Compute on db, computed afresh at every call.
func From(db *store.DB) Source {
	return func(ctx context.Context, opts Options) (*Result, error) { return Compute(ctx, db, opts) }
}

// Find is the row of an area by its code; ok is false, and the row names the code
// only, when the rows have none.
func Find(rows []planning.Gap, code string) (g planning.Gap, ok bool) {
	i := slices.IndexFunc(rows, func(g planning.Gap) bool { return g.Code == code })
	if i < 0 {
		return planning.Gap{Code: code}, false
	}
	return rows[i], true
}

// Trajectory is England's projected FTE on the days the trajectory is drawn on:
// the as-of date, the quarters to the deadline, the deadline, and the target's
// milestones after the as-of date, so that each marker has a projected figure beside
// it.
func (r *Result) Trajectory() []planning.ProjectionPoint {
	days := planning.ProjectionDays(r.AsOf, r.Target.Deadline)
	for _, m := range r.Target.Milestones {
		if m.Due.After(r.AsOf) && !m.Due.After(r.Target.Deadline) {
			days = append(days, m.Due)
		}
	}
	slices.SortFunc(days, time.Time.Compare)
	return planning.ProjectionTotal(r.Inputs, slices.CompactFunc(days, time.Time.Equal))
}

// ProjectionOf is a PCN's projected FTE with its current plan, from the as-of date to
// the deadline (planning.ProjectionSeries): the line of its overview's panel.
func (r *Result) ProjectionOf(code string) []planning.ProjectionPoint {
	staff, plan := r.ForPCN(code)
	return planning.ProjectionSeries(staff, plan, r.Inputs.AttritionRate, r.AsOf, r.Target.Deadline)
}
