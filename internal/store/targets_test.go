package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestSaveTarget(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	d := workforce.Date
	first := workforce.Target{Name: "Long term plan", FTE: 30000, Baseline: d(2024, 3, 31), Deadline: d(2029, 3, 31),
		Milestones: []workforce.Milestone{{Due: d(2026, 3, 31), FTE: 10000, Label: "First two years"}}}
	saved, created, err := db.SaveTarget(ctx, first, testActor)
	if err != nil || !created || saved.ID == 0 || saved.IsDefault || len(saved.Milestones) != 1 || saved.Milestones[0].Label != "First two years" {
		t.Fatalf("create: %+v created=%v err=%v", saved, created, err)
	}
	// Updating by name: new figures, milestones kept when none are given.
	update := workforce.Target{Name: "Long term plan", FTE: 32000.5, Baseline: d(2024, 3, 31), Deadline: d(2030, 3, 31)}
	saved, created, err = db.SaveTarget(ctx, update, testActor)
	if err != nil || created || saved.FTE != 32000.5 || !saved.Deadline.Equal(d(2030, 3, 31)) || len(saved.Milestones) != 1 {
		t.Fatalf("update: %+v created=%v err=%v", saved, created, err)
	}
	// --default moves the default flag from the reference target.
	update.IsDefault, update.Milestones = true, []workforce.Milestone{}
	if saved, _, err = db.SaveTarget(ctx, update, testActor); err != nil || !saved.IsDefault || len(saved.Milestones) != 0 {
		t.Fatalf("make default: %+v %v", saved, err)
	}
	def, err := db.DefaultTarget(ctx)
	if err != nil || def.Name != "Long term plan" {
		t.Errorf("default is %q (%v)", def.Name, err)
	}
	all, err := db.Targets(ctx)
	if err != nil || len(all) != 2 || all[0].Name != "Long term plan" || all[1].IsDefault {
		t.Errorf("targets: %+v %v", all, err)
	}
	// Saving without --default leaves the default where it is.
	update.IsDefault = false
	if saved, _, _ = db.SaveTarget(ctx, update, testActor); !saved.IsDefault {
		t.Error("saving without IsDefault unset the default")
	}
	if _, err := db.TargetByName(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown target: %v", err)
	}
	// Two milestones on one day conflict and nothing is saved.
	dup := workforce.Target{Name: "Dup", FTE: 1, Baseline: d(2024, 3, 31), Deadline: d(2025, 3, 31),
		Milestones: []workforce.Milestone{{Due: d(2024, 9, 30), FTE: 1}, {Due: d(2024, 9, 30), FTE: 2}}}
	if _, _, err := db.SaveTarget(ctx, dup, testActor); !errors.Is(err, store.ErrConflict) {
		t.Errorf("duplicate milestones: %v", err)
	}
	if _, err := db.TargetByName(ctx, "Dup"); !errors.Is(err, store.ErrNotFound) {
		t.Error("a refused target was saved")
	}
}
