package planning

import (
	"reflect"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestLeaverWarnings: leavers of a role in a quarter above its FTE in post then (the
// census's, plus the plan's starters less its leavers since, plus the quarter's own
// starters) are warned, each quarter over; the staff then never counts below zero.
func TestLeaverWarnings(t *testing.T) {
	t.Parallel()
	d := workforce.Date
	q := func(y, n int) workforce.Quarter { return workforce.Quarter{Year: workforce.FinancialYear(y), N: n} }
	line := func(y, n int, starters, leavers float64) workforce.PlanLine {
		return workforce.PlanLine{RoleCode: "paramedic", QuarterStart: q(y, n).Start(), StartersFTE: starters, LeaversFTE: leavers}
	}
	over := func(y, n int, leavers, then float64) PlanWarning {
		return PlanWarning{RoleCode: "paramedic", Quarter: q(y, n), OverStaff: true, FTE: leavers, LimitFTE: then}
	}
	for _, c := range []struct {
		name   string
		inPost float64
		asOf   time.Time
		lines  []workforce.PlanLine
		want   []PlanWarning
	}{
		{"all the staff leave", 2, d(2026, 3, 31), []workforce.PlanLine{line(2026, 2, 0, 2)}, nil},
		{"more than in post", 1, d(2026, 3, 31), []workforce.PlanLine{line(2026, 2, 0, 1.5)}, []PlanWarning{over(2026, 2, 1.5, 1)}},
		{"the quarter's starters count", 1, d(2026, 3, 31), []workforce.PlanLine{line(2026, 2, 1, 2)}, nil},
		{"earlier starters count", 0, d(2026, 3, 31), []workforce.PlanLine{line(2026, 1, 1, 0), line(2027, 1, 0, 1)}, nil},
		{"earlier leavers count", 1, d(2026, 3, 31), []workforce.PlanLine{line(2026, 1, 0, 1), line(2026, 3, 0, 0.5)}, []PlanWarning{over(2026, 3, 0.5, 0)}},
		{"never below zero", 0, d(2026, 3, 31), []workforce.PlanLine{line(2026, 1, 0, 1), line(2026, 2, 1, 1)}, []PlanWarning{over(2026, 1, 1, 0)}},
		{"before the window, after the census", 0, d(2025, 11, 30), []workforce.PlanLine{line(2025, 4, 2, 0), line(2026, 1, 0, 2)}, nil},
		{"in the staff data already", 0, d(2026, 4, 1), []workforce.PlanLine{line(2026, 1, 0, 1)}, nil},
		{"no census, nothing known in post", 0, time.Time{}, []workforce.PlanLine{line(2026, 1, 0, 1)}, nil},
	} {
		checks := PlanChecks{Lines: c.lines, Roles: []workforce.Role{{Code: "paramedic"}}, Window: workforce.PlanWindowAt(d(2026, 5, 1)),
			AsOf: c.asOf, InPost: map[string]float64{"paramedic": c.inPost}, ListSize: 1_000_000}
		if got := PlanWarnings(checks); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v\nwant %+v", c.name, got, c.want)
		}
	}
}
