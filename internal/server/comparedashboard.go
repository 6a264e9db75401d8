package server

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/dashboard"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/store"
)

// dashboardOnNeed puts a dashboard's place among England's PCNs on need, as the
// comparison shows it ("FTE per 10,000" is per 10,000 need-adjusted patients
// everywhere, docs/need.md): its rate and decile from the cached positions on need
// (positionsOn), its share of the fair share unchanged (the gap report's w(p)). The
// denominator its rate divides by comes back: need, or list when none of its practices
// has age data (the need report of the as-of date, compare.Per10kDenominator). Nothing
// to do before any census or without a target.
func (s *Server) dashboardOnNeed(ctx context.Context, w *dashboard.Workforce, pcn string, day time.Time) (need.Denominator, error) {
	if w.NoCensus || w.NoTarget {
		return need.Need, nil
	}
	pos, err := s.positionsOn(ctx, gaps.Options{Today: day}, need.Need)
	if err != nil {
		return "", err
	}
	w.Position = pos.ByPCN[pcn]
	rep, err := s.needReportOn(ctx, w.AsOf, nil) // positionsOn's, cached
	if errors.Is(err, store.ErrNotFound) {
		return need.Need, nil
	} else if err != nil {
		return "", err
	}
	row, _ := rep.PCN(pcn)
	return compare.Per10kDenominator(row, need.Need), nil
}
