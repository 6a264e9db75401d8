package plan

import (
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Each assumption under a year's money is named once: the rate standing in (none when
// the year's own is published), the list standing in, and the lines by kind and cause.
func TestFundingNotes(t *testing.T) {
	t.Parallel()
	if got := RateNotes(2026, 26.631, "", false); got != nil {
		t.Errorf("a published rate: %q", got)
	}
	if got := RateNotes(2026, 0, "", true); len(got) != 1 || got[0] != "No funding rate is held for 2026/27, so the entitlement is shown as £0." {
		t.Errorf("no rate: %q", got)
	}
	if got := RateNotes(2026, 26.631, "2025/26", false); len(got) != 1 || got[0] != "No rate is published for 2026/27 yet: the 2025/26 rate of £26.631 per weighted patient is assumed." {
		t.Errorf("an earlier rate: %q", got)
	}
	if got := ListSizeNote(workforce.Date(2026, 1, 1), 105122); got != "No weighted population is entered for 1 January 2026: the registered list of 105,122 patients stands in." {
		t.Errorf("list size: %q", got)
	}
	got := CostNotes(map[planning.LineKind]planning.CostCounts{planning.LineStaff: {Assumed: 2, FromBand: 1},
		planning.LinePlan: {Uncapped: 1, Uncosted: 3}})
	want := []string{
		"2 staff records have no cost recorded: estimated at the cap.",
		"1 staff record is claimed against the cap of the role's Agenda for Change band: no newer cap of the role's own is held.",
		"1 plan line is in a role with no cap held: the cost is counted in full.",
		"Excluding 3 plan lines with neither a cost nor a cap.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("cost notes %q, want %q", got, want)
	}
}
