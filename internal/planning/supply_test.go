package planning

import (
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// An ICB's supply and its PCNs' plans over 2026/27 and 2027/28:
//
//	pharmacists 2026/27: supply 2 + 1 + 0.5 = 3.5; starters 2 (Q1, PCN A) + 1.5 (Q4,
//	  1 Jan 2027, PCN B) = 3.5: equal, not outrun
//	pharmacists 2027/28: supply 1; starters 2 → short 1, outrun
//	paramedics 2026/27: no supply recorded; starters 1 → short 1, outrun
//	care coordinators 2027/28: supply 4; no starters → not outrun
//	2028/29 (supply and starters) and 2025/26 (starters) are not asked for; a line
//	outside ARRS and a line of leavers only count nothing.
func TestSupplyGaps(t *testing.T) {
	t.Parallel()
	fy26, fy27 := workforce.FinancialYear(2026), workforce.FinancialYear(2027)
	supply := []workforce.ExpectedSupply{
		{RoleCode: "clinical_pharmacist", FinancialYear: "2026/27", NewlyQualified: 2, TraineesCompleting: 1, Movers: 0.5},
		{RoleCode: "clinical_pharmacist", FinancialYear: "2027/28", Movers: 1},
		{RoleCode: "care_coordinator", FinancialYear: "2027/28", NewlyQualified: 4},
		{RoleCode: "clinical_pharmacist", FinancialYear: "2028/29", NewlyQualified: 9},
	}
	plan := []workforce.PlanLine{
		{PCNCode: "A", RoleCode: "clinical_pharmacist", QuarterStart: day("2026-04-01"), StartersFTE: 2},
		{PCNCode: "B", RoleCode: "clinical_pharmacist", QuarterStart: day("2027-01-01"), StartersFTE: 1.5},
		{PCNCode: "A", RoleCode: "clinical_pharmacist", QuarterStart: day("2027-07-01"), StartersFTE: 2},
		{PCNCode: "B", RoleCode: "paramedic", QuarterStart: day("2026-10-01"), StartersFTE: 1},
		{PCNCode: "B", RoleCode: "paramedic", QuarterStart: day("2026-01-01"), StartersFTE: 7},      // 2025/26
		{PCNCode: "B", RoleCode: "paramedic", QuarterStart: day("2028-04-01"), StartersFTE: 7},      // 2028/29
		{PCNCode: "B", RoleCode: "", QuarterStart: day("2026-04-01"), StartersFTE: 5},               // outside ARRS
		{PCNCode: "B", RoleCode: "physiotherapist", QuarterStart: day("2026-04-01"), LeaversFTE: 1}, // leavers only
	}
	got := SupplyGaps(supply, plan, []workforce.FinancialYear{fy26, fy27})
	want := []SupplyGap{
		{Role: "care_coordinator", Year: fy27, Supply: 4, Recorded: true},
		{Role: "clinical_pharmacist", Year: fy26, Supply: 3.5, Recorded: true, Starters: 3.5},
		{Role: "clinical_pharmacist", Year: fy27, Supply: 1, Recorded: true, Starters: 2, Shortfall: 1, Outrun: true},
		{Role: "paramedic", Year: fy26, Starters: 1, Shortfall: 1, Outrun: true},
	}
	if len(got) != len(want) {
		t.Fatalf("gaps = %+v, want %+v", got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.Role != w.Role || g.Year != w.Year || !near(g.Supply, w.Supply) || g.Recorded != w.Recorded ||
			!near(g.Starters, w.Starters) || !near(g.Shortfall, w.Shortfall) || g.Outrun != w.Outrun {
			t.Errorf("gap %d = %+v, want %+v", i, g, w)
		}
	}
	if roles := OutrunRoles(got); !slices.Equal(roles, []string{"clinical_pharmacist", "paramedic"}) {
		t.Errorf("outrun roles = %v", roles)
	}
}
