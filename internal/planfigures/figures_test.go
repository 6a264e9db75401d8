package planfigures

import (
	"context"
	"fmt"
	"maps"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
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

// sample is the sample workforce (QOC and QSL, census 30 November 2025), a default
// target of 30,000 FTE by 31 March 2028, and U79722's plan, submitted: its current
// plan.
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
	plan := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n" +
		"U79722,clinical_pharmacist,2026/27 Q1,2,0,55000\nU79722,paramedic,2027/28 Q3,1,0.5,\n"
	if _, err := ingest.Plans(ctx, db, "plan.csv", strings.NewReader(plan), by, nil); err != nil {
		t.Fatal(err)
	}
	p, err := db.EditablePlan(ctx, "U79722")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U79722", PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: by}); err != nil {
		t.Fatal(err)
	}
	return db
}

func pcnOf(t *testing.T, db *store.DB, code string) workforce.PCN {
	t.Helper()
	tree, err := db.Tree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, ok := tree.PCN(code)
	if !ok {
		t.Fatalf("no PCN %s", code)
	}
	return p
}

// The figures are the gap report's: with the current plan's lines, each quarter's
// projection and gap are the official ones; with other lines, planning.Projected's on
// the quarter's last day; a draft that changes the projection is "with your draft".
func TestComputeIsTheGapReports(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := sample(t)
	p := pcnOf(t, db, "U79722")
	window := workforce.PlanWindowAt(today)
	res, err := gaps.Compute(ctx, db, gaps.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	_, current := res.ForPCN("U79722")
	mine := []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 4, 1), StartersFTE: 3}}
	draft := &Draft{Lines: mine}
	f, err := Compute(ctx, db, gaps.From(db), Input{PCN: p, Lines: mine, Draft: draft, Window: window, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	row, _ := gaps.Find(res.PCNs, "U79722")
	if f.NoCensus || f.NoTarget || f.Row.Code != row.Code || !near(f.Row.TargetFTE, row.TargetFTE) || !near(f.Row.ProjectedFTE, row.ProjectedFTE) || !f.AsOf.Equal(res.AsOf) || f.Target.Name != res.Target.Name {
		t.Errorf("figures %+v, report row %+v", f, row)
	}
	staff, _ := res.ForPCN("U79722")
	if !near(f.InPost, planning.InPostFTE(staff, res.AsOf)) || f.InPostByRole["clinical_pharmacist"] == 0 {
		t.Errorf("in post %v by role %v", f.InPost, f.InPostByRole)
	}
	if f.WithDraft == nil || !workforce.DiffersFTE(f.WithDraft.ProjectedFTE, row.ProjectedFTE) {
		t.Errorf("with the draft %+v, official %v", f.WithDraft, row.ProjectedFTE)
	}
	if len(f.Quarters) != len(window) || len(f.Official) != len(window) {
		t.Fatalf("%d and %d quarters, want %d", len(f.Quarters), len(f.Official), len(window))
	}
	for _, q := range window {
		named := Named("U79722", mine)
		want := planning.Projected(staff, named, res.Inputs.AttritionRate, res.AsOf, q.LastDay())
		official := planning.Projected(staff, current, res.Inputs.AttritionRate, res.AsOf, q.LastDay())
		if got := f.Quarters[q]; !near(got.Projected, want) || !near(got.Gap, row.WithProjected(want).GapFTE) {
			t.Errorf("%s: %+v, want %v", q, got, want)
		}
		if got := f.Official[q]; !near(got.Projected, official) {
			t.Errorf("%s official: %+v, want %v", q, got, official)
		}
	}
	// The current plan's own lines as the draft change nothing: no "with your draft".
	same := &Draft{Lines: current}
	if f, err = Compute(ctx, db, gaps.From(db), Input{PCN: p, Lines: current, Draft: same, Window: window, Today: today}); err != nil {
		t.Fatal(err)
	}
	if f.WithDraft != nil {
		t.Errorf("a draft that changes nothing has figures: %+v", f.WithDraft)
	}
}

// near compares figures summed in different orders.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// Each year of the grid: no rate is published after 2025/26, so its rate stands in;
// no weighted population is entered, so the registered list does; the current plan's
// pharmacists at £55,000 from 1 April 2026 are planned spend of 2026/27, twelve
// monthly claims of £9,166.67.
func TestComputeMoney(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := sample(t)
	p := pcnOf(t, db, "U79722")
	current := currentPlan(t, db)
	f, err := Compute(ctx, db, gaps.From(db), Input{PCN: p, Lines: current, Window: workforce.PlanWindowAt(today), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Years) != 3 {
		t.Fatalf("years %v", f.Years)
	}
	y := f.Years[2026]
	if y.NoRate || y.RateFrom != "2025/26" || y.Rate != 26.631 {
		t.Errorf("rate of 2026/27: %v from %q", y.Rate, y.RateFrom)
	}
	if !y.ListSize || y.Population != float64(p.RegisteredPatients) || !y.Census.Equal(workforce.Date(2026, 1, 1)) {
		t.Errorf("population of 2026/27: %v list %v on %s", y.Population, y.ListSize, y.Census)
	}
	if y.EntitlementPence != planning.Entitlement(26.631, float64(p.RegisteredPatients)) {
		t.Errorf("entitlement %v", y.EntitlementPence)
	}
	if y.PlannedPence != 12*916667 || y.HeadroomPence != y.EntitlementPence-y.CommittedPence-y.PlannedPence {
		t.Errorf("2026/27: planned %v, headroom %v", y.PlannedPence, y.HeadroomPence)
	}
	// The paramedics' line has no cost and no cap of its own: its starters and its
	// leavers (no paramedic in post has a cost) are both estimated at band 7's cap.
	if c := f.Years[2027].Costs[planning.LinePlan]; c.Assumed != 2 || c.FromBand != 2 || c.Uncosted != 0 {
		t.Errorf("cost counts of 2027/28's plan lines: %+v", c)
	}
}

// Before any import there are no figures; with no target, the money only.
func TestComputeWithoutAReport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	empty := dbtest.New(t)
	window := workforce.PlanWindowAt(today)
	f, err := Compute(ctx, empty, gaps.From(empty), Input{PCN: pcnOf(t, empty, "U79722"), Window: window, Today: today})
	if err != nil || !f.NoCensus || len(f.Years) != 0 {
		t.Errorf("before any import: %+v, %v", f, err)
	}
	db := sample(t)
	noTarget := func(context.Context, gaps.Options) (*gaps.Result, error) {
		return nil, fmt.Errorf("target %q: %w", "default", store.ErrNotFound)
	}
	f, err = Compute(ctx, db, noTarget, Input{PCN: pcnOf(t, db, "U79722"), Window: window, Today: today})
	if err != nil || f.NoCensus || !f.NoTarget || len(f.Years) != 3 || len(f.Quarters) != 0 {
		t.Errorf("without a target: %+v, %v", f, err)
	}
	if !f.AsOf.Equal(workforce.Date(2025, 11, 30)) {
		t.Errorf("as of %s, want the census date", f.AsOf)
	}
	// The staff in post are known without a target: the same as with one.
	withTarget, err := Compute(ctx, db, gaps.From(db), Input{PCN: pcnOf(t, db, "U79722"), Window: window, Today: today})
	if err != nil || withTarget.InPost == 0 || !near(f.InPost, withTarget.InPost) || !maps.EqualFunc(f.InPostByRole, withTarget.InPostByRole, near) {
		t.Errorf("in post without a target %v %v, with one %v %v (%v)", f.InPost, f.InPostByRole, withTarget.InPost, withTarget.InPostByRole, err)
	}
}
