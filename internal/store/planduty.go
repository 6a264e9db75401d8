package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
)

// Separation of duties in the sign-off workflow (issue 9, item 4): no one signs off or
// accepts their own plan, whatever grants they hold (an admin who is also a clinical
// director, a clinical director who is also the ICB's lead). Grants alone cannot
// guarantee it, because admins act everywhere and ICB membership is data; so the
// workflow itself checks, in the transaction that moves the plan, who took the
// version's earlier moves.
//
// The rule, per move, of the earlier moves of the same submission round that bar the
// person who took them:
//   - sign off: not by the person who submitted the version;
//   - accept: not by the person who submitted it or signed it off;
//   - return: allowed to anyone the route lets review (it only sends the plan back to
//     be edited and submitted again, which needs a sign-off and a review by others
//     anyway), and submit is allowed to the PCN's managers and admins as before.
var dutyBars = map[PlanAction][]PlanAction{
	ActionSignOff: {ActionSubmit},
	ActionAccept:  {ActionSignOff, ActionSubmit}, // the sign-off named first when both
}

// DutyError refuses a move to the person who took an earlier move of the same
// version that the workflow keeps apart from it: Earlier is that move (submit or
// sign off).
type DutyError struct {
	Action  PlanAction
	Earlier PlanAction
}

func (e *DutyError) Error() string {
	return fmt.Sprintf("store: the person who took the move %s on a plan may not also take the move %s", e.Earlier, e.Action)
}

// checkDuty refuses (*DutyError) a move by the person who took an earlier move of the
// version's current round that bars it. p is the version, locked.
func (db *DB) checkDuty(ctx context.Context, p Plan, m PlanMove) error {
	if len(dutyBars[m.Action]) == 0 {
		return nil
	}
	took, err := db.roundMovesBy(ctx, p, m.By)
	if err != nil {
		return fmt.Errorf("store: check who moved plan %d: %w", p.ID, err)
	}
	return barred(m.Action, append(took, p.stampedMoves(m.By.Name)...))
}

// DutyBar is the duty rule's refusal of action to the person of that email, from the
// version's stamps alone (what a page needs to decide whether to offer the move), or
// nil. checkDuty, in the moving transaction, also reads the plan's events and stays
// the authority.
func (p Plan) DutyBar(action PlanAction, email string) *DutyError {
	err, _ := barred(action, p.stampedMoves(email)).(*DutyError)
	return err
}

// barred is the first of action's bars among the moves the person took, or nil.
func barred(action PlanAction, took []PlanAction) error {
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

// roundMovesBy lists the submit and sign-off moves that the person took on the
// version since its latest submission, by plan_events: by user id, or the actor's
// name for the command line. checkDuty adds the stamps on the plans row
// (stampedMoves), which also cover versions moved before plan_events existed.
func (db *DB) roundMovesBy(ctx context.Context, p Plan, by Actor) ([]PlanAction, error) {
	rows, err := db.q.Query(ctx, `
		SELECT DISTINCT action FROM plan_events
		WHERE plan_id = $1 AND action IN ('submit', 'sign_off')
		  AND id >= (SELECT max(id) FROM plan_events WHERE plan_id = $1 AND action = 'submit')
		  AND (user_id = $2 OR (user_id IS NULL AND actor = $3))`, p.ID, by.UserID, by.Name)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[PlanAction])
}
