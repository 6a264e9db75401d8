package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// UpsertPopulations writes the weighted populations of the file named file in one
// transaction: a (PCN, effective date) already held takes the new value. Each PCN the
// file changes gets its audit entry (populationsAudit), naming its ICB, with the values
// written and those they replaced, so that the trail shows who moved a fair share. It
// returns how many rows were written.
func (db *DB) UpsertPopulations(ctx context.Context, file string, pops []workforce.Population, by Actor) (n int, err error) {
	defer wrap(&err, "import populations file %s", file)
	err = db.InTx(ctx, func(tx *DB) error {
		held, err := tx.heldPopulations(ctx, pops)
		if err != nil {
			return err
		}
		if n, err = tx.upsertPopulations(ctx, pops); err != nil {
			return err
		}
		return tx.auditPopulations(ctx, file, pops, held, by)
	})
	return n, err
}

func (db *DB) upsertPopulations(ctx context.Context, pops []workforce.Population) (int, error) {
	code := make([]string, len(pops))
	date := make([]time.Time, len(pops))
	weighted := make([]float64, len(pops))
	for i, p := range pops {
		code[i], date[i], weighted[i] = p.PCNCode, p.EffectiveDate, p.Weighted
	}
	tag, err := db.q.Exec(ctx, `
		INSERT INTO pcn_populations (pcn_code, effective_date, weighted_population)
		SELECT * FROM unnest($1::text[], $2::date[], $3::numeric[])
		ON CONFLICT (pcn_code, effective_date) DO UPDATE SET weighted_population = excluded.weighted_population`,
		code, date, weighted)
	if err != nil {
		return 0, mapErr(err)
	}
	return int(tag.RowsAffected()), nil
}

// heldPopulations returns the values already held for the (PCN, effective date) pairs
// of pops, the ones an upsert of pops replaces: what the audit entry records as
// "before".
func (db *DB) heldPopulations(ctx context.Context, pops []workforce.Population) ([]workforce.Population, error) {
	code := make([]string, len(pops))
	date := make([]time.Time, len(pops))
	for i, p := range pops {
		code[i], date[i] = p.PCNCode, p.EffectiveDate
	}
	rows, err := db.q.Query(ctx, `
		SELECT p.pcn_code, p.effective_date, p.weighted_population::float8
		FROM pcn_populations p JOIN unnest($1::text[], $2::date[]) AS u(code, day)
		  ON p.pcn_code = u.code AND p.effective_date = u.day
		ORDER BY p.pcn_code, p.effective_date`, code, date)
	if err != nil {
		return nil, fmt.Errorf("populations held: %w", err)
	}
	held, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Population, error) {
		var p workforce.Population
		return p, r.Scan(&p.PCNCode, &p.EffectiveDate, &p.Weighted)
	})
	if err != nil {
		return nil, fmt.Errorf("populations held: %w", err)
	}
	return held, nil
}

// PopulationsOn returns, by PCN code, the weighted population in force on day d: the
// one with the latest effective date on or before d. PCNs with none are absent.
func (db *DB) PopulationsOn(ctx context.Context, d time.Time) (_ map[string]float64, err error) {
	defer wrap(&err, "populations on %s", d.Format(time.DateOnly))
	rows, err := db.q.Query(ctx, `
		SELECT DISTINCT ON (pcn_code) pcn_code, weighted_population::float8
		FROM pcn_populations WHERE effective_date <= $1
		ORDER BY pcn_code, effective_date DESC`, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	pops := map[string]float64{}
	var code string
	var w float64
	_, err = pgx.ForEachRow(rows, []any{&code, &w}, func() error {
		pops[code] = w
		return nil
	})
	return pops, err
}

// PopulationsByPCN lists the weighted populations entered for one PCN, newest first.
func (db *DB) PopulationsByPCN(ctx context.Context, pcn string) (_ []workforce.Population, err error) {
	defer wrap(&err, "populations of %s", pcn)
	rows, err := db.q.Query(ctx, `
		SELECT pcn_code, effective_date, weighted_population::float8
		FROM pcn_populations WHERE pcn_code = $1 ORDER BY effective_date DESC`, pcn)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Population, error) {
		var p workforce.Population
		return p, r.Scan(&p.PCNCode, &p.EffectiveDate, &p.Weighted)
	})
}
