package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// BandCaps lists every cap by Agenda for Change band (migration 000013), by band and
// date: what a role whose own cap is unknown, or older, is claimed against.
func (db *DB) BandCaps(ctx context.Context) (_ []workforce.BandCap, err error) {
	defer wrap(&err, "band caps")
	rows, err := db.q.Query(ctx, `
		SELECT band, effective_from, cap_pence, provisional
		FROM band_caps ORDER BY band, effective_from`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.BandCap, error) {
		var x workforce.BandCap
		return x, r.Scan(&x.Band, &x.EffectiveFrom, &x.Pence, &x.Provisional)
	})
}

// insertBandCaps adds the shipped band caps that are missing, leaving alone any an
// admin has changed, as insertCaps does for role caps.
func (db *DB) insertBandCaps(ctx context.Context, ref *refdata.Reference) error {
	for _, c := range ref.BandCaps {
		_, err := db.q.Exec(ctx, `
			INSERT INTO band_caps (band, effective_from, cap_pence, provisional)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
			c.Band, c.EffectiveFrom, c.Pence, c.Provisional)
		if err != nil {
			return err
		}
	}
	return nil
}
