package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// CurrentPlanLinesOfPCN returns the lines of one PCN's current plan (the rule of
// CurrentPlans), by quarter then role; none when it has no plan.
func (db *DB) CurrentPlanLinesOfPCN(ctx context.Context, pcn string) ([]PlanLine, error) {
	return db.currentPlanLinesWhere(ctx, `c.pcn_code = $1`, pcn)
}

// CurrentPlanLinesOfICB returns the lines of the current plans of every PCN of an ICB,
// by PCN, quarter and role: the demand its PCNs' plans put on the supply of each role.
func (db *DB) CurrentPlanLinesOfICB(ctx context.Context, icb string) ([]PlanLine, error) {
	return db.currentPlanLinesWhere(ctx, `c.pcn_code IN (SELECT code FROM pcns WHERE icb_code = $1)`, icb)
}

func (db *DB) currentPlanLinesWhere(ctx context.Context, where string, args ...any) ([]PlanLine, error) {
	rows, err := db.q.Query(ctx, `
		WITH c AS (`+currentPlans+`)
		SELECT c.pcn_code, l.role_code, l.quarter_start, l.starters_fte::float8, l.leavers_fte::float8, l.annual_cost_pence
		FROM c JOIN plan_lines l ON l.plan_id = c.id
		WHERE `+where+`
		ORDER BY c.pcn_code, l.quarter_start, l.role_code`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlanLine)
}
