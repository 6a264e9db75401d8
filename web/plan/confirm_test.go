package plan

import (
	"testing"
)

// A year's check: FTE to 1 decimal, as the grid shows the same totals; with no funding
// rate held only the entitlement and what is left of it are not known, and what is
// committed and planned still shows.
func TestCheckYearRows(t *testing.T) {
	t.Parallel()
	end := 12.34
	money := &CheckMoney{Entitlement: 100_000_00, Committed: 40_000_00, Planned: 10_000_00, Left: 50_000_00}
	noRate := &CheckMoney{Committed: 40_000_00, Planned: 10_000_00, NoRate: true}
	for _, c := range []struct {
		name string
		y    CheckYear
		want map[string]string
	}{
		{"known", CheckYear{Label: "2026/27", ID: "2026", Starters: 1.25, Leavers: 0.5, EndFTE: &end, Money: money}, map[string]string{
			"starters": "1.3 FTE", "leavers": "0.5 FTE", "end-fte": "12.3 FTE", "planned": "£10,000",
			"left": "£50,000 (entitlement £100,000, less £40,000 committed to staff in post and £10,000 planned for starters)"}},
		{"no rate", CheckYear{Label: "2026/27", ID: "2026", Money: noRate}, map[string]string{
			"end-fte": "no data", "planned": "£10,000",
			"left": "no data (no funding rate is held for the entitlement; £40,000 committed to staff in post and £10,000 planned for starters)"}},
		{"no money", CheckYear{Label: "2026/27", ID: "2026"}, map[string]string{"planned": "no data", "left": "no data"}},
	} {
		got := map[string]string{}
		for _, r := range c.y.rows().Rows {
			got[r.TestID] = r.Value
		}
		for id, want := range c.want {
			if got[id] != want {
				t.Errorf("%s: %s %q, want %q", c.name, id, got[id], want)
			}
		}
	}
}
