package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
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
	if err := r.ParseForm(); err != nil {
		return errBadRequest("The form could not be read.")
	}
	planID, version, err := postedVersion(r, st)
	if err != nil {
		return err
	}
	typed, lines, problems := readGrid(r.PostForm, st.roles, st.window)
	base := decodeBase(r.PostForm.Get("base"))
	v := planView{st: st, editing: true, typed: typed, formPlan: planID, formVersion: version, base: base}
	if p, ok := st.find(planID); ok {
		v.shown, v.startsDraft = &p, !p.Status.Editable()
	}
	if len(problems) > 0 {
		v.errors, v.problems = map[string]string{}, make([]ui.ErrorSummaryItem, len(problems))
		for i, p := range problems {
			v.errors[p.field] = p.text
			v.problems[i] = ui.ErrorSummaryItem{Text: p.text, Href: "#" + p.field}
		}
		return s.renderPlan(w, r, http.StatusUnprocessableEntity, v)
	}
	var old []store.PlanLine
	if planID != 0 {
		if old, err = s.db.PlanLines(r.Context(), planID); err != nil {
			return err
		}
	}
	all := append(outsideWindow(old, st.window), lines...)
	if msg := planTooLong(all, st.roles); msg != "" {
		v.errors, v.problems = map[string]string{}, []ui.ErrorSummaryItem{{Text: msg, Href: "#version"}}
		return s.renderPlan(w, r, http.StatusUnprocessableEntity, v)
	}
	saved, err := s.saveDraft(r, st, store.DraftSave{PCN: st.pcn.Code, PlanID: planID, Version: version,
		Lines: all, Action: store.ActionSave}, old)
	if errors.Is(err, store.ErrConflict) {
		return s.planConflict(w, r, typed, lines, base)
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "The plan is saved (version "+strconv.Itoa(versionNumber(st, saved))+").")
	http.Redirect(w, r, "/pcns/"+st.pcn.Code+"/plan", http.StatusSeeOther)
	return nil
}

// postedVersion reads the plan and version a form was opened on. A plan of another
// PCN is not found.
func postedVersion(r *http.Request, st planState) (int64, int, error) {
	id, err1 := strconv.ParseInt(r.FormValue("plan"), 10, 64)
	version, err2 := strconv.Atoi(r.FormValue("version"))
	if err1 != nil || err2 != nil {
		return 0, 0, errBadRequest("The form could not be read: open the plan again and repeat your change.")
	}
	if _, ok := st.find(id); id != 0 && !ok {
		return 0, 0, errNotFound
	}
	return id, version, nil
}

// versionNumber is a saved version's number: a new draft is one past the versions
// the state knew.
func versionNumber(st planState, p store.Plan) int {
	if n := st.number(p.ID); n != 0 {
		return n
	}
	return len(st.plans) + 1
}

// saveDraft saves the lines with the audit entry in the same transaction.
func (s *Server) saveDraft(r *http.Request, st planState, d store.DraftSave, old []store.PlanLine) (store.Plan, error) {
	d.By = actorOf(r)
	var saved store.Plan
	err := s.db.InTx(r.Context(), func(tx *store.DB) error {
		var err error
		if saved, err = tx.SaveDraft(r.Context(), d); err != nil {
			return err
		}
		e := d.By.Entry("plan."+string(d.Action), "plan", strconv.FormatInt(saved.ID, 10))
		e.PCN = st.pcn.Code
		e.Before = map[string]any{"plan": d.PlanID, "version": d.Version, "lines": auditLines(old)}
		e.After = map[string]any{"plan": saved.ID, "version": saved.Version, "status": saved.Status, "lines": auditLines(d.Lines)}
		return tx.Audit(r.Context(), e)
	})
	return saved, err
}

// auditLines are plan lines as the audit trail keeps them, one string each.
func auditLines(lines []store.PlanLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		cost := "-"
		if l.AnnualCostPence != nil {
			cost = planCostText(l.AnnualCostPence)
		}
		out[i] = l.RoleCode + " " + planning.QuarterOf(l.QuarterStart).String() + " " +
			strconv.FormatFloat(l.StartersFTE, 'f', -1, 64) + " " + strconv.FormatFloat(l.LeaversFTE, 'f', -1, 64) + " " + cost
	}
	return out
}

// planConflict answers a save refused because the plan changed after the person
// opened it (409): the page shows what the other person saved and what this person
// changed, and the grid holds the saved plan with this person's changes on top, to be
// checked and saved again over the new version. Nothing either entered is lost.
func (s *Server) planConflict(w http.ResponseWriter, r *http.Request, typed gridInput, mine, base []store.PlanLine) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	latest, ok := st.base()
	if !ok {
		return errors.New("plan: a save conflicted with a plan that is not there")
	}
	all, err := s.db.PlanLines(r.Context(), latest.ID)
	if err != nil {
		return err
	}
	saved := inWindowLines(all, st.window)
	order, names := planRoleOrder(st.roles), planRoleNames(st.roles)
	m := mergeSave(typed, mine, base, saved, st.window, order)
	by, at, err := s.lastSaved(r.Context(), st.pcn.Code, latest)
	if err != nil {
		return err
	}
	v := planView{st: st, shown: &latest, editing: true, startsDraft: !latest.Status.Editable(), typed: m.cells, theirs: m.theirs,
		formPlan: latest.ID, formVersion: latest.Version, base: all,
		title:    "The plan was changed while you were editing",
		problems: []ui.ErrorSummaryItem{{Text: "Nothing you entered has been saved yet: check what " + by + " changed, then save again", Href: "#conflict-heading"}},
		conflict: &plan.Conflict{By: by, At: at, Status: planStatusView(latest.Status), Submitted: !latest.Status.Editable(),
			Theirs: planChanges(diffPlanLines(base, saved, order), names), Yours: planChanges(m.yours, names), Both: len(m.theirs)}}
	return s.renderPlan(w, r, http.StatusConflict, v)
}

// inWindowLines is the lines of the grid's quarters.
func inWindowLines(lines []store.PlanLine, window []planning.Quarter) []store.PlanLine {
	var out []store.PlanLine
	for _, l := range lines {
		if inPlanWindow(window, l.QuarterStart) {
			out = append(out, l)
		}
	}
	return out
}

// lastSaved is who last changed a version, and when: its latest event, else its
// creation (a plan imported from the command line has no events).
func (s *Server) lastSaved(ctx context.Context, pcn string, p store.Plan) (string, time.Time, error) {
	events, err := s.db.PlanEvents(ctx, pcn)
	if err != nil {
		return "", time.Time{}, err
	}
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].PlanID == p.ID {
			return events[i].Actor, events[i].At, nil
		}
	}
	return orElse(p.CreatedBy, "someone"), p.UpdatedAt, nil
}
