package store

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Reads of the clinical director's dashboard and the ICB comparison (issue 6, items 4
// and 5) that no other page needed: an ICB's staff records at once, the records of a
// PCN about to end, and every plan version of an ICB's PCNs.

// staffWhere lists staff records as workforce.Staff, by PCN, role, identifier and start.
func (db *DB) staffWhere(ctx context.Context, where string, args ...any) ([]workforce.Staff, error) {
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, coalesce(role_code, ''), staff_group, staff_role, detailed_role, source,
		       unique_identifier, source_rows, fte::float8, start_date, end_date
		FROM staff WHERE `+where+`
		ORDER BY pcn_code, staff_role, detailed_role, unique_identifier, start_date, id`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Staff, error) {
		var s workforce.Staff
		var end *time.Time
		err := r.Scan(&s.ID, &s.PCNCode, &s.RoleCode, &s.StaffGroup, &s.StaffRole, &s.DetailedRole, &s.Source,
			&s.UniqueIdentifier, &s.SourceRows, &s.FTE, &s.Start, &end)
		if end != nil {
			s.End = *end
		}
		return s, err
	})
}

// StaffOfICB lists every staff record of every PCN of an ICB today (a dissolved ICB's
// on its last day: icb_pcns_today), in post or not, by PCN then role: what Supervisees
// gives for one PCN, for all of them in one query.
func (db *DB) StaffOfICB(ctx context.Context, icb string) (_ []workforce.Staff, err error) {
	defer wrap(&err, "staff of ICB %s", icb)
	return db.staffWhere(ctx, `pcn_code IN (SELECT icb_pcns_today($1))`, icb)
}

// StaffOfPCNs is StaffOfICB for the PCNs given: an ICB's PCNs on another day than
// today (the comparison "as it was"), whose records today's structure would miss.
func (db *DB) StaffOfPCNs(ctx context.Context, pcns []string) (_ []workforce.Staff, err error) {
	defer wrap(&err, "staff of %d PCNs", len(pcns))
	return db.staffWhere(ctx, `pcn_code = ANY($1)`, pcns)
}

// StaffLeaving lists a PCN's records whose end date (the first day out of post) falls
// in (after, until], by end date then role: the people leaving in that span.
func (db *DB) StaffLeaving(ctx context.Context, pcn string, after, until time.Time) (_ []workforce.StaffRecord, err error) {
	defer wrap(&err, "staff of %s leaving after %s until %s", pcn, after.Format(time.DateOnly), until.Format(time.DateOnly))
	recs, err := db.staffRecords(ctx, `s.pcn_code = $1 AND s.end_date > $2 AND s.end_date <= $3`, pcn, after, until)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(recs, func(a, b workforce.StaffRecord) int { return a.End.Compare(b.End) })
	return recs, nil
}

// PlanVersion is one version of a PCN's plan, its number among the PCN's versions (1
// for the first) and whether it is the PCN's current plan (the rule of CurrentPlans).
type PlanVersion struct {
	NumberedPlan
	Current bool
}

// PlanVersions are a PCN's plan versions as PlanVersionsOfPCN lists them, newest
// first.
type PlanVersions []PlanVersion

// InWorkflow is where the PCN's plan stands: its newest version still in the workflow
// (superseded versions left it); ok is false when it has none.
func (vs PlanVersions) InWorkflow() (v PlanVersion, ok bool) {
	for _, v := range vs {
		if v.Status != workforce.PlanSuperseded {
			return v, true
		}
	}
	return v, false
}

// PlanVersionsOfPCN lists every version of a PCN's plan, newest first.
func (db *DB) PlanVersionsOfPCN(ctx context.Context, pcn string) (_ PlanVersions, err error) {
	defer wrap(&err, "plan versions of %s", pcn)
	return db.planVersions(ctx, `pcn_code = $1`, pcn)
}

// PlanVersionsOfICB lists every version of the plans of every PCN of an ICB today
// (icb_pcns_today), by PCN then newest first.
func (db *DB) PlanVersionsOfICB(ctx context.Context, icb string) (_ PlanVersions, err error) {
	defer wrap(&err, "plan versions of ICB %s", icb)
	return db.planVersions(ctx, `pcn_code IN (SELECT icb_pcns_today($1))`, icb)
}

// PlanVersionsOfPCNs is PlanVersionsOfICB for the PCNs given, by PCN then newest
// first.
func (db *DB) PlanVersionsOfPCNs(ctx context.Context, pcns []string) (_ PlanVersions, err error) {
	defer wrap(&err, "plan versions of %d PCNs", len(pcns))
	return db.planVersions(ctx, `pcn_code = ANY($1)`, pcns)
}

func (db *DB) planVersions(ctx context.Context, where string, args ...any) ([]PlanVersion, error) {
	rows, err := db.q.Query(ctx, `
		WITH c AS (`+currentPlans+`)
		SELECT `+planColumns+`,
			row_number() OVER (PARTITION BY pcn_code ORDER BY id),
			id IN (SELECT id FROM c)
		FROM plans
		WHERE `+where+`
		ORDER BY pcn_code, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (PlanVersion, error) {
		var v PlanVersion
		p := &v.Plan
		err := r.Scan(&p.ID, &p.PCNCode, &p.Status, &p.Version, &p.Comment, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt,
			&p.SubmittedAt, &p.SubmittedBy, &p.SignedOffAt, &p.SignedOffBy, &p.ReviewedAt, &p.ReviewedBy, &v.Number, &v.Current)
		return v, err
	})
}
