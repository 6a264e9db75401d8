package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// A PCN as of 23 November 2026 (2026/27 Q3), 2 sites of 10 sessions a week:
//
//	in post: pharmacist 1.0 × 8 + care coordinator 0.5 × 4 = 10 sessions, not short
//	plan:    1 Oct 2026 (Q3, under way: in the staff data already) 3 pharmacists: ignored
//	         1 Jan 2027 (Q4) 1 paramedic × 8 = 8 → 18 needed, 20 available
//	         1 Apr 2027 (Q1) 0.5 pharmacist × 8 = 4 → 22 needed, short 2
//	         1 Apr 2027 (Q1) 1 outside ARRS (role "") → nothing
//	         1 Oct 2027 (Q3) 1 care coordinator × 4 = 4 → 26 needed, short 6
func TestRoomsByQuarter(t *testing.T) {
	t.Parallel()
	in := RoomInputs{
		Staff: []workforce.Staff{
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01")},
			{RoleCode: "care_coordinator", FTE: 0.5, Start: day("2020-01-01")},
		},
		Plan: []workforce.PlanLine{
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2026-10-01"), StartersFTE: 3},
			{RoleCode: "paramedic", QuarterStart: day("2027-01-01"), StartersFTE: 1, LeaversFTE: 1},
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2027-04-01"), StartersFTE: 0.5},
			{RoleCode: "", QuarterStart: day("2027-04-01"), StartersFTE: 1},
			{RoleCode: "care_coordinator", QuarterStart: day("2027-10-01"), StartersFTE: 1},
		},
		Sites: []workforce.Site{{Name: "A", SessionsPerWeek: 10}, {Name: "B", SessionsPerWeek: 10}},
		AsOf:  day("2026-11-23"),
	}
	got := RoomsByQuarter(in, 5)
	want := []struct {
		quarter                 string
		starters, withPlan, sht float64
	}{
		{"2026/27 Q4", 1, 18, 0},
		{"2027/28 Q1", 0.5, 22, 2},
		{"2027/28 Q2", 0, 22, 2},
		{"2027/28 Q3", 1, 26, 6},
		{"2027/28 Q4", 0, 26, 6},
	}
	if len(got) != len(want) {
		t.Fatalf("%d quarters, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Quarter.String() != w.quarter || !near(g.StartersFTE, w.starters) || !near(g.NeededInPost, 10) ||
			!near(g.NeededWithPlan, w.withPlan) || !near(g.Available, 20) || !near(g.ShortWithPlan, w.sht) || g.ShortWithoutPlan != 0 {
			t.Errorf("quarter %d = %+v, want %+v", i, g, w)
		}
	}
	if q, ok := got.FirstShort(); !ok || q.String() != "2027/28 Q1" || got.ShortWithPlan() != 6 {
		t.Errorf("first short %v %v, short with the plan %v; want 2027/28 Q1 and 6", q, ok, got.ShortWithPlan())
	}
	if _, ok := got[:1].FirstShort(); ok || RoomsQuarters(nil).ShortWithPlan() != 0 {
		t.Error("a quarter short of nothing is short, or no quarters are")
	}
}

func TestRoomNeedsByRole(t *testing.T) {
	t.Parallel()
	in := RoomInputs{
		Staff: []workforce.Staff{
			{RoleCode: "paramedic", FTE: 0.8, Start: day("2020-01-01")},
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01")},
			{RoleCode: "clinical_pharmacist", FTE: 0.6, Start: day("2020-01-01")},
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), End: day("2026-01-01")}, // left
			{RoleCode: "", FTE: 1, Start: day("2020-01-01")},                                            // outside ARRS
		},
		SessionsPerWTE: map[string]float64{"paramedic": 6},
		AsOf:           day("2026-11-23"),
	}
	// Pharmacists 1.6 × 8 = 12.8; paramedics 0.8 × 6 = 4.8 (the reference data's 6).
	got := RoomNeedsByRole(in)
	if len(got) != 2 || got[0].Role != "clinical_pharmacist" || !near(got[0].FTE, 1.6) || !near(got[0].Sessions, 12.8) ||
		got[1].Role != "paramedic" || got[1].SessionsPerWTE != 6 || !near(got[1].Sessions, 4.8) {
		t.Errorf("needs = %+v", got)
	}
	in.At = day("2026-12-31")
	if r := RoomsFor(in); !near(r.NeededInPost, got[0].Sessions+got[1].Sessions) {
		t.Errorf("RoomsFor needs %v, by role %v", r.NeededInPost, got[0].Sessions+got[1].Sessions)
	}
}
