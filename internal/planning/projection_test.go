package planning

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The projection tests share one small PCN, as of 30 November 2025 (A):
//
//	clinical pharmacist 1.0 FTE from 2020-01-01, attrition 0.10 (the default)
//	care coordinator    0.5 FTE from 2025-09-01, attrition 0.20
//	PCN manager         1.0 FTE, outside ARRS: never counts
//
// in_post(A) = 1.5; yearly attrition = 1.0 × 0.10 + 0.5 × 0.20 = 0.20 FTE.
var (
	projStaff = []workforce.Staff{
		{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01")},
		{RoleCode: "care_coordinator", FTE: 0.5, Start: day("2025-09-01")},
		{RoleCode: "", FTE: 1, Start: day("2019-01-01")},
	}
	projRates = map[string]float64{"care_coordinator": 0.20}
	projAsOf  = day("2025-11-30")
)

func line(quarter string, role string, starters, leavers float64) workforce.PlanLine {
	return workforce.PlanLine{PCNCode: "U00001", RoleCode: role, QuarterStart: day(quarter), StartersFTE: starters, LeaversFTE: leavers}
}

func TestProjected(t *testing.T) {
	t.Parallel()
	plan := []workforce.PlanLine{
		line("2025-10-01", "clinical_pharmacist", 3, 0), // before A: already in the staff data
		line("2026-01-01", "clinical_pharmacist", 1, 0),
		line("2026-01-01", "", 5, 0), // no ARRS role: ignored
		line("2026-04-01", "paramedic", 2, 0),
	}
	cases := []struct {
		name string
		plan []workforce.PlanLine
		asOf string
		d    string
		want float64
	}{
		// d ≤ A: in post on d. On 1 June 2025 only the pharmacist (1.0); the plan is ignored.
		{"before as-of", plan, "2025-11-30", "2025-06-01", 1.0},
		{"on as-of", plan, "2025-11-30", "2025-11-30", 1.5},
		// (A, d] holds the 1 Jan line: 1.5 + 1 − 0.20 × 32/365 = 2.5 − 0.017534 = 2.482466.
		{"one quarter", plan, "2025-11-30", "2026-01-01", 2.5 - 0.20*32/365},
		// 121 days (Dec 31 + Jan 31 + Feb 28 + Mar 31); the 1 Apr line is after d:
		// 1.5 + 1 − 0.20 × 121/365 = 2.433699.
		{"end of year", plan, "2025-11-30", "2026-03-31", 2.5 - 0.20*121/365},
		// No plan: a year of attrition only, 1.5 − 0.20 = 1.30.
		{"no plan", nil, "2025-11-30", "2026-11-30", 1.30},
		// 1.5 − 3 − 0.20 × 32/365 < 0: the PCN as a whole floors at 0.
		{"leavers exceed staff", []workforce.PlanLine{line("2026-01-01", "care_coordinator", 0, 3)}, "2025-11-30", "2026-01-01", 0},
		// As of 1 April 2026 a line on that day is not counted ((A, d] excludes A) and
		// the line on d is: 1.5 + 1 − 0.20 × 91/365 = 2.450137.
		{"line on as-of and on d", []workforce.PlanLine{
			line("2026-04-01", "paramedic", 2, 0),
			line("2026-07-01", "paramedic", 1, 0),
		}, "2026-04-01", "2026-07-01", 2.5 - 0.20*91/365},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Projected(projStaff, c.plan, projRates, day(c.asOf), day(c.d))
			if !near(got, c.want) {
				t.Errorf("Projected = %.6f, want %.6f", got, c.want)
			}
		})
	}
}

func TestAttritionProratedByDays(t *testing.T) {
	t.Parallel()
	cases := []struct {
		from, to string
		want     float64
	}{
		{"2025-11-30", "2025-11-30", 0},
		{"2025-11-30", "2026-02-11", 0.04},             // 73 days: 0.20 × 73/365 = 0.04
		{"2025-11-30", "2026-11-30", 0.20},             // 365 days: one year's rate
		{"2027-11-30", "2028-11-30", 0.20 * 366 / 365}, // a leap year is 366/365 of a year: 0.200548
	}
	staff := []workforce.Staff{
		{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01")},
		{RoleCode: "care_coordinator", FTE: 0.5, Start: day("2020-01-01")},
	}
	for _, c := range cases {
		if got := Attrition(staff, projRates, day(c.from), day(c.to)); !near(got, c.want) {
			t.Errorf("Attrition(%s, %s) = %.6f, want %.6f", c.from, c.to, got, c.want)
		}
	}
}

func TestProjectionSeries(t *testing.T) {
	t.Parallel()
	plan := []workforce.PlanLine{line("2026-01-01", "clinical_pharmacist", 1, 0)}
	cases := []struct {
		deadline string
		days     []string
		want     []float64
	}{
		// As of, each quarter start after it, then the deadline (not a quarter start).
		{"2026-03-31", []string{"2025-11-30", "2026-01-01", "2026-03-31"},
			[]float64{1.5, 2.5 - 0.20*32/365, 2.5 - 0.20*121/365}},
		// A deadline on a quarter start appears once.
		{"2026-04-01", []string{"2025-11-30", "2026-01-01", "2026-04-01"},
			[]float64{1.5, 2.5 - 0.20*32/365, 2.5 - 0.20*122/365}},
		// A deadline already passed leaves the as-of point alone.
		{"2025-06-30", []string{"2025-11-30"}, []float64{1.5}},
	}
	for _, c := range cases {
		got := ProjectionSeries(projStaff, plan, projRates, projAsOf, day(c.deadline))
		if len(got) != len(c.days) {
			t.Fatalf("deadline %s: %d points, want %d: %v", c.deadline, len(got), len(c.days), got)
		}
		for i, p := range got {
			if !p.Day.Equal(day(c.days[i])) || !near(p.Projected, c.want[i]) {
				t.Errorf("deadline %s point %d = %v %.6f, want %s %.6f", c.deadline, i,
					p.Day.Format(time.DateOnly), p.Projected, c.days[i], c.want[i])
			}
		}
	}
}
