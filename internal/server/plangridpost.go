package server

import (
	"net/http"
	"slices"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// gridPost is a posted plan grid read as a save reads it; the preview reads it the
// same way, so that its figures are those of the plan the save would write.
type gridPost struct {
	// planID and version are the version the form was opened on (0 for none yet).
	planID  int64
	version int
	// years are the financial years the form shows (the editor's, one); edits their
	// quarters that have not ended, the only ones the save changes.
	years []workforce.FinancialYear
	edits workforce.PlanWindow
	// rows are the rows (a role on a stream) the form shows (workforce.PostedRows), the
	// only ones the save changes; allOther is its "other": every role on other money.
	rows     []workforce.GridRow
	allOther bool
	// typed is the cells as typed, lines the plan lines of those that can be read.
	typed workforce.GridInput
	lines []workforce.PlanLine
	// all is what the save writes: every line of the version opened outside edits, as
	// it was, and lines.
	all []workforce.PlanLine
	// base is the lines the form was opened on (its hidden field), which tells this
	// person's changes from someone else's when the save is refused.
	base []workforce.PlanLine
	// problems are the wrong cells, a changed ended quarter, a plan too long.
	problems workforce.Problems
}

// readGridPost reads and checks a posted grid over the quarters of the years it names
// and the rows it shows.
// A form that cannot be read (no plan, version or year of the window) is refused with a
// 400 before any work; wrong cells are problems, not errors.
func (s *Server) readGridPost(r *http.Request, st planState) (gridPost, error) {
	form, err := readForm(r)
	if err != nil {
		return gridPost{}, err
	}
	var g gridPost
	if g.planID, g.version, err = postedVersion(r, st); err != nil {
		return g, err
	}
	if g.years, err = postedYears(form["year"], st.window); err != nil {
		return g, err
	}
	if g.allOther, err = parseOther(form.Get("other")); err != nil {
		return g, err
	}
	past, _ := st.window.Split(st.today)
	g.edits = st.window.Edits(st.today, g.years)
	var old []workforce.PlanLine
	if g.planID != 0 {
		if old, err = s.db.PlanLines(r.Context(), g.planID); err != nil {
			return g, err
		}
	}
	g.rows = workforce.PostedRows(st.roles, old, g.allOther, form.Has, st.window)
	var problems workforce.Problems
	g.typed, g.lines, problems = workforce.ReadGrid(form.Get, g.rows, g.edits)
	g.base = workforce.DecodeBase(form.Get("base"))
	// Quarters that have ended are read-only: a posted past cell that would change the
	// plan is refused, naming its quarter.
	g.problems = append(past.PastChanges(form.Get, form.Has, g.rows, old), problems...)
	g.all = g.edits.GridSave(g.lines, old, g.rows)
	g.problems = append(g.problems, planTooLong(g.all, st.roles)...)
	return g, nil
}

// changes reports whether the cells posted change the plan the form was opened on
// (base): whether a year's tab has anything to save before it shows that year.
func (g gridPost) changes(roles []workforce.Role) bool {
	return len(workforce.DiffLines(g.base, g.edits.GridSave(g.lines, g.base, g.rows), roles)) > 0
}

// postedYears reads the form's "year" fields: the financial years whose cells it
// carries, by the calendar year each starts in. The editor posts the one it shows; at
// most every year of the window, each once, and nothing else.
func postedYears(raw []string, w workforce.PlanWindow) ([]workforce.FinancialYear, error) {
	var years []workforce.FinancialYear
	for _, y := range raw {
		fy, ok := w.ParseYear(y)
		if !ok || slices.Contains(years, fy) {
			return nil, errBadRequest("%s", yearRefused(w))
		}
		years = append(years, fy)
	}
	if len(years) == 0 {
		return nil, errBadRequest("The form did not say which year of the plan it shows, so nothing was saved. Open the plan again and repeat your change.")
	}
	return years, nil
}
