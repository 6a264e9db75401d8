package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func (db *DB) sites(ctx context.Context, where string, args ...any) ([]workforce.Site, error) {
	rows, err := db.q.Query(ctx, `
		SELECT id, pcn_code, name, bookable_sessions_per_week::float8, version FROM sites
		WHERE `+where+` ORDER BY pcn_code, name, id`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Site, error) {
		var s workforce.Site
		return s, r.Scan(&s.ID, &s.PCNCode, &s.Name, &s.SessionsPerWeek, &s.Version)
	})
}

// SitesOfPCN lists a PCN's sites by name.
func (db *DB) SitesOfPCN(ctx context.Context, pcn string) (_ []workforce.Site, err error) {
	defer wrap(&err, "sites of %s", pcn)
	return db.sites(ctx, `pcn_code = $1`, pcn)
}

// SitesOfICB lists the sites of every PCN of an ICB today (icb_pcns_today), by PCN
// then name.
func (db *DB) SitesOfICB(ctx context.Context, icb string) (_ []workforce.Site, err error) {
	defer wrap(&err, "sites of ICB %s", icb)
	return db.sites(ctx, `pcn_code IN (SELECT icb_pcns_today($1))`, icb)
}

// SitesOfPCNs lists the sites of the PCNs given, by PCN then name: an ICB's PCNs on
// another day than today.
func (db *DB) SitesOfPCNs(ctx context.Context, pcns []string) (_ []workforce.Site, err error) {
	defer wrap(&err, "sites of %d PCNs", len(pcns))
	return db.sites(ctx, `pcn_code = ANY($1)`, pcns)
}

// Site returns one site of a PCN, or ErrNotFound (also when it is another PCN's).
func (db *DB) Site(ctx context.Context, pcn string, id int64) (_ workforce.Site, err error) {
	defer wrap(&err, "site %d of %s", id, pcn)
	return db.site(ctx, pcn, id)
}

func (db *DB) site(ctx context.Context, pcn string, id int64) (workforce.Site, error) {
	ss, err := db.sites(ctx, `id = $1 AND pcn_code = $2`, id, pcn)
	if err != nil {
		return workforce.Site{}, err
	}
	if len(ss) == 0 {
		return workforce.Site{}, ErrNotFound
	}
	return ss[0], nil
}

// CreateSite adds a site and audits it, in one transaction; a name the PCN already
// uses is ErrConflict.
func (db *DB) CreateSite(ctx context.Context, s workforce.Site, by Actor) (_ workforce.Site, err error) {
	defer wrap(&err, "create site %q of %s", s.Name, s.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		err := tx.q.QueryRow(ctx, `
			INSERT INTO sites (pcn_code, name, bookable_sessions_per_week) VALUES ($1, $2, $3)
			RETURNING id, version`, s.PCNCode, s.Name, s.SessionsPerWeek).Scan(&s.ID, &s.Version)
		if err != nil {
			return mapErr(err)
		}
		return tx.auditPCN(ctx, by, "site.create", "site", s.ID, s.PCNCode, nil, s)
	})
	return s, err
}

// UpdateSite saves a site, refusing a stale version (or a name another of the PCN's
// sites has) with ErrConflict, and audits the change.
func (db *DB) UpdateSite(ctx context.Context, s workforce.Site, by Actor) (_ workforce.Site, err error) {
	defer wrap(&err, "update site %d of %s", s.ID, s.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.site(ctx, s.PCNCode, s.ID)
		if err != nil {
			return err
		}
		err = tx.q.QueryRow(ctx, `
			UPDATE sites SET name = $3, bookable_sessions_per_week = $4, version = version + 1
			WHERE id = $1 AND pcn_code = $2 AND version = $5 RETURNING version`,
			s.ID, s.PCNCode, s.Name, s.SessionsPerWeek, s.Version).Scan(&s.Version)
		if err != nil {
			return staleIfMissing(err)
		}
		return tx.auditPCN(ctx, by, "site.update", "site", s.ID, s.PCNCode, before, s)
	})
	return s, err
}

// RemoveSite deletes a site at the version the person saw, refusing a stale one with
// ErrConflict, and audits what it held.
func (db *DB) RemoveSite(ctx context.Context, pcn string, id int64, version int, by Actor) (err error) {
	defer wrap(&err, "remove site %d of %s", id, pcn)
	return db.InTx(ctx, func(tx *DB) error {
		before, err := tx.site(ctx, pcn, id)
		if err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `DELETE FROM sites WHERE id = $1 AND pcn_code = $2 AND version = $3`, id, pcn, version)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		return tx.auditPCN(ctx, by, "site.remove", "site", id, pcn, before, nil)
	})
}
