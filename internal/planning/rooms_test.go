package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestDefaultSessionsPerWTE(t *testing.T) {
	t.Parallel()
	cases := map[string]float64{
		"clinical_pharmacist": 8, "paramedic": 8, "care_coordinator": 4,
		"social_prescribing_link_worker": 4, "health_wellbeing_coach": 4, "digital_transformation_lead": 0,
	}
	for role, want := range cases {
		if got := DefaultSessionsPerWTE(role); got != want {
			t.Errorf("DefaultSessionsPerWTE(%s) = %v, want %v", role, got, want)
		}
	}
}

// A PCN as of 30 November 2025, checked on 31 March 2026:
//
//	in post: pharmacist 1.0 × 8 + care coordinator 0.5 × 4 + DTL 1.0 × 0
//	         + paramedic 0.8 × 6 (reference data overrides the default 8) = 14.8 sessions
//	         (a manager outside ARRS and a pharmacist who left count nothing)
//	starters in (A, at]: 2 pharmacists on 1 January × 8 = 16 (the 1 April line is after
//	         at; leavers are not taken off)
//	with plan: 14.8 + 16 = 30.8; available: 10 + 12 = 22 sessions a week.
func TestRoomsFor(t *testing.T) {
	t.Parallel()
	in := RoomInputs{
		Staff: []workforce.Staff{
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01")},
			{RoleCode: "care_coordinator", FTE: 0.5, Start: day("2020-01-01")},
			{RoleCode: "digital_transformation_lead", FTE: 1, Start: day("2020-01-01")},
			{RoleCode: "paramedic", FTE: 0.8, Start: day("2020-01-01")},
			{RoleCode: "", FTE: 1, Start: day("2020-01-01")},
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), End: day("2025-06-01")},
		},
		Plan: []workforce.PlanLine{
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2026-01-01"), StartersFTE: 2, LeaversFTE: 1},
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2026-04-01"), StartersFTE: 5},
		},
		Sites:          []workforce.Site{{Name: "Main", SessionsPerWeek: 10}, {Name: "Branch", SessionsPerWeek: 12}},
		SessionsPerWTE: map[string]float64{"paramedic": 6},
		AsOf:           day("2025-11-30"),
		At:             day("2026-03-31"),
	}
	got := RoomsFor(in)
	want := Rooms{NeededInPost: 14.8, NeededStarters: 16, NeededWithPlan: 30.8, Available: 22,
		ShortWithoutPlan: 0, ShortWithPlan: 8.8}
	if !near(got.NeededInPost, want.NeededInPost) || !near(got.NeededStarters, want.NeededStarters) ||
		!near(got.NeededWithPlan, want.NeededWithPlan) || !near(got.Available, want.Available) ||
		!near(got.ShortWithoutPlan, want.ShortWithoutPlan) || !near(got.ShortWithPlan, want.ShortWithPlan) {
		t.Errorf("rooms = %+v, want %+v", got, want)
	}
	// With no sites everything needed is short: 14.8 without the plan.
	in.Sites = nil
	if got := RoomsFor(in); !near(got.ShortWithoutPlan, 14.8) || !near(got.ShortWithPlan, 30.8) {
		t.Errorf("rooms with no sites = %+v", got)
	}
}
