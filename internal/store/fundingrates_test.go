package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// An admin adds 2026/27's rate when it is published, then corrects it; a second save
// from the same form is stale; each write is audited. The shipped years are listed.
func TestFundingRateWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "admin@test.nhs.uk"}
	y := workforce.FinancialYear(2026)
	added, err := db.AddFundingRate(ctx, workforce.FundingRate{FinancialYear: y.String(), Starts: y.Start(), RateGBP: 27.123}, by)
	if err != nil || added.Version != 1 || added.RateGBP != 27.123 || !added.Starts.Equal(workforce.Date(2026, 4, 1)) {
		t.Fatalf("add: %+v %v", added, err)
	}
	if _, err := db.AddFundingRate(ctx, workforce.FundingRate{FinancialYear: "2026/27", Starts: y.Start(), RateGBP: 1}, by); !errors.Is(err, store.ErrRateTaken) {
		t.Errorf("the year again: %v, want ErrRateTaken", err)
	}
	change := added
	change.RateGBP = 27.5
	saved, err := db.UpdateFundingRate(ctx, change, by)
	if err != nil || saved.Version != 2 || saved.RateGBP != 27.5 {
		t.Fatalf("update: %+v %v", saved, err)
	}
	if _, err := db.UpdateFundingRate(ctx, change, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale update: %v, want ErrConflict", err)
	}
	if _, err := db.UpdateFundingRate(ctx, store.FundingRateRow{FundingRate: workforce.FundingRate{FinancialYear: "2030/31"}, Version: 1}, by); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a year without a rate: %v, want ErrNotFound", err)
	}
	rows, err := db.FundingRateRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var years []string
	for _, r := range rows {
		years = append(years, r.FinancialYear)
	}
	if len(rows) < 2 || rows[len(rows)-1].FinancialYear != "2026/27" || rows[len(rows)-1].RateGBP != 27.5 {
		t.Errorf("rows: %v", years)
	}
	// The funding computation reads the new rate.
	rates, err := db.FundingRates(ctx)
	if err != nil || rates[len(rates)-1].RateGBP != 27.5 {
		t.Errorf("funding rates: %+v %v", rates, err)
	}
	var n int
	if err := db.QueryRowForTest(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'funding_rate' AND entity_id = '2026/27'`, &n); err != nil || n != 2 {
		t.Errorf("%d audit entries, want 2 (%v)", n, err)
	}
}
