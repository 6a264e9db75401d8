package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// An ICB's payment lag changes from the value seen (another is stale), with an audit
// entry naming the ICB; an unknown ICB is not found.
func TestSetPaymentLag(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	lead := store.Actor{Name: "lead@test.nhs.uk"}
	lags, err := db.PaymentLags(ctx, []string{"QOC"})
	if err != nil || lags["QOC"].LagMonths != 2 {
		t.Fatalf("default lag: %+v %v", lags, err)
	}
	if err := db.SetPaymentLag(ctx, "QOC", 2, 3, lead); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPaymentLag(ctx, "QOC", 2, 4, lead); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale: %v", err)
	}
	if err := db.SetPaymentLag(ctx, "ZZZ", 2, 4, lead); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown ICB: %v", err)
	}
	if lags, _ := db.PaymentLags(ctx, []string{"QOC", "QSL"}); lags["QOC"].LagMonths != 3 || lags["QSL"].LagMonths != 2 {
		t.Errorf("lags now %+v", lags)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{ICBs: []string{"QOC"}})
	if err != nil || len(entries) != 1 || entries[0].Action != "icb.payment_lag" || entries[0].ICB != "QOC" ||
		entries[0].BeforeJSON != `{"payment_lag_months": 2}` || entries[0].AfterJSON != `{"payment_lag_months": 3}` {
		t.Errorf("audit: %+v %v", entries, err)
	}
}
