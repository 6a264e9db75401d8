package gaps

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The PCN the hand-computed cases follow: SHROPSHIRE RURAL ALLIANCE PCN (QOC), whose
// ARRS staff in the sample file on the census date 30 Nov 2025 are
//
//	care coordinators 6.18, general practice assistant 1, pharmacy technician 0.8,
//	advanced practitioners 2.8, clinical pharmacist 1: in_post(p, A) = 11.78 FTE,
//
// every role with the reference attrition rate 0.10 a year. Its registered list is
// 26,390.
const (
	pcn        = "U79722"
	inPostAtA  = 11.78
	extraFTE   = 2.5 // baseline FTE entered against the test target
	targetFTE  = 30000
	population = 50000 // in force from 2025-01-01
)

// planFile is U79722's plan, submitted by seeded (so it is the current plan): the lines
// in (A, D] are the Q1 starters (+2) and the Q3 starters less leavers (+0.5):
// Σ (starters − leavers) = 2.5. The 2025/26 Q3 line starts before A (already in the
// staff data) and the 2027/28 Q1 line after D.
const planFile = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n" +
	"U79722,clinical_pharmacist,2025/26 Q3,1,0,\n" +
	"U79722,clinical_pharmacist,2026/27 Q1,2,0,55000\n" +
	"U79722,paramedic,2026/27 Q3,1,0.5,48000\n" +
	"U79722,gp,2027/28 Q1,3,0,\n" +
	"U60057,clinical_pharmacist,2026/27 Q1,1,0,\n"

// populationsFile: U79722 50,000 from 2025-01-01 and 60,000 from 2026-01-01; U60057 70,000
// from 2025-04-01. Every other PCN's registered list stands in.
const populationsFile = "pcn_code,weighted_population,effective_date\n" +
	"U79722,50000,2025-01-01\nU79722,60000,2026-01-01\nU60057,70000,2025-04-01\n"

// seeded is the sample workforce, the populations, the test target and planFile's
// plans, submitted: each is its PCN's current plan.
func seeded(t *testing.T) *store.DB {
	t.Helper()
	db := seededDrafts(t)
	for _, code := range []string{pcn, "U60057"} {
		submit(t, db, code)
	}
	return db
}

