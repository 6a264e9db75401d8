package server

import (
	"context"

	"github.com/arrs-planner/arrs/internal/datacache"
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
