package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planMove answers a POST of the sign-off workflow, sent from the move's confirmation
// page (planconfirm.go): submit (the PCN's managers), sign off or send back (its
// clinical directors), accept or return (its ICB's leads). The route's rule has
// checked the role (403); here the plan must be the PCN's (404), in a status the move
// starts from (409, saying why) and at the version the person saw (409), and the
// person must not have submitted it (to sign it off) or submitted or signed it off
// (to accept it): 409, saying so, and a security record. A return needs a comment
// (422). A refusal shows the confirmation page again, with the comment typed. Done,
// the move is in plan_events and the audit trail, in the same transaction, and the
// plan page shows it (303).
func (s *Server) planMove(action workforce.PlanAction) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st, err := s.loadPlanState(r)
		if err != nil {
			return err
		}
		form, err := readForm(r)
		if err != nil {
			return err
		}
		id, version, err := postedVersion(r, st)
		if err != nil {
			return err
		}
		if id == 0 {
			return errBadRequest("The form names no version of the plan: open the plan again.")
		}
		comment := strings.TrimSpace(form.Get("comment"))
		if msg := action.CommentProblem(comment); msg != "" {
			p, _ := st.Find(id)
			return s.renderConfirm(w, r, st, action, confirmView{plan: p, found: true, status: http.StatusUnprocessableEntity,
				seen: &version, comment: comment, commentError: msg, problems: []ui.ErrorSummaryItem{{Text: msg, Href: "#comment"}}})
		}
		moved, err := s.db.MovePlan(r.Context(), store.PlanMove{PCN: st.pcn.Code, PlanID: id, Version: version, Action: action, Comment: comment, By: actorOf(r)})
		var refused *workforce.StatusError
		var duty *workforce.DutyError
		switch {
		case errors.As(err, &refused):
			return s.moveRefused(w, r, action, id, comment, refused.Explain(st.Number(id)), true)
		case errors.As(err, &duty):
			s.logDutyRefused(r, st, id, duty)
			return s.moveRefused(w, r, action, id, comment, duty.Reason()+".", true)
		case errors.Is(err, store.ErrConflict):
			return s.moveRefused(w, r, action, id, comment, fmt.Sprintf("Version %d changed after you opened it: check it again, then %s it", st.Number(id), action.Verb()), false)
		case err != nil:
			return err
		}
		s.sessions.Put(r.Context(), keyFlash, moveDone(st, action, moved))
		target := moved.After.ID
		if moved.ReturnedTo != 0 {
			target = moved.ReturnedTo
		}
		http.Redirect(w, r, "/pcns/"+st.pcn.Code+"/plan?version="+strconv.FormatInt(target, 10), http.StatusSeeOther)
		return nil
	}
}

// moveRefused shows the move's confirmation page again, for the version as it is now,
// with why the move was refused (409) and the comment typed. final refusals (the
// status, the duty rule) leave no form; a stale version offers the move again on the
// version as it is now, for the person to check it first.
func (s *Server) moveRefused(w http.ResponseWriter, r *http.Request, action workforce.PlanAction, id int64, comment, msg string, final bool) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	p, _ := st.Find(id)
	v := confirmView{plan: p, found: true, status: http.StatusConflict, comment: comment, title: "This could not be done",
		problems: []ui.ErrorSummaryItem{{Text: msg, Href: "#confirm-version"}}}
	if final {
		v.refused, v.problems[0].Href = msg, "#refused"
	}
	return s.renderConfirm(w, r, st, action, v)
}

// moveDone is the success message of a move.
func moveDone(st planState, action workforce.PlanAction, m store.MovedPlan) string {
	n := "Version " + strconv.Itoa(st.Number(m.After.ID))
	switch {
	case action == workforce.ActionSubmit:
		return n + " is submitted: the clinical director can now sign it off."
	case action == workforce.ActionSignOff:
		return n + " is signed off: the ICB can now review it."
	case action == workforce.ActionAccept:
		return n + " is accepted: it is now the network's current plan."
	case m.ReturnedTo != 0:
		return n + " is returned. The network had already started version " + strconv.Itoa(st.Number(m.ReturnedTo)) + ", which now carries your comment."
	}
	return n + " is returned to the network's managers with your comment."
}

// logDutyRefused records in the security log a move refused because the person took
// an earlier move of the same version (separation of duties).
func (s *Server) logDutyRefused(r *http.Request, st planState, id int64, e *workforce.DutyError) {
	u := currentUser(r)
	s.security(r, slog.LevelWarn, "duty_refused", "user_id", u.ID, "user", u.Email, "pcn", st.pcn.Code,
		"plan", id, "action", string(e.Action), "earlier", string(e.Earlier))
}

// planActions are the workflow's moves on the version shown that the user may take,
// each a link to its confirmation page.
func planActions(u *auth.User, st planState, v planView) plan.Actions {
	a := plan.Actions{Code: st.pcn.Code}
	if v.shown == nil {
		return a
	}
	a.PlanID = v.shown.ID
	// While the grid is a form, its "Save and submit" saves what is typed, then opens
	// submit's page: a separate link would submit the plan as last saved and drop it.
	a.Submit = v.shown.Status.Editable() && canEditPlan(u, st.pcn.Code) && len(v.problems) == 0 && !v.editing
	a.SignOff = v.shown.Status == workforce.PlanSubmitted && u.CanSignOff(st.pcn.Code)
	// The director's return approves nothing: the duty rule leaves it to a director
	// who submitted the version too (planduty.go).
	a.SendBack = a.SignOff
	a.Review = v.shown.Status == workforce.PlanSignedOff && u.CanReviewPCN(st.pcn.Code, st.pcn.ICBCode)
	a.Accept = a.Review
	// The workflow refuses a person the move after their own (workforce's duty rule):
	// the move is not offered, and the page says why. The stamps name this round's
	// submitter and signer; the store's check when moving stays the authority.
	var e *workforce.DutyError
	switch {
	case a.SignOff:
		e = v.shown.DutyBar(workforce.ActionSignOff, u.Email)
	case a.Review:
		e = v.shown.DutyBar(workforce.ActionAccept, u.Email)
	}
	if e != nil {
		a.Barred = e.Reason() + "."
		a.SignOff = a.SignOff && e.Action != workforce.ActionSignOff
		a.Accept = a.Accept && e.Action != workforce.ActionAccept
	}
	return a
}
