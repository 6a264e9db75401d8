package workforce

import "time"

// Quarters that have ended are history, not a plan: the editor shows them but does not
// let anyone change them (issue 11, "One clock, one horizon"). A plan file may still
// carry lines of past quarters (an import corrects the record); only the grid is held.

// QuarterEnded reports whether q ended before today: its last day is before today.
func QuarterEnded(q Quarter, today time.Time) bool {
	return !q.Next().Start().After(today)
}

// Split divides the window into the quarters that ended before today, read-only in the
// editor, and the rest, which it edits. The window runs in order, so the ended quarters
// come first.
func (w PlanWindow) Split(today time.Time) (past, open PlanWindow) {
	n := 0
	for n < len(w) && QuarterEnded(w[n], today) {
		n++
	}
	return w[:n:n], w[n:]
}

// PastChanges is a problem for each cell of the past quarters that a posted grid would
// change: a field of the cell was posted (has) and what it holds differs from the line
// the plan already has (old), or cannot be read. A cell not posted is kept as it was;
// the editor posts none of a past quarter's fields.
func (past PlanWindow) PastChanges(get func(field string) string, has func(field string) bool, rows []GridRow, old []PlanLine) Problems {
	was := valuesByCell(old)
	var problems Problems
	for _, q := range past {
		for _, row := range rows {
			k := row.Cell(q)
			if !has(k.Field(CellStarters)) && !has(k.Field(CellLeavers)) && !has(k.Field(CellCost)) {
				continue
			}
			c := postedCell(get, k)
			var typed PlanValues
			var bad bool
			if !c.Empty() {
				l, ps := checkCell(k, row, c)
				typed, bad = PlanValues{l.StartersFTE, l.LeaversFTE, l.AnnualCostPence}, len(ps) > 0
			}
			if bad || !typed.Equal(was[k]) {
				problems = append(problems, Problem{k.Field(CellStarters), PastQuarterMessage(row.Name(), q)})
			}
		}
	}
	return problems
}

// PastQuarterMessage says why a cell of an ended quarter was not changed, naming the
// quarter and its last day.
func PastQuarterMessage(role string, q Quarter) string {
	return role + ", " + q.String() + ": the quarter ended on " + q.LastDay().Format("2 January 2006") +
		", so its line cannot be changed in the editor; upload a plan file to correct a past quarter"
}

// GridSave is the lines a save from the editor writes, w being the quarters it edits
// (Edits: the open quarters of the year it shows) and rows the rows it shows: every
// line of the plan outside those cells as the plan held it (old), so other years, ended
// quarters, lines outside the window and lines of rows not shown are kept, and the
// grid's lines of those cells (typed, read by ReadGrid over w and rows).
func (w PlanWindow) GridSave(typed, old []PlanLine, rows []GridRow) []PlanLine {
	var out []PlanLine
	for _, l := range old {
		if !w.Has(QuarterOf(l.QuarterStart)) || !HasRow(rows, CellOf(l)) {
			out = append(out, l)
		}
	}
	return append(out, typed...)
}
