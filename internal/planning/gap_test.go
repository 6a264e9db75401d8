package planning

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// gapInputs is a two-PCN England, worked by hand below. Target 10 FTE over the
// 31 March 2019 baseline by 31 March 2027; data as of 30 November 2025 (A); gap measured
// on 30 November 2026, 365 days after A; every role at the default 10% attrition.
//
//	P1 (w 60,000): share 10 × 60/100 = 6. Pharmacist 1.0 since 2018 (baseline 1.0),
//	  care coordinator 1.0 since 2024: in post 2.0, attrition 0.2 a year.
//	  Plan: +2 on 2026-04-01 (in (A, at]), +1 on 2027-01-01 (after at: not yet).
//	  projected = 2 + 2 − 0.2 × 365/365 = 3.8; additional = 3.8 − 1 = 2.8;
//	  gap = 6 − 2.8 = 3.2, short.
//	P2 (w 40,000, list size): share 4. Three paramedics 1.0 since 2023, baseline extra
//	  0.5: baseline 0.5, in post 3.0, attrition 0.3. Plan: +2 on 2026-07-01.
//	  projected = 3 + 2 − 0.3 = 4.7; additional = 4.2; gap = 4 − 4.2 = −0.2, above share.
//
// A record of a PCN that is not in the list is ignored.
func gapInputs() Inputs {
	staff := []workforce.Staff{
		{PCNCode: "P1", RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2018-01-01")},
		{PCNCode: "P1", RoleCode: "care_coordinator", FTE: 1, Start: day("2024-01-01")},
		{PCNCode: "P2", RoleCode: "paramedic", FTE: 1, Start: day("2023-01-01")},
		{PCNCode: "P2", RoleCode: "paramedic", FTE: 1, Start: day("2023-01-01")},
		{PCNCode: "P2", RoleCode: "paramedic", FTE: 1, Start: day("2023-01-01")},
		{PCNCode: "P9", RoleCode: "paramedic", FTE: 5, Start: day("2023-01-01")},
	}
	plan := []workforce.PlanLine{
		{PCNCode: "P1", RoleCode: "clinical_pharmacist", QuarterStart: day("2026-04-01"), StartersFTE: 2},
		{PCNCode: "P1", RoleCode: "clinical_pharmacist", QuarterStart: day("2027-01-01"), StartersFTE: 1},
		{PCNCode: "P2", RoleCode: "paramedic", QuarterStart: day("2026-07-01"), StartersFTE: 2},
		{PCNCode: "P9", RoleCode: "paramedic", QuarterStart: day("2026-07-01"), StartersFTE: 2},
	}
	return Inputs{
		PCNs: []PCN{
			{Code: "P2", ICB: "I1", Region: "R1", Population: 40000, PopulationIsListSize: true, BaselineExtra: 0.5},
			{Code: "P1", ICB: "I1", Region: "R1", Population: 60000},
		},
		Staff:  staff,
		Plan:   plan,
		Target: workforce.Target{Name: "test", FTE: 10, Baseline: day("2019-03-31"), Deadline: day("2027-03-31")},
		AsOf:   day("2025-11-30"),
		At:     day("2026-11-30"),
		Today:  day("2026-02-28"),
	}
}

func TestGaps(t *testing.T) {
	t.Parallel()
	// Months left: 28 Feb 2026 (today, later than A) to 31 Mar 2027 = 396 days,
	// 396 × 12 / 365.25 = 13.010267; P1's pace = 3.2 / 13.010267 = 0.245959 FTE a month.
	months := 396 * 12 / 365.25
	want := []Gap{
		{Level: workforce.LevelPCN, Code: "P1", ICB: "I1", Region: "R1", PCNs: 1, WeightedPopulation: 60000,
			TargetFTE: 6, BaselineFTE: 1, InPostFTE: 2, ProjectedFTE: 3.8, AdditionalFTE: 2.8,
			GapFTE: 3.2, ShortfallFTE: 3.2, PCNsShort: 1, MonthsLeft: months, RequiredPace: 3.2 / months},
		{Level: workforce.LevelPCN, Code: "P2", ICB: "I1", Region: "R1", PCNs: 1, ListSizePCNs: 1, WeightedPopulation: 40000,
			TargetFTE: 4, BaselineFTE: 0.5, InPostFTE: 3, ProjectedFTE: 4.7, AdditionalFTE: 4.2,
			GapFTE: -0.2, MonthsLeft: months},
	}
	got := Gaps(gapInputs())
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		checkGap(t, got[i], want[i])
	}
}

