package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// planMove answers a POST of the sign-off workflow: submit (the PCN's managers), sign
// off (its clinical directors), accept or return (its ICB's leads). The route's rule
// has checked the role (403); here the plan must be the PCN's (404), in a status the
// move starts from (409, saying why) and at the version the person saw (409), and
// the person must not have submitted it (to sign it off) or submitted or signed it
// off (to accept it): 409, saying so, and a security record. A return needs a
// comment (422). Done, the move is in plan_events and the audit trail,
// in the same transaction, and the page reloads (303).
func (s *Server) planMove(action store.PlanAction) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st, err := s.loadPlanState(r)
		if err != nil {
			return err
		}
		if err := r.ParseForm(); err != nil {
			return errBadRequest("The form could not be read.")
		}
		id, version, err := postedVersion(r, st)
		if err != nil {
			return err
		}
		if id == 0 {
			return errBadRequest("The form names no version of the plan: open the plan again.")
		}
		comment := strings.TrimSpace(r.PostForm.Get("comment"))
		if msg := commentProblem(action, comment); msg != "" {
			p, _ := st.find(id)
			return s.renderPlan(w, r, http.StatusUnprocessableEntity, planView{st: st, shown: &p, comment: comment, commentError: msg,
				problems: []ui.ErrorSummaryItem{{Text: msg, Href: "#comment"}}})
		}
		moved, err := s.movePlan(r, st, store.PlanMove{PCN: st.pcn.Code, PlanID: id, Version: version, Action: action, Comment: comment})
		var refused *store.StatusError
		var duty *store.DutyError
		switch {
		case errors.As(err, &refused):
			return s.moveRefused(w, r, id, comment, moveRefusal(action, st.number(id), refused.Status))
		case errors.As(err, &duty):
			s.logDutyRefused(r, st, id, duty)
			return s.moveRefused(w, r, id, comment, dutyRefusal(duty))
		case errors.Is(err, store.ErrConflict):
			return s.moveRefused(w, r, id, comment, fmt.Sprintf("Version %d changed after you opened it: check it again, then %s it", st.number(id), moveVerb(action)))
		case err != nil:
			return err
		}
		s.sessions.Put(r.Context(), keyFlash, moveDone(st, moved))
		target := moved.After.ID
		if moved.ReturnedTo != 0 {
			target = moved.ReturnedTo
		}
		http.Redirect(w, r, "/pcns/"+st.pcn.Code+"/plan?version="+strconv.FormatInt(target, 10), http.StatusSeeOther)
		return nil
	}
}

// commentProblem checks a reviewer's comment: a return must say what to change.
func commentProblem(action store.PlanAction, comment string) string {
	switch {
	case action == store.ActionReturn && comment == "":
		return "Enter a comment saying what the network should change"
	case utf8.RuneCountInString(comment) > workforce.MaxCommentLength:
		return fmt.Sprintf("The comment must be %d characters or fewer", workforce.MaxCommentLength)
	}
	return ""
}

// movePlan takes the move with its audit entry in the same transaction.
func (s *Server) movePlan(r *http.Request, st planState, m store.PlanMove) (store.MovedPlan, error) {
	m.By = actorOf(r)
	var moved store.MovedPlan
	err := s.db.InTx(r.Context(), func(tx *store.DB) error {
		var err error
		if moved, err = tx.MovePlan(r.Context(), m); err != nil {
			return err
		}
		e := m.By.Entry("plan."+string(m.Action), "plan", strconv.FormatInt(m.PlanID, 10))
		e.PCN = st.pcn.Code
		e.Before = map[string]any{"status": moved.Before.Status, "version": moved.Before.Version}
		e.After = map[string]any{"status": moved.After.Status, "version": moved.After.Version, "comment": m.Comment,
			"superseded": moved.Superseded, "returned_to": moved.ReturnedTo}
		return tx.Audit(r.Context(), e)
	})
	return moved, err
}

// moveRefused shows the plan as it is now with why the move was refused (409).
func (s *Server) moveRefused(w http.ResponseWriter, r *http.Request, id int64, comment, msg string) error {
	st, err := s.loadPlanState(r)
	if err != nil {
		return err
	}
	p, _ := st.find(id)
	return s.renderPlan(w, r, http.StatusConflict, planView{st: st, shown: &p, comment: comment, title: "This could not be done",
		problems: []ui.ErrorSummaryItem{{Text: msg, Href: "#version"}}})
}

// moveRefusal says why a plan's status refuses a move.
func moveRefusal(action store.PlanAction, number int, status store.PlanStatus) string {
	rule := map[store.PlanAction]string{
		store.ActionSubmit:  "Only a draft, or a plan the ICB returned, can be submitted.",
		store.ActionSignOff: "Only a submitted plan can be signed off.",
		store.ActionAccept:  "Only a plan the clinical director has signed off can be accepted.",
		store.ActionReturn:  "Only a plan the clinical director has signed off can be returned.",
	}[action]
	return fmt.Sprintf("Version %d cannot be %s: it is %s. %s", number, movePast(action), strings.ToLower(planStatusView(status).Label), rule)
}

func moveVerb(a store.PlanAction) string {
	return map[store.PlanAction]string{store.ActionSubmit: "submit", store.ActionSignOff: "sign off",
		store.ActionAccept: "accept", store.ActionReturn: "return"}[a]
}

func movePast(a store.PlanAction) string {
	return map[store.PlanAction]string{store.ActionSubmit: "submitted", store.ActionSignOff: "signed off",
		store.ActionAccept: "accepted", store.ActionReturn: "returned"}[a]
}

// moveDone is the success message of a move.
func moveDone(st planState, m store.MovedPlan) string {
	n := strconv.Itoa(st.number(m.After.ID))
	switch m.Before.Status {
	case store.PlanDraft, store.PlanReturned:
		return "Version " + n + " is submitted: the clinical director can now sign it off."
	case store.PlanSubmitted:
		return "Version " + n + " is signed off: the ICB can now review it."
	}
	if m.After.Status == store.PlanAccepted {
		return "Version " + n + " is accepted: it is now the network's current plan."
	}
	if m.ReturnedTo != 0 {
		return "Version " + n + " is returned. The network had already started version " + strconv.Itoa(st.number(m.ReturnedTo)) + ", which now carries your comment."
	}
	return "Version " + n + " is returned to the network with your comment."
}

// dutyRefusal says why the workflow refused a person a move on their own plan.
func dutyRefusal(e *store.DutyError) string {
	if e.Earlier == store.ActionSignOff {
		return "You signed this plan off, so someone else must accept it"
	}
	if e.Action == store.ActionSignOff {
		return "You submitted this plan, so someone else must sign it off"
	}
	return "You submitted this plan, so someone else must accept it"
}

// logDutyRefused records in the security log a move refused because the person took
// an earlier move of the same version (separation of duties).
func (s *Server) logDutyRefused(r *http.Request, st planState, id int64, e *store.DutyError) {
	u := currentUser(r)
	s.security(r, slog.LevelWarn, "duty_refused", "user_id", u.ID, "user", u.Email, "pcn", st.pcn.Code,
		"plan", id, "action", string(e.Action), "earlier", string(e.Earlier))
}