// submit moves the PCN's draft to submitted, making it the current plan.
func submit(t *testing.T, db *store.DB, code string) {
	t.Helper()
	ctx := context.Background()
	p, err := db.EditablePlan(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: code, PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: store.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
}

// seededDrafts is seeded with planFile's plans left as drafts.
func seededDrafts(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Populations(ctx, db, "pops.csv", strings.NewReader(populationsFile), store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Plans(ctx, db, "plan.csv", strings.NewReader(planFile), store.Actor{Name: "test"}, nil); err != nil {
		t.Fatal(err)
	}
	// The baseline is before the scheme began, so in_post on it is known to be 0; one
	// after 1 July 2019 would be before the data start, unknown (TestComputeUnknown).
	target, _, err := db.SaveTarget(ctx, workforce.Target{Name: "Test target", FTE: targetFTE,
		Baseline: workforce.Date(2019, 3, 31), Deadline: workforce.Date(2027, 3, 31)}, store.Actor{Name: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetBaselineExtra(ctx, pcn, target.ID, extraFTE, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	return db
}

// listSizes is Σ registered list size over every PCN but the two with a weighted
// population, read from the reference data in the database.
func listSizes(t *testing.T, db *store.DB) float64 {
	t.Helper()
	var sum float64
	if err := db.QueryRowForTest(context.Background(),
		`SELECT sum(registered_patients)::float8 FROM pcns WHERE code NOT IN ('U79722', 'U60057')`, &sum); err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestComputeOnePCNByHand(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := seeded(t)
	others := listSizes(t, db) // 63,706,897 − 26,390 − 105,122 = 63,575,385 in the Nov 2025 list
	zero, sixty := 0.0, 60000.0
	dec2026 := workforce.Date(2026, 12, 31)
	cases := []struct {
		name string
		opts Options
		// hand computation
		T, sumW, w, baseline, inPost, projected float64
	}{{
		// A = 30 Nov 2025 (latest census), at = D = 31 Mar 2027: days(A, at) = 486.
		// Σw = others + 50,000 + 70,000 = 63,695,385.
		// target = 30,000 × 50,000 / 63,695,385 = 23.549587.
		// attrition = 11.78 × 0.10 × 486 / 365 = 1.568515.
		// projected = 11.78 + 2.5 − 1.568515 = 12.711485.
		// baseline = in_post(31 Mar 2019) = 0 (before the scheme) + 2.5.
		// additional = 12.711485 − 2.5 = 10.211485; gap = 23.549587 − 10.211485 = 13.338102,
		// all of it shortfall.
		name: "defaults", opts: Options{Target: "Test target"},
		T: targetFTE, sumW: others + 50000 + 70000, w: population, baseline: extraFTE, inPost: inPostAtA,
		projected: inPostAtA + 2.5 - inPostAtA*0.10*486/365,
	}, {
		// As of 31 Jan 2026 the 60,000 from 1 Jan 2026 is in force; staff records are
		// open, so in_post(A) is still 11.78; days(A, D) = 424; the same lines count.
		// Σw = 63,705,385; target = 30,000 × 60,000 / Σw = 28.255068; attrition =
		// 11.78 × 0.10 × 424 / 365 = 1.368416; projected = 12.911584; gap = 17.843485.
		name: "later as-of", opts: Options{Target: "Test target", AsOf: workforce.Date(2026, 1, 31)},
		T: targetFTE, sumW: others + 60000 + 70000, w: 60000, baseline: extraFTE, inPost: inPostAtA,
		projected: inPostAtA + 2.5 - inPostAtA*0.10*424/365,
	}, {
		// What-ifs: no attrition, T = 60,000, deadline 31 Dec 2026 (both lines still in
		// (A, D]): projected = 11.78 + 2.5.
		name: "what-ifs", opts: Options{Target: "Test target", AttritionOverride: &zero, TargetFTEOverride: &sixty, DeadlineOverride: &dec2026},
		T: sixty, sumW: others + 50000 + 70000, w: population, baseline: extraFTE, inPost: inPostAtA,
		projected: inPostAtA + 2.5,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Compute(ctx, db, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			g := findPCN(t, res, pcn)
			target := c.T * c.w / c.sumW
			additional := c.projected - c.baseline
			want := map[string][2]float64{
				"target":     {g.TargetFTE, target},
				"baseline":   {g.BaselineFTE, c.baseline},
				"in post":    {g.InPostFTE, c.inPost},
				"projected":  {g.ProjectedFTE, c.projected},
				"additional": {g.AdditionalFTE, additional},
				"gap":        {g.GapFTE, target - additional},
				"shortfall":  {g.ShortfallFTE, math.Max(target-additional, 0)},
			}
			if c.name == "defaults" { // the figures written out above, to the 6th decimal
				want["written-out gap"] = [2]float64{g.GapFTE, 13.338102}
				want["written-out target"] = [2]float64{g.TargetFTE, 23.549587}
			}
			for name, v := range want {
				if math.Abs(v[0]-v[1]) > 1e-6 {
					t.Errorf("%s = %.6f, want %.6f", name, v[0], v[1])
				}
			}
			if math.Abs(res.England.TargetFTE-res.Target.FTE) > 1e-6 {
				t.Errorf("England's target_fte %.6f does not add up to T = %v", res.England.TargetFTE, res.Target.FTE)
			}
			if math.Abs(res.England.WeightedPopulation-c.sumW) > 1e-6 {
				t.Errorf("Σw = %.3f, want %.3f", res.England.WeightedPopulation, c.sumW)
			}
		})
	}
}

func TestComputeDefaults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := seeded(t)
	res, err := Compute(ctx, db, Options{Today: workforce.Date(2026, 2, 1)})
	if err != nil {
		t.Fatal(err)
	}
	// The default target of the reference data; A the census; its deadline (31 March
	// 2024) has passed, so at is A (PLANNING.md, "Where the gap is measured").
	if res.Target.Name != "26000 additional roles" || !res.AsOf.Equal(workforce.Date(2025, 11, 30)) || !res.At.Equal(res.AsOf) || !res.DeadlinePassed() {
		t.Errorf("target %q, as-of %s, at %s", res.Target.Name, res.AsOf, res.At)
	}
	if res.England.PCNs != 1297 || res.ListSizePCNs() != 1295 || len(res.PCNs) != 1297 {
		t.Errorf("%d PCNs, %d on list sizes", res.England.PCNs, res.ListSizePCNs())
	}
	g := findPCN(t, res, pcn)
	if g.ListSizePCNs != 0 || findPCN(t, res, "U00000").ListSizePCNs != 1 {
		t.Error("only PCNs without a weighted population are flagged")
	}
	if got := res.Name(workforce.LevelPCN, pcn); got != "SHROPSHIRE RURAL ALLIANCE PCN" {
		t.Errorf("PCN name %q", got)
	}
	if res.Name(workforce.LevelEngland, workforce.EnglandCode) != "England" || res.Name(workforce.LevelICB, "QOC") == "" || res.Name(workforce.LevelRegion, "Y60") == "" {
		t.Error("area names missing")
	}
	staff, lines := res.ForPCN(pcn)
	if len(lines) != 4 || math.Abs(planning.InPostFTE(staff, res.AsOf)-inPostAtA) > 1e-6 {
		t.Errorf("ForPCN: %d lines, %.6f FTE", len(lines), planning.InPostFTE(staff, res.AsOf))
	}
}

// A draft never counts in the official figures (PLANNING.md, "Projection"): U79722's
// plan, a draft, adds nothing until it is submitted; Options.Drafts (arrs report gaps
// --drafts) counts it.
func TestComputeCountsDraftsOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := seededDrafts(t)
	// As in TestComputeOnePCNByHand "defaults": days(A, D) = 486, the lines in (A, D]
	// add 2.5 FTE.
	withoutPlan := inPostAtA - inPostAtA*0.10*486/365
	official, err := Compute(ctx, db, Options{Target: "Test target"})
	if err != nil {
		t.Fatal(err)
	}
	drafts, err := Compute(ctx, db, Options{Target: "Test target", Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, lines := official.ForPCN(pcn); len(lines) != 0 {
		t.Errorf("official figures read %d lines of a draft", len(lines))
	}
	if got := findPCN(t, official, pcn).ProjectedFTE; math.Abs(got-withoutPlan) > 1e-6 {
		t.Errorf("official projection %.6f, want %.6f (the draft left out)", got, withoutPlan)
	}
	if got := findPCN(t, drafts, pcn).ProjectedFTE; math.Abs(got-(withoutPlan+2.5)) > 1e-6 {
		t.Errorf("--drafts projection %.6f, want %.6f", got, withoutPlan+2.5)
	}
	// WithDraft, the "with your draft" figure of the PCN's own pages, is the --drafts
	// row; the official report is left as it was.
	_, draft := drafts.ForPCN(pcn)
	mine, ok := official.WithDraft(pcn, draft)
	want := findPCN(t, drafts, pcn)
	if !ok || math.Abs(mine.ProjectedFTE-want.ProjectedFTE) > 1e-6 || math.Abs(mine.GapFTE-want.GapFTE) > 1e-6 ||
		math.Abs(mine.ShortfallFTE-want.ShortfallFTE) > 1e-6 || math.Abs(mine.RequiredPace-want.RequiredPace) > 1e-9 || mine.TargetFTE != want.TargetFTE {
		t.Errorf("WithDraft %+v, want %+v", mine, want)
	}
	if got := findPCN(t, official, pcn).ProjectedFTE; math.Abs(got-withoutPlan) > 1e-6 {
		t.Errorf("WithDraft changed the official row: %.6f", got)
	}
	if _, ok := official.WithDraft("U00001", draft); ok {
		t.Error("WithDraft of a PCN not in the report")
	}
	submit(t, db, pcn)
	submitted, err := Compute(ctx, db, Options{Target: "Test target"})
	if err != nil {
		t.Fatal(err)
	}
	if got := findPCN(t, submitted, pcn).ProjectedFTE; math.Abs(got-(withoutPlan+2.5)) > 1e-6 {
		t.Errorf("submitted: projection %.6f, want %.6f", got, withoutPlan+2.5)
	}
	if got := findPCN(t, submitted, "U60057").ProjectedFTE; got != findPCN(t, official, "U60057").ProjectedFTE {
		t.Errorf("U60057's draft counted once U79722's plan was submitted: %.6f", got)
	}
}

func TestComputeRefuses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	bad, negative := 1.5, -1.0
	early := workforce.Date(2019, 1, 1)
	cases := []struct {
		name string
		opts Options
		want error
	}{
		{"no census", Options{}, ErrNoCensus},
		{"unknown target", Options{Target: "nope", AsOf: workforce.Date(2025, 11, 30)}, store.ErrNotFound},
		{"attrition above 1", Options{AttritionOverride: &bad}, ErrInvalid},
		{"negative target", Options{TargetFTEOverride: &negative}, ErrInvalid},
		{"deadline before the baseline", Options{DeadlineOverride: &early, AsOf: workforce.Date(2025, 11, 30)}, ErrInvalid},
	}
	for _, c := range cases {
		if _, err := Compute(ctx, db, c.opts); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func findPCN(t *testing.T, res *Result, code string) planning.Gap {
	t.Helper()
	for _, g := range res.PCNs {
		if g.Code == code {
			return g
		}
	}
	t.Fatalf("PCN %s missing from the report", code)
	return planning.Gap{}
}

// BenchmarkComputeEngland gathers and computes the gap report of the whole of England
// (1,297 PCNs, the real Nov 2025 workforce). The gather is meant to stay well under
// 100 ms.
func BenchmarkComputeEngland(b *testing.B) {
	ctx := context.Background()
	db := dbtest.New(b)
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "demo.csv.gz", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		b.Fatal(err)
	}
	today := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(ctx, db, Options{Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestComputeUnknown measures before the data start (the 30 November 2025 census):
// in post on 30 June 2025 is unknown for every PCN and area, never 0, and says which
// census would be needed; England's in post takes NHS England's published series for
// June 2025. A baseline after the scheme began (31 March 2025) is unknown too.
func TestComputeUnknown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := seeded(t)
	res, err := Compute(ctx, db, Options{Target: "Test target", At: workforce.Date(2025, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	g := findPCN(t, res, pcn)
	if !g.InPostUnknown || !g.ProjectedUnknown || !g.GapUnknown() || !g.ShortfallUnknown || g.InPostFTE != 0 || g.GapFTE != 0 {
		t.Errorf("U79722 before the data start: %+v", g)
	}
	if qoc, _ := Find(res.ICBs, "QOC"); !qoc.InPostUnknown || !qoc.ShortfallUnknown {
		t.Errorf("QOC: %+v", qoc)
	}
	e := res.England
	if !e.NationalSeries || e.InPostUnknown || e.InPostFTE < 20000 || !e.ShortfallUnknown || e.GapUnknown() {
		t.Errorf("England from the national series: %+v", e)
	}
	if !res.DataStart.Equal(workforce.Date(2025, 11, 30)) || !res.CensusNeeded().Equal(workforce.Date(2025, 6, 30)) {
		t.Errorf("data start %s, census needed %s", res.DataStart, res.CensusNeeded())
	}
	later := workforce.Date(2025, 3, 31)
	if _, _, err := db.SaveTarget(ctx, workforce.Target{Name: "Later baseline", FTE: targetFTE, Baseline: later,
		Deadline: workforce.Date(2027, 3, 31)}, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	res, err = Compute(ctx, db, Options{Target: "Later baseline"})
	if err != nil {
		t.Fatal(err)
	}
	if g := findPCN(t, res, pcn); !g.BaselineUnknown || g.InPostUnknown || !g.GapUnknown() || g.ProjectedFTE == 0 {
		t.Errorf("a baseline before the data start: %+v", g)
	}
}
