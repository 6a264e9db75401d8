package funding

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// AsOf is the day the staff data describes, from which a plan's lines are planned
// spend: the latest NWRS census, else (before any import; census false) today, the
// caller's clock. The funding page, its downloads, the dashboard and the ICB comparison
// all take it so.
func AsOf(ctx context.Context, db *store.DB, today time.Time) (asOf time.Time, census bool, err error) {
	asOf, err = db.LatestCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return today, false, nil
	}
	return asOf, err == nil, err
}

// ForPCN computes one PCN's funding for the years, as of AsOf.
func ForPCN(ctx context.Context, db *store.DB, today time.Time, p workforce.PCN, years ...workforce.FinancialYear) (*Result, bool, error) {
	asOf, census, err := AsOf(ctx, db, today)
	if err != nil {
		return nil, false, err
	}
	res, err := Compute(ctx, db, Request{PCNs: []workforce.PCN{p}, Years: years, AsOf: asOf})
	return res, census, err
}

// Years is the financial years of the plan's window on a day (workforce.PlanWindowAt:
// this year and the next two), so that the funding page and the dashboard cover the
// same quarters as the plan grid, its money, rooms and supervision.
func Years(today time.Time) []workforce.FinancialYear {
	var out []workforce.FinancialYear
	for _, q := range workforce.PlanWindowAt(today) {
		if len(out) == 0 || out[len(out)-1] != q.Year {
			out = append(out, q.Year)
		}
	}
	return out
}
