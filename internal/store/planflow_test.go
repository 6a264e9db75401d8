package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// SaveDraft and MovePlan against a real database: optimistic locking, the one
// editable plan, the workflow's statuses, supersession, and the events kept.
func TestPlanDraftsAndMoves(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "m@test.nhs.uk"}
	line := func(fte float64) []workforce.PlanLine {
		return []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: fte}}
	}
	save := func(id int64, version int, fte float64) (workforce.Plan, error) {
		return db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", PlanID: id, Version: version, Lines: line(fte), Action: workforce.ActionSave, By: by})
	}
	// One person per move: the manager submits, the director signs off, the lead reviews.
	movers := map[workforce.PlanAction]store.Actor{workforce.ActionSubmit: by, workforce.ActionSignOff: {Name: "d@test.nhs.uk"},
		workforce.ActionAccept: {Name: "l@test.nhs.uk"}, workforce.ActionReturn: {Name: "l@test.nhs.uk"}}
	move := func(p workforce.Plan, a workforce.PlanAction, comment string) (store.MovedPlan, error) {
		return db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: a, Comment: comment, By: movers[a]})
	}

	v1, err := save(0, 0, 1)
	if err != nil || v1.Status != workforce.PlanDraft || v1.Version != 1 {
		t.Fatalf("first save: %+v %v", v1, err)
	}
	if _, err := save(0, 0, 2); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second first save: %v, want ErrConflict", err)
	}
	if v1, err = save(v1.ID, 1, 2); err != nil || v1.Version != 2 {
		t.Fatalf("second save: %+v %v", v1, err)
	}
	if _, err := save(v1.ID, 1, 3); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save over a stale version: %v, want ErrConflict", err)
	}
	if _, err := db.SaveDraft(ctx, store.DraftSave{PCN: "U47425", PlanID: v1.ID, Version: 2, Action: workforce.ActionSave, By: by}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a save naming another PCN's plan: %v, want ErrNotFound", err)
	}

	var se *workforce.StatusError
	if _, err := move(v1, workforce.ActionSignOff, ""); !errors.As(err, &se) || se.Status != workforce.PlanDraft {
		t.Errorf("signing off a draft: %v", err)
	}
	m, err := move(v1, workforce.ActionSubmit, "")
	if err != nil || m.After.Status != workforce.PlanSubmitted || m.After.SubmittedBy != by.Name || m.After.Version != 3 {
		t.Fatalf("submit: %+v %v", m, err)
	}
	v1 = m.After
	if _, err := save(v1.ID, v1.Version, 9); err != nil {
		t.Fatalf("a new draft from the submitted version: %v", err)
	}
	plans, _ := db.PlansByPCN(ctx, "U60057")
	v2 := plans[0]
	if len(plans) != 2 || v2.Status != workforce.PlanDraft {
		t.Fatalf("plans: %+v", plans)
	}
	if _, err := save(v1.ID, v1.Version, 8); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second draft from the same submitted version: %v, want ErrConflict", err)
	}
	if m, err = move(v1, workforce.ActionSignOff, ""); err != nil {
		t.Fatal(err)
	}
	v1 = m.After
	// Returning v1 while v2 is a draft: v2 takes the return.
	if m, err = move(v1, workforce.ActionReturn, "Too many"); err != nil || m.After.Status != workforce.PlanSuperseded || m.ReturnedTo != v2.ID {
		t.Fatalf("return with a newer draft: %+v %v", m, err)
	}
	v2, _ = db.Plan(ctx, v2.ID)
	if v2.Status != workforce.PlanReturned || v2.Comment != "Too many" {
		t.Errorf("the newer draft after the return: %+v", v2)
	}
	if m, err = move(v2, workforce.ActionSubmit, ""); err != nil {
		t.Fatal(err)
	}
	v2 = m.After
	if m, err = move(v2, workforce.ActionSignOff, ""); err != nil {
		t.Fatal(err)
	}
	if m, err = move(m.After, workforce.ActionAccept, ""); err != nil || m.After.Status != workforce.PlanAccepted {
		t.Fatalf("accept: %+v %v", m, err)
	}
	if cur, err := db.CurrentPlan(ctx, "U60057"); err != nil || cur.ID != v2.ID {
		t.Errorf("current plan: %+v %v", cur, err)
	}
	if _, err := db.CurrentPlan(ctx, "U47425"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("current plan of a PCN with none: %v", err)
	}

	events, err := db.PlanEvents(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		got = append(got, string(e.Action)+":"+string(e.From)+">"+string(e.To))
	}
	want := []string{"create:>draft", "save:>draft", "save:draft>draft", "submit:draft>submitted", "create:>draft", "save:submitted>draft",
		"sign_off:submitted>signed_off", "return:draft>returned", "return:signed_off>superseded", "submit:returned>submitted",
		"sign_off:submitted>signed_off", "accept:signed_off>accepted"}
	if len(got) != len(want) {
		t.Fatalf("events %v\nwant   %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %s, want %s", i, got[i], want[i])
		}
	}
	waiting, err := db.PlansInStatus(ctx, workforce.PlanAccepted, nil, []string{"QOC"})
	if err != nil || len(waiting) != 1 || waiting[0].ID != v2.ID || waiting[0].Number != 2 {
		t.Errorf("accepted plans of QOC: %+v %v", waiting, err)
	}
}
