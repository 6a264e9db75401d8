package server

import (
	"cmp"
	"errors"
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planSave is POST /pcns/{code}/plan: the grid of the year the editor shows. Wrong
// cells re-render the form with 422 on the same year, the input kept; a save over a
// version someone else changed meanwhile is refused with 409 and both people's changes
// on the page; else the draft is saved (a new one started from a read-only version) and
// the page reopens (303) on the same year, on the year of the tab pressed ("goto"), or,
// for "Save and submit", on the submission's check page. A year's tab saves first, so
// that switching year loses nothing typed, with or without JavaScript; it saves nothing
// when nothing changed, so that looking through the years starts no new version. The
// "show" buttons (every role's row on other money, or only those in use) do the same.
func (s *Server) planSave(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	g, err := s.readGridPost(r, st)
	if err != nil {
		return err
	}
	then, err := postedThen(r)
	if err != nil {
		return err
	}
	next, err := postedGoto(r, st.window)
	if err != nil {
		return err
	}
	show, err := postedShow(r)
	if err != nil {
		return err
	}
	v := planView{st: st, year: g.years[0], editing: true, typed: g.typed, lines: g.all, formPlan: g.planID, formVersion: g.version, base: g.base,
		allOther: g.allOther}
	if p, ok := st.Find(g.planID); ok {
		v.shown, v.startsDraft = &p, !p.Status.Editable()
	}
	if len(g.problems) > 0 {
		v.withProblems(g.problems)
		return s.renderPlan(w, r, http.StatusUnprocessableEntity, v)
	}
	after := v
	after.allOther = show == showOther || (show == "" && g.allOther)
	if (next != 0 || show != "") && then == "" && !g.changes(st.roles) {
		http.Redirect(w, r, yearHref(r, after, cmp.Or(next, g.years[0])), http.StatusSeeOther)
		return nil
	}
	saved, err := s.saveDraft(r, store.DraftSave{PCN: st.pcn.Code, PlanID: g.planID, Version: g.version,
		Lines: g.all, Action: workforce.ActionSave})
	if errors.Is(err, store.ErrConflict) {
		return s.planConflict(w, r, g)
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "The plan is saved (version "+strconv.Itoa(st.NumberOf(saved))+").")
	to := "/pcns/" + st.pcn.Code + "/plan?year=" + strconv.Itoa(int(cmp.Or(next, g.years[0])))
	if after.allOther {
		to += "&other=1"
	}
	if then == thenSubmit {
		to = "/pcns/" + st.pcn.Code + "/plan/submit"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// thenSubmit is the "then" of the editor's "Save and submit" button: after the save,
// the submission's check page.
const thenSubmit = "submit"

// postedThen reads what follows a save: nothing, or thenSubmit.
func postedThen(r *http.Request) (string, error) {
	then := r.PostForm.Get("then")
	if then != "" && then != thenSubmit {
		return "", errBadRequest("The form could not be read: open the plan again and repeat your change.")
	}
	return then, nil
}

// The editor's "show" buttons: every role's row on other money, or only those the plan
// holds lines of. Like a year's tab, each saves first.
const (
	showOther = "other"
	showUsed  = "used"
)

// postedShow reads the "show" button pressed: "", showOther or showUsed.
func postedShow(r *http.Request) (string, error) {
	show := r.PostForm.Get("show")
	if show != "" && show != showOther && show != showUsed {
		return "", errBadRequest("The form could not be read: open the plan again and repeat your change.")
	}
	return show, nil
}

// postedGoto reads the year tab pressed in the editor ("goto", the calendar year the
// financial year starts in): the year to reopen on once saved; 0 for none.
func postedGoto(r *http.Request, window workforce.PlanWindow) (workforce.FinancialYear, error) {
	raw := r.PostForm.Get("goto")
	if raw == "" {
		return 0, nil
	}
	fy, ok := window.ParseYear(raw)
	if !ok {
		return 0, errBadRequest("%s", yearRefused(window))
	}
	return fy, nil
}

// postedVersion reads the plan and version a form was opened on (a posted form or an
// upload's). A plan of another PCN is not found.
func postedVersion(r *http.Request, st planState) (int64, int, error) {
	id, err := strconv.ParseInt(r.FormValue("plan"), 10, 64)
	if err != nil {
		return 0, 0, errBadRequest("The form could not be read: open the plan again and repeat your change.")
	}
	version, err := formVersion(r.Form)
	if err != nil {
		return 0, 0, err
	}
	if _, ok := st.Find(id); id != 0 && !ok {
		return 0, 0, errNotFound
	}
	return id, version, nil
}

// saveDraft saves the lines as the signed-in person (the store audits the save).
func (s *Server) saveDraft(r *http.Request, d store.DraftSave) (workforce.Plan, error) {
	d.By = actorOf(r)
	return s.db.SaveDraft(r.Context(), d)
}

// planConflict answers a save refused because the plan changed after the person
// opened it (409): the page shows what the other person saved and what this person
// changed, and the grid holds the saved plan with this person's changes on top, to be
// checked and saved again over the new version. Nothing either entered is lost.
func (s *Server) planConflict(w http.ResponseWriter, r *http.Request, g gridPost) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	latest, ok := st.Base()
	if !ok {
		return errors.New("plan: a save conflicted with a plan that is not there")
	}
	all, err := s.db.PlanLines(r.Context(), latest.ID)
	if err != nil {
		return err
	}
	events, err := s.db.PlanEvents(r.Context(), st.pcn.Code)
	if err != nil {
		return err
	}
	saved := st.window.Inside(all)
	base := g.base
	// This person's plan: the lines the form did not edit as they opened them, and the
	// cells it edits as typed.
	mine := g.edits.GridSave(g.lines, base, g.rows)
	m := workforce.MergeSave(g.typed, mine, base, saved, st.window, st.roles)
	// The figures count the plan the merged grid would save, as its preview does: over
	// the rows posted and those of the plan saved meanwhile.
	fields := m.Cells.Fields()
	rows := workforce.PostedRows(st.roles, all, g.allOther, func(f string) bool { _, ok := fields[f]; return ok || r.PostForm.Has(f) }, st.window)
	_, merged, _ := workforce.ReadGrid(func(f string) string { return fields[f] }, rows, g.edits)
	by, at := latest.LastChange(events)
	names := workforce.RoleNames(st.roles)
	v := planView{st: st, year: g.years[0], shown: &latest, editing: true, startsDraft: !latest.Status.Editable(), typed: m.Cells, lines: g.edits.GridSave(merged, all, rows), theirs: m.Theirs,
		formPlan: latest.ID, formVersion: latest.Version, base: all, allOther: g.allOther,
		title:    "The plan was changed while you were editing",
		problems: []ui.ErrorSummaryItem{{Text: "Nothing you entered has been saved yet: check what " + by + " changed, then save again", Href: "#conflict-heading"}},
		conflict: &plan.Conflict{By: by, At: at, Status: plan.StatusOf(latest.Status), Submitted: !latest.Status.Editable(),
			Theirs: planChanges(workforce.DiffLines(base, saved, st.roles), names), Yours: planChanges(m.Yours, names), Both: len(m.Theirs)}}
	return s.renderPlan(w, r, http.StatusConflict, v)
}
