package planning

import "testing"

func TestGPSessions(t *testing.T) {
	t.Parallel()
	// 37.5 hours is 9 sessions; 25 hours is 6 (25 ÷ 4 h 10 min); 0 is 0.
	for hours, want := range map[float64]float64{37.5: 9, 25: 6, 0: 0, 12.5: 3} {
		if got := GPSessions(hours); !near(got, want) {
			t.Errorf("GPSessions(%v) = %v, want %v", hours, got, want)
		}
	}
}

func TestTotalSupervision(t *testing.T) {
	t.Parallel()
	loads := []SupervisorLoad{
		{SupervisorID: 1, LinkedHours: 9, AvailableHours: 8, Overloaded: true, Trainees: 1, TraineeCapacity: 4},
		{SupervisorID: 2, LinkedHours: 6, AvailableHours: 20, Trainees: 3, TraineeCapacity: 2.4, TooManyTrainees: true},
		{SupervisorID: 3, LinkedHours: 10, AvailableHours: 10, Trainees: 0, TraineeCapacity: 4},
	}
	// 9 + 6 + 10 = 25 hours = 6 GP sessions; 38 available; one overloaded (load 1 is
	// not over); 4 trainees of 10.4 places; one supervisor over the ratio.
	got := TotalSupervision(loads)
	want := SupervisionTotals{Supervisors: 3, LinkedHours: 25, AvailableHours: 38, GPSessions: 6, Overloaded: 1,
		Trainees: 4, TraineeCapacity: 10.4, OverTraineeRatio: 1}
	if got.Supervisors != want.Supervisors || !near(got.LinkedHours, want.LinkedHours) || !near(got.AvailableHours, want.AvailableHours) ||
		!near(got.GPSessions, want.GPSessions) || got.Overloaded != want.Overloaded || got.Trainees != want.Trainees ||
		!near(got.TraineeCapacity, want.TraineeCapacity) || got.OverTraineeRatio != want.OverTraineeRatio {
		t.Errorf("totals = %+v, want %+v", got, want)
	}
}
