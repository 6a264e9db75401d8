package planning

import (
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	supDay   = day("2025-11-30")
	supStaff = []workforce.Staff{
		{ID: 1, RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2024-01-01")},
		{ID: 2, RoleCode: "pharmacy_technician", FTE: 0.2, Start: day("2024-01-01")},
		{ID: 3, RoleCode: "care_coordinator", FTE: 1, Start: day("2024-01-01")}, // needs none
		{ID: 4, RoleCode: "paramedic", FTE: 1, Start: day("2024-01-01")},
		{ID: 5, RoleCode: "physician_associate", FTE: 1, Start: day("2024-01-01"), End: day("2025-10-01")}, // gone
		{ID: 6, RoleCode: "trainee_nursing_associate", FTE: 1, Start: day("2024-01-01")},
		{ID: 7, RoleCode: "", FTE: 1, Start: day("2024-01-01")}, // outside ARRS
	}
	needsSupervision = map[string]bool{"clinical_pharmacist": true, "pharmacy_technician": true,
		"paramedic": true, "physician_associate": true, "trainee_nursing_associate": true}
	traineeRoles = map[string]bool{"trainee_nursing_associate": true, "apprentice_physician_associate": true}
)

func link(sup, supervisee int64, kind workforce.SupervisionKind, hours float64, start, end string) workforce.SupervisionLink {
	l := workforce.SupervisionLink{SupervisorID: sup, SuperviseeID: supervisee, Kind: kind, HoursPerMonth: hours, Start: day(start)}
	if end != "" {
		l.End = day(end)
	}
	return l
}

func TestSupervisionCoverage(t *testing.T) {
	t.Parallel()
	links := []workforce.SupervisionLink{
		link(100, 1, workforce.SupervisionClinical, 2, "2024-01-01", ""),
		link(100, 2, workforce.SupervisionClinicPractice, 1, "2024-01-01", ""),     // clinic supervision is not clinical
		link(100, 4, workforce.SupervisionClinical, 2, "2024-01-01", "2025-11-30"), // ends on the day: inactive
		link(100, 6, workforce.SupervisionClinical, 2, "2024-01-01", ""),
		link(100, 5, workforce.SupervisionClinical, 2, "2024-01-01", ""), // the supervisee has left
	}
	// Needing: 1, 2, 4, 6 (3 needs none, 5 has left, 7 is outside ARRS). Covered: 1 and 6.
	// Share 2 / 4 = 0.5; uncovered 2 and 4.
	c := SupervisionCoverage(supStaff, links, needsSupervision, supDay)
	if c.Needing != 4 || c.Covered != 2 || c.Share != 0.5 || !slices.Equal(c.Uncovered, []int64{2, 4}) {
		t.Errorf("coverage = %+v, want 4 needing, 2 covered, 0.5, [2 4]", c)
	}
	// Nobody needing supervision: nothing is uncovered.
	none := SupervisionCoverage(supStaff[2:3], nil, needsSupervision, supDay)
	if none.Needing != 0 || none.Share != 1 {
		t.Errorf("coverage with nobody needing = %+v, want share 1", none)
	}
}

func TestSupervisorLoads(t *testing.T) {
	t.Parallel()
	links := []workforce.SupervisionLink{
		// 100: 2 + 2 + 4 + 1 = 9 hours of 8 available: load 1.125, overloaded.
		// Trainees: 6 (a trainee role, also an educational link) counts once.
		link(100, 1, workforce.SupervisionClinical, 2, "2024-01-01", ""),
		link(100, 6, workforce.SupervisionClinical, 2, "2024-01-01", ""),
		link(100, 6, workforce.SupervisionEducational, 4, "2024-01-01", ""),
		link(100, 2, workforce.SupervisionClinicPractice, 1, "2024-01-01", ""),
		link(100, 4, workforce.SupervisionClinical, 10, "2023-01-01", "2025-01-01"), // ended: no hours
		// 200 at 0.6 FTE: 3 educational trainees > 4 × 0.6 = 2.4; 6 of 20 hours, load 0.3.
		link(200, 11, workforce.SupervisionEducational, 2, "2025-09-01", ""),
		link(200, 12, workforce.SupervisionEducational, 2, "2025-09-01", ""),
		link(200, 13, workforce.SupervisionEducational, 2, "2025-09-01", ""),
		// 400 has no hours available: any linked hour overloads.
		link(400, 1, workforce.SupervisionClinical, 1, "2024-01-01", ""),
		// 500, full time: 4 trainees is the most allowed, not too many.
		link(500, 21, workforce.SupervisionEducational, 1, "2024-01-01", ""),
		link(500, 22, workforce.SupervisionEducational, 1, "2024-01-01", ""),
		link(500, 23, workforce.SupervisionEducational, 1, "2024-01-01", ""),
		link(500, 24, workforce.SupervisionEducational, 1, "2024-01-01", ""),
	}
	sups := []workforce.Supervisor{
		{ID: 500, FTE: 1, HoursPerMonth: 8},
		{ID: 100, FTE: 1, HoursPerMonth: 8},
		{ID: 200, FTE: 0.6, HoursPerMonth: 20},
		{ID: 300, FTE: 1},
		{ID: 400, FTE: 1},
	}
	want := []SupervisorLoad{
		{SupervisorID: 100, LinkedHours: 9, AvailableHours: 8, Load: 1.125, Overloaded: true, Trainees: 1, TraineeCapacity: 4},
		{SupervisorID: 200, LinkedHours: 6, AvailableHours: 20, Load: 0.3, Trainees: 3, TraineeCapacity: 2.4, TooManyTrainees: true},
		{SupervisorID: 300, TraineeCapacity: 4},
		{SupervisorID: 400, LinkedHours: 1, Overloaded: true, TraineeCapacity: 4},
		{SupervisorID: 500, LinkedHours: 4, AvailableHours: 8, Load: 0.5, Trainees: 4, TraineeCapacity: 4},
	}
	got := SupervisorLoads(sups, supStaff, links, traineeRoles, supDay)
	if len(got) != len(want) {
		t.Fatalf("%d loads, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.SupervisorID != w.SupervisorID || !near(g.LinkedHours, w.LinkedHours) || !near(g.Load, w.Load) ||
			g.Overloaded != w.Overloaded || g.Trainees != w.Trainees || !near(g.TraineeCapacity, w.TraineeCapacity) ||
			g.TooManyTrainees != w.TooManyTrainees || g.AvailableHours != w.AvailableHours {
			t.Errorf("load %d = %+v, want %+v", i, g, w)
		}
	}
}
