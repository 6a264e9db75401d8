package store

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// PlanStatus is where a version of a PCN's recruitment plan is in its sign-off.
type PlanStatus string

// The statuses of a plan: a draft is submitted by the PCN manager, signed off by the
// clinical director, and accepted or returned by the ICB lead; a returned plan is
// edited again. Only a draft or a returned plan is editable.
const (
	PlanDraft     PlanStatus = "draft"
	PlanSubmitted PlanStatus = "submitted"
	PlanSignedOff PlanStatus = "signed_off"
	PlanAccepted  PlanStatus = "accepted"
	PlanReturned  PlanStatus = "returned"
)

// Editable reports whether a plan in this status may change its lines.
func (s PlanStatus) Editable() bool { return s == PlanDraft || s == PlanReturned }

// Plan is one version of a PCN's recruitment plan.
type Plan struct {
	ID          int64
	PCNCode     string
	Status      PlanStatus
	Version     int // bumped by every write, for optimistic locking
	Comment     string
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt *time.Time
	SubmittedBy string
	SignedOffAt *time.Time
	SignedOffBy string
	ReviewedAt  *time.Time
	ReviewedBy  string
}

// PlanLine is one line of a plan: FTE starting and leaving in a role in the quarter
// that starts on QuarterStart.
type PlanLine struct {
	PCNCode      string
	RoleCode     string
	QuarterStart time.Time
	StartersFTE  float64
	LeaversFTE   float64
	// AnnualCostPence is salary plus employer on-costs of one WTE for a year; nil when
	// not known.
	AnnualCostPence *int64
}

// DraftsReplaced counts what ReplaceDrafts did.
type DraftsReplaced struct {
	PCNs    int // PCNs named, each of whose editable plan now holds exactly its lines
	Created int // of them, PCNs that had no editable plan: a draft was started
	Lines   int
}

// ReplaceDrafts replaces, in one transaction, the lines of the editable plan (draft or
// returned) of every PCN the lines name, starting a draft for a PCN with none. Plans of
// PCNs not named, and submitted or accepted versions, are untouched. by names who
// wrote, for a new draft's created_by.
func (db *DB) ReplaceDrafts(ctx context.Context, by string, lines []PlanLine) (DraftsReplaced, error) {
	pcns := planPCNs(lines)
	res := DraftsReplaced{PCNs: len(pcns), Lines: len(lines)}
	err := db.InTx(ctx, func(tx *DB) error {
		if _, err := tx.q.Exec(ctx, `
			UPDATE plans SET version = version + 1, updated_at = now()
			WHERE pcn_code = ANY($1) AND status IN ('draft', 'returned')`, pcns); err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `
			INSERT INTO plans (pcn_code, created_by) SELECT unnest($1::text[]), $2
			ON CONFLICT (pcn_code) WHERE status IN ('draft', 'returned') DO NOTHING`, pcns, by)
		if err != nil {
			return mapErr(err)
		}
		res.Created = int(tag.RowsAffected())
		if _, err := tx.q.Exec(ctx, `
			DELETE FROM plan_lines l USING plans p
			WHERE l.plan_id = p.id AND p.pcn_code = ANY($1) AND p.status IN ('draft', 'returned')`, pcns); err != nil {
			return err
		}
		return tx.insertDraftLines(ctx, lines)
	})
	return res, err
}

// planPCNs is the sorted distinct PCN codes of the lines.
func planPCNs(lines []PlanLine) []string {
	pcns := make([]string, 0, len(lines))
	for _, l := range lines {
		pcns = append(pcns, l.PCNCode)
	}
	slices.Sort(pcns)
	return slices.Compact(pcns)
}

// insertDraftLines writes lines into their PCNs' editable plans in one statement.
func (db *DB) insertDraftLines(ctx context.Context, lines []PlanLine) error {
	n := len(lines)
	pcn, role := make([]string, n), make([]string, n)
	quarter := make([]time.Time, n)
	starters, leavers := make([]float64, n), make([]float64, n)
	cost := make([]*int64, n)
	for i, l := range lines {
		pcn[i], role[i], quarter[i] = l.PCNCode, l.RoleCode, l.QuarterStart
		starters[i], leavers[i], cost[i] = l.StartersFTE, l.LeaversFTE, l.AnnualCostPence
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO plan_lines (plan_id, role_code, quarter_start, starters_fte, leavers_fte, annual_cost_pence)
		SELECT p.id, u.role, u.quarter, u.starters, u.leavers, u.cost
		FROM unnest($1::text[], $2::text[], $3::date[], $4::numeric[], $5::numeric[], $6::bigint[])
			AS u(pcn, role, quarter, starters, leavers, cost)
		JOIN plans p ON p.pcn_code = u.pcn AND p.status IN ('draft', 'returned')`,
		pcn, role, quarter, starters, leavers, cost)
	return mapErr(err)
}

// planColumns are the columns of plans that scanPlan reads.
const planColumns = `id, pcn_code, status, version, comment, created_by, created_at, updated_at,
	submitted_at, coalesce(submitted_by, ''), signed_off_at, coalesce(signed_off_by, ''),
	reviewed_at, coalesce(reviewed_by, '')`

func scanPlan(r pgx.CollectableRow) (Plan, error) {
	var p Plan
	err := r.Scan(&p.ID, &p.PCNCode, &p.Status, &p.Version, &p.Comment, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt,
		&p.SubmittedAt, &p.SubmittedBy, &p.SignedOffAt, &p.SignedOffBy, &p.ReviewedAt, &p.ReviewedBy)
	return p, err
}

// PlansByPCN lists every version of a PCN's plan, newest first.
func (db *DB) PlansByPCN(ctx context.Context, pcn string) ([]Plan, error) {
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans WHERE pcn_code = $1 ORDER BY id DESC`, pcn)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlan)
}

// Plan returns one version of a plan by id, or ErrNotFound.
func (db *DB) Plan(ctx context.Context, id int64) (Plan, error) {
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans WHERE id = $1`, id)
	if err != nil {
		return Plan{}, err
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	return p, mapErr(err)
}

// PlanLines lists the lines of one plan by quarter, then role.
func (db *DB) PlanLines(ctx context.Context, planID int64) ([]PlanLine, error) {
	rows, err := db.q.Query(ctx, `
		SELECT p.pcn_code, l.role_code, l.quarter_start, l.starters_fte::float8, l.leavers_fte::float8, l.annual_cost_pence
		FROM plan_lines l JOIN plans p ON p.id = l.plan_id
		WHERE l.plan_id = $1 ORDER BY l.quarter_start, l.role_code`, planID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlanLine)
}

func scanPlanLine(r pgx.CollectableRow) (PlanLine, error) {
	var l PlanLine
	return l, r.Scan(&l.PCNCode, &l.RoleCode, &l.QuarterStart, &l.StartersFTE, &l.LeaversFTE, &l.AnnualCostPence)
}

// CurrentPlans returns the current plan of every PCN that has one, by PCN code.
func (db *DB) CurrentPlans(ctx context.Context) ([]Plan, error) {
	rows, err := db.q.Query(ctx, `
		SELECT `+planColumns+` FROM plans WHERE id IN (SELECT id FROM (`+currentPlans+`) c)
		ORDER BY pcn_code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlan)
}
