package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// A PCN's written share agreements (migration 000018: a mental health practitioner's
// share raised up to 100% with the trust), kept by its managers at
// /pcns/{code}/funding/agreements. At most one agreement per PCN and role covers a day:
// the table's exclusion constraint refuses an overlap, which reads as ErrOverlap.

// ErrOverlap refuses an agreement whose days overlap another of the same PCN and role.
var ErrOverlap = errors.New("another agreement of the PCN for the role covers some of these days")

const agreementColumns = `id, pcn_code, role_code, share::float8, valid_from, valid_to, agreed_on, party,
	recorded_by, recorded_at, version`

func scanAgreement(r pgx.CollectableRow) (workforce.ShareAgreement, error) {
	var a workforce.ShareAgreement
	var to *time.Time
	err := r.Scan(&a.ID, &a.PCNCode, &a.RoleCode, &a.Share, &a.From, &to, &a.AgreedOn, &a.Party, &a.RecordedBy, &a.RecordedAt, &a.Version)
	if to != nil {
		a.To = *to
	}
	return a, err
}

// shareAgreements lists the agreements matching where, by PCN, role and start.
func (db *DB) shareAgreements(ctx context.Context, where string, args ...any) ([]workforce.ShareAgreement, error) {
	rows, err := db.q.Query(ctx, `SELECT `+agreementColumns+` FROM share_agreements WHERE `+where+`
		ORDER BY pcn_code, role_code, valid_from, id`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanAgreement)
}

// ShareAgreement returns one agreement of a PCN, or ErrNotFound (also when it is
// another PCN's).
func (db *DB) ShareAgreement(ctx context.Context, pcn string, id int64) (_ workforce.ShareAgreement, err error) {
	defer wrap(&err, "share agreement %d of %s", id, pcn)
	return db.shareAgreement(ctx, pcn, id)
}

func (db *DB) shareAgreement(ctx context.Context, pcn string, id int64) (workforce.ShareAgreement, error) {
	as, err := db.shareAgreements(ctx, `id = $1 AND pcn_code = $2`, id, pcn)
	if err != nil {
		return workforce.ShareAgreement{}, err
	}
	if len(as) == 0 {
		return workforce.ShareAgreement{}, ErrNotFound
	}
	return as[0], nil
}

// CreateShareAgreement records an agreement, by the actor, with its audit entry, in
// one transaction; ErrOverlap when another of the PCN's agreements for the role
// covers some of its days.
func (db *DB) CreateShareAgreement(ctx context.Context, a workforce.ShareAgreement, by Actor) (saved workforce.ShareAgreement, err error) {
	defer wrap(&err, "create share agreement of %s for %s", a.PCNCode, a.RoleCode)
	err = db.InTx(ctx, func(tx *DB) error {
		rows, err := tx.q.Query(ctx, `
			INSERT INTO share_agreements (pcn_code, role_code, share, valid_from, valid_to, agreed_on, party, recorded_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING `+agreementColumns,
			a.PCNCode, a.RoleCode, a.Share, a.From, dateOrNil(a.To), a.AgreedOn, a.Party, by.Name)
		if err != nil {
			return overlapErr(err)
		}
		if saved, err = pgx.CollectExactlyOneRow(rows, scanAgreement); err != nil {
			return overlapErr(err)
		}
		return tx.auditPCN(ctx, by, "share_agreement.create", "share_agreement", saved.ID, saved.PCNCode, nil, agreementAudit(saved))
	})
	return saved, err
}

// UpdateShareAgreement changes an agreement's share, dates and party if nobody has
// saved it since a.Version (else ErrConflict; ErrNotFound if it was removed or is
// another PCN's), recording the actor as who recorded it, with its audit entry, in one
// transaction. The role stays: another role's agreement is another agreement.
func (db *DB) UpdateShareAgreement(ctx context.Context, a workforce.ShareAgreement, by Actor) (saved workforce.ShareAgreement, err error) {
	defer wrap(&err, "update share agreement %d of %s", a.ID, a.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.shareAgreement(ctx, a.PCNCode, a.ID)
		if err != nil {
			return err
		}
		rows, err := tx.q.Query(ctx, `
			UPDATE share_agreements SET share = $4, valid_from = $5, valid_to = $6, agreed_on = $7, party = $8,
				recorded_by = $9, recorded_at = now(), version = version + 1
			WHERE id = $1 AND pcn_code = $2 AND version = $3 RETURNING `+agreementColumns,
			a.ID, a.PCNCode, a.Version, a.Share, a.From, dateOrNil(a.To), a.AgreedOn, a.Party, by.Name)
		if err != nil {
			return overlapErr(err)
		}
		saved, err = pgx.CollectExactlyOneRow(rows, scanAgreement)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrConflict
		}
		if err != nil {
			return overlapErr(err)
		}
		return tx.auditPCN(ctx, by, "share_agreement.update", "share_agreement", a.ID, a.PCNCode, agreementAudit(before), agreementAudit(saved))
	})
	return saved, err
}

// DeleteShareAgreement removes an agreement of a PCN at the version the person saw
// (else ErrConflict; ErrNotFound if it is gone or another PCN's), with its audit entry,
// in one transaction: the national share applies again on its days.
func (db *DB) DeleteShareAgreement(ctx context.Context, pcn string, id int64, version int, by Actor) (err error) {
	defer wrap(&err, "delete share agreement %d of %s", id, pcn)
	return db.InTx(ctx, func(tx *DB) error {
		before, err := tx.shareAgreement(ctx, pcn, id)
		if err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `DELETE FROM share_agreements WHERE id = $1 AND pcn_code = $2 AND version = $3`, id, pcn, version)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		return tx.auditPCN(ctx, by, "share_agreement.delete", "share_agreement", id, pcn, agreementAudit(before), nil)
	})
}

// overlapErr maps the exclusion constraint's violation to ErrOverlap.
func overlapErr(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23P01" {
		return ErrOverlap
	}
	return mapErr(err)
}

// agreementAudit is what the audit trail records of an agreement.
func agreementAudit(a workforce.ShareAgreement) map[string]any {
	return map[string]any{
		"role": a.RoleCode, "share_percent": a.Share * 100, "valid_from": a.From.Format(workforce.DateLayout),
		"valid_to": dayOrEmpty(a.To), "agreed_on": a.AgreedOn.Format(workforce.DateLayout), "party": a.Party,
		"recorded_by": a.RecordedBy, "version": a.Version,
	}
}

// dayOrEmpty writes a day as the audit trail does, an open end as "".
func dayOrEmpty(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(workforce.DateLayout)
}
