package plan

import (
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Each assumption under a year's money is named once: the rate standing in (none when
// the year's own is published) and the list standing in (the lines by kind and cause
// are planning.CostNotes's).
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
}

// With a draft that changes the money, the official rows are the current plan's and
// the draft's planned claims and entitlement left are beside them, labelled "with your
// draft"; with no difference there is no draft row.
func TestFundingWithDraft(t *testing.T) {
	t.Parallel()
	draft := planning.Funding{EntitlementPence: 100_000_00, CommittedPence: 13_436_00, PlannedPence: 15_500_00, HeadroomPence: 71_064_00}
	official := planning.Funding{EntitlementPence: 100_000_00, CommittedPence: 13_436_00, HeadroomPence: 86_564_00}
	rows := map[string]string{}
	for _, r := range NewFunding(draft, &official, nil).rows("2026") {
		rows[r.TestID] = r.Key + ": " + r.Value
	}
	want := map[string]string{
		"planned-2026":       "Planned for starters in the current plan: £0",
		"left-2026":          "Entitlement left: £86,564",
		"draft-planned-2026": "Planned for starters with your draft: £15,500",
		"draft-left-2026":    "Entitlement left with your draft: £71,064",
	}
	for id, w := range want {
		if rows[id] != w {
			t.Errorf("%s: %q, want %q", id, rows[id], w)
		}
	}
	for _, r := range NewFunding(official, nil, nil).rows("2026") {
		if strings.Contains(r.Key, "draft") {
			t.Errorf("a draft row with no draft: %q", r.Key)
		}
	}
}
