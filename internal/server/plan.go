package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planState is a PCN's plans as the plan pages need them.
type planState struct {
	pcn      workforce.PCN
	plans    []store.Plan // newest first
	editable *store.Plan  // the draft or returned plan, if any
	current  int64        // the current plan's id (what the gap report uses), 0 if none
	roles    []workforce.Role
	window   []planning.Quarter
}

func (s *Server) loadPlanState(r *http.Request) (planState, error) {
	p, status := s.routePCN(r)
	switch status {
	case http.StatusNotFound:
		return planState{}, errNotFound
	case http.StatusInternalServerError:
		return planState{}, errors.New("plan: the organisation tree cannot be read")
	}
	ctx := r.Context()
	st := planState{pcn: p, window: planWindow(today(s.now()))}
	var err error
	if st.plans, err = s.db.PlansByPCN(ctx, p.Code); err != nil {
		return st, err
	}
	for i := range st.plans {
		if st.plans[i].Status.Editable() {
			st.editable = &st.plans[i]
		}
	}
	cur, err := s.db.CurrentPlan(ctx, p.Code)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return st, err
	}
	st.current = cur.ID
	st.roles, err = cached(ctx, s, "roles", s.db.Roles)
	return st, err
}

// find is one of the PCN's versions by id.
func (st planState) find(id int64) (store.Plan, bool) {
	for _, p := range st.plans {
		if p.ID == id {
			return p, true
		}
	}
	return store.Plan{}, false
}

// number is a version's place among the PCN's versions, 1 for the first.
func (st planState) number(id int64) int {
	for i, p := range st.plans {
		if p.ID == id {
			return len(st.plans) - i
		}
	}
	return 0
}

// newest is the PCN's newest version, if any.
func (st planState) newest() (store.Plan, bool) {
	if len(st.plans) == 0 {
		return store.Plan{}, false
	}
	return st.plans[0], true
}

// base is the version a save from the grid starts from: the editable plan, else the
// newest version (copied into a new draft), else none.
func (st planState) base() (store.Plan, bool) {
	if st.editable != nil {
		return *st.editable, true
	}
	return st.newest()
}