// checkGap compares every field, FTE to 1e-9.
func checkGap(t *testing.T, got, want Gap) {
	t.Helper()
	if got.Level != want.Level || got.Code != want.Code || got.ICB != want.ICB || got.Region != want.Region ||
		got.PCNs != want.PCNs || got.ListSizePCNs != want.ListSizePCNs || got.PCNsShort != want.PCNsShort ||
		got.DeadlinePassed != want.DeadlinePassed {
		t.Errorf("%s: got %+v\nwant %+v", want.Code, got, want)
	}
	fields := []struct {
		name      string
		got, want float64
	}{
		{"weighted_population", got.WeightedPopulation, want.WeightedPopulation},
		{"target", got.TargetFTE, want.TargetFTE},
		{"baseline", got.BaselineFTE, want.BaselineFTE},
		{"in_post", got.InPostFTE, want.InPostFTE},
		{"projected", got.ProjectedFTE, want.ProjectedFTE},
		{"additional", got.AdditionalFTE, want.AdditionalFTE},
		{"gap", got.GapFTE, want.GapFTE},
		{"shortfall", got.ShortfallFTE, want.ShortfallFTE},
		{"months_left", got.MonthsLeft, want.MonthsLeft},
		{"pace", got.RequiredPace, want.RequiredPace},
	}
	for _, f := range fields {
		if !near(f.got, f.want) {
			t.Errorf("%s %s = %.6f, want %.6f", want.Code, f.name, f.got, f.want)
		}
	}
}

func TestGapsAtOtherDays(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name          string
		at, today     string
		p1InPost, p1  float64
		p2InPost, p2  float64
		p1DeadlineGap bool
	}{
		// At before A: projected is in post on that day, and so is the in_post column
		// (min(at, A) = at). On 30 June 2025 P1 and P2 had the same staff as at A.
		{"at before as-of", "2025-06-30", "2025-11-30", 2, 2, 3, 3, false},
		// At left zero means the deadline, 486 days after A; P1's 2027-01-01 line counts:
		// P1 = 2 + 3 − 0.2 × 486/365 = 4.733699; P2 = 3 + 2 − 0.3 × 486/365 = 4.600548.
		{"at zero", "", "2025-11-30", 2, 5 - 0.2*486/365, 3, 5 - 0.3*486/365, false},
		// Today after the deadline: no months left, P1's shortfall can have no pace.
		{"deadline passed", "2026-11-30", "2027-04-01", 2, 3.8, 3, 4.7, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := gapInputs()
			in.At, in.Today = dayOrZero(c.at), day(c.today)
			got := Gaps(in)
			p1, p2 := got[0], got[1]
			if !near(p1.InPostFTE, c.p1InPost) || !near(p1.ProjectedFTE, c.p1) ||
				!near(p2.InPostFTE, c.p2InPost) || !near(p2.ProjectedFTE, c.p2) {
				t.Errorf("P1 in post %.6f projected %.6f, P2 %.6f %.6f; want %.6f %.6f, %.6f %.6f",
					p1.InPostFTE, p1.ProjectedFTE, p2.InPostFTE, p2.ProjectedFTE, c.p1InPost, c.p1, c.p2InPost, c.p2)
			}
			// No time left is a passed deadline for every PCN, short or not.
			if p1.DeadlinePassed != c.p1DeadlineGap || p2.DeadlinePassed != c.p1DeadlineGap {
				t.Errorf("deadline passed: P1 %v, P2 %v; want %v", p1.DeadlinePassed, p2.DeadlinePassed, c.p1DeadlineGap)
			}
			if c.p1DeadlineGap && p1.RequiredPace != 0 {
				t.Errorf("pace with no time left = %v, want 0", p1.RequiredPace)
			}
		})
	}
}

func dayOrZero(s string) (t time.Time) {
	if s == "" {
		return t
	}
	return day(s)
}

func TestGapsZeroPopulations(t *testing.T) {
	t.Parallel()
	in := gapInputs()
	for i := range in.PCNs {
		in.PCNs[i].Population = 0
	}
	for _, g := range Gaps(in) {
		// No population anywhere: every share 0, not NaN, and the gap is −additional.
		if g.TargetFTE != 0 || !near(g.GapFTE, -g.AdditionalFTE) {
			t.Errorf("%s: target %v gap %v additional %v", g.Code, g.TargetFTE, g.GapFTE, g.AdditionalFTE)
		}
	}
}

func TestRequiredPace(t *testing.T) {
	t.Parallel()
	cases := []struct {
		shortfall, months float64
		pace              float64
		passed            bool
	}{
		{6, 12, 0.5, false},
		{0, 12, 0, false},
		{0, 0, 0, true}, // the deadline has passed: no pace, short or not
		{1, 0, 0, true}, // short on the deadline day itself
		{1, -3, 0, true},
	}
	for _, c := range cases {
		pace, passed := RequiredPace(c.shortfall, c.months)
		if pace != c.pace || passed != c.passed {
			t.Errorf("RequiredPace(%v, %v) = %v, %v; want %v, %v", c.shortfall, c.months, pace, passed, c.pace, c.passed)
		}
	}
	// max(A, today): with today before A the months run from A.
	if got, want := MonthsLeft(day("2026-03-31"), day("2026-01-01"), day("2027-03-31")), 365*12/365.25; got != want {
		t.Errorf("MonthsLeft = %v, want %v", got, want)
	}
}
