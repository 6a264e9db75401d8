package main

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/scale"
)

// demoAdmin is `arrs seed demo`'s admin, for a run on a demo database (SCALE_TEMPLATE)
// that has none of the generated accounts.
const demoAdmin = "admin@example.nhs.uk"

// fixtures are what a run needs to know of its database: who signs in, which PCN is
// read, and what the writer changes.
type fixtures struct {
	pcn     string   // the ICB's PCN with the most staff in post, whose pages are read
	readers []string // accounts of the clients, repeated when there are fewer
	admin   string   // the writer's account
	staff   []staffTarget
	plans   []string // PCNs outside the ICB whose plans the writer saves
}

// staffTarget is a staff record in post in a PCN outside the ICB.
type staffTarget struct {
	pcn string
	id  int64
}

// loadFixtures reads the fixtures through the owner's URL.
func loadFixtures(ctx context.Context, ownerURL, icb string, clients int) (fixtures, error) {
	conn, err := pgx.Connect(ctx, ownerURL)
	if err != nil {
		return fixtures{}, err
	}
	defer conn.Close(ctx)
	var fx fixtures
	err = conn.QueryRow(ctx, `SELECT s.pcn_code FROM staff s WHERE s.pcn_code IN (SELECT icb_pcns_today($1))
		AND s.end_date IS NULL GROUP BY s.pcn_code ORDER BY count(*) DESC, s.pcn_code LIMIT 1`, icb).Scan(&fx.pcn)
	if err != nil {
		return fx, fmt.Errorf("the largest PCN of %s: %w", icb, err)
	}
	if fx.readers, err = existing(ctx, conn, scale.LeadEmails(icb, clients)); err != nil {
		return fx, err
	}
	if len(fx.readers) == 0 {
		fx.readers = []string{demoAdmin}
	}
	fx.admin = demoAdmin
	if got, err := existing(ctx, conn, []string{scale.AdminEmail}); err != nil {
		return fx, err
	} else if len(got) == 1 {
		fx.admin = scale.AdminEmail
	}
	// Spread over England by a hash, the same every run: named people in ARRS roles
	// whose FTE the form accepts moved by 0.01 (it refuses more than 2, which a
	// contracted-services row summing several people may hold).
	rows, err := conn.Query(ctx, `SELECT s.pcn_code, s.id FROM staff s WHERE s.pcn_code NOT IN (SELECT icb_pcns_today($1))
		AND s.end_date IS NULL AND s.role_code IS NOT NULL AND s.unique_identifier <> '' AND s.fte BETWEEN 0.1 AND 1.9
		ORDER BY md5(s.id::text) LIMIT 500`, icb)
	if err != nil {
		return fx, err
	}
	fx.staff, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (t staffTarget, err error) { return t, r.Scan(&t.pcn, &t.id) })
	if err != nil {
		return fx, err
	}
	rows, err = conn.Query(ctx, `SELECT p.code FROM pcns p WHERE p.code NOT IN (SELECT icb_pcns_today($1))
		AND EXISTS (SELECT 1 FROM staff s WHERE s.pcn_code = p.code AND s.end_date IS NULL) ORDER BY md5(p.code) LIMIT 500`, icb)
	if err != nil {
		return fx, err
	}
	fx.plans, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err == nil && (len(fx.staff) == 0 || len(fx.plans) == 0) {
		err = fmt.Errorf("no staff in post outside %s to write to", icb)
	}
	return fx, err
}

// existing are the active accounts among emails, in their order.
func existing(ctx context.Context, conn *pgx.Conn, emails []string) ([]string, error) {
	var out []string
	rows, err := conn.Query(ctx, `SELECT e FROM unnest($1::text[]) WITH ORDINALITY AS x(e, i)
		WHERE EXISTS (SELECT 1 FROM users u WHERE u.email = x.e AND u.active) ORDER BY i`, emails)
	if err != nil {
		return nil, err
	}
	out, err = pgx.CollectRows(rows, pgx.RowTo[string])
	return out, err
}

// bumpVersion moves the national data version, so that the next request finds nothing
// cached (a cold page). The database was cloned for the run, and the owner may write it.
func bumpVersion(ctx context.Context, conn *pgx.Conn) error {
	_, err := conn.Exec(ctx, `UPDATE data_version SET version = version + 1`)
	return err
}