// canEditPlan: the PCN's managers and admins edit, upload and submit its plan. It is
// the pcnManager rule of the routes that save, so the form is offered exactly to the
// people whose save the route lets through.
func canEditPlan(u *auth.User, pcn string) bool {
	return canChangeStaff(u, pcn)
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
// as a form when the user may edit it.
func viewFor(r *http.Request, st planState) (planView, error) {
	v := planView{st: st}
	shown, ok, err := st.requested(r)
	if err != nil {
		return v, err
	}
	if ok {
		v.shown = &shown
	}
	base, hasBase := st.base()
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
func (st planState) requested(r *http.Request) (store.Plan, bool, error) {
	raw := r.URL.Query().Get("version")
	if raw == "" {
		p, ok := st.base()
		return p, ok, nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return store.Plan{}, false, errNotFound
	}
	p, ok := st.find(id)
	if !ok {
		return p, false, errNotFound
	}
	return p, true, nil
}

// planView is one rendering of the plan page.
type planView struct {
	st          planState
	shown       *store.Plan // nil: the PCN has no plan
	editing     bool
	startsDraft bool
	// formPlan and formVersion are the version the form saves over (or copies).
	formPlan    int64
	formVersion int
	// typed, when set, fills the cells instead of the shown version's lines: the
	// input of a refused save, kept.
	typed    gridInput
	errors   map[string]string // field name → message
	problems []ui.ErrorSummaryItem
	title    string // of the error summary
	conflict *plan.Conflict
	theirs   map[cellKey]string
	// base is the lines the form was opened on (the hidden field), when not the
	// shown version's own.
	base         []store.PlanLine
	comment      string
	commentError string
	uploadError  string
	success      string
}

// renderPlan renders the plan page with its figures, worked out for the version shown.
func (s *Server) renderPlan(w http.ResponseWriter, r *http.Request, status int, v planView) error {
	ctx := r.Context()
	st := v.st
	var lines []store.PlanLine
	if v.shown != nil {
		var err error
		if lines, err = s.db.PlanLines(ctx, v.shown.ID); err != nil {
			return err
		}
	}
	draft, err := s.draftOf(ctx, st.pcn.Code)
	if err != nil {
		return err
	}
	nums, err := s.planNumbers(ctx, st.pcn, lines, draft, st.window)
	if err != nil {
		return err
	}
	caps, err := s.db.Caps(ctx)
	if err != nil {
		return err
	}
	u := currentUser(r)
	p := plan.Page{
		Layout: s.page(r, "Recruitment plan", layout.NavNone),
		Code:   st.pcn.Code, Name: st.pcn.Name, Success: v.success,
		ProblemTitle: v.title, Problems: v.problems, Conflict: v.conflict,
		Editing: v.editing, StartsDraft: v.startsDraft,
		Figures:  nums.figures,
		Warnings: planWarnings(lines, st.roles, caps, st.window, nums, st.pcn.RegisteredPatients),
		Outside:  len(outsideWindow(lines, st.window)),
	}
	p.Layout.HasErrors = len(v.problems) > 0
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: st.pcn.Name, Href: "/pcns/" + st.pcn.Code}}
	p.Grid = buildGrid(st, v, lines, nums)
	if v.shown != nil {
		p.Version = s.versionInfo(st, *v.shown)
		p.Figures.Current = v.shown.ID == st.current
		// The draft's figures, recomputed on every save, are "with your draft"; the
		// official ones stand beside them.
		p.Figures.Draft = v.shown.Status.Editable() && !nums.figures.NoCensus && !nums.figures.NoTarget
		for i := range p.Grid.Years {
			p.Grid.Years[i].Draft = p.Figures.Draft
		}
	}
	if !p.Figures.Current && st.current != 0 {
		cur, _ := st.find(st.current)
		p.Figures.CurrentText = "version " + strconv.Itoa(st.number(cur.ID)) + " (" + planStatusView(cur.Status).Label + ")"
	}
	p.Others = otherVersions(st, v.shown)
	p.Form = plan.FormState{Action: "/pcns/" + st.pcn.Code + "/plan", PlanID: v.formPlan, Version: v.formVersion,
		Base: encodeBase(orLines(v.base, lines), st.window)}
	p.Actions = planActions(u, st, v)
	p.Files = planFiles(u, st, v)
	if !v.editing && v.shown != nil && canEditPlan(u, st.pcn.Code) && st.editable == nil {
		if newest, _ := st.newest(); newest.ID == v.shown.ID {
			p.EditHref = "/pcns/" + st.pcn.Code + "/plan?edit=1"
		}
	}
	return renderStatus(w, r, status, plan.View(p))
}

// orLines is a when set, else b.
func orLines(a, b []store.PlanLine) []store.PlanLine {
	if a != nil {
		return a
	}
	return b
}

// otherVersions link the versions besides the one shown that someone may look for:
// the draft being edited, versions waiting in review, the current plan.
func otherVersions(st planState, shown *store.Plan) []plan.VersionLink {
	var out []plan.VersionLink
	href := func(p store.Plan) string {
		return "/pcns/" + st.pcn.Code + "/plan?version=" + strconv.FormatInt(p.ID, 10)
	}
	for _, p := range st.plans {
		if shown != nil && p.ID == shown.ID {
			continue
		}
		n := "Version " + strconv.Itoa(st.number(p.ID))
		switch {
		case p.Status.Editable():
			out = append(out, plan.VersionLink{Text: n + " is being edited (" + planStatusView(p.Status).Label + ")", Href: "/pcns/" + st.pcn.Code + "/plan"})
		case p.Status == store.PlanSubmitted:
			out = append(out, plan.VersionLink{Text: n + " is waiting for the clinical director's sign-off", Href: href(p)})
		case p.Status == store.PlanSignedOff:
			out = append(out, plan.VersionLink{Text: n + " is waiting for the ICB's review", Href: href(p)})
		case p.ID == st.current:
			out = append(out, plan.VersionLink{Text: n + " (" + planStatusView(p.Status).Label + ") is the current plan", Href: href(p)})
		}
	}
	return out
}

