package planfigures

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// currentPlan is U79722's current plan's lines, as the gap report of today reads them.
func currentPlan(t *testing.T, db *store.DB) []workforce.PlanLine {
	t.Helper()
	res, err := gaps.Compute(context.Background(), db, gaps.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	_, current := res.ForPCN("U79722")
	return current
}

// The money follows the streams, from funding.Compute: a GP on the practice GP scheme
// is planned against the practices' entitlement and not the ARRS, a post on other
// money is a cost; the official money (the current plan) comes from a request without
// lines of its own, which a server may cache, and stands beside the version's when they
// plan differently on any stream.
func TestComputeMoneyStreams(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := sample(t)
	p := pcnOf(t, db, "U79722")
	current := currentPlan(t, db)
	cost, dietitian := workforce.Pence(12_000_000), workforce.Pence(4_800_000)
	q := workforce.Date(2027, 4, 1)
	mine := append(Named("U79722", current),
		workforce.PlanLine{RoleCode: "gp", QuarterStart: q, StartersFTE: 1, AnnualCostPence: &cost, Stream: workforce.StreamPracticeGP},
		workforce.PlanLine{RoleCode: "dietitian", QuarterStart: q, StartersFTE: 1, AnnualCostPence: &dietitian, Stream: workforce.StreamOther})
	var plain, withLines int
	src := func(ctx context.Context, req funding.Request) (*funding.Result, error) {
		if req.Plan == nil {
			plain++
		} else if len(req.Plan["U79722"]) == len(mine) {
			withLines++
		}
		return funding.Compute(ctx, db, req)
	}
	f, err := Compute(ctx, db, gaps.From(db), Input{PCN: p, Lines: mine, Window: workforce.PlanWindowAt(today), Today: today, Funding: src})
	if err != nil {
		t.Fatal(err)
	}
	if plain != 1 || withLines != 1 {
		t.Errorf("%d requests for the official money, %d with the version's lines; want 1 and 1", plain, withLines)
	}
	y := f.Years[2027]
	if !y.Scheme || y.Official == nil || y.OfficialPracticeGP == nil {
		t.Fatalf("2027/28: scheme %v, official %v", y.Scheme, y.Official)
	}
	if y.PlannedPence != y.Official.PlannedPence {
		t.Errorf("the ARRS planned %v with the version, %v with the current plan: the other streams changed it", y.PlannedPence, y.Official.PlannedPence)
	}
	if y.Funding.PracticeGP.PlannedPence != 12*1_000_000 || y.Official.PracticeGP.PlannedPence != 0 {
		t.Errorf("practice GP scheme planned %v (official %v), want £120,000", y.Funding.PracticeGP.PlannedPence, y.Official.PracticeGP.PlannedPence)
	}
	if y.Funding.Other.PlannedPence != 12*400_000 || y.Official.Other.PlannedPence != 0 {
		t.Errorf("other money planned %v (official %v), want £48,000", y.Funding.Other.PlannedPence, y.Official.Other.PlannedPence)
	}
	// The current plan's own lines: one money, no official beside it.
	if f, err = Compute(ctx, db, gaps.From(db), Input{PCN: p, Lines: current, Window: workforce.PlanWindowAt(today), Today: today}); err != nil {
		t.Fatal(err)
	}
	if y := f.Years[2027]; y.Official != nil || y.OfficialPracticeGP != nil {
		t.Errorf("the current plan against itself: official %+v", y.Official)
	}
}
