package supply

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var by = store.Actor{Name: "test"}

// plan makes the lines their PCNs' current plans (submitted); draft leaves them drafts.
func plan(t *testing.T, db *store.DB, lines []workforce.PlanLine, draft bool) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ReplaceDrafts(ctx, "plan.csv", lines, by); err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		p, err := db.EditablePlan(ctx, l.PCNCode)
		if errors.Is(err, store.ErrNotFound) || draft {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		if _, err := db.MovePlan(ctx, store.PlanMove{PCN: l.PCNCode, PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: by}); err != nil {
			t.Fatal(err)
		}
	}
}

// QOC on 23 November 2026 (2026/27): two PCNs' plans start paramedics, 0.5 + 1 = 1.5
// FTE in 2026/27, against 1.2 expected (1 newly qualified, 0.2 movers): 0.3 short.
// Pharmacists start 5 against 5 expected; a care coordinator starts in 2027/28 with
// none expected; U24883's 2029/30 line is outside the three years, and U47425's draft
// counts for nothing.
func TestOfICB(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	plan(t, db, []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: workforce.Date(2026, 10, 1), StartersFTE: 5},
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 1},
		{PCNCode: "U60057", RoleCode: "care_coordinator", QuarterStart: workforce.Date(2027, 7, 1), StartersFTE: 1},
		{PCNCode: "U24883", RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 4, 1), StartersFTE: 0.5},
		{PCNCode: "U24883", RoleCode: "paramedic", QuarterStart: workforce.Date(2029, 4, 1), StartersFTE: 3},
	}, false)
	plan(t, db, []workforce.PlanLine{{PCNCode: "U47425", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 9}}, true)
	if _, err := db.SaveExpectedSupply(ctx, "QOC", "2026/27", []workforce.ExpectedSupply{
		{ICBCode: "QOC", RoleCode: "clinical_pharmacist", FinancialYear: "2026/27", NewlyQualified: 3, TraineesCompleting: 2},
		{ICBCode: "QOC", RoleCode: "paramedic", FinancialYear: "2026/27", NewlyQualified: 1, Movers: 0.2},
	}, by); err != nil {
		t.Fatal(err)
	}
	f, err := OfICB(ctx, db, "QOC", workforce.Date(2026, 11, 23))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Years) != Years || f.Years[0].String() != "2026/27" || f.Years[2].String() != "2028/29" {
		t.Errorf("years %v", f.Years)
	}
	if f.Planning != 2 {
		t.Errorf("%d PCNs planning, want 2", f.Planning)
	}
	roles, err := db.Roles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var outrun []string
	for _, r := range f.Outrun(roles) {
		outrun = append(outrun, r.Code)
	}
	if len(outrun) != 2 || !slices.Contains(outrun, "care_coordinator") || !slices.Contains(outrun, "paramedic") {
		t.Errorf("outrun %v, want paramedic and care coordinator", outrun)
	}
	years := f.ByYear(roles)
	if len(years) != Years || len(years[2].Rows) != 0 {
		t.Fatalf("years %+v", years)
	}
	rows := map[string]Row{}
	for _, r := range years[0].Rows {
		rows[r.Role.Code] = r
	}
	if p := rows["paramedic"]; math.Abs(p.Gap.Shortfall-0.3) > 1e-9 || !p.Gap.Outrun || p.Expected.Movers != 0.2 {
		t.Errorf("paramedics of 2026/27: %+v", p)
	}
	if p := rows["clinical_pharmacist"]; p.Gap.Outrun || p.Gap.Supply != 5 || p.Expected.TraineesCompleting != 2 {
		t.Errorf("pharmacists of 2026/27: %+v", p)
	}
	if c := years[1].Rows; len(c) != 1 || c[0].Role.Code != "care_coordinator" || c[0].Gap.Recorded {
		t.Errorf("2027/28: %+v", c)
	}
}
