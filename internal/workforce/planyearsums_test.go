package workforce

import (
	"math"
	"testing"
	"time"
)

// Lines add up by role and by the financial year of their quarter: a year's first
// quarter starts on 1 April, so a line of January 2027 is 2026/27's.
func TestSumFlows(t *testing.T) {
	t.Parallel()
	line := func(role string, y int, m time.Month, starters, leavers float64) PlanLine {
		return PlanLine{RoleCode: role, QuarterStart: Date(y, m, 1), StartersFTE: starters, LeaversFTE: leavers}
	}
	sums := SumFlows([]PlanLine{
		line("clinical_pharmacist", 2026, time.April, 1, 0),
		line("clinical_pharmacist", 2027, time.January, 0.5, 0.2),
		line("clinical_pharmacist", 2027, time.April, 2, 0),
		line("paramedic", 2026, time.October, 0.1, 1),
	})
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, c := range []struct {
		name string
		got  Flow
		want Flow
	}{
		{"pharmacists in 2026/27", sums["clinical_pharmacist"][2026], Flow{1.5, 0.2}},
		{"pharmacists in 2027/28", sums["clinical_pharmacist"][2027], Flow{2, 0}},
		{"paramedics in 2027/28 (none)", sums["paramedic"][2027], Flow{}},
		{"a role with no lines", sums["physiotherapist"][2026], Flow{}},
		{"2026/27, every role", sums.Year(2026), Flow{1.6, 1.2}},
		{"2028/29, every role (none)", sums.Year(2028), Flow{}},
	} {
		if !near(c.got.Starters, c.want.Starters) || !near(c.got.Leavers, c.want.Leavers) {
			t.Errorf("%s: %+v, want %+v", c.name, c.got, c.want)
		}
	}
	if len(SumFlows(nil)) != 0 {
		t.Error("no lines: want no sums")
	}
}
