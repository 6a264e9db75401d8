package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planSave is POST /pcns/{code}/plan: the whole grid. Wrong cells re-render the form
// with 422, the input kept; a save over a version someone else changed meanwhile is
// refused with 409 and both people's changes on the page; else the draft is saved (a
// new one started from a read-only version) and the page reloads (303).
func (s *Server) planSave(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	planID, version, err := postedVersion(r, st)
	if err != nil {
		return err
	}
	// Quarters that have ended are read-only: the grid is read over the open ones, and
	// a posted past cell that would change the plan is refused, naming its quarter.
	past, open := st.window.Split(st.today)
	typed, lines, problems := workforce.ReadGrid(form.Get, st.roles, open)
	base := workforce.DecodeBase(form.Get("base"))
	v := planView{st: st, editing: true, typed: typed, formPlan: planID, formVersion: version, base: base}
	if p, ok := st.Find(planID); ok {
		v.shown, v.startsDraft = &p, !p.Status.Editable()
	}
	var old []workforce.PlanLine
	if planID != 0 {
		if old, err = s.db.PlanLines(r.Context(), planID); err != nil {
			return err
		}
	}
	if problems = append(past.PastChanges(form.Get, form.Has, st.roles, old), problems...); len(problems) > 0 {
		v.withProblems(problems)
		return s.renderPlan(w, r, http.StatusUnprocessableEntity, v)
	}
	all := st.window.GridSave(st.today, lines, old)
	if ps := planTooLong(all, st.roles); ps != nil {
		v.withProblems(ps)
		return s.renderPlan(w, r, http.StatusUnprocessableEntity, v)
	}
	saved, err := s.saveDraft(r, store.DraftSave{PCN: st.pcn.Code, PlanID: planID, Version: version,
		Lines: all, Action: workforce.ActionSave})
	if errors.Is(err, store.ErrConflict) {
		return s.planConflict(w, r, typed, append(past.Inside(base), lines...), base)
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "The plan is saved (version "+strconv.Itoa(st.NumberOf(saved))+").")
	http.Redirect(w, r, "/pcns/"+st.pcn.Code+"/plan", http.StatusSeeOther)
	return nil
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
func (s *Server) planConflict(w http.ResponseWriter, r *http.Request, typed workforce.GridInput, mine, base []workforce.PlanLine) error {
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
	m := workforce.MergeSave(typed, mine, base, saved, st.window, st.roles)
	by, at := latest.LastChange(events)
	names := workforce.RoleNames(st.roles)
	v := planView{st: st, shown: &latest, editing: true, startsDraft: !latest.Status.Editable(), typed: m.Cells, theirs: m.Theirs,
		formPlan: latest.ID, formVersion: latest.Version, base: all,
		title:    "The plan was changed while you were editing",
		problems: []ui.ErrorSummaryItem{{Text: "Nothing you entered has been saved yet: check what " + by + " changed, then save again", Href: "#conflict-heading"}},
		conflict: &plan.Conflict{By: by, At: at, Status: plan.StatusOf(latest.Status), Submitted: !latest.Status.Editable(),
			Theirs: planChanges(workforce.DiffLines(base, saved, st.roles), names), Yours: planChanges(m.Yours, names), Both: len(m.Theirs)}}
	return s.renderPlan(w, r, http.StatusConflict, v)
}
