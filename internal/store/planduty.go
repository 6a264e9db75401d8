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
	bars := dutyBars[m.Action]
	if len(bars) == 0 {
		return nil
	}
	took, err := db.roundMovesBy(ctx, p, m.By)
	if err != nil {
		return fmt.Errorf("store: check who moved plan %d: %w", p.ID, err)
	}
	for _, b := range bars {
		if slices.Contains(took, b) {
			return &DutyError{Action: m.Action, Earlier: b}
		}
	}
	return nil
}

// roundMovesBy lists the submit and sign-off moves that the person took on the
// version since its latest submission. Both records are asked: plan_events, by user
// id (or the actor's name for the command line), and the stamps on the plans row,
// by email, which also covers versions moved before plan_events existed. The stamp
// of a sign-off counts only while the version is signed off: after a return and a
// new submission it names the previous round's director.
func (db *DB) roundMovesBy(ctx context.Context, p Plan, by Actor) ([]PlanAction, error) {
	rows, err := db.q.Query(ctx, `
		SELECT DISTINCT action FROM plan_events
		WHERE plan_id = $1 AND action IN ('submit', 'sign_off')
		  AND id >= (SELECT max(id) FROM plan_events WHERE plan_id = $1 AND action = 'submit')
		  AND (user_id = $2 OR (user_id IS NULL AND actor = $3))`, p.ID, by.UserID, by.Name)
	if err != nil {
		return nil, err
	}
	took, err := pgx.CollectRows(rows, pgx.RowTo[PlanAction])
	if err != nil {
		return nil, err
	}
	if by.Name != "" && p.SubmittedBy == by.Name {
		took = append(took, ActionSubmit)
	}
	if by.Name != "" && p.Status == PlanSignedOff && p.SignedOffBy == by.Name {
		took = append(took, ActionSignOff)
	}
	return took, nil
}
