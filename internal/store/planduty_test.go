package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestPlanDuties: MovePlan keeps the workflow's duties apart, whatever the grants. One
// version goes through three rounds; each refused move leaves the plan and its events
// as they were. The store checks who moved, not roles (the routes do that), so the
// people are named by the part they play.
func TestPlanDuties(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	people := map[string]store.Actor{}
	for _, name := range []string{"manager", "director", "lead", "admin"} {
		u := addUser(t, db, name+"@test.nhs.uk", auth.Grant{Role: auth.Admin})
		people[name] = store.Actor{UserID: u.ID, Name: u.Email}
	}
	// The manager's account under another name: the events still know the user.
	people["renamed manager"] = store.Actor{UserID: people["manager"].UserID, Name: "renamed@test.nhs.uk"}
	p, err := db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", Action: workforce.ActionSave, By: people["manager"],
		Lines: []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		who     string
		action  workforce.PlanAction
		refused workforce.PlanAction // the earlier move that bars it, "" when allowed
	}{
		{"manager", workforce.ActionSubmit, ""},
		{"manager", workforce.ActionSignOff, workforce.ActionSubmit},
		{"director", workforce.ActionSignOff, ""},
		{"director", workforce.ActionAccept, workforce.ActionSignOff},
		{"manager", workforce.ActionAccept, workforce.ActionSubmit},
		{"director", workforce.ActionReturn, ""}, // returning one's own sign-off only sends it back
		// Round 2: an admin who is also the PCN's director submits.
		{"admin", workforce.ActionSubmit, ""},
		{"admin", workforce.ActionSignOff, workforce.ActionSubmit},
		{"director", workforce.ActionSignOff, ""},
		{"admin", workforce.ActionAccept, workforce.ActionSubmit},
		{"admin", workforce.ActionReturn, ""}, // the submitter may send it back
		// Round 3: the earlier rounds' moves no longer bar anyone.
		{"manager", workforce.ActionSubmit, ""},
		{"renamed manager", workforce.ActionSignOff, workforce.ActionSubmit},
		{"director", workforce.ActionSignOff, ""},
		{"lead", workforce.ActionAccept, ""},
	}
	for i, s := range steps {
		before := planEventCount(t, db)
		m, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: s.action, Comment: "c", By: people[s.who]})
		var duty *workforce.DutyError
		switch {
		case s.refused == "" && err != nil:
			t.Fatalf("step %d: %s by %s: %v", i, s.action, s.who, err)
		case s.refused == "":
			p = m.After
			continue
		case !errors.As(err, &duty) || duty.Action != s.action || duty.Earlier != s.refused:
			t.Fatalf("step %d: %s by %s: %v, want a refusal for %s", i, s.action, s.who, err, s.refused)
		}
		if now, _ := db.Plan(ctx, p.ID); now.Status != p.Status || now.Version != p.Version || planEventCount(t, db) != before {
			t.Errorf("step %d: the refused move wrote: %+v", i, now)
		}
	}
	if p.Status != workforce.PlanAccepted || p.ReviewedBy != "lead@test.nhs.uk" {
		t.Errorf("at the end: %+v", p)
	}
}

// TestPlanDutiesFromStamps: a version moved before plan_events existed has only the
// stamps on its row, and they bar too.
func TestPlanDutiesFromStamps(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "cli:someone"}
	p, err := db.SaveDraft(ctx, store.DraftSave{PCN: "U60057", Action: workforce.ActionSave, By: by,
		Lines: []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := db.QueryRowForTest(ctx, fmt.Sprintf(`UPDATE plans SET status = 'signed_off', submitted_by = 'm@test.nhs.uk',
		signed_off_by = 'd@test.nhs.uk' WHERE id = %d RETURNING id`, p.ID), &id); err != nil {
		t.Fatal(err)
	}
	p, _ = db.Plan(ctx, p.ID)
	for who, earlier := range map[string]workforce.PlanAction{"m@test.nhs.uk": workforce.ActionSubmit, "d@test.nhs.uk": workforce.ActionSignOff} {
		_, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: workforce.ActionAccept, By: store.Actor{Name: who}})
		var duty *workforce.DutyError
		if !errors.As(err, &duty) || duty.Earlier != earlier {
			t.Errorf("accept by %s: %v, want a refusal for %s", who, err, earlier)
		}
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: workforce.ActionAccept, By: store.Actor{Name: "l@test.nhs.uk"}}); err != nil {
		t.Errorf("accept by another: %v", err)
	}
}

func planEventCount(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM plan_events`, &n); err != nil {
		t.Fatal(err)
	}
	return n
}
