package store

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// FundingRateRow is a financial year's rate per weighted patient as admins keep it
// (/admin/rates): the rate and its version for optimistic locking (migration 000014).
type FundingRateRow struct {
	workforce.FundingRate
	Version int
}

// ErrRateTaken is returned when a new rate names a financial year that has one: one
// rate per year, changed rather than added again.
var ErrRateTaken = errors.New("the financial year already has a rate")

const rateColumns = `financial_year, starts, rate_gbp::float8, version`

func scanRate(r pgx.CollectableRow) (FundingRateRow, error) {
	var x FundingRateRow
	err := r.Scan(&x.FinancialYear, &x.Starts, &x.RateGBP, &x.Version)
	return x, err
}

// FundingRateRows lists every year's rate with its version, by year.
func (db *DB) FundingRateRows(ctx context.Context) (_ []FundingRateRow, err error) {
	defer wrap(&err, "funding rates with versions")
	rows, err := db.q.Query(ctx, `SELECT `+rateColumns+` FROM funding_rates ORDER BY starts`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanRate)
}

// FundingRateRow returns the rate of financial year y ("2026/27"), or ErrNotFound.
func (db *DB) FundingRateRow(ctx context.Context, y string) (_ FundingRateRow, err error) {
	defer wrap(&err, "funding rate of %s", y)
	return db.fundingRate(ctx, y)
}

func (db *DB) fundingRate(ctx context.Context, y string) (FundingRateRow, error) {
	rows, err := db.q.Query(ctx, `SELECT `+rateColumns+` FROM funding_rates WHERE financial_year = $1`, y)
	if err != nil {
		return FundingRateRow{}, err
	}
	x, err := pgx.CollectExactlyOneRow(rows, scanRate)
	return x, mapErr(err)
}

// AddFundingRate adds a year's rate and its audit entry in one transaction;
// ErrRateTaken when the year has a rate already.
func (db *DB) AddFundingRate(ctx context.Context, r workforce.FundingRate, by Actor) (saved FundingRateRow, err error) {
	defer wrap(&err, "add funding rate of %s", r.FinancialYear)
	err = db.InTx(ctx, func(tx *DB) error {
		rows, err := tx.q.Query(ctx, `
			INSERT INTO funding_rates (financial_year, starts, rate_gbp) VALUES ($1, $2, $3)
			RETURNING `+rateColumns, r.FinancialYear, r.Starts, r.RateGBP)
		if err != nil {
			return rateErr(err)
		}
		if saved, err = pgx.CollectExactlyOneRow(rows, scanRate); err != nil {
			return rateErr(err)
		}
		e := by.Entry("rate.create", "funding_rate", saved.FinancialYear)
		e.After = rateAudit(saved)
		return tx.audit(ctx, e)
	})
	return saved, err
}

// UpdateFundingRate changes a year's rate if nobody has saved it since r.Version (else
// ErrConflict; ErrNotFound if the year has none), with its audit entry, in one
// transaction. The year and its start date stay: another year is another rate.
func (db *DB) UpdateFundingRate(ctx context.Context, r FundingRateRow, by Actor) (saved FundingRateRow, err error) {
	defer wrap(&err, "update funding rate of %s", r.FinancialYear)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.fundingRate(ctx, r.FinancialYear)
		if err != nil {
			return err
		}
		rows, err := tx.q.Query(ctx, `
			UPDATE funding_rates SET rate_gbp = $3, version = version + 1
			WHERE financial_year = $1 AND version = $2 RETURNING `+rateColumns,
			r.FinancialYear, r.Version, r.RateGBP)
		if err != nil {
			return err
		}
		saved, err = pgx.CollectExactlyOneRow(rows, scanRate)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrConflict
		}
		if err != nil {
			return err
		}
		e := by.Entry("rate.update", "funding_rate", r.FinancialYear)
		e.Before, e.After = rateAudit(before), rateAudit(saved)
		return tx.audit(ctx, e)
	})
	return saved, err
}

// rateErr maps a unique violation (of the year or its start date) to ErrRateTaken.
func rateErr(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return ErrRateTaken
	}
	return mapErr(err)
}

// rateAudit is what the audit trail records of a rate.
func rateAudit(r FundingRateRow) map[string]any {
	return map[string]any{
		"financial_year": r.FinancialYear, "starts": r.Starts.Format(workforce.DateLayout),
		"rate_gbp": r.RateGBP, "version": r.Version,
	}
}
