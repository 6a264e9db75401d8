package rooms

import (
	"context"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A PCN with one site of 10 sessions a week and a pharmacist in post (8 sessions per
// WTE) on the as-of date, 30 November 2025, checked on 7 December 2026 over the plan's
// window, 2026/27 Q1 to 2028/29 Q4. Its plan starts 0.25 paramedic (8 sessions per
// WTE) in 2026/27 Q1 and 1 in 2027/28 Q1: 8 needed on the as-of date, 10 of 10 from
// 1 April 2026, 18 from 1 April 2027, 8 short from then on. A line of the quarter
// under way on the as-of date (2025/26 Q3) is in the staff data already.
func TestCompute(t *testing.T) {
	t.Parallel()
	asOf, today := workforce.Date(2025, 11, 30), workforce.Date(2026, 12, 7)
	window := workforce.PlanWindowAt(today)
	roles := []workforce.Role{{Code: "clinical_pharmacist", RoomSessionsPerWTE: 8}, {Code: "paramedic", RoomSessionsPerWTE: 8}}
	sites := []workforce.Site{{PCNCode: "U1", Name: "Main surgery", SessionsPerWeek: 10}}
	staff := []workforce.Staff{{ID: 1, PCNCode: "U1", RoleCode: "clinical_pharmacist", FTE: 1, Start: workforce.Date(2025, 1, 1)}}
	lines := []workforce.PlanLine{
		{PCNCode: "U1", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 4, 1), StartersFTE: 1},
		{PCNCode: "U1", RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 4, 1), StartersFTE: 0.25},
		{PCNCode: "U1", RoleCode: "paramedic", QuarterStart: workforce.Date(2025, 10, 1), StartersFTE: 3},
	}
	f := Compute(sites, staff, lines, roles, asOf, window)
	if f.Now.Available != 10 || f.Now.NeededInPost != 8 || f.Now.NeededWithPlan != 8 || f.Now.ShortWithoutPlan != 0 {
		t.Errorf("on the as-of date %+v, want 8 of 10 needed", f.Now)
	}
	if len(f.Needs) != 1 || f.Needs[0].Role != "clinical_pharmacist" || f.Needs[0].Sessions != 8 {
		t.Errorf("needs by role %+v", f.Needs)
	}
	if len(f.Quarters) != len(window) || len(window) != 12 {
		t.Fatalf("%d quarters, want the window's 12", len(f.Quarters))
	}
	if q := f.Quarters[0]; q.Quarter.String() != "2026/27 Q1" || q.StartersFTE != 0.25 || q.NeededWithPlan != 10 || q.ShortWithPlan != 0 {
		t.Errorf("first quarter %+v, want 2026/27 Q1 with 10 of 10 needed", q)
	}
	if last := f.Quarters[11]; last.Quarter.String() != "2028/29 Q4" {
		t.Errorf("last quarter %v, want the plan's last, 2028/29 Q4", last.Quarter)
	}
	q, ok := f.Quarters.FirstShort()
	if !ok || q.String() != "2027/28 Q1" {
		t.Errorf("first short %v %v, want 2027/28 Q1", q, ok)
	}
	if got := f.Quarters.ShortWithPlan(); got != 8 {
		t.Errorf("short with the plan %v, want 8", got)
	}
	// Without a plan nothing is short, and a PCN checked over no quarters is short of
	// nothing.
	if _, ok := Compute(sites, staff, nil, roles, asOf, window).Quarters.FirstShort(); ok {
		t.Error("a quarter is short without a plan")
	}
	if got := (Figures{}).Quarters.ShortWithPlan(); got != 0 {
		t.Errorf("no quarters: short %v", got)
	}
}

// OfPCN reads the PCN's sites, its staff in post on the day and its current plan: a
// draft's lines never count, a submitted plan's do (the paramedic needs 8 sessions of
// the 2 left from 2027/28 Q1).
func TestOfPCN(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "test"}
	if _, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U60057", Name: "Main surgery", SessionsPerWeek: 10}, by); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		`INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date) VALUES ('U60057', 'clinical_pharmacist', 'Pharmacist', 'manual', 1, '2025-01-01') RETURNING id`,
		`INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date) VALUES ('U60057', 'paramedic', 'Paramedic', 'manual', 1, '2024-01-01', '2026-01-01') RETURNING id`,
	} {
		var id int64
		if err := db.QueryRowForTest(ctx, sql, &id); err != nil {
			t.Fatal(err)
		}
	}
	plan := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU60057,paramedic,2027/28 Q1,1,0,\n"
	if _, err := ingest.Plans(ctx, db, "plan.csv", strings.NewReader(plan), by, nil); err != nil {
		t.Fatal(err)
	}
	f, err := OfPCN(ctx, db, "U60057", workforce.Date(2026, 11, 23), workforce.PlanWindowAt(workforce.Date(2026, 11, 23)))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Sites) != 1 || f.Now.Available != 10 {
		t.Errorf("sites %+v, available %v", f.Sites, f.Now.Available)
	}
	if f.Now.NeededInPost <= 0 || len(f.Needs) != 1 || f.Needs[0].Role != "clinical_pharmacist" {
		t.Errorf("needs %+v: only the pharmacist is in post", f.Needs)
	}
	if len(f.Plan) != 0 || f.Quarters.ShortWithPlan() != 0 {
		t.Errorf("the draft's lines count: %+v", f.Plan)
	}
	p, err := db.EditablePlan(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: by}); err != nil {
		t.Fatal(err)
	}
	if f, err = OfPCN(ctx, db, "U60057", workforce.Date(2026, 11, 23), workforce.PlanWindowAt(workforce.Date(2026, 11, 23))); err != nil {
		t.Fatal(err)
	}
	if len(f.Plan) != 1 || f.Quarters.ShortWithPlan() != 6 {
		t.Errorf("the submitted plan: lines %+v, short %v, want 6", f.Plan, f.Quarters.ShortWithPlan())
	}
}
