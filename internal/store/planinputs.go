package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// FundingRates lists the rate per weighted patient of every financial year held, by
// year.
func (db *DB) FundingRates(ctx context.Context) (_ []workforce.FundingRate, err error) {
	defer wrap(&err, "funding rates")
	rows, err := db.q.Query(ctx, `SELECT financial_year, starts, rate_gbp::float8 FROM funding_rates ORDER BY starts`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.FundingRate, error) {
		var x workforce.FundingRate
		return x, r.Scan(&x.FinancialYear, &x.Starts, &x.RateGBP)
	})
}

// FundedStaffOfPCN lists the PCN's staff records in an ARRS role claimed from the ARRS
// (stream arrs, recorded or as the role says) in post on at least one day of
// [from, to): what its ARRS claims are made for. A post in an ARRS role paid through
// the practice GP scheme or from other money is left out, and so is a post in an
// approved role (outside the ARRS list: the plan's figures are the catalogue's roles).
// The band is read too: it picks the cap (an experienced general practice nurse's, a
// mental health practitioner's band).
func (db *DB) FundedStaffOfPCN(ctx context.Context, pcn string, from, to time.Time) (_ []workforce.Staff, err error) {
	defer wrap(&err, "funded staff of %s from %s to %s", pcn, from.Format(time.DateOnly), to.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, role_code, fte::float8, start_date, end_date, coalesce(annual_cost_pence, 0), band
		FROM staff
		WHERE pcn_code = $1 AND role_code IS NOT NULL AND coalesce(funding_stream, 'arrs') = 'arrs'
		  AND start_date < $3 AND (end_date IS NULL OR end_date > $2)
		ORDER BY id`, pcn, from, to)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Staff, error) {
		s := workforce.Staff{Stream: workforce.StreamARRS}
		var end *time.Time
		err := r.Scan(&s.ID, &s.PCNCode, &s.RoleCode, &s.FTE, &s.Start, &end, &s.AnnualCostPence, &s.Band)
		if end != nil {
			s.End = *end
		}
		return s, err
	})
}