// planStatusView is a status as pages show it.
func planStatusView(s store.PlanStatus) plan.Status {
	switch s {
	case store.PlanDraft:
		return plan.Status{Code: string(s), Label: "Draft", Colour: ui.TagGrey}
	case store.PlanSubmitted:
		return plan.Status{Code: string(s), Label: "Submitted", Colour: ui.TagBlue}
	case store.PlanSignedOff:
		return plan.Status{Code: string(s), Label: "Signed off", Colour: ui.TagPurple}
	case store.PlanAccepted:
		return plan.Status{Code: string(s), Label: "Accepted", Colour: ui.TagGreen}
	case store.PlanReturned:
		return plan.Status{Code: string(s), Label: "Returned", Colour: ui.TagOrange}
	case store.PlanSuperseded:
		return plan.Status{Code: string(s), Label: "Superseded", Colour: ui.TagWhite}
	}
	return plan.Status{Code: string(s), Label: string(s)}
}

// versionInfo describes a version: who started it, the latest of each move, the
// reviewer's comment.
func (s *Server) versionInfo(st planState, p store.Plan) plan.Version {
	v := plan.Version{ID: p.ID, Number: st.number(p.ID), Status: planStatusView(p.Status),
		Created: plan.Stamp{What: "Started", By: p.CreatedBy, At: p.CreatedAt}, Current: p.ID == st.current, Editable: p.Status.Editable()}
	if p.SubmittedAt != nil {
		v.Steps = append(v.Steps, plan.Stamp{What: "Submitted", By: p.SubmittedBy, At: *p.SubmittedAt})
	}
	if p.SignedOffAt != nil {
		v.Steps = append(v.Steps, plan.Stamp{What: "Signed off", By: p.SignedOffBy, At: *p.SignedOffAt})
	}
	if p.ReviewedAt != nil {
		what := "Reviewed"
		switch p.Status {
		case store.PlanAccepted:
			what = "Accepted"
		case store.PlanReturned:
			what = "Returned"
		}
		v.Steps = append(v.Steps, plan.Stamp{What: what, By: p.ReviewedBy, At: *p.ReviewedAt})
	}
	if p.Status == store.PlanReturned || p.Status == store.PlanAccepted {
		v.Comment = p.Comment
	}
	return v
}

// planActions are the workflow's buttons for the version shown and the user.
func planActions(u *auth.User, st planState, v planView) plan.Actions {
	a := plan.Actions{Code: st.pcn.Code, Comment: v.comment, CommentError: v.commentError}
	if v.shown == nil {
		return a
	}
	a.PlanID, a.Version = v.shown.ID, v.shown.Version
	a.Submit = v.shown.Status.Editable() && canEditPlan(u, st.pcn.Code) && len(v.problems) == 0
	a.SignOff = v.shown.Status == store.PlanSubmitted && canSignOff(u, st.pcn.Code)
	a.Review = v.shown.Status == store.PlanSignedOff && canReview(u, st.pcn)
	a.Accept = a.Review
	// The workflow refuses a person the move after their own (store.checkDuty): the
	// button is not offered, and the page says why. The stamps name this round's
	// submitter and signer; the store stays the authority.
	if e := dutyBar(u, *v.shown, a.SignOff, a.Review); e != nil {
		a.Barred = dutyRefusal(e) + "."
		a.SignOff = a.SignOff && e.Action != store.ActionSignOff
		a.Accept = a.Accept && e.Action != store.ActionAccept
	}
	return a
}

// dutyBar is the duty rule's refusal of the move the version waits for (sign-off or
// review), for the signed-in person, or nil.
func dutyBar(u *auth.User, p store.Plan, signOff, review bool) *store.DutyError {
	switch {
	case signOff:
		return p.DutyBar(store.ActionSignOff, u.Email)
	case review:
		return p.DutyBar(store.ActionAccept, u.Email)
	}
	return nil
}

// planFiles are the downloads of the version shown and, for its managers, the upload.
func planFiles(u *auth.User, st planState, v planView) plan.Files {
	f := plan.Files{History: "/pcns/" + st.pcn.Code + "/plan/history", UploadError: v.uploadError, Upload: canEditPlan(u, st.pcn.Code)}
	if base, ok := st.base(); ok {
		f.UploadPlan, f.UploadVersion = base.ID, base.Version
	}
	if v.shown != nil {
		q := "?version=" + strconv.FormatInt(v.shown.ID, 10)
		f.CSV, f.XLSX = "/pcns/"+st.pcn.Code+"/plan.csv"+q, "/pcns/"+st.pcn.Code+"/plan.xlsx"+q
	}
	return f
}
