package store_test

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The clinical director's return (send_back) of a submitted plan: the plan, or the
// newer draft that takes the return, carries the comment, but no review stamp (the
// director did not review it): who returned it is in plan_events, and the audit trail
// names the move plan.send_back.
func TestPlanSendBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	manager, director, lead := store.Actor{Name: "m@test.nhs.uk"}, store.Actor{Name: "d@test.nhs.uk"}, store.Actor{Name: "l@test.nhs.uk"}
	lines := []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1}}
	move := func(p workforce.Plan, a workforce.PlanAction, comment string, by store.Actor) store.MovedPlan {
		t.Helper()
		m, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: a, Comment: comment, By: by})
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		return m
	}
	v1, err := db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", Lines: lines, Action: workforce.ActionSave, By: manager})
	if err != nil {
		t.Fatal(err)
	}
	// A round returned by the ICB, submitted again, then sent back by the director:
	// the review stamp stays the ICB's of the earlier round.
	v1 = move(v1, workforce.ActionSubmit, "", manager).After
	v1 = move(v1, workforce.ActionSignOff, "", director).After
	v1 = move(v1, workforce.ActionReturn, "Fewer", lead).After
	v1 = move(v1, workforce.ActionSubmit, "", manager).After
	m := move(v1, workforce.ActionSendBack, "Add the dietitian", director)
	if got := m.After; got.Status != workforce.PlanReturned || got.Comment != "Add the dietitian" || got.ReviewedBy != lead.Name || m.ReturnedTo != 0 {
		t.Errorf("after the director's return: %+v", m)
	}

	// A newer draft takes the director's return, without a review stamp.
	v1 = move(m.After, workforce.ActionSubmit, "", manager).After
	v2, err := db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", PlanID: v1.ID, Version: v1.Version, Lines: lines, Action: workforce.ActionSave, By: manager})
	if err != nil {
		t.Fatal(err)
	}
	m = move(v1, workforce.ActionSendBack, "Not yet", director)
	if m.ReturnedTo != v2.ID || m.After.Status != workforce.PlanSuperseded {
		t.Fatalf("the director's return with a newer draft: %+v", m)
	}
	draft, _ := db.Plan(ctx, v2.ID)
	if draft.Status != workforce.PlanReturned || draft.Comment != "Not yet" || draft.ReviewedAt != nil || draft.ReviewedBy != "" {
		t.Errorf("the newer draft after the director's return: %+v", draft)
	}
	events, _ := db.PlanEvents(ctx, "U60057")
	var last workforce.PlanEvent
	for _, e := range events {
		if e.PlanID == v2.ID {
			last = e
		}
	}
	if last.Action != workforce.ActionSendBack || last.To != workforce.PlanReturned || last.Actor != director.Name || last.Comment != "Not yet" {
		t.Errorf("the draft's last event: %+v", last)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: director.Name, Limit: 1})
	if err != nil || len(entries) != 1 || entries[0].Action != "plan.send_back" {
		t.Errorf("the audit of the director's return: %+v %v", entries, err)
	}
}
