package planning

import (
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The actual cost of a clinical pharmacist at 0.8 FTE costing £70,000, in post from 11 June 2025 to
// 15 September 2025 (the end date is the first day out of post), 2025/26:
//
//	June: 20 of 30 days: 7,000,000 × 0.8 / 12 × 20/30 = 311,111.11 → 311,111p
//	July, August: 7,000,000 × 0.8 / 12 = 466,666.67 → 466,667p each
//	September: 14 of 30 days: 466,666.67 × 14/30 = 217,777.78 → 217,778p
func TestMonthDays(t *testing.T) {
	t.Parallel()
	s := workforce.Staff{RoleCode: "clinical_pharmacist", FTE: 0.8, Start: day("2025-06-11"), End: day("2025-09-15"), AnnualCostPence: 7000000}
	inPost, inMonth := MonthDays(s, 2025)
	if inPost[2] != 20 || inPost[5] != 14 || inPost[1] != 0 || inPost[6] != 0 || inMonth[2] != 30 || inMonth[10] != 28 {
		t.Errorf("MonthDays: in post %v, in month %v", inPost, inMonth)
	}
	var got [12]workforce.Pence
	for m := range got {
		got[m] = MonthlyClaim(s.AnnualCostPence, 1, s.FTE, inPost[m], inMonth[m])
	}
	if want := ([12]workforce.Pence{2: 311111, 3: 466667, 4: 466667, 5: 217778}); got != want {
		t.Errorf("monthly costs = %v, want %v", got, want)
	}
}

// Days of UTC times take a quick path: any clock time, and days before 1970, count
// as their calendar day, as in any other zone.
func TestDaysUTC(t *testing.T) {
	t.Parallel()
	late := time.Date(1969, 12, 31, 23, 0, 0, 0, time.UTC)
	cases := []struct {
		a, b time.Time
		want int
	}{
		{late, day("1970-01-01"), 1},
		{day("1969-12-31"), day("1970-01-01"), 1},
		{time.Date(2026, 6, 1, 23, 59, 0, 0, time.UTC), day("2026-06-02"), 1},
		{day("1900-03-01"), day("2026-03-01"), 46021},
	}
	for _, c := range cases {
		if got := workforce.Days(c.a, c.b); got != c.want {
			t.Errorf("workforce.Days(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// Each flag counts once per line; kinds are counted apart.
func TestCountCosts(t *testing.T) {
	t.Parallel()
	got := CountCosts([]FundingLine{
		{Kind: LineStaff, CostAssumed: true}, {Kind: LineStaff, Uncapped: true}, {Kind: LineStaff},
		{Kind: LinePlan, Uncosted: true}, {Kind: LinePlan, CostAssumed: true, CapFromBand: true},
	})
	if got[LineStaff] != (CostCounts{Assumed: 1, Uncapped: 1}) || got[LinePlan] != (CostCounts{Assumed: 1, Uncosted: 1, FromBand: 1}) {
		t.Errorf("counts %+v", got)
	}
}
