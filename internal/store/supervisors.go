package store

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

const supervisorColumns = `s.id, s.pcn_code, s.name, s.profession, s.fte::float8, s.hours_available_per_month::float8, s.active, s.version`

func scanSupervisor(r pgx.CollectableRow) (workforce.Supervisor, error) {
	var x workforce.Supervisor
	return x, r.Scan(&x.ID, &x.PCNCode, &x.Name, &x.Profession, &x.FTE, &x.HoursPerMonth, &x.Active, &x.Version)
}

func (db *DB) supervisors(ctx context.Context, where string, args ...any) ([]workforce.Supervisor, error) {
	rows, err := db.q.Query(ctx, `SELECT `+supervisorColumns+` FROM supervisors s WHERE `+where+` ORDER BY s.pcn_code, s.name, s.id`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanSupervisor)
}

// SupervisorsOfPCN lists a PCN's supervisors, active or not, by name.
func (db *DB) SupervisorsOfPCN(ctx context.Context, pcn string) (_ []workforce.Supervisor, err error) {
	defer wrap(&err, "supervisors of %s", pcn)
	return db.supervisors(ctx, `s.pcn_code = $1`, pcn)
}

// SupervisorsOfICB lists the supervisors of every PCN of an ICB today
// (icb_pcns_today), by PCN then name.
func (db *DB) SupervisorsOfICB(ctx context.Context, icb string) (_ []workforce.Supervisor, err error) {
	defer wrap(&err, "supervisors of ICB %s", icb)
	return db.supervisors(ctx, `s.pcn_code IN (SELECT icb_pcns_today($1))`, icb)
}

// SupervisorsOfPCNs lists the supervisors of the PCNs given, by PCN then name: an
// ICB's PCNs on another day than today.
func (db *DB) SupervisorsOfPCNs(ctx context.Context, pcns []string) (_ []workforce.Supervisor, err error) {
	defer wrap(&err, "supervisors of %d PCNs", len(pcns))
	return db.supervisors(ctx, `s.pcn_code = ANY($1)`, pcns)
}

// Supervisor returns one supervisor of a PCN, or ErrNotFound (also when they are
// another PCN's).
func (db *DB) Supervisor(ctx context.Context, pcn string, id int64) (_ workforce.Supervisor, err error) {
	defer wrap(&err, "supervisor %d of %s", id, pcn)
	return db.supervisor(ctx, pcn, id)
}

func (db *DB) supervisor(ctx context.Context, pcn string, id int64) (workforce.Supervisor, error) {
	sups, err := db.supervisors(ctx, `s.id = $1 AND s.pcn_code = $2`, id, pcn)
	if err != nil {
		return workforce.Supervisor{}, err
	}
	if len(sups) == 0 {
		return workforce.Supervisor{}, ErrNotFound
	}
	return sups[0], nil
}

// CreateSupervisor adds a supervisor to their PCN and audits it, in one transaction.
func (db *DB) CreateSupervisor(ctx context.Context, s workforce.Supervisor, by Actor) (_ workforce.Supervisor, err error) {
	defer wrap(&err, "create supervisor %q of %s", s.Name, s.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		err := tx.q.QueryRow(ctx, `
			INSERT INTO supervisors (pcn_code, name, profession, fte, hours_available_per_month, active)
			VALUES ($1, $2, $3, $4, $5, true) RETURNING id, version, active`,
			s.PCNCode, s.Name, s.Profession, s.FTE, s.HoursPerMonth).Scan(&s.ID, &s.Version, &s.Active)
		if err != nil {
			return mapErr(err)
		}
		return tx.auditPCN(ctx, by, "supervisor.create", "supervisor", s.ID, s.PCNCode, nil, s)
	})
	return s, err
}

// UpdateSupervisor saves a supervisor's details, refusing a stale version with
// ErrConflict, and audits the change.
func (db *DB) UpdateSupervisor(ctx context.Context, s workforce.Supervisor, by Actor) (_ workforce.Supervisor, err error) {
	defer wrap(&err, "update supervisor %d of %s", s.ID, s.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.supervisor(ctx, s.PCNCode, s.ID)
		if err != nil {
			return err
		}
		err = tx.q.QueryRow(ctx, `
			UPDATE supervisors SET name = $3, profession = $4, fte = $5, hours_available_per_month = $6, active = $7,
				version = version + 1
			WHERE id = $1 AND pcn_code = $2 AND version = $8 RETURNING version`,
			s.ID, s.PCNCode, s.Name, s.Profession, s.FTE, s.HoursPerMonth, s.Active, s.Version).Scan(&s.Version)
		if err != nil {
			return staleIfMissing(err)
		}
		return tx.auditPCN(ctx, by, "supervisor.update", "supervisor", s.ID, s.PCNCode, before, s)
	})
	return s, err
}

// auditPCN records a change to a row of a PCN on the transaction of the change; before
// is nil for a creation, after nil for a removal.
func (db *DB) auditPCN(ctx context.Context, by Actor, action, entity string, id int64, pcn string, before, after any) error {
	e := by.Entry(action, entity, strconv.FormatInt(id, 10))
	e.PCN, e.Before, e.After = pcn, before, after
	return db.audit(ctx, e)
}
