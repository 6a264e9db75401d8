package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The current plan is the latest accepted version, else the latest submitted or
// signed-off one; drafts and returned versions never count (PLANNING.md,
// "Projection"). The latest version, whatever its status, is what --drafts counts and
// what a PCN's own pages show as "with your draft" when it is editable.
func TestCurrentPlanLeavesDraftsOut(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	by := store.Actor{Name: "test"}
	draft := func(starters float64) workforce.Plan {
		t.Helper()
		line := workforce.PlanLine{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: starters}
		if _, err := db.ReplaceDrafts(ctx, "test.csv", []workforce.PlanLine{line}, testActor); err != nil {
			t.Fatal(err)
		}
		p, err := db.EditablePlan(ctx, "U60057")
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	move := func(p workforce.Plan, a workforce.PlanAction) workforce.Plan {
		t.Helper()
		// One person per move: the workflow keeps the submitter, the director and the reviewer apart.
		m, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: a, By: store.Actor{Name: string(a) + "-" + by.Name}})
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		return m.After
	}
	// check compares every reader of plan lines with the starters they should find:
	// "" for no lines.
	check := func(step, current, latest, draft string) {
		t.Helper()
		read := map[string]func() ([]workforce.PlanLine, error){
			"current":        func() ([]workforce.PlanLine, error) { return db.CurrentPlanLines(ctx) },
			"current of PCN": func() ([]workforce.PlanLine, error) { return db.CurrentPlanLinesOfPCN(ctx, "U60057") },
			"current of ICB": func() ([]workforce.PlanLine, error) { return db.CurrentPlanLinesOfICB(ctx, "QOC") },
			"current of":     func() ([]workforce.PlanLine, error) { return db.CurrentPlanLinesOf(ctx, []string{"U60057"}) },
			"latest":         func() ([]workforce.PlanLine, error) { return db.LatestPlanLines(ctx) },
		}
		for name, f := range read {
			lines, err := f()
			if err != nil {
				t.Fatalf("%s: %s: %v", step, name, err)
			}
			want := current
			if name == "latest" {
				want = latest
			}
			if got := starters(lines); got != want {
				t.Errorf("%s: %s lines %q, want %q", step, name, got, want)
			}
		}
		_, lines, err := db.PCNDraft(ctx, "U60057")
		if draft == "" && !errors.Is(err, store.ErrNotFound) || draft != "" && err != nil {
			t.Errorf("%s: PCNDraft: %v", step, err)
		}
		if got := starters(lines); got != draft {
			t.Errorf("%s: draft lines %q, want %q", step, got, draft)
		}
	}
	check("no plan", "", "", "")
	v1 := draft(1)
	check("only a draft", "", "1", "1")
	v1 = move(v1, workforce.ActionSubmit)
	check("submitted", "1", "1", "")
	v2 := draft(2)
	check("submitted and a newer draft", "1", "2", "2")
	v1 = move(v1, workforce.ActionSignOff)
	check("signed off and a newer draft", "1", "2", "2")
	move(v1, workforce.ActionReturn) // the newer draft takes the return; v1 is superseded
	check("returned", "", "2", "2")
	v2, _ = db.Plan(ctx, v2.ID)
	v2 = move(move(move(v2, workforce.ActionSubmit), workforce.ActionSignOff), workforce.ActionAccept)
	check("accepted", "2", "2", "")
	draft(3)
	check("accepted and a newer draft", "2", "3", "3")
	if _, _, err := db.PCNDraft(ctx, "U79722"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the draft of a PCN with no plan: %v", err)
	}
}

// starters lists the lines' starters, "" for none.
func starters(lines []workforce.PlanLine) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += ","
		}
		out += fmt.Sprint(l.StartersFTE)
	}
	return out
}
