package server

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/funding"
)

// cached runs compute at most once per data version for a key (datacache.Get). compute
// gets a context that outlives the request's cancellation: other requests may be
// waiting on it.
func cached[T any](ctx context.Context, s *Server, key string, compute func(context.Context) (T, error)) (T, error) {
	v, err := s.db.DataVersion(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	detached := context.WithoutCancel(ctx)
	return datacache.Get(&s.cache, v, key, func() (T, error) { return compute(detached) })
}

// computeFunding is funding.Compute for the pages: a request counting the current plans
// as they stand (no Request.Plan, drafts, move, lag or uplift of its own) is cached for
// the data version, as the gap report is, so that the funding page, the cash flow as
// things stand and the plan page's official money are worked out once per change, and
// the editor's preview works out only the money with the typed grid.
func (s *Server) computeFunding(ctx context.Context, req funding.Request) (*funding.Result, error) {
	if req.Plan != nil || req.Drafts || req.Move != nil || req.Lag != nil || req.Uplift != nil {
		return funding.Compute(ctx, s.db, req)
	}
	key := "funding:" + req.AsOf.Format(time.DateOnly)
	if req.AllPractices {
		key += ":all-practices"
	}
	for _, p := range req.PCNs {
		key += ":" + p.Code
	}
	for _, y := range req.Years {
		key += ":" + y.String()
	}
	return cached(ctx, s, key, func(ctx context.Context) (*funding.Result, error) { return funding.Compute(ctx, s.db, req) })
}
