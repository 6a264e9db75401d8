package planning

import (
	"math"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestProjectionDays(t *testing.T) {
	t.Parallel()
	cases := []struct {
		asOf, deadline string
		want           []string
	}{
		{"2025-11-30", "2026-06-30", []string{"2025-11-30", "2026-01-01", "2026-04-01", "2026-06-30"}},
		{"2025-11-30", "2026-04-01", []string{"2025-11-30", "2026-01-01", "2026-04-01"}}, // a deadline on a quarter start is not repeated
		{"2025-11-30", "2024-03-31", []string{"2025-11-30"}},                             // deadline passed: the as-of date alone
	}
	for _, c := range cases {
		got := ProjectionDays(day(c.asOf), day(c.deadline))
		if len(got) != len(c.want) {
			t.Errorf("%s to %s: %v", c.asOf, c.deadline, got)
			continue
		}
		for i, d := range got {
			if !d.Equal(day(c.want[i])) {
				t.Errorf("%s to %s: day %d is %s, want %s", c.asOf, c.deadline, i, d.Format(time.DateOnly), c.want[i])
			}
		}
	}
}

// trajectoryInputs are two PCNs as of 30 November 2025:
//
//	U00001: projStaff (in post 1.5, attrition 0.20 a year), +1 starter on 1 Jan 2026;
//	U00002: a care coordinator 0.5 from 1 Jan 2025 (attrition 0.5 × 0.20 = 0.10 a year),
//	        3 leavers on 1 Apr 2026, which floor it at 0;
//	U00003: not among the PCNs: its records are skipped.
func trajectoryInputs() Inputs {
	staff := append([]workforce.Staff{}, projStaff...)
	for i := range staff {
		staff[i].PCNCode = "U00001"
	}
	staff = append(staff,
		workforce.Staff{PCNCode: "U00002", RoleCode: "care_coordinator", FTE: 0.5, Start: day("2025-01-01")},
		workforce.Staff{PCNCode: "U00003", RoleCode: "care_coordinator", FTE: 9, Start: day("2025-01-01")})
	leavers := line("2026-04-01", "care_coordinator", 0, 3)
	leavers.PCNCode = "U00002"
	return Inputs{
		PCNs:          []PCN{{Code: "U00001", ICB: "QOC"}, {Code: "U00002", ICB: "QSL"}},
		Staff:         staff,
		Plan:          []workforce.PlanLine{line("2026-01-01", "clinical_pharmacist", 1, 0), leavers},
		AttritionRate: projRates,
		AsOf:          projAsOf,
	}
}

func TestProjectionTotal(t *testing.T) {
	t.Parallel()
	in := trajectoryInputs()
	days := []time.Time{day("2025-06-01"), projAsOf, day("2026-01-01"), day("2026-04-01"), day("2026-06-30")}
	want := []float64{
		1.0 + 0.5,                             // 1 Jun 2025: the pharmacist and U00002's coordinator
		1.5 + 0.5,                             // A: in post
		2.5 - 0.20*32/365 + 0.5 - 0.10*32/365, // 32 days on
		2.5 - 0.20*122/365 + 0,                // U00002: 0.5 − 3 − … floors at 0
		2.5 - 0.20*212/365 + 0,
	}
	got := ProjectionTotal(in, days)
	for i, p := range got {
		if !p.Day.Equal(days[i]) || math.Abs(p.Projected-want[i]) > 1e-9 {
			t.Errorf("%s: %.6f, want %.6f", p.Day.Format(time.DateOnly), p.Projected, want[i])
		}
	}
}

// The total is the sum of the PCNs' own series, the PCN panel's line.
func TestProjectionTotalSumsTheSeries(t *testing.T) {
	t.Parallel()
	in := trajectoryInputs()
	deadline := day("2027-03-31")
	days := ProjectionDays(in.AsOf, deadline)
	total := ProjectionTotal(in, days)
	sum := make([]float64, len(days))
	for _, p := range in.PCNs {
		var staff []workforce.Staff
		var plan []workforce.PlanLine
		for _, s := range in.Staff {
			if s.PCNCode == p.Code {
				staff = append(staff, s)
			}
		}
		for _, l := range in.Plan {
			if l.PCNCode == p.Code {
				plan = append(plan, l)
			}
		}
		for i, pt := range ProjectionSeries(staff, plan, in.AttritionRate, in.AsOf, deadline) {
			sum[i] += pt.Projected
		}
	}
	for i := range days {
		if math.Abs(total[i].Projected-sum[i]) > 1e-9 {
			t.Errorf("%s: total %.6f, sum of series %.6f", days[i].Format(time.DateOnly), total[i].Projected, sum[i])
		}
	}
	one := ProjectionTotal(in.OnlyPCNs(func(p PCN) bool { return p.ICB == "QSL" }), []time.Time{in.AsOf})
	if math.Abs(one[0].Projected-0.5) > 1e-9 || len(in.PCNs) != 2 {
		t.Errorf("narrowed to QSL: %.6f (inputs left with %d PCNs)", one[0].Projected, len(in.PCNs))
	}
}
