package planning

// GPSessionHours is one GP session in hours: a full-time GP works 9 sessions in 37.5
// hours a week (the BMA's model salaried GP contract), so a session is 4 hours 10
// minutes. Supervision is not reimbursed: each hour of it is an hour of a supervisor's
// clinical work, and PCNs count a GP's clinical time in sessions.
const GPSessionHours = 37.5 / 9

// GPSessions converts hours a month to GP sessions a month.
func GPSessions(hours float64) float64 { return hours / GPSessionHours }

// SupervisionTotals sums a PCN's supervisor loads.
type SupervisionTotals struct {
	Supervisors    int
	LinkedHours    float64 // Σ hours a month of the active links
	AvailableHours float64
	// GPSessions is LinkedHours as GP sessions a month taken from clinical work.
	GPSessions float64
	// Overloaded counts supervisors whose links take more than their available hours.
	Overloaded int
	// Trainees and TraineeCapacity sum each supervisor's trainees and 4 × FTE; a
	// trainee with two supervisors counts for each.
	Trainees        int
	TraineeCapacity float64
	// OverTraineeRatio counts supervisors with more trainees than 4 per full-time
	// supervisor, pro rata.
	OverTraineeRatio int
}

// TotalSupervision sums the loads SupervisorLoads worked out.
func TotalSupervision(loads []SupervisorLoad) SupervisionTotals {
	t := SupervisionTotals{Supervisors: len(loads)}
	for _, l := range loads {
		t.LinkedHours += l.LinkedHours
		t.AvailableHours += l.AvailableHours
		t.Trainees += l.Trainees
		t.TraineeCapacity += l.TraineeCapacity
		if l.Overloaded {
			t.Overloaded++
		}
		if l.TooManyTrainees {
			t.OverTraineeRatio++
		}
	}
	t.GPSessions = GPSessions(t.LinkedHours)
	return t
}
