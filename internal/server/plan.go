package server

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// The plan pages: the editor and its sign-off (plan*.go). The plan's workflow, its
// grid and the merging of concurrent edits are workforce's (plan*.go there); these
// files read the request, call the store and render.

// planState is a PCN's plans as the plan pages need them.
type planState struct {
	workforce.PlanVersions // newest first
	pcn                    workforce.PCN
	current                int64 // the current plan's id (what the gap report uses), 0 if none
	roles                  []workforce.Role
	window                 workforce.PlanWindow
	today                  time.Time // the window's day: its quarters ended before it are read-only
	// events are the steps of every version, oldest first: who took each move, when,
	// with their comment (the version summary's timeline, planstatus.go).
	events []workforce.PlanEvent
}

func (s *Server) loadPlanState(r *http.Request) (planState, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return planState{}, err
	}
	ctx := r.Context()
	today := s.today()
	st := planState{pcn: p, window: workforce.PlanWindowAt(today), today: today}
	if st.PlanVersions, err = s.db.PlansByPCN(ctx, p.Code); err != nil {
		return st, err
	}
	if st.events, err = s.db.PlanEvents(ctx, p.Code); err != nil {
		return st, err
	}
	cur, err := s.db.CurrentPlan(ctx, p.Code)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return st, err
	}
	st.current = cur.ID
	st.roles, err = cached(ctx, s, "roles", s.db.Roles)
	return st, err
}

// canEditPlan: the PCN's managers and admins edit, upload and submit its plan. It is
// the pcnManager rule of the routes that save, so the form is offered exactly to the
// people whose save the route lets through.
func canEditPlan(u *auth.User, pcn string) bool {
	return u.CanChangePCN(pcn)
}

// planShow is /pcns/{code}/plan: the version asked for (?version=ID), else the
// editable plan, else the newest. The PCN's managers get the editable plan as a form;
// ?edit=1 opens a new draft copied from a read-only newest version.
func (s *Server) planShow(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	v, err := viewFor(r, st)
	if err != nil {
		return err
	}
	v.success = s.sessions.PopString(r.Context(), keyFlash)
	return s.renderPlan(w, r, http.StatusOK, v)
}

// viewFor chooses what the plan page shows for the request: the version asked for,
// as a form when the user may edit it, and the financial year asked for.
func viewFor(r *http.Request, st planState) (planView, error) {
	v := planView{st: st}
	var err error
	if v.year, err = st.shownYear(r); err != nil {
		return v, err
	}
	if v.allOther, err = parseOther(r.URL.Query().Get("other")); err != nil {
		return v, err
	}
	shown, ok, err := st.requested(r)
	if err != nil {
		return v, err
	}
	if ok {
		v.shown = &shown
	}
	base, hasBase := st.Base()
	switch {
	case !canEditPlan(currentUser(r), st.pcn.Code):
	case !hasBase:
		v.editing = true
	case ok && shown.ID == base.ID && (shown.Status.Editable() || r.URL.Query().Get("edit") == "1"):
		v.editing, v.startsDraft = true, !shown.Status.Editable()
	}
	if v.editing && hasBase {
		v.formPlan, v.formVersion = base.ID, base.Version
	}
	return v, nil
}

// requested is the version to show: ?version=ID (one of the PCN's, else 404), else the
// editable plan, else the newest; ok is false when the PCN has no plan.
func (st planState) requested(r *http.Request) (workforce.Plan, bool, error) {
	raw := r.URL.Query().Get("version")
	if raw == "" {
		p, ok := st.Base()
		return p, ok, nil
	}
	p, ok := st.FindText(raw)
	if !ok {
		return p, false, errNotFound
	}
	return p, true, nil
}

// shownYear is the financial year the page shows: ?year= (the calendar year it starts
// in, one of the window's), else the current one. Any other year is refused, naming
// the years there are.
func (st planState) shownYear(r *http.Request) (workforce.FinancialYear, error) {
	raw := r.URL.Query().Get("year")
	if raw == "" {
		return st.window[0].Year, nil
	}
	fy, ok := st.window.ParseYear(raw)
	if !ok {
		return 0, errBadRequest("%s", yearRefused(st.window))
	}
	return fy, nil
}

// yearRefused says which years the plan shows, for a year asked for that it does not.
func yearRefused(w workforce.PlanWindow) string {
	ys := w.Years()
	first, last := ys[0], ys[len(ys)-1]
	return fmt.Sprintf("The plan shows the financial years %s to %s: choose one by the year it starts in, %d to %d (such as year=%d).",
		first, last, int(first), int(last), int(first))
}

// planView is one rendering of the plan page.
type planView struct {
	st    planState
	shown *workforce.Plan // nil: the PCN has no plan
	// year is the financial year the grid shows; 0 for the current one.
	year workforce.FinancialYear
	// allOther shows every role's row on other money, not only those the plan holds
	// lines of (?other=1).
	allOther    bool
	editing     bool
	startsDraft bool
	// formPlan and formVersion are the version the form saves over (or copies).
	formPlan    int64
	formVersion int
	// typed, when set, fills the cells instead of the shown version's lines: the
	// input of a refused save, kept. lines is then the plan those cells would save
	// (the cells that can be read, the version's other lines as they are): the page's
	// figures and totals count them, as the preview of the same form does.
	typed    workforce.GridInput
	lines    []workforce.PlanLine
	errors   map[string]string // field name → message
	problems []ui.ErrorSummaryItem
	title    string // of the error summary
	conflict *plan.Conflict
	theirs   map[workforce.PlanCell]string
	// base is the lines the form was opened on (the hidden field), when not the
	// shown version's own.
	base        []workforce.PlanLine
	uploadError string
	success     string
}

// withProblems sets the page's error summary and field messages from problems.
func (v *planView) withProblems(ps workforce.Problems) {
	v.errors, v.problems = map[string]string{}, make([]ui.ErrorSummaryItem, len(ps))
	for i, p := range ps {
		v.errors[p.Field] = p.Message
		v.problems[i] = ui.ErrorSummaryItem{Text: p.Message, Href: "#" + p.Field}
	}
}
