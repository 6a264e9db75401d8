package plan

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/web/ui"
)

// The practice GP scheme's money: a part the data cannot give is "no data", never £0;
// practices with no list are counted beside the entitlement; the draft's figures stand
// beside the official ones only when there is an official to differ from.
func TestSchemeMoneyRows(t *testing.T) {
	t.Parallel()
	practices := []planning.PracticeGPPractice{{Known: true}, {Known: true}, {}}
	f := planning.PracticeGPFunding{Practices: practices, EntitlementPence: 50_000_000, Unknown: 1,
		CommittedPence: 10_000_000, PlannedPence: 12_000_000, HeadroomPence: 28_000_000}
	official := f
	official.PlannedPence, official.HeadroomPence = 0, 40_000_000
	values := func(rows []ui.SummaryListRow) map[string]string {
		out := map[string]string{}
		for _, r := range rows {
			out[r.TestID] = r.Value
		}
		return out
	}
	got := values(NewScheme(f, &official, true, nil).rows("2027"))
	for id, want := range map[string]string{
		"scheme-entitlement-2027": "£500,000, excluding 1 practice with no list size", "scheme-planned-2027": "£0",
		"scheme-left-2027": "£400,000", "scheme-draft-planned-2027": "£120,000", "scheme-draft-left-2027": "£280,000",
	} {
		if got[id] != want {
			t.Errorf("%s: %q, want %q", id, got[id], want)
		}
	}
	got = values(NewScheme(f, nil, false, nil).rows("2027"))
	if got["scheme-entitlement-2027"] != ui.NoData || got["scheme-left-2027"] != ui.NoData || got["scheme-planned-2027"] != "£120,000" || len(got) != 4 {
		t.Errorf("no rate held: %v", got)
	}
	if got := values(NewScheme(planning.PracticeGPFunding{Unknown: 2, Practices: practices[2:]}, nil, true, nil).rows("2027")); got["scheme-entitlement-2027"] != ui.NoData {
		t.Errorf("no practice's list known: %v", got)
	}
}
