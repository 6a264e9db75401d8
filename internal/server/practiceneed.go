package server

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/web/practice"
)

// practiceNeed is a practice's need on day (needreport.On, worked out once per data
// version and day for every practice's page).
func (s *Server) practiceNeed(ctx context.Context, code string, day time.Time) (*practice.Need, error) {
	res, err := cached(ctx, s, "need|practices|"+day.Format(time.DateOnly), func(ctx context.Context) (*need.Result, error) {
		return needreport.On(ctx, s.db, day)
	})
	if err != nil {
		return nil, err
	}
	return practice.NeedOf(res, code), nil
}
