package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A PCN's agreed percentages are saved whole at the version seen; a set that does not
// add up to exactly 100 (on the stored numbers) is refused and leaves what was saved;
// going back to the list split removes the set. Each change is audited.
func TestPracticeShareSetWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	shrewsburyPractices(t, db, dbURL)
	by := store.Actor{Name: "manager@test.nhs.uk"}
	set := func(version int, percents ...float64) store.PracticeShareSet {
		s := store.PracticeShareSet{PCNCode: "U60057", AgreedOn: workforce.Date(2026, time.March, 2), Version: version}
		for i, p := range percents {
			s.Shares = append(s.Shares, workforce.PracticeShare{PracticeCode: []string{"ZZ0001", "ZZ0002", "ZZ0003"}[i], Percent: p})
		}
		return s
	}
	if _, err := db.PracticeShareSet(ctx, "U60057"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("before any: %v", err)
	}
	if _, err := db.SavePracticeShares(ctx, set(0, 50, 30, 19.9999), by); !errors.Is(err, store.ErrSharesTotal) {
		t.Errorf("99.9999 in all: %v, want ErrSharesTotal", err)
	}
	if _, err := db.PracticeShareSet(ctx, "U60057"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused set was written: %v", err)
	}
	saved, err := db.SavePracticeShares(ctx, set(0, 33.3333, 33.3333, 33.3334), by)
	if err != nil || saved.Version != 1 || len(saved.Shares) != 3 || saved.Shares[2].Percent != 33.3334 || saved.RecordedBy != by.Name {
		t.Fatalf("saved %+v %v", saved, err)
	}
	if _, err := db.SavePracticeShares(ctx, set(0, 50, 50), by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second new set: %v", err)
	}
	if _, err := db.SavePracticeShares(ctx, set(1, 60, 50), by); !errors.Is(err, store.ErrSharesTotal) {
		t.Errorf("110 in all: %v", err)
	}
	if got, _ := db.PracticeShareSet(ctx, "U60057"); got.Version != 1 || len(got.Shares) != 3 {
		t.Errorf("a refused change was written: %+v", got)
	}
	changed, err := db.SavePracticeShares(ctx, set(1, 60, 40), by)
	if err != nil || changed.Version != 2 || len(changed.Shares) != 2 {
		t.Fatalf("changed %+v %v", changed, err)
	}
	if _, err := db.SavePracticeShares(ctx, set(1, 50, 50), by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale change: %v", err)
	}
	if err := db.DeletePracticeShares(ctx, "U60057", 1, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale removal: %v", err)
	}
	if err := db.DeletePracticeShares(ctx, "U60057", 2, by); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PracticeShareSet(ctx, "U60057"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after removal: %v", err)
	}
	if err := db.DeletePracticeShares(ctx, "U60057", 2, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("removed twice: %v", err)
	}
	entries, actions := auditTrail(t, db, "U60057")
	if want := "practice_shares.delete practice_shares.update practice_shares.update"; actions != want {
		t.Errorf("audit: %s, want %s", actions, want)
	}
	if e := entries[1]; !strings.Contains(e.BeforeJSON, `"ZZ0003 33.3334%"`) || !strings.Contains(e.AfterJSON, `"ZZ0001 60%"`) {
		t.Errorf("change entry: %s → %s", e.BeforeJSON, e.AfterJSON)
	}
}
