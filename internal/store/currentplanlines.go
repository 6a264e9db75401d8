package store

import (
	"context"
	"fmt"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// currentPlans picks each PCN's current plan (PLANNING.md, "Projection"): its latest
// accepted version, else its latest version that is submitted or signed off. Latest is
// the newest, by id. Drafts and returned versions never count, nor do superseded ones
// (taken out of review): a draft is private to its PCN ("Drafts stay private"), so
// every official figure (gaps, what-ifs, downloads, comparison, dashboards, funding,
// rooms, supply) reads plan lines through this one rule.
const currentPlans = `
	SELECT DISTINCT ON (pcn_code) id, pcn_code
	FROM plans
	WHERE status IN ('accepted', 'submitted', 'signed_off')
	ORDER BY pcn_code, (status = 'accepted') DESC, id DESC`

// latestPlans picks each PCN's latest version whatever its status (superseded
// versions aside: a newer version always exists beside them): what `arrs report gaps
// --drafts` counts instead of the current plan. No page uses it.
const latestPlans = `
	SELECT DISTINCT ON (pcn_code) id, pcn_code
	FROM plans
	WHERE status <> 'superseded'
	ORDER BY pcn_code, id DESC`

// CurrentPlanLines returns the lines of every PCN's current plan in one query, by PCN,
// quarter and role: what a projection of England adds to the staff in post.
func (db *DB) CurrentPlanLines(ctx context.Context) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "lines of the current plans")
	return db.planLinesWhere(ctx, currentPlans, `true`)
}

// LatestPlanLines returns the lines of every PCN's latest version, draft or not, by
// PCN, quarter and role: the projection of `arrs report gaps --drafts`, never an
// official figure.
func (db *DB) LatestPlanLines(ctx context.Context) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "lines of the latest plans")
	return db.planLinesWhere(ctx, latestPlans, `true`)
}

// CurrentPlanLinesOfPCN returns the lines of one PCN's current plan (the rule of
// CurrentPlans), by quarter then role; none when it has no plan.
func (db *DB) CurrentPlanLinesOfPCN(ctx context.Context, pcn string) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "plan lines of %s", pcn)
	return db.planLinesWhere(ctx, currentPlans, `c.pcn_code = $1`, pcn)
}

// CurrentPlanLinesOfICB returns the lines of the current plans of every PCN of an ICB
// today (icb_pcns_today), by PCN, quarter and role: the demand its PCNs' plans put on
// the supply of each role.
func (db *DB) CurrentPlanLinesOfICB(ctx context.Context, icb string) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "plan lines of ICB %s", icb)
	return db.planLinesWhere(ctx, currentPlans, `c.pcn_code IN (SELECT icb_pcns_today($1))`, icb)
}

// CurrentPlanLinesOfPCNs returns the lines of the current plans of the PCNs given, by
// PCN, quarter and role: an ICB's PCNs on another day than today.
func (db *DB) CurrentPlanLinesOfPCNs(ctx context.Context, pcns []string) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "plan lines of %d PCNs", len(pcns))
	return db.planLinesWhere(ctx, currentPlans, `c.pcn_code = ANY($1)`, pcns)
}

// planLinesWhere reads the lines of the plans a rule picks (currentPlans or
// latestPlans) of the PCNs where selects, by PCN, quarter, role and stream.
func (db *DB) planLinesWhere(ctx context.Context, rule, where string, args ...any) ([]workforce.PlanLine, error) {
	rows, err := db.q.Query(ctx, `
		WITH c AS (`+rule+`)
		SELECT c.pcn_code, `+planLineColumns+`
		FROM c JOIN plan_lines l ON l.plan_id = c.id
		WHERE `+where+`
		ORDER BY c.pcn_code, l.quarter_start, l.role_code, `+streamOrder, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlanLine)
}

// PCNDraft returns the PCN's draft, its latest version when that is a draft or
// returned (being edited), with its lines; ErrNotFound when its latest version is not
// editable or it has no plan. Only the PCN's own plan and dashboard pages show a
// figure from it, labelled "with your draft" (PLANNING.md, "Drafts stay private").
func (db *DB) PCNDraft(ctx context.Context, pcn string) (_ workforce.Plan, _ []workforce.PlanLine, err error) {
	defer wrap(&err, "draft of %s", pcn)
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans
		WHERE id = (SELECT id FROM (`+latestPlans+`) c WHERE pcn_code = $1) AND status IN ('draft', 'returned')`, pcn)
	if err != nil {
		return workforce.Plan{}, nil, err
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	if err != nil {
		return p, nil, mapErr(err)
	}
	lines, err := db.planLines(ctx, p.ID)
	if err != nil {
		return p, nil, fmt.Errorf("its lines: %w", err)
	}
	return p, lines, nil
}
