package store_test

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// TestSQLTimerCountsTheRequestsQueries: a store opened with TraceSQL counts every
// statement run under a timed context, through a detached computation, a transaction
// and a batch, and nothing outside it; without TraceSQL the timer stays at zero.
func TestSQLTimerCountsTheRequestsQueries(t *testing.T) {
	t.Parallel()
	_, url := dbtest.NewWithURL(t)
	ctx := context.Background()
	db, err := store.Open(ctx, url, store.TraceSQL())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	timed, timer := store.WithSQLTimer(ctx)
	if err := db.Ping(context.WithoutCancel(timed)); err != nil { // as cached computations run
		t.Fatal(err)
	}
	if got := timer.Queries(); got != 1 || timer.Duration() <= 0 {
		t.Fatalf("after one query: %d queries in %v", got, timer.Duration())
	}
	if err := db.InTx(timed, func(tx *store.DB) error {
		_, err := tx.DataVersion(timed)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := timer.Queries(); got != 4 { // + begin, the read, commit
		t.Fatalf("after a transaction: %d queries, want 4", got)
	}
	if _, err := db.NeedWeights(timed); err != nil { // three reads in one batch
		t.Fatal(err)
	}
	if got := timer.Queries(); got != 7 {
		t.Fatalf("after a batch of three: %d queries, want 7", got)
	}
	if err := db.Ping(ctx); err != nil || timer.Queries() != 7 {
		t.Fatalf("a query outside the timed context counted: %d (%v)", timer.Queries(), err)
	}

	plain, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	timed, timer = store.WithSQLTimer(ctx)
	if err := plain.Ping(timed); err != nil || timer.Queries() != 0 {
		t.Fatalf("untraced store counted %d queries (%v)", timer.Queries(), err)
	}
}
