package planning

import (
	"slices"
	"testing"
)

func TestCostNotes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		costs map[LineKind]CostCounts
		want  []string
	}{
		{"none", nil, nil},
		{"staff then plan lines", map[LineKind]CostCounts{LineStaff: {Assumed: 2, FromBand: 1}, LinePlan: {Uncapped: 1, Uncosted: 3}}, []string{
			"2 staff records have no cost recorded: estimated at the cap.",
			"1 staff record is claimed against the cap of the role's Agenda for Change band: no newer cap of the role's own is held.",
			"1 plan line is in a role with no cap held: the cost is counted in full.",
			"Excluding 3 plan lines with neither a cost nor a cap.",
		}},
		{"thousands", map[LineKind]CostCounts{LinePlan: {Assumed: 1200}}, []string{"1,200 plan lines have no cost recorded: estimated at the cap."}},
	} {
		if got := CostNotes(c.costs); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
