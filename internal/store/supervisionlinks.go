package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

const linkColumns = `l.id, l.pcn_code, l.staff_id, l.supervisor_id, l.kind, l.hours_per_month::float8, l.start_date, l.end_date, l.version`

func scanLink(r pgx.CollectableRow) (workforce.SupervisionLink, error) {
	var x workforce.SupervisionLink
	var end *time.Time
	err := r.Scan(&x.ID, &x.PCNCode, &x.SuperviseeID, &x.SupervisorID, &x.Kind, &x.HoursPerMonth, &x.Start, &end, &x.Version)
	if end != nil {
		x.End = *end
	}
	return x, err
}

func (db *DB) links(ctx context.Context, where string, args ...any) ([]workforce.SupervisionLink, error) {
	rows, err := db.q.Query(ctx, `SELECT `+linkColumns+` FROM supervision_links l WHERE `+where+`
		ORDER BY l.pcn_code, l.start_date, l.id`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanLink)
}

// SupervisionLinksOfPCN lists every link of a PCN, ended or not, by start date.
func (db *DB) SupervisionLinksOfPCN(ctx context.Context, pcn string) (_ []workforce.SupervisionLink, err error) {
	defer wrap(&err, "supervision links of %s", pcn)
	return db.links(ctx, `l.pcn_code = $1`, pcn)
}

// SupervisionLinksOfICB lists the links of every PCN of an ICB today
// (icb_pcns_today), by PCN then start.
func (db *DB) SupervisionLinksOfICB(ctx context.Context, icb string) (_ []workforce.SupervisionLink, err error) {
	defer wrap(&err, "supervision links of ICB %s", icb)
	return db.links(ctx, `l.pcn_code IN (SELECT icb_pcns_today($1))`, icb)
}

// SupervisionLinksOfPCNs lists the links of the PCNs given, by PCN then start: an
// ICB's PCNs on another day than today.
func (db *DB) SupervisionLinksOfPCNs(ctx context.Context, pcns []string) (_ []workforce.SupervisionLink, err error) {
	defer wrap(&err, "supervision links of %d PCNs", len(pcns))
	return db.links(ctx, `l.pcn_code = ANY($1)`, pcns)
}

// SupervisionLink returns one link of a PCN, or ErrNotFound (also when it is another
// PCN's).
func (db *DB) SupervisionLink(ctx context.Context, pcn string, id int64) (_ workforce.SupervisionLink, err error) {
	defer wrap(&err, "supervision link %d of %s", id, pcn)
	return db.link(ctx, pcn, id)
}

func (db *DB) link(ctx context.Context, pcn string, id int64) (workforce.SupervisionLink, error) {
	ls, err := db.links(ctx, `l.id = $1 AND l.pcn_code = $2`, id, pcn)
	if err != nil {
		return workforce.SupervisionLink{}, err
	}
	if len(ls) == 0 {
		return workforce.SupervisionLink{}, ErrNotFound
	}
	return ls[0], nil
}

// Supervisees lists every staff record of a PCN, in post or not, by role, for the
// supervision page: who may be supervised, and who each link names.
func (db *DB) Supervisees(ctx context.Context, pcn string) (_ []workforce.Staff, err error) {
	defer wrap(&err, "supervisees of %s", pcn)
	return db.staffWhere(ctx, `pcn_code = $1`, pcn)
}

// CreateSupervisionLink adds a link and audits it, in one transaction. The supervisee
// and the supervisor must be of the link's PCN (the database refuses otherwise).
func (db *DB) CreateSupervisionLink(ctx context.Context, l workforce.SupervisionLink, by Actor) (_ workforce.SupervisionLink, err error) {
	defer wrap(&err, "create supervision link of %s", l.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		err := tx.q.QueryRow(ctx, `
			INSERT INTO supervision_links (pcn_code, staff_id, supervisor_id, kind, hours_per_month, start_date, end_date)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, version`,
			l.PCNCode, l.SuperviseeID, l.SupervisorID, l.Kind, l.HoursPerMonth, l.Start, dateOrNil(l.End)).Scan(&l.ID, &l.Version)
		if err != nil {
			return mapErr(err)
		}
		return tx.auditPCN(ctx, by, "supervision_link.create", "supervision_link", l.ID, l.PCNCode, nil, l)
	})
	return l, err
}

// UpdateSupervisionLink saves a link, refusing a stale version with ErrConflict, and
// audits the change; action names it ("supervision_link.update", "supervision_link.end").
func (db *DB) UpdateSupervisionLink(ctx context.Context, l workforce.SupervisionLink, action string, by Actor) (_ workforce.SupervisionLink, err error) {
	defer wrap(&err, "%s %d of %s", action, l.ID, l.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.link(ctx, l.PCNCode, l.ID)
		if err != nil {
			return err
		}
		err = tx.q.QueryRow(ctx, `
			UPDATE supervision_links SET staff_id = $3, supervisor_id = $4, kind = $5, hours_per_month = $6,
				start_date = $7, end_date = $8, version = version + 1
			WHERE id = $1 AND pcn_code = $2 AND version = $9 RETURNING version`,
			l.ID, l.PCNCode, l.SuperviseeID, l.SupervisorID, l.Kind, l.HoursPerMonth, l.Start, dateOrNil(l.End), l.Version).Scan(&l.Version)
		if err != nil {
			return staleIfMissing(err)
		}
		return tx.auditPCN(ctx, by, action, "supervision_link", l.ID, l.PCNCode, before, l)
	})
	return l, err
}

// ActiveLinksOfSupervisor counts a supervisor's links in force on day d or later: a
// supervisor who still has them cannot stop supervising.
func (db *DB) ActiveLinksOfSupervisor(ctx context.Context, pcn string, id int64, d time.Time) (n int, err error) {
	defer wrap(&err, "active links of supervisor %d of %s", id, pcn)
	err = db.q.QueryRow(ctx, `
		SELECT count(*) FROM supervision_links
		WHERE pcn_code = $1 AND supervisor_id = $2 AND (end_date IS NULL OR end_date > $3)`, pcn, id, d).Scan(&n)
	return n, err
}
