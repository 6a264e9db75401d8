package main

import (
	"context"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// `arrs seed reference` loads the funding streams' reference data (role_shares.csv,
// practice_gp_rates.csv, practice_gp_caps.csv) insert-if-missing: a figure an admin
// changed stays changed, one removed comes back.
func TestSeedReferenceLoadsStreams(t *testing.T) {
	db, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	ctx := context.Background()
	var n int
	// A rate changed and a share removed since the last load, which a new load of the
	// files then sees (the load is skipped when the same files were loaded before).
	if err := db.QueryRowForTest(ctx, `
		WITH r AS (UPDATE practice_gp_rates SET rate_gbp = 4.75 WHERE financial_year = '2026/27' RETURNING 1),
		     s AS (DELETE FROM role_shares WHERE effective_from = '2026-04-01' RETURNING 1),
		     o AS (DELETE FROM org_imports WHERE kind = 'reference' RETURNING 1)
		SELECT (SELECT count(*) FROM r) + (SELECT count(*) FROM s) + (SELECT count(*) FROM o)`, &n); err != nil || n != 3 {
		t.Fatalf("changing the reference data: %d rows, %v", n, err)
	}
	if _, _, err := runArrs("seed", "reference"); err != nil {
		t.Fatal(err)
	}
	shares, err := db.RoleShares(ctx)
	if err != nil || len(shares) != 3 {
		t.Fatalf("role shares %+v, %v", shares, err)
	}
	for _, s := range shares {
		if want := workforce.ReimbursementShare(s.RoleCode, s.EffectiveFrom); s.Share != want {
			t.Errorf("%s from %s: %v, want %v", s.RoleCode, s.EffectiveFrom.Format(time.DateOnly), s.Share, want)
		}
	}
	rates, err := db.PracticeGPRates(ctx)
	if err != nil || len(rates) != 1 || rates[0].RateGBP != 4.75 {
		t.Errorf("rates %+v, %v: the changed rate must stay", rates, err)
	}
	caps, err := db.PracticeGPCaps(ctx)
	if err != nil || len(caps) != 2 || caps[0].Pence != 15290000 || caps[1].Pence != 15569800 || !caps[1].London {
		t.Errorf("caps %+v, %v", caps, err)
	}
}
