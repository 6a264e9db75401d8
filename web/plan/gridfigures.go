package plan

import "github.com/arrs-planner/arrs/web/ui"

// The figures of a year of the grid are written by the page and by the editor's script
// from the same texts (Figures), so that a figure worked out as the manager types reads
// exactly as it will once the plan is saved.

// figureText is a worked-out figure as the grid writes it: FTE to one decimal, a dash
// when there is none (nothing to project from, no target).
func figureText(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return ui.FTE(v)
}

// Figures is every figure of the year that follows the cells, by the data-testid of
// the element showing it: each quarter's totals, net starters, projection and gap, and
// each role's and the year's totals.
func (y Year) Figures() map[string]string {
	out := map[string]string{
		"year-starters-" + y.ID: ui.FTE(y.Starters),
		"year-leavers-" + y.ID:  ui.FTE(y.Leavers),
		"year-net-" + y.ID:      ui.FTE(y.Starters - y.Leavers),
	}
	for _, q := range y.Quarters {
		out["starters-"+q.Key] = ui.FTE(q.Starters)
		out["leavers-"+q.Key] = ui.FTE(q.Leavers)
		out["net-"+q.Key] = ui.FTE(q.Net)
		out["projected-"+q.Key] = figureText(q.Projected, q.HasFigures)
		out["gap-"+q.Key] = figureText(q.Gap, q.HasGap)
	}
	for _, r := range y.Rows {
		out[r.startersID(y.ID)] = ui.FTE(r.Starters)
		out[r.leaversID(y.ID)] = ui.FTE(r.Leavers)
	}
	return out
}

func (r Row) startersID(year string) string { return "role-starters-" + year + "-" + r.key() }
func (r Row) leaversID(year string) string  { return "role-leavers-" + year + "-" + r.key() }

// fundingListID is the id of a year's money summary list, which the script fills again.
func fundingListID(year string) string { return "funding-summary-" + year }

// figuresListID is the id of the summary list of the network's fair share and gap.
const figuresListID = "figures-summary"

// summary reports whether the page shows the summary list of the fair share and gap:
// only when there is a census to project from and a target to measure against.
func (f Figures) summary() bool { return !f.NoCensus && !f.NoTarget }
