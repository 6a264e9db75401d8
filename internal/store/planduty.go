package store

import (
	"context"
	"fmt"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// checkDuty refuses (*workforce.DutyError) a move by the person who took an earlier
// move of the version's current round that bars it (the duty rule of workforce's
// planduty.go). p is the version, locked; the moves the person took are read here,
// in the moving transaction, so that the rule is checked against what is committed.
func (db *DB) checkDuty(ctx context.Context, p workforce.Plan, m PlanMove) error {
	if !m.Action.DutyBound() {
		return nil
	}
	took, err := db.roundMovesBy(ctx, p, m.By)
	if err != nil {
		return fmt.Errorf("check who moved plan %d: %w", p.ID, err)
	}
	return p.CheckDuty(m.Action, m.By.Name, took)
}

// roundMovesBy lists the submit and sign-off moves that the person took on the
// version since its latest submission, by plan_events: by user id, or the actor's
// name for the command line. Plan.CheckDuty adds the stamps on the plans row, which
// also cover versions moved before plan_events existed.
func (db *DB) roundMovesBy(ctx context.Context, p workforce.Plan, by Actor) ([]workforce.PlanAction, error) {
	rows, err := db.q.Query(ctx, `
		SELECT DISTINCT action FROM plan_events
		WHERE plan_id = $1 AND action IN ('submit', 'sign_off')
		  AND id >= (SELECT max(id) FROM plan_events WHERE plan_id = $1 AND action = 'submit')
		  AND (user_id = $2 OR (user_id IS NULL AND actor = $3))`, p.ID, by.UserID, by.Name)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[workforce.PlanAction])
}
