package store

import (
	"context"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Roles outside the ARRS list that a commissioner approved for one PCN (migration
// 000018), kept by the leads of the PCN's ICB at /pcns/{code}/funding/approved-roles.
// An approval is never removed: staff records name it; it ends on its "to" date.

// ApprovedRole returns one approval of a PCN, or ErrNotFound (also when it is another
// PCN's). A PCN holds a handful, read with ApprovedRolesOf.
func (db *DB) ApprovedRole(ctx context.Context, pcn string, id int64) (_ workforce.ApprovedRole, err error) {
	defer wrap(&err, "approved role %d of %s", id, pcn)
	return db.approvedRole(ctx, pcn, id)
}

func (db *DB) approvedRole(ctx context.Context, pcn string, id int64) (workforce.ApprovedRole, error) {
	all, err := db.ApprovedRolesOf(ctx, []string{pcn})
	if err != nil {
		return workforce.ApprovedRole{}, err
	}
	for _, a := range all {
		if a.ID == id {
			return a, nil
		}
	}
	return workforce.ApprovedRole{}, ErrNotFound
}

// CreateApprovedRole records an approval by the actor (its approver), with its audit
// entry, in one transaction.
func (db *DB) CreateApprovedRole(ctx context.Context, a workforce.ApprovedRole, by Actor) (saved workforce.ApprovedRole, err error) {
	defer wrap(&err, "create approved role %q of %s", a.Name, a.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		saved = a
		saved.ApprovedBy = by.Name
		err := tx.q.QueryRow(ctx, `
			INSERT INTO approved_roles (pcn_code, name, band, cap_pence, valid_from, valid_to, note, approved_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, approved_at, version`,
			a.PCNCode, a.Name, a.Band, a.CapPence, a.From, dateOrNil(a.To), a.Note, by.Name).Scan(&saved.ID, &saved.ApprovedAt, &saved.Version)
		if err != nil {
			return mapErr(err)
		}
		return tx.auditPCN(ctx, by, "approved_role.create", "approved_role", saved.ID, saved.PCNCode, nil, approvedRoleAudit(saved))
	})
	return saved, err
}

// UpdateApprovedRole changes an approval's name, band, cap, dates and note if nobody
// has saved it since a.Version (else ErrConflict; ErrNotFound if it is another PCN's):
// the actor approves it anew, with its audit entry, in one transaction.
func (db *DB) UpdateApprovedRole(ctx context.Context, a workforce.ApprovedRole, by Actor) (saved workforce.ApprovedRole, err error) {
	defer wrap(&err, "update approved role %d of %s", a.ID, a.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.approvedRole(ctx, a.PCNCode, a.ID)
		if err != nil {
			return err
		}
		saved = a
		saved.ApprovedBy = by.Name
		err = tx.q.QueryRow(ctx, `
			UPDATE approved_roles SET name = $4, band = $5, cap_pence = $6, valid_from = $7, valid_to = $8, note = $9,
				approved_by = $10, approved_at = now(), version = version + 1
			WHERE id = $1 AND pcn_code = $2 AND version = $3 RETURNING approved_at, version`,
			a.ID, a.PCNCode, a.Version, a.Name, a.Band, a.CapPence, a.From, dateOrNil(a.To), a.Note, by.Name).Scan(&saved.ApprovedAt, &saved.Version)
		if err != nil {
			return staleIfMissing(err)
		}
		return tx.auditPCN(ctx, by, "approved_role.update", "approved_role", a.ID, a.PCNCode, approvedRoleAudit(before), approvedRoleAudit(saved))
	})
	return saved, err
}

// approvedRoleAudit is what the audit trail records of an approval.
func approvedRoleAudit(a workforce.ApprovedRole) map[string]any {
	return map[string]any{
		"name": a.Name, "band": a.Band, "cap_pence": a.CapPence, "valid_from": a.From.Format(workforce.DateLayout),
		"valid_to": dayOrEmpty(a.To), "note": a.Note, "approved_by": a.ApprovedBy, "version": a.Version,
	}
}
