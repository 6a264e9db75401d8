package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestRoleCaps(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "admin@test.nhs.uk"}
	d := workforce.Date
	added, err := db.AddRoleCap(ctx, workforce.Cap{RoleCode: "paramedic", EffectiveFrom: d(2026, 4, 1), Pence: 5500000, Provisional: true}, by)
	if err != nil || added.ID == 0 || added.Version != 1 {
		t.Fatalf("add: %+v %v", added, err)
	}
	// One cap per role, variant and date.
	if _, err := db.AddRoleCap(ctx, workforce.Cap{RoleCode: "paramedic", EffectiveFrom: d(2026, 4, 1), Pence: 1}, by); !errors.Is(err, store.ErrCapTaken) {
		t.Errorf("duplicate: %v, want ErrCapTaken", err)
	}
	if _, err := db.AddRoleCap(ctx, workforce.Cap{RoleCode: "paramedic", Variant: "senior", EffectiveFrom: d(2026, 4, 1), Pence: 6000000}, by); err != nil {
		t.Errorf("a variant of the same date: %v", err)
	}
	change := added
	change.Pence, change.Provisional, change.EffectiveFrom = 5600000, false, d(2026, 7, 1)
	saved, err := db.UpdateRoleCap(ctx, change, by)
	if err != nil || saved.Version != 2 || saved.Pence != 5600000 || saved.Provisional || !saved.EffectiveFrom.Equal(d(2026, 7, 1)) {
		t.Fatalf("update: %+v %v", saved, err)
	}
	// A second save from the same form (version 1) is stale.
	if _, err := db.UpdateRoleCap(ctx, change, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale update: %v, want ErrConflict", err)
	}
	if _, err := db.DeleteRoleCap(ctx, added.ID, 1, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale delete: %v, want ErrConflict", err)
	}
	if _, err := db.DeleteRoleCap(ctx, added.ID, 2, by); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := db.RoleCap(ctx, added.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted cap: %v, want ErrNotFound", err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	want := []string{"cap.delete", "cap.update", "cap.create", "cap.create"}
	if len(actions) != len(want) {
		t.Fatalf("audit %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Errorf("audit %v, want %v", actions, want)
			break
		}
	}
	// The reference caps have ids too (migration 000009).
	all, err := db.RoleCaps(ctx)
	if err != nil || len(all) < 24 || all[0].ID == 0 {
		t.Errorf("RoleCaps: %d caps, first %+v, %v", len(all), all[0], err)
	}
}
