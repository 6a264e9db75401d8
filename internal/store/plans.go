package store

import (
	"context"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// DraftsReplaced counts what ReplaceDrafts did.
type DraftsReplaced struct {
	PCNs    int // PCNs named, each of whose editable plan now holds exactly its lines
	Created int // of them, PCNs that had no editable plan: a draft was started
	Lines   int
}

// ReplaceDrafts replaces, in one transaction, the lines of the editable plan (draft or
// returned) of every PCN the lines name, starting a draft for a PCN with none, from the
// plan lines file named file. Plans of PCNs not named, and submitted or accepted
// versions, are untouched. Each PCN gets its audit entry (planImportAudit), so that the
// trail reads PCN by PCN; by is who imported, a new draft's created_by.
func (db *DB) ReplaceDrafts(ctx context.Context, file string, lines []workforce.PlanLine, by Actor) (_ DraftsReplaced, err error) {
	defer wrap(&err, "import plan lines file %s", file)
	pcns := planPCNs(lines)
	res := DraftsReplaced{PCNs: len(pcns), Lines: len(lines)}
	err = db.InTx(ctx, func(tx *DB) error {
		if _, err := tx.q.Exec(ctx, `
			UPDATE plans SET version = version + 1, updated_at = now()
			WHERE pcn_code = ANY($1) AND status IN ('draft', 'returned')`, pcns); err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `
			INSERT INTO plans (pcn_code, created_by) SELECT unnest($1::text[]), $2
			ON CONFLICT (pcn_code) WHERE status IN ('draft', 'returned') DO NOTHING`, pcns, by.Name)
		if err != nil {
			return mapErr(err)
		}
		res.Created = int(tag.RowsAffected())
		if _, err := tx.q.Exec(ctx, `
			DELETE FROM plan_lines l USING plans p
			WHERE l.plan_id = p.id AND p.pcn_code = ANY($1) AND p.status IN ('draft', 'returned')`, pcns); err != nil {
			return err
		}
		if err := tx.insertDraftLines(ctx, lines); err != nil {
			return err
		}
		return tx.auditPlanImport(ctx, file, lines, by)
	})
	return res, err
}

// planPCNs is the sorted distinct PCN codes of the lines.
func planPCNs(lines []workforce.PlanLine) []string {
	pcns := make([]string, 0, len(lines))
	for _, l := range lines {
		pcns = append(pcns, l.PCNCode)
	}
	slices.Sort(pcns)
	return slices.Compact(pcns)
}

// insertDraftLines writes lines into their PCNs' editable plans in one statement, each
// on its stream (a line naming none is on the ARRS).
func (db *DB) insertDraftLines(ctx context.Context, lines []workforce.PlanLine) error {
	n := len(lines)
	pcn, role, stream := make([]string, n), make([]string, n), make([]string, n)
	quarter := make([]time.Time, n)
	starters, leavers := make([]float64, n), make([]float64, n)
	cost := make([]*workforce.Pence, n)
	for i, l := range lines {
		pcn[i], role[i], quarter[i], stream[i] = l.PCNCode, l.RoleCode, l.QuarterStart, string(l.FundingStream())
		starters[i], leavers[i], cost[i] = l.StartersFTE, l.LeaversFTE, l.AnnualCostPence
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO plan_lines (plan_id, role_code, quarter_start, funding_stream, starters_fte, leavers_fte, annual_cost_pence)
		SELECT p.id, u.role, u.quarter, u.stream, u.starters, u.leavers, u.cost
		FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::numeric[], $6::numeric[], $7::bigint[])
			AS u(pcn, role, quarter, stream, starters, leavers, cost)
		JOIN plans p ON p.pcn_code = u.pcn AND p.status IN ('draft', 'returned')`,
		pcn, role, quarter, stream, starters, leavers, cost)
	return mapErr(err)
}

// planColumns are the columns of plans that scanPlan reads.
const planColumns = `id, pcn_code, status, version, comment, created_by, created_at, updated_at,
	submitted_at, coalesce(submitted_by, ''), signed_off_at, coalesce(signed_off_by, ''),
	reviewed_at, coalesce(reviewed_by, '')`

func scanPlan(r pgx.CollectableRow) (workforce.Plan, error) {
	var p workforce.Plan
	err := r.Scan(&p.ID, &p.PCNCode, &p.Status, &p.Version, &p.Comment, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt,
		&p.SubmittedAt, &p.SubmittedBy, &p.SignedOffAt, &p.SignedOffBy, &p.ReviewedAt, &p.ReviewedBy)
	return p, err
}

// PlansByPCN lists every version of a PCN's plan, newest first.
func (db *DB) PlansByPCN(ctx context.Context, pcn string) (_ workforce.PlanVersions, err error) {
	defer wrap(&err, "plans of %s", pcn)
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans WHERE pcn_code = $1 ORDER BY id DESC`, pcn)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlan)
}

// Plan returns one version of a plan by id, or ErrNotFound.
func (db *DB) Plan(ctx context.Context, id int64) (_ workforce.Plan, err error) {
	defer wrap(&err, "plan %d", id)
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans WHERE id = $1`, id)
	if err != nil {
		return workforce.Plan{}, err
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	return p, mapErr(err)
}

// PlanLines lists the lines of one plan by quarter, role, then stream.
func (db *DB) PlanLines(ctx context.Context, planID int64) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "lines of plan %d", planID)
	return db.planLines(ctx, planID)
}

func (db *DB) planLines(ctx context.Context, planID int64) ([]workforce.PlanLine, error) {
	rows, err := db.q.Query(ctx, `
		SELECT p.pcn_code, `+planLineColumns+`
		FROM plan_lines l JOIN plans p ON p.id = l.plan_id
		WHERE l.plan_id = $1 ORDER BY l.quarter_start, l.role_code, `+streamOrder, planID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlanLine)
}

// planLineColumns are the columns of plan_lines l that scanPlanLine reads after the
// line's PCN code.
const planLineColumns = `l.role_code, l.quarter_start, l.starters_fte::float8, l.leavers_fte::float8,
	l.annual_cost_pence, l.funding_stream`

// streamOrder sorts plan_lines l by stream as workforce.Streams lists them.
const streamOrder = `array_position(ARRAY['arrs', 'practice_gp', 'other']::text[], l.funding_stream)`

func scanPlanLine(r pgx.CollectableRow) (workforce.PlanLine, error) {
	var l workforce.PlanLine
	return l, r.Scan(&l.PCNCode, &l.RoleCode, &l.QuarterStart, &l.StartersFTE, &l.LeaversFTE, &l.AnnualCostPence, &l.Stream)
}

// CurrentPlans returns the current plan of every PCN that has one, by PCN code.
func (db *DB) CurrentPlans(ctx context.Context) (_ []workforce.Plan, err error) {
	defer wrap(&err, "current plans")
	rows, err := db.q.Query(ctx, `
		SELECT `+planColumns+` FROM plans WHERE id IN (SELECT id FROM (`+currentPlans+`) c)
		ORDER BY pcn_code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlan)
}
