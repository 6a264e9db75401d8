package workforce

import (
	"slices"
	"strconv"
	"time"
)

// The editor shows one financial year of the window at a time (issue 13), so that all
// four of its quarters fit a laptop's screen. A save from it changes only the cells it
// showed: the open quarters of that year. Every other line of the plan (the other
// years, ended quarters, lines outside the window) is kept as the plan held it.

// Years is the financial years of the window, in order.
func (w PlanWindow) Years() []FinancialYear {
	var out []FinancialYear
	for _, q := range w {
		if len(out) == 0 || out[len(out)-1] != q.Year {
			out = append(out, q.Year)
		}
	}
	return out
}

// Year is the window's quarters of a financial year: none when it is not one of the
// window's years.
func (w PlanWindow) Year(fy FinancialYear) PlanWindow {
	var out PlanWindow
	for _, q := range w {
		if q.Year == fy {
			out = append(out, q)
		}
	}
	return out
}

// ParseYear reads a year of the window named by the calendar year it starts in, as the
// editor's address and form name it ("2027" for 2027/28); ok is false for anything
// else, so that a caller refuses it before any work.
func (w PlanWindow) ParseYear(raw string) (fy FinancialYear, ok bool) {
	if len(raw) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1000 {
		return 0, false
	}
	return FinancialYear(n), slices.Contains(w.Years(), FinancialYear(n))
}

// Edits is the quarters a save from the editor changes when it shows years: their
// quarters that have not ended before today. Ended quarters are read-only (planpast.go).
func (w PlanWindow) Edits(today time.Time, years []FinancialYear) PlanWindow {
	_, open := w.Split(today)
	var out PlanWindow
	for _, q := range open {
		if slices.Contains(years, q.Year) {
			out = append(out, q)
		}
	}
	return out
}

// Has reports whether q is one of the quarters of w, which need not follow each other
// (Edits of two years apart).
func (w PlanWindow) Has(q Quarter) bool {
	return slices.Contains(w, q)
}

// Except is the lines whose quarter is not one of w's: what a save over w keeps.
func (w PlanWindow) Except(lines []PlanLine) []PlanLine {
	var out []PlanLine
	for _, l := range lines {
		if !w.Has(QuarterOf(l.QuarterStart)) {
			out = append(out, l)
		}
	}
	return out
}

// Flows is the starters and the leavers of the lines whose cell keep holds, for the
// grid's totals (a role's year, a quarter). The lines are those a save would write:
// ReadGrid's, never the text typed, so that a cell it refuses ("-3", "NaN", "1e9")
// shows its error and counts for nothing, in the totals as in the projection and the
// money: every figure under the grid counts the same cells.
func Flows(lines []PlanLine, keep func(PlanCell) bool) (starters, leavers float64) {
	for _, l := range lines {
		if keep(CellOf(l)) {
			starters += l.StartersFTE
			leavers += l.LeaversFTE
		}
	}
	return starters, leavers
}

// Fields is the grid's cells as the fields of a posted form ("s-paramedic-2026-1"),
// so that cells put together again (MergeSave) are read exactly as a posted grid is.
func (g GridInput) Fields() map[string]string {
	out := make(map[string]string, 3*len(g))
	for k, c := range g {
		out[k.Field(CellStarters)], out[k.Field(CellLeavers)], out[k.Field(CellCost)] = c.Starters, c.Leavers, c.Cost
	}
	return out
}
