package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ExpectedSupplyOfICB lists an ICB's expected supply, every role and year, by year then
// role.
func (db *DB) ExpectedSupplyOfICB(ctx context.Context, icb string) (_ []workforce.ExpectedSupply, err error) {
	defer wrap(&err, "expected supply of %s", icb)
	rows, err := db.q.Query(ctx, `
		SELECT icb_code, role_code, financial_year, newly_qualified_fte::float8, trainees_completing_fte::float8,
		       movers_fte::float8, version
		FROM expected_supply WHERE icb_code = $1 ORDER BY financial_year, role_code`, icb)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.ExpectedSupply, error) {
		var s workforce.ExpectedSupply
		return s, r.Scan(&s.ICBCode, &s.RoleCode, &s.FinancialYear, &s.NewlyQualified, &s.TraineesCompleting, &s.Movers, &s.Version)
	})
}

// SupplyChange is what SaveExpectedSupply did: the rows it changed, as they were and
// as they are (a row that now expects nothing is removed).
type SupplyChange struct {
	Before, After map[string]workforce.ExpectedSupply // by role code
}

// SaveExpectedSupply saves the expected supply of one ICB and financial year, role by
// role, in one transaction with one audit entry. Each row carries the version the
// person saw (0 for a role with no row then); if any row's version is stale, nothing is
// saved and the error is ErrConflict. Rows equal to what is stored are left alone; a
// row that expects nothing removes the stored one. No change writes no audit entry.
func (db *DB) SaveExpectedSupply(ctx context.Context, icb, year string, rows []workforce.ExpectedSupply, by Actor) (_ SupplyChange, err error) {
	defer wrap(&err, "save expected supply of %s %s", icb, year)
	ch := SupplyChange{Before: map[string]workforce.ExpectedSupply{}, After: map[string]workforce.ExpectedSupply{}}
	err = db.InTx(ctx, func(tx *DB) error {
		stored, err := tx.lockSupply(ctx, icb, year)
		if err != nil {
			return err
		}
		for _, s := range rows {
			s.ICBCode, s.FinancialYear = icb, year
			old, had := stored[s.RoleCode]
			if s.Version != old.Version {
				return ErrConflict
			}
			if had && sameSupply(old, s) || !had && s.IsZero() {
				continue
			}
			saved, err := tx.writeSupply(ctx, s, had)
			if err != nil {
				return err
			}
			if had {
				ch.Before[s.RoleCode] = old
			}
			if !s.IsZero() {
				ch.After[s.RoleCode] = saved
			}
		}
		if len(ch.Before) == 0 && len(ch.After) == 0 {
			return nil
		}
		e := by.Entry("supply.save", "expected_supply", icb+" "+year)
		e.ICB, e.Before, e.After = icb, ch.Before, ch.After
		return tx.audit(ctx, e)
	})
	return ch, err
}

// lockSupply reads an ICB's rows of one year, locking them against a concurrent save.
func (db *DB) lockSupply(ctx context.Context, icb, year string) (map[string]workforce.ExpectedSupply, error) {
	rows, err := db.q.Query(ctx, `
		SELECT role_code, newly_qualified_fte::float8, trainees_completing_fte::float8, movers_fte::float8, version
		FROM expected_supply WHERE icb_code = $1 AND financial_year = $2 FOR UPDATE`, icb, year)
	if err != nil {
		return nil, err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.ExpectedSupply, error) {
		s := workforce.ExpectedSupply{ICBCode: icb, FinancialYear: year}
		return s, r.Scan(&s.RoleCode, &s.NewlyQualified, &s.TraineesCompleting, &s.Movers, &s.Version)
	})
	out := make(map[string]workforce.ExpectedSupply, len(list))
	for _, s := range list {
		out[s.RoleCode] = s
	}
	return out, err
}

func sameSupply(a, b workforce.ExpectedSupply) bool {
	return a.NewlyQualified == b.NewlyQualified && a.TraineesCompleting == b.TraineesCompleting && a.Movers == b.Movers
}

// writeSupply inserts, updates or (when it expects nothing) deletes one row, and
// returns it as stored.
func (db *DB) writeSupply(ctx context.Context, s workforce.ExpectedSupply, had bool) (workforce.ExpectedSupply, error) {
	var err error
	switch {
	case s.IsZero():
		_, err = db.q.Exec(ctx, `DELETE FROM expected_supply WHERE icb_code = $1 AND role_code = $2 AND financial_year = $3`,
			s.ICBCode, s.RoleCode, s.FinancialYear)
	case had:
		err = db.q.QueryRow(ctx, `
			UPDATE expected_supply SET newly_qualified_fte = $4, trainees_completing_fte = $5, movers_fte = $6,
				version = version + 1
			WHERE icb_code = $1 AND role_code = $2 AND financial_year = $3 RETURNING version`,
			s.ICBCode, s.RoleCode, s.FinancialYear, s.NewlyQualified, s.TraineesCompleting, s.Movers).Scan(&s.Version)
	default:
		err = db.q.QueryRow(ctx, `
			INSERT INTO expected_supply (icb_code, role_code, financial_year, newly_qualified_fte, trainees_completing_fte, movers_fte)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING version`,
			s.ICBCode, s.RoleCode, s.FinancialYear, s.NewlyQualified, s.TraineesCompleting, s.Movers).Scan(&s.Version)
	}
	return s, mapErr(err)
}
