package dashboard

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	by    = store.Actor{Name: "test"}
	today = workforce.Date(2026, 11, 23)
)

// sample is the sample workforce (census 30 November 2025), a default target to 31
// March 2028, U79722's plan submitted (its current plan) and then a draft of a second
// version that starts 4 more pharmacists, and a record of U79722 ending on 1 January
// 2027, within three months of today.
func sample(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, by, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.SaveTarget(ctx, workforce.Target{Name: "Test target", FTE: 30000, IsDefault: true,
		Baseline: workforce.Date(2025, 3, 31), Deadline: workforce.Date(2028, 3, 31)}, by); err != nil {
		t.Fatal(err)
	}
	for i, starters := range []int{2, 6} {
		plan := fmt.Sprintf("pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU79722,clinical_pharmacist,2027/28 Q1,%d,0,\n", starters)
		if _, err := ingest.Plans(ctx, db, "plan.csv", strings.NewReader(plan), by, nil); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			break // the second version stays a draft
		}
		p, err := db.EditablePlan(ctx, "U79722")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U79722", PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: by}); err != nil {
			t.Fatal(err)
		}
	}
	var id int64
	if err := db.QueryRowForTest(ctx, `INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date)
		VALUES ('U79722', 'paramedic', 'Paramedic', 'manual', 0.5, '2025-01-01', '2027-01-01') RETURNING id`, &id); err != nil {
		t.Fatal(err)
	}
	return db
}

// Each part is the figure of the code its own page uses.
func TestCompute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := sample(t)
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tree.PCN("U79722")
	f, err := Compute(ctx, db, gaps.From(db), p, today)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gaps.Compute(ctx, db, gaps.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	w := f.Workforce
	if w.NoCensus || w.NoTarget || !w.AsOf.Equal(res.AsOf) || w.Target.Name != "Test target" {
		t.Fatalf("workforce %+v", w)
	}
	if me := res.Positions().ByPCN["U79722"]; math.Abs(w.Position.InPost-me.InPost) > 1e-9 || math.Abs(w.Position.FairShare-me.FairShare) > 1e-9 {
		t.Errorf("position %+v, England's %+v", w.Position, me)
	}
	if len(w.Quarters) != 12 || !w.Quarters[0].Day.Equal(workforce.Date(2026, 6, 30)) {
		t.Fatalf("quarters %+v", w.Quarters)
	}
	// The current plan's 2 pharmacists from 1 April 2027; the draft's 6.
	staff, _ := res.ForPCN("U79722")
	q := w.Quarters[4] // 2027/28 Q1, to 30 June 2027
	without := planning.Projected(staff, nil, res.Inputs.AttritionRate, res.AsOf, q.Day)
	if math.Abs(q.WithoutPlan-without) > 1e-9 || math.Abs(q.WithPlan-without-2) > 1e-9 || math.Abs(q.WithDraft-without-6) > 1e-9 {
		t.Errorf("2027/28 Q1: %+v, without the plan %v", q, without)
	}
	if w.Plan == nil || w.Plan.Number != 1 || w.Draft == nil || w.Draft.Number != 2 || len(f.Versions) != 2 {
		t.Errorf("plan %+v, draft %+v of %d versions", w.Plan, w.Draft, len(f.Versions))
	}
	// The plan window's years, 2026/27 to 2028/29, as the plan grid and rooms (issue 11).
	if len(f.Funding.Years) != 3 || f.Funding.Years[0].Year.Year != 2026 || f.Funding.Years[2].Year.Year != 2028 || !f.Funding.Census {
		t.Errorf("funding %+v", f.Funding)
	}
	fund, err := funding.Compute(ctx, db, funding.Request{PCNs: []workforce.PCN{p}, Years: []workforce.FinancialYear{2026}, AsOf: res.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	if y, _ := fund.For("U79722", 2026); y.Funding.HeadroomPence != f.Funding.Years[0].Funding.HeadroomPence {
		t.Errorf("headroom %v, the funding page's %v", f.Funding.Years[0].Funding.HeadroomPence, y.Funding.HeadroomPence)
	}
	if l := f.Leaving; !l.Until.Equal(workforce.Date(2027, 2, 23)) || len(l.Records) != 1 || l.Records[0].RoleCode != "paramedic" {
		t.Errorf("leaving %+v", l)
	}
	if f.Supervision.Coverage.Needing == 0 || f.Rooms.Now.NeededInPost == 0 {
		t.Errorf("supervision %+v, rooms %+v", f.Supervision.Coverage, f.Rooms.Now)
	}
	// One clock, one horizon: supervision's and rooms' staff are of the census, like
	// the workforce part, and rooms are checked over the plan's quarters.
	if !f.AsOf.Equal(workforce.Date(2025, 11, 30)) || !f.AsOf.Equal(w.AsOf) {
		t.Errorf("as of %v, want the census, 30 November 2025, as the workforce part (%v)", f.AsOf, w.AsOf)
	}
	window := workforce.PlanWindowAt(today)
	if qs := f.Rooms.Quarters; len(qs) != len(window) || qs[0].Quarter != window[0] || qs[len(qs)-1].Quarter != window[len(window)-1] {
		t.Errorf("rooms over %d quarters from %v, want the plan's %v", len(qs), qs, window)
	}
}

// Before any import, the workforce part says so and the rest is of today.
func TestComputeBeforeAnyImport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tree.PCN("U79722")
	f, err := Compute(ctx, db, gaps.From(db), p, today)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Workforce.NoCensus || len(f.Workforce.Quarters) != 0 || f.Funding.Census || !f.Funding.AsOf.Equal(today) {
		t.Errorf("workforce %+v, funding %+v", f.Workforce, f.Funding)
	}
}
