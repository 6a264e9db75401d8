package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// RoleCap is a cap as admins keep it (/admin/caps): the cap, its id and its version
// for optimistic locking (migration 000009).
type RoleCap struct {
	ID int64
	workforce.Cap
	Version int
}

// ErrCapTaken is returned when a role and variant already have a cap from the date a
// new or changed cap names: one cap per role, variant and date.
var ErrCapTaken = errors.New("a cap of this role and variant already starts on this date")

const roleCapColumns = `id, role_code, variant, effective_from, cap_pence, provisional, version`

func scanRoleCap(r pgx.CollectableRow) (RoleCap, error) {
	var c RoleCap
	err := r.Scan(&c.ID, &c.RoleCode, &c.Variant, &c.EffectiveFrom, &c.Pence, &c.Provisional, &c.Version)
	return c, err
}

// RoleCaps lists every cap with its id, by role, variant and date.
func (db *DB) RoleCaps(ctx context.Context) (_ []RoleCap, err error) {
	defer wrap(&err, "role caps")
	rows, err := db.q.Query(ctx, `SELECT `+roleCapColumns+` FROM role_caps ORDER BY role_code, variant, effective_from`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanRoleCap)
}

// RoleCap returns one cap by id, or ErrNotFound.
func (db *DB) RoleCap(ctx context.Context, id int64) (_ RoleCap, err error) {
	defer wrap(&err, "role cap %d", id)
	return db.roleCap(ctx, id)
}

func (db *DB) roleCap(ctx context.Context, id int64) (RoleCap, error) {
	rows, err := db.q.Query(ctx, `SELECT `+roleCapColumns+` FROM role_caps WHERE id = $1`, id)
	if err != nil {
		return RoleCap{}, err
	}
	c, err := pgx.CollectExactlyOneRow(rows, scanRoleCap)
	return c, mapErr(err)
}

// AddRoleCap adds a cap and its audit entry in one transaction; ErrCapTaken when the
// role and variant already have a cap from that date.
func (db *DB) AddRoleCap(ctx context.Context, c workforce.Cap, by Actor) (saved RoleCap, err error) {
	defer wrap(&err, "add cap of %s %q from %s", c.RoleCode, c.Variant, c.EffectiveFrom.Format(time.DateOnly))
	err = db.InTx(ctx, func(tx *DB) error {
		rows, err := tx.q.Query(ctx, `
			INSERT INTO role_caps (role_code, variant, effective_from, cap_pence, provisional)
			VALUES ($1, $2, $3, $4, $5) RETURNING `+roleCapColumns,
			c.RoleCode, c.Variant, c.EffectiveFrom, c.Pence, c.Provisional)
		if err != nil {
			return capErr(err)
		}
		if saved, err = pgx.CollectExactlyOneRow(rows, scanRoleCap); err != nil {
			return capErr(err)
		}
		e := by.Entry("cap.create", "role_cap", strconv.FormatInt(saved.ID, 10))
		e.After = capAudit(saved)
		return tx.audit(ctx, e)
	})
	return saved, err
}

// UpdateRoleCap changes a cap's date, amount and provisional flag if nobody has saved
// it since c.Version (else ErrConflict; ErrNotFound if it was removed), with its audit
// entry, in one transaction. The role and variant stay: a cap of another role is
// another cap. ErrCapTaken when the new date is another cap's.
func (db *DB) UpdateRoleCap(ctx context.Context, c RoleCap, by Actor) (saved RoleCap, err error) {
	defer wrap(&err, "update role cap %d", c.ID)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.roleCap(ctx, c.ID)
		if err != nil {
			return err
		}
		rows, err := tx.q.Query(ctx, `
			UPDATE role_caps SET effective_from = $3, cap_pence = $4, provisional = $5, version = version + 1
			WHERE id = $1 AND version = $2 RETURNING `+roleCapColumns,
			c.ID, c.Version, c.EffectiveFrom, c.Pence, c.Provisional)
		if err != nil {
			return capErr(err)
		}
		saved, err = pgx.CollectExactlyOneRow(rows, scanRoleCap)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrConflict
		}
		if err != nil {
			return capErr(err)
		}
		e := by.Entry("cap.update", "role_cap", strconv.FormatInt(c.ID, 10))
		e.Before, e.After = capAudit(before), capAudit(saved)
		return tx.audit(ctx, e)
	})
	return saved, err
}

// DeleteRoleCap removes a cap if nobody has saved it since version (else ErrConflict;
// ErrNotFound if it is already gone), with its audit entry, in one transaction. The
// cap before it, if any, is then in force until the next one.
func (db *DB) DeleteRoleCap(ctx context.Context, id int64, version int, by Actor) (before RoleCap, err error) {
	defer wrap(&err, "delete role cap %d", id)
	err = db.InTx(ctx, func(tx *DB) error {
		var err error
		if before, err = tx.roleCap(ctx, id); err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `DELETE FROM role_caps WHERE id = $1 AND version = $2`, id, version)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		e := by.Entry("cap.delete", "role_cap", strconv.FormatInt(id, 10))
		e.Before = capAudit(before)
		return tx.audit(ctx, e)
	})
	return before, err
}

// capErr maps a unique violation of (role, variant, date) to ErrCapTaken.
func capErr(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return ErrCapTaken
	}
	return mapErr(err)
}

// capAudit is what the audit trail records of a cap.
func capAudit(c RoleCap) map[string]any {
	return map[string]any{
		"role": c.RoleCode, "variant": c.Variant, "effective_from": c.EffectiveFrom.Format(workforce.DateLayout),
		"cap_pence": c.Pence, "provisional": c.Provisional, "version": c.Version,
	}
}
