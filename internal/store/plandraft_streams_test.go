package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A plan holds one line per role, quarter and stream: a GP on the practice GP scheme
// and one on the ARRS in the same quarter are saved and read back as two lines, by
// every reader of plan lines, each on its stream; a line naming no stream is the
// ARRS's; the practice scheme is for GPs only.
func TestPlanLinesOnStreams(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	q := workforce.Date(2026, 7, 1)
	cost := workforce.Pence(12_000_000)
	lines := []workforce.PlanLine{
		{RoleCode: "gp", QuarterStart: q, StartersFTE: 2, AnnualCostPence: &cost, Stream: workforce.StreamPracticeGP},
		{RoleCode: "gp", QuarterStart: q, StartersFTE: 1}, // no stream: the ARRS
		{RoleCode: "paramedic", QuarterStart: q, StartersFTE: 0.5, Stream: workforce.StreamOther},
	}
	saved, err := db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", Lines: lines, Action: workforce.ActionSave, By: testActor})
	if err != nil {
		t.Fatal(err)
	}
	want := []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "gp", QuarterStart: q, StartersFTE: 1, Stream: workforce.StreamARRS},
		{PCNCode: "U60057", RoleCode: "gp", QuarterStart: q, StartersFTE: 2, AnnualCostPence: &cost, Stream: workforce.StreamPracticeGP},
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: q, StartersFTE: 0.5, Stream: workforce.StreamOther},
	}
	got, err := db.PlanLines(ctx, saved.ID)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v (%v)\nwant %+v", got, err, want)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: saved.ID, Version: saved.Version, Action: workforce.ActionSubmit, By: testActor}); err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func() ([]workforce.PlanLine, error){
		"current of":     func() ([]workforce.PlanLine, error) { return db.CurrentPlanLinesOf(ctx, []string{"U60057"}) },
		"current of PCN": func() ([]workforce.PlanLine, error) { return db.CurrentPlanLinesOfPCN(ctx, "U60057") },
		"latest":         func() ([]workforce.PlanLine, error) { return db.LatestPlanLines(ctx) },
	} {
		if got, err := read(); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v (%v)", name, got, err)
		}
	}
	// An import names streams too, and the practice scheme refuses any role but the GP.
	if _, err := db.ReplaceDrafts(ctx, "plan.csv", []workforce.PlanLine{{PCNCode: "U79722", RoleCode: "paramedic", QuarterStart: q, StartersFTE: 1, Stream: workforce.StreamPracticeGP}}, testActor); err == nil {
		t.Error("a paramedic on the practice GP scheme was saved")
	}
}
