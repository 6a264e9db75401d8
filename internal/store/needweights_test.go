package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// An admin doubles the weights of the oldest band, changes quintile 5's factor and the
// deprivation source's note: one audited change, both sets at a new version by the
// admin, the data version moved. The same form again is stale and writes nothing; a
// save that changes nothing writes nothing either; a change of the age-sex set alone
// leaves the deprivation set's version.
func TestUpdateNeedWeights(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "admin@test.nhs.uk"}
	w, err := db.NeedWeights(ctx)
	if err != nil || len(w.Age) != 7 || w.AgeSource.Version != 1 || w.DepSource.Version != 1 {
		t.Fatalf("the shipped weights: %+v %v", w, err)
	}
	top := len(w.Age) - 1
	w.Age[top].Male, w.Age[top].Female = 7.94, 9.6074
	w.Deprivation[4] = 1.2
	w.DepSource.Note = "Checked against Table 3."
	before := needDataVersion(t, db)
	n, err := db.UpdateNeedWeights(ctx, w, by)
	if err != nil || n != 4 {
		t.Fatalf("update: %d changes, %v; want 4", n, err)
	}
	got, err := db.NeedWeights(ctx)
	if err != nil || got.Age[top].Male != 7.94 || got.Age[top].Female != 9.6074 || got.Age[0].Male != 1.88 || got.Deprivation[4] != 1.2 ||
		got.DepSource.Note != "Checked against Table 3." || got.AgeSource.Version != 2 || got.DepSource.Version != 2 ||
		got.AgeSource.UpdatedBy != by.Name || got.DepSource.UpdatedBy != by.Name {
		t.Fatalf("after the update: %+v %v", got, err)
	}
	if needDataVersion(t, db) == before {
		t.Error("the data version did not move: pages on need would show the old weights")
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: by.Name})
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit: %+v %v", entries, err)
	}
	e := entries[0]
	if e.Action != "need_weights.update" || e.Entity != "need_weights" || e.EntityID != "age_sex deprivation" {
		t.Errorf("audit entry %s of %s %s", e.Action, e.Entity, e.EntityID)
	}
	for _, want := range []string{`"Men aged 75 and over": 3.97`, `"Women aged 75 and over": 4.8037`, `"Quintile 5 factor": 1.18`} {
		if !strings.Contains(e.BeforeJSON, want) {
			t.Errorf("before %s lacks %s", e.BeforeJSON, want)
		}
	}
	for _, want := range []string{`"Men aged 75 and over": 7.94`, `"Women aged 75 and over": 9.6074`, `"Quintile 5 factor": 1.2`, `"Deprivation source note": "Checked against Table 3."`} {
		if !strings.Contains(e.AfterJSON, want) {
			t.Errorf("after %s lacks %s", e.AfterJSON, want)
		}
	}
	if strings.Contains(e.AfterJSON, "aged 0 to 4") {
		t.Errorf("an unchanged weight is in the entry: %s", e.AfterJSON)
	}

	// The same form (versions 1) again: stale, nothing written.
	w.Age[0].Male = 5
	if _, err := db.UpdateNeedWeights(ctx, w, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale update: %v, want ErrConflict", err)
	}
	if again, _ := db.NeedWeights(ctx); again.Age[0].Male != 1.88 || again.AgeSource.Version != 2 {
		t.Errorf("the stale update wrote: %+v", again)
	}
	// Saved as it is: nothing to write.
	if n, err := db.UpdateNeedWeights(ctx, got, by); err != nil || n != 0 {
		t.Errorf("a save with no change: %d changes, %v", n, err)
	}
	// The age-sex set alone.
	got.Age[1].Female = 1.25
	if n, err := db.UpdateNeedWeights(ctx, got, by); err != nil || n != 1 {
		t.Fatalf("one weight: %d changes, %v", n, err)
	}
	if last, _ := db.NeedWeights(ctx); last.Age[1].Female != 1.25 || last.AgeSource.Version != 3 || last.DepSource.Version != 2 {
		t.Errorf("after one weight: %+v", last)
	}
	if entries, _ := db.AuditLog(ctx, store.AuditFilter{Actor: by.Name}); len(entries) != 2 || entries[0].EntityID != "age_sex" {
		t.Errorf("audit after: %+v", entries)
	}
}

func needDataVersion(t *testing.T, db *store.DB) int64 {
	t.Helper()
	v, err := db.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}
