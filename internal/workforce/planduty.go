package workforce

import (
	"fmt"
	"slices"
)

// Separation of duties in the sign-off workflow (issue 9, item 4): no one signs off or
// accepts their own plan, whatever grants they hold (an admin who is also a clinical
// director, a clinical director who is also the ICB's lead). Grants alone cannot
// guarantee it, because admins act everywhere and ICB membership is data; so the
// workflow itself checks, in the transaction that moves the plan, who took the
// version's earlier moves (the store reads them from the plan's events and calls
// Plan.CheckDuty).
//
// The rule, per move, of the earlier moves of the same submission round that bar the
// person who took them:
//   - sign off: not by the person who submitted the version;
//   - accept: not by the person who submitted it or signed it off;
//   - return: allowed to anyone the route lets review (it only sends the plan back to
//     be edited and submitted again, which needs a sign-off and a review by others
//     anyway), and submit is allowed to the PCN's managers and admins as before;
//   - send back (the clinical director's return, issue 13): allowed to the director
//     who submitted the version too. Sending back approves nothing: the plan goes back
//     to the managers to be changed, and its next round needs a submission, a sign-off
//     by someone other than its submitter and an ICB review all over again. Refusing it
//     would only leave a director who submitted their own plan unable to withdraw it.
var dutyBars = map[PlanAction][]PlanAction{
	ActionSignOff: {ActionSubmit},
	ActionAccept:  {ActionSignOff, ActionSubmit}, // the sign-off named first when both
}

// DutyBound reports whether the duty rule may refuse someone the move, so that the
// store reads who took the version's earlier moves only when it matters.
func (a PlanAction) DutyBound() bool { return len(dutyBars[a]) > 0 }

// DutyError refuses a move to the person who took an earlier move of the same
// version that the workflow keeps apart from it: Earlier is that move (submit or
// sign off).
type DutyError struct {
	Action  PlanAction
	Earlier PlanAction
}

func (e *DutyError) Error() string {
	return fmt.Sprintf("the person who took the move %s on a plan may not also take the move %s", e.Earlier, e.Action)
}

// Reason says to the person refused why they may not take the move.
func (e *DutyError) Reason() string {
	if e.Earlier == ActionSignOff {
		return "You signed this plan off, so someone else must accept it"
	}
	if e.Action == ActionSignOff {
		return "You submitted this plan, so someone else must sign it off"
	}
	return "You submitted this plan, so someone else must accept it"
}

// CheckDuty refuses (*DutyError) the move to the person named, given took, the moves
// of the version's current round that the plan's events say they took; the stamps on
// the version count too (stampedMoves), which also cover versions moved before
// events were kept. nil when the move is theirs to take.
func (p Plan) CheckDuty(action PlanAction, name string, took []PlanAction) error {
	if e := barred(action, append(took, p.stampedMoves(name)...)); e != nil {
		return e
	}
	return nil
}

// DutyBar is the duty rule's refusal of action to the person of that email, from the
// version's stamps alone (what a page needs to decide whether to offer the move), or
// nil. CheckDuty, in the moving transaction, also counts the plan's events and stays
// the authority.
func (p Plan) DutyBar(action PlanAction, email string) *DutyError {
	return barred(action, p.stampedMoves(email))
}

// barred is the first of action's bars among the moves the person took, or nil.
func barred(action PlanAction, took []PlanAction) *DutyError {
	for _, b := range dutyBars[action] {
		if slices.Contains(took, b) {
			return &DutyError{Action: action, Earlier: b}
		}
	}
	return nil
}

// stampedMoves are the moves of the current round the plan's stamps name the person
// for. The stamp of a sign-off counts only while the version is signed off: after a
// return and a new submission it names the previous round's director.
func (p Plan) stampedMoves(name string) []PlanAction {
	var took []PlanAction
	if name != "" && p.SubmittedBy == name {
		took = append(took, ActionSubmit)
	}
	if name != "" && p.Status == PlanSignedOff && p.SignedOffBy == name {
		took = append(took, ActionSignOff)
	}
	return took
}
