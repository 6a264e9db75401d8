package store

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// The reads behind a PCN's funding (internal/funding): each takes a list of PCN codes,
// nil for every PCN, so that the funding of one network, of an ICB's 67 or of England
// costs one query per table, never one per PCN.

// FundingRecord is a staff record as claims and costs need it: its span, FTE, annual
// cost and funding (stream resolved, claiming practice, approved role), and what names
// it on a claim schedule.
type FundingRecord struct {
	workforce.Staff
	// CostKnown is false when no annual cost (or 0) is recorded: NWRS carries no
	// salaries. AnnualCostPence is then 0.
	CostKnown bool
	Employer  string
}

// FundingRecords lists the staff records of the PCNs (nil: all) in an ARRS role or a
// commissioner-approved one, in post on at least one day of [from, to), by PCN, role
// and id, whatever their stream: the caller splits them by Stream, resolved as the
// role says when none is recorded (staffStreamSQL). Staff outside ARRS with no
// approval are no post of any stream's figures and are not listed.
func (db *DB) FundingRecords(ctx context.Context, pcns []string, from, to time.Time) (_ []FundingRecord, err error) {
	defer wrap(&err, "funding records of %d PCNs (0: all) from %s to %s", len(pcns), from.Format(time.DateOnly), to.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT s.id, s.pcn_code, coalesce(s.role_code, ''), s.fte::float8, s.start_date, s.end_date,
		       coalesce(s.annual_cost_pence, 0), coalesce(s.annual_cost_pence, 0) > 0, s.band, s.source,
		       s.unique_identifier, s.staff_role, s.detailed_role, s.employer,
		       `+staffStreamSQL+`, coalesce(s.practice_code, ''), coalesce(s.approved_role_id, 0)
		FROM staff s
		WHERE (s.role_code IS NOT NULL OR s.approved_role_id IS NOT NULL)
		  AND s.start_date < $2 AND (s.end_date IS NULL OR s.end_date > $1) AND s.`+pcnsWhere(pcns, 3)+`
		ORDER BY s.pcn_code, s.role_code, s.id`, pcnsArgs(pcns, from, to)...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (FundingRecord, error) {
		var x FundingRecord
		var end *time.Time
		err := r.Scan(&x.ID, &x.PCNCode, &x.RoleCode, &x.FTE, &x.Start, &end,
			&x.AnnualCostPence, &x.CostKnown, &x.Band, &x.Source,
			&x.UniqueIdentifier, &x.StaffRole, &x.DetailedRole, &x.Employer,
			&x.Stream, &x.PracticeCode, &x.ApprovedRole)
		if end != nil {
			x.End = *end
		}
		return x, err
	})
}

// CurrentPlanLinesOf is CurrentPlanLines for the PCNs named (nil: all): the lines of
// each one's current plan, by PCN, quarter, role and stream, each on its stream.
func (db *DB) CurrentPlanLinesOf(ctx context.Context, pcns []string) (_ []workforce.PlanLine, err error) {
	defer wrap(&err, "current plan lines of %d PCNs (0: all)", len(pcns))
	rows, err := db.q.Query(ctx, `
		WITH c AS (`+currentPlans+`)
		SELECT c.pcn_code, `+planLineColumns+`
		FROM c JOIN plan_lines l ON l.plan_id = c.id
		WHERE $1::text[] IS NULL OR c.pcn_code = ANY($1)
		ORDER BY c.pcn_code, l.quarter_start, l.role_code, `+streamOrder, pcns)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPlanLine)
}

// PopulationOn is a PCN's weighted population in force on a day.
type PopulationOn struct {
	Day      time.Time
	PCNCode  string
	Weighted float64
}

// PopulationsOnDays returns, for each day and each of the PCNs (nil: all) that has
// one, the weighted population in force on it: the one with the latest effective date
// on or before the day. One query however many days and PCNs.
func (db *DB) PopulationsOnDays(ctx context.Context, pcns []string, days []time.Time) (_ []PopulationOn, err error) {
	defer wrap(&err, "populations of %d PCNs (0: all) on %d days", len(pcns), len(days))
	rows, err := db.q.Query(ctx, `
		SELECT d.day, p.pcn_code, p.weighted_population::float8
		FROM unnest($2::date[]) AS d(day)
		CROSS JOIN LATERAL (
			SELECT DISTINCT ON (pcn_code) pcn_code, weighted_population
			FROM pcn_populations
			WHERE effective_date <= d.day AND ($1::text[] IS NULL OR pcn_code = ANY($1))
			ORDER BY pcn_code, effective_date DESC
		) p
		ORDER BY d.day, p.pcn_code`, pcns, days)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (PopulationOn, error) {
		var x PopulationOn
		return x, r.Scan(&x.Day, &x.PCNCode, &x.Weighted)
	})
}
