package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planConfirm is GET /pcns/{code}/plan/{submit|sign-off|send-back|accept|return}
// ?version=ID: the page that says what the move will do to the version and holds the
// form that takes it (planMove). Every move of the workflow is irreversible, so the
// plan page only links here. Submit's page is the check-your-answers summary of the
// plan (plancheck.go). ?version names one of the PCN's versions (else 404; not a
// number, 400); without it, the version the move starts from. A version in a status
// the move does not start from, or a move the duty rule refuses the person, gets a
// page saying why, with no form (409).
func (s *Server) planConfirm(a workforce.PlanAction) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st, err := s.loadPlanState(r)
		if err != nil {
			return err
		}
		p, ok, err := st.moveTarget(r, a)
		if err != nil {
			return err
		}
		return s.renderConfirm(w, r, st, a, confirmView{plan: p, found: ok})
	}
}

// moveTarget is the version a confirmation page is about: ?version=ID, else the
// version in a status the move starts from (a PCN has at most one), else the one the
// plan page shows first; ok is false when the PCN has no plan.
func (st planState) moveTarget(r *http.Request, a workforce.PlanAction) (workforce.Plan, bool, error) {
	raw := r.URL.Query().Get("version")
	if raw == "" {
		for _, p := range st.PlanVersions {
			if workforce.CanMove(p.Status, a) {
				return p, true, nil
			}
		}
		p, ok := st.Base()
		return p, ok, nil
	}
	if id, err := strconv.ParseInt(raw, 10, 64); err != nil || id <= 0 {
		return workforce.Plan{}, false, errBadRequest("The address does not name a version of the plan: open the plan again.")
	}
	p, ok := st.FindText(raw)
	if !ok {
		return p, false, errNotFound
	}
	return p, true, nil
}

// confirmView is one rendering of a confirmation page.
type confirmView struct {
	plan  workforce.Plan
	found bool // the PCN has a plan
	// status is the page's status: 200 unless set (409 when the move is refused).
	status int
	// seen is the version the person saw, when their post is shown again: the form
	// keeps it, so that a change meanwhile is still caught.
	seen         *int
	comment      string
	commentError string
	// refused, when set, is why the move was refused when taken; otherwise the page
	// works out whether the version can take it.
	refused  string
	title    string
	problems []ui.ErrorSummaryItem
}

// renderConfirm renders a move's confirmation page.
func (s *Server) renderConfirm(w http.ResponseWriter, r *http.Request, st planState, a workforce.PlanAction, v confirmView) error {
	number := 0
	if v.found {
		number = st.Number(v.plan.ID)
	}
	c := plan.Confirm{Layout: s.page(r, confirmTitle(a, number), layout.NavNone), Code: st.pcn.Code, Name: st.pcn.Name,
		Move: movePath(a), ProblemTitle: v.title, Problems: v.problems, Refused: v.refused}
	c.Layout.HasErrors = len(v.problems) > 0
	c.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: st.pcn.Name, Href: "/pcns/" + st.pcn.Code}, {Text: "Recruitment plan", Href: "/pcns/" + st.pcn.Code + "/plan"}}
	status := v.status
	if status == 0 {
		status = http.StatusOK
	}
	switch {
	case !v.found:
		c.Refused = "This network has no recruitment plan yet."
	case c.Refused == "":
		c.Refused = moveRefusal(currentUser(r).Email, st, a, v.plan)
	}
	if c.Refused != "" {
		if status == http.StatusOK {
			status = http.StatusConflict
		}
		if v.found {
			c.Version, c.PlanID = versionInfo(st, v.plan), v.plan.ID
		}
		return renderStatus(w, r, status, plan.ConfirmPage(c))
	}
	c.Version, c.PlanID, c.PlanVersion = versionInfo(st, v.plan), v.plan.ID, v.plan.Version
	if v.seen != nil {
		c.PlanVersion = *v.seen
	}
	c.Happens, c.Button, c.Comment = moveHappens(st, a, v.plan), moveButton(a), commentBox(a, v.comment, v.commentError)
	if err := s.confirmFigures(r, st, a, v.plan, &c); err != nil {
		return err
	}
	return renderStatus(w, r, status, plan.ConfirmPage(c))
}

// confirmFigures adds what the version changes (planComparisons) to a move's page and,
// to Submit's, the check-your-answers summary.
func (s *Server) confirmFigures(r *http.Request, st planState, a workforce.PlanAction, p workforce.Plan, c *plan.Confirm) error {
	lines, err := s.db.PlanLines(r.Context(), p.ID)
	if err != nil {
		return err
	}
	if a == workforce.ActionSubmit {
		check, err := s.checkAnswers(r.Context(), st, lines)
		if err != nil {
			return err
		}
		c.Check = &check
	}
	c.Comparisons, err = s.planComparisons(r.Context(), st, p, lines)
	return err
}

// moveRefusal is why the version cannot take the move from the person of that
// email: its status, or the duty rule (from the version's stamps; the store's check
// when moving stays the authority). "" when it can.
func moveRefusal(email string, st planState, a workforce.PlanAction, p workforce.Plan) string {
	if _, err := p.Status.Next(a); err != nil {
		return err.(*workforce.StatusError).Explain(st.Number(p.ID))
	}
	if e := p.DutyBar(a, email); e != nil {
		return e.Reason() + "."
	}
	return ""
}

// movePath is the move's address on the plan: submit, sign-off, send-back, accept or
// return (routes.go).
func movePath(a workforce.PlanAction) string { return strings.ReplaceAll(string(a), "_", "-") }

// confirmTitle is the heading of a move's page on version number (0: none).
func confirmTitle(a workforce.PlanAction, number int) string {
	what := "the plan"
	if number != 0 {
		what = "version " + strconv.Itoa(number)
	}
	switch a {
	case workforce.ActionSubmit:
		return "Check the plan before you submit it"
	case workforce.ActionSignOff:
		return "Sign off " + what
	case workforce.ActionAccept:
		return "Accept " + what
	}
	return "Return " + what + " to the network"
}

// moveButton is the text of the button that takes the move.
func moveButton(a workforce.PlanAction) string {
	switch a {
	case workforce.ActionSubmit:
		return "Submit for sign-off"
	case workforce.ActionSignOff:
		return "Sign off the plan"
	case workforce.ActionAccept:
		return "Accept the plan"
	}
	return "Return the plan to the network"
}

// commentBox is the move's comment box: required on a return, optional on an
// acceptance, none otherwise.
func commentBox(a workforce.PlanAction, value, problem string) plan.Comment {
	c := plan.Comment{Value: value, Error: problem}
	switch {
	case a.Returns():
		c.Show, c.Required, c.Label = true, true, "Comment for the network's managers"
		c.Hint = "What the network should change before it submits the plan again. They see it on the plan, with your name."
	case a == workforce.ActionAccept:
		c.Show, c.Label = true, "Comment for the network (optional)"
		c.Hint = "Anything the network should know about the plan. It is shown on the plan, with your name."
	}
	return c
}
