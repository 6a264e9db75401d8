package server

import (
	"context"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/funding"
)

// depEngland is the Dep of a figure of all of England, or of one that mixes England's
// figures in (a PCN's dashboard shows its position among every PCN).
var depEngland = datacache.Dep{England: true}

// depPCN is the Dep of a figure of one PCN's own data.
func depPCN(code string) datacache.Dep { return datacache.Dep{PCNs: []string{code}} }

// cached is cachedFor a figure of national data only (reference data, structure): the
// role catalogue, the organisation tree.
func cached[T any](ctx context.Context, s *Server, key string, compute func(context.Context) (T, error)) (T, error) {
	return cachedFor(ctx, s, key, datacache.Dep{}, compute)
}

// cachedFor runs compute at most once per version of what the figure depends on (d;
// datacache.Get), so a save in one PCN recomputes that PCN's figures and England's,
// nothing else. A key is always asked for with the same Dep. compute gets a context
// that outlives the request's cancellation: other requests may be waiting on it.
func cachedFor[T any](ctx context.Context, s *Server, key string, d datacache.Dep, compute func(context.Context) (T, error)) (T, error) {
	v, err := s.versions(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	detached := context.WithoutCancel(ctx)
	return datacache.Get(&s.cache, v.Of(d), key, func() (T, error) { return compute(detached) })
}

// versions is the request's reading of the versions: one query of their sums per GET
// request (memoVersions), the organisations' own versions reloaded only when the sums
// moved (datacache.Cache.Versions). They live in Postgres, so every instance sees a
// save made on another at its next request.
func (s *Server) versions(ctx context.Context) (*datacache.Versions, error) {
	return datacache.Memoised(ctx, func(ctx context.Context) (*datacache.Versions, error) {
		sums, err := s.db.VersionSums(ctx)
		if err != nil {
			return nil, err
		}
		return s.cache.Versions(ctx, datacache.Versions{National: sums.National, PCNSum: sums.PCNSum, ICBSum: sums.ICBSum}, s.db.OrgVersions)
	})
}

// memoVersions gives a GET (or HEAD) request one reading of the versions for all its
// figures. Other methods write, and must read the figures after their write: they read
// the versions at every figure.
func memoVersions(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			r = r.WithContext(datacache.WithMemo(r.Context()))
		}
		next.ServeHTTP(w, r)
	})
}

// computeFunding is funding.Compute for the pages: a request counting the current plans
// as they stand (no Request.Plan, drafts, move, lag or uplift of its own) is cached for
// the version of its PCNs and their ICBs (payment lags), or of England for all
// practices or no list, so that the funding page, the cash flow as things stand and the
// plan page's official money are worked out once per change, and the editor's preview
// works out only the money with the typed grid.
func (s *Server) computeFunding(ctx context.Context, req funding.Request) (*funding.Result, error) {
	if req.Plan != nil || req.Drafts || req.Move != nil || req.Lag != nil || req.Uplift != nil {
		return funding.Compute(ctx, s.db, req)
	}
	key := "funding:" + req.AsOf.Format(time.DateOnly)
	dep := datacache.Dep{England: req.AllPractices || len(req.PCNs) == 0}
	if req.AllPractices {
		key += ":all-practices"
	}
	for _, p := range req.PCNs {
		key += ":" + p.Code
		dep.PCNs, dep.ICBs = append(dep.PCNs, p.Code), append(dep.ICBs, p.ICBCode)
	}
	for _, y := range req.Years {
		key += ":" + y.String()
	}
	return cachedFor(ctx, s, key, dep, func(ctx context.Context) (*funding.Result, error) { return funding.Compute(ctx, s.db, req) })
}
