package workforce

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PlanAction is one step in the life of a plan version.
type PlanAction string

// The steps a plan version's history records. Submit, sign-off, accept and return are
// the sign-off workflow's moves; supersede follows from a submission or a return;
// create, save and upload are the PCN's edits of its draft.
const (
	ActionCreate    PlanAction = "create"
	ActionSave      PlanAction = "save"
	ActionUpload    PlanAction = "upload"
	ActionSubmit    PlanAction = "submit"
	ActionSignOff   PlanAction = "sign_off"
	ActionAccept    PlanAction = "accept"
	ActionReturn    PlanAction = "return"
	ActionSupersede PlanAction = "supersede"
	// ActionSendBack is the clinical director's return of a submitted plan to the
	// network's managers, with a comment saying what to change.
	ActionSendBack PlanAction = "send_back"
)

// move is one move of the workflow: the statuses it may start from, where it leaves
// the plan, and how people say it.
type move struct {
	from       []PlanStatus
	to         PlanStatus
	verb, past string
	// rule says which plans the move is for, when a plan's status refuses it.
	rule string
}

// moves are the workflow's moves. draft → submitted (PCN manager) → signed_off
// (clinical director) → accepted or returned (ICB lead); the clinical director may
// also send a submitted plan back (returned); a returned plan is edited and submitted
// again.
var moves = map[PlanAction]move{
	ActionSubmit: {[]PlanStatus{PlanDraft, PlanReturned}, PlanSubmitted, "submit", "submitted",
		"Only a draft, or a plan returned to the network, can be submitted."},
	ActionSignOff: {[]PlanStatus{PlanSubmitted}, PlanSignedOff, "sign off", "signed off",
		"Only a submitted plan can be signed off."},
	ActionAccept: {[]PlanStatus{PlanSignedOff}, PlanAccepted, "accept", "accepted",
		"Only a plan the clinical director has signed off can be accepted."},
	ActionReturn: {[]PlanStatus{PlanSignedOff}, PlanReturned, "return", "returned",
		"Only a plan the clinical director has signed off can be returned."},
	ActionSendBack: {[]PlanStatus{PlanSubmitted}, PlanReturned, "return", "returned",
		"Only a submitted plan can be returned by the clinical director."},
}

// CanMove reports whether a plan in status s may take the move.
func CanMove(s PlanStatus, a PlanAction) bool {
	_, err := s.Next(a)
	return err == nil
}

// Next is the status the move leaves a plan in status s in, or a *StatusError when s
// does not allow the move (or a is no move of the workflow).
func (s PlanStatus) Next(a PlanAction) (PlanStatus, error) {
	m, ok := moves[a]
	if ok {
		for _, f := range m.from {
			if f == s {
				return m.to, nil
			}
		}
	}
	return "", &StatusError{Action: a, Status: s}
}

// StatusError is a move the plan's status does not allow (a plan already submitted,
// signed off by someone else meanwhile…).
type StatusError struct {
	Action PlanAction
	Status PlanStatus
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("a %s plan cannot take the move %s", e.Status, e.Action)
}

// Explain says to people why version number of the plan cannot take the move:
// "Version 2 cannot be signed off: it is draft. Only a submitted plan can be signed off."
func (e *StatusError) Explain(number int) string {
	return "Version " + strconv.Itoa(number) + " cannot be " + e.Action.Past() + ": it is " +
		strings.ToLower(e.Status.Label()) + ". " + moves[e.Action].rule
}

// Verb is the move as people ask for it ("sign off"); "" for a step that is no move.
func (a PlanAction) Verb() string { return moves[a].verb }

// Past is the move done ("signed off"); "" for a step that is no move.
func (a PlanAction) Past() string { return moves[a].past }

// History names the step in a plan's history.
func (a PlanAction) History() string {
	switch a {
	case ActionCreate:
		return "Started"
	case ActionSave:
		return "Saved from the grid"
	case ActionUpload:
		return "Replaced by an uploaded file"
	case ActionSubmit:
		return "Submitted for sign-off"
	case ActionSignOff:
		return "Signed off by the clinical director"
	case ActionAccept:
		return "Accepted by the ICB"
	case ActionReturn:
		return "Returned by the ICB"
	case ActionSendBack:
		return "Returned by the clinical director"
	case ActionSupersede:
		return "Taken out of review"
	}
	return string(a)
}

// CommentProblem checks a reviewer's comment on the move: a return must say what to
// change, and no comment may be longer than MaxCommentLength. "" when it is fine.
func (a PlanAction) CommentProblem(comment string) string {
	switch {
	case a.Returns() && comment == "":
		return "Enter a comment saying what the network should change"
	case utf8.RuneCountInString(comment) > MaxCommentLength:
		return fmt.Sprintf("The comment must be %d characters or fewer", MaxCommentLength)
	}
	return ""
}

// Returns reports whether the move hands the plan back to the network's managers
// with a comment: the ICB's return, or the clinical director's.
func (a PlanAction) Returns() bool { return a == ActionReturn || a == ActionSendBack }
