package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// How a PCN's costs and reimbursements divide between its member practices (migration
// 000018): by registered list unless the PCN records agreed percentages, kept by its
// managers at /pcns/{code}/funding/practice-shares. The set is replaced whole.

// PracticeShareSet is a PCN's agreed percentages, with when they were agreed, who
// recorded them and the version optimistic locking moves.
type PracticeShareSet struct {
	PCNCode    string
	AgreedOn   time.Time
	RecordedBy string
	RecordedAt time.Time
	Version    int
	// Shares are by practice code.
	Shares []workforce.PracticeShare
}

// ErrSharesTotal refuses a set of percentages that do not add up to exactly 100.
var ErrSharesTotal = errors.New("the practices' percentages do not add up to exactly 100")

// PracticeShareSet returns a PCN's agreed percentages, or ErrNotFound when it splits by
// list.
func (db *DB) PracticeShareSet(ctx context.Context, pcn string) (_ PracticeShareSet, err error) {
	defer wrap(&err, "practice shares of %s", pcn)
	return db.practiceShareSet(ctx, pcn)
}

func (db *DB) practiceShareSet(ctx context.Context, pcn string) (PracticeShareSet, error) {
	set := PracticeShareSet{PCNCode: pcn}
	err := db.q.QueryRow(ctx, `SELECT agreed_on, recorded_by, recorded_at, version FROM practice_share_sets WHERE pcn_code = $1`,
		pcn).Scan(&set.AgreedOn, &set.RecordedBy, &set.RecordedAt, &set.Version)
	if err != nil {
		return set, mapErr(err)
	}
	shares, err := db.PracticeSharesOf(ctx, []string{pcn})
	set.Shares = shares[pcn]
	return set, err
}

// SavePracticeShares replaces a PCN's agreed percentages, recorded by the actor: a new
// set at version 0 (ErrConflict if one was recorded meanwhile), else the set at the
// version the person saw (ErrConflict if stale or removed meanwhile). The
// percentages must add up to exactly 100 (ErrSharesTotal), checked on the stored
// numbers in the same transaction, with the audit entry.
func (db *DB) SavePracticeShares(ctx context.Context, set PracticeShareSet, by Actor) (saved PracticeShareSet, err error) {
	defer wrap(&err, "save practice shares of %s", set.PCNCode)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.practiceShareSet(ctx, set.PCNCode)
		if errors.Is(err, ErrNotFound) && set.Version != 0 {
			return ErrConflict // removed meanwhile: the PCN splits by list again
		} else if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := tx.writeShareSet(ctx, set, by); err != nil {
			return err
		}
		if saved, err = tx.practiceShareSet(ctx, set.PCNCode); err != nil {
			return err
		}
		var prior any
		if set.Version != 0 {
			prior = shareSetAudit(before)
		}
		return tx.audit(ctx, shareSetEntry(by, "practice_shares.update", set.PCNCode, prior, shareSetAudit(saved)))
	})
	return saved, err
}

// writeShareSet inserts or updates the set's row at its version, then replaces its
// percentages and checks their sum.
func (db *DB) writeShareSet(ctx context.Context, set PracticeShareSet, by Actor) error {
	var err error
	if set.Version == 0 {
		_, err = db.q.Exec(ctx, `INSERT INTO practice_share_sets (pcn_code, agreed_on, recorded_by) VALUES ($1, $2, $3)`,
			set.PCNCode, set.AgreedOn, by.Name)
	} else {
		var v int
		err = db.q.QueryRow(ctx, `
			UPDATE practice_share_sets SET agreed_on = $3, recorded_by = $4, recorded_at = now(), version = version + 1
			WHERE pcn_code = $1 AND version = $2 RETURNING version`, set.PCNCode, set.Version, set.AgreedOn, by.Name).Scan(&v)
	}
	if err != nil {
		return staleIfMissing(err)
	}
	if _, err := db.q.Exec(ctx, `DELETE FROM practice_shares WHERE pcn_code = $1`, set.PCNCode); err != nil {
		return err
	}
	for _, s := range set.Shares {
		if _, err := db.q.Exec(ctx, `INSERT INTO practice_shares (pcn_code, practice_code, percent) VALUES ($1, $2, $3)`,
			set.PCNCode, s.PracticeCode, s.Percent); err != nil {
			return mapErr(err)
		}
	}
	var whole bool
	if err := db.q.QueryRow(ctx, `SELECT coalesce(sum(percent), 0) = 100 FROM practice_shares WHERE pcn_code = $1`, set.PCNCode).Scan(&whole); err != nil {
		return err
	}
	if !whole {
		return ErrSharesTotal
	}
	return nil
}

// DeletePracticeShares removes a PCN's agreed percentages at the version the person
// saw (else ErrConflict, also when there are none: removed meanwhile), with its audit
// entry, in one transaction: the PCN splits by list again.
func (db *DB) DeletePracticeShares(ctx context.Context, pcn string, version int, by Actor) (err error) {
	defer wrap(&err, "delete practice shares of %s", pcn)
	return db.InTx(ctx, func(tx *DB) error {
		before, err := tx.practiceShareSet(ctx, pcn)
		if errors.Is(err, ErrNotFound) {
			return ErrConflict
		} else if err != nil {
			return err
		}
		tag, err := tx.q.Exec(ctx, `DELETE FROM practice_share_sets WHERE pcn_code = $1 AND version = $2`, pcn, version)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		return tx.audit(ctx, shareSetEntry(by, "practice_shares.delete", pcn, shareSetAudit(before), nil))
	})
}

func shareSetEntry(by Actor, action, pcn string, before, after any) AuditEntry {
	e := by.Entry(action, "practice_shares", pcn)
	e.PCN, e.Before, e.After = pcn, before, after
	return e
}

// shareSetAudit is what the audit trail records of a set: the percentages as
// "ZZ0001 33.3334%", by practice.
func shareSetAudit(set PracticeShareSet) map[string]any {
	percents := make([]string, 0, len(set.Shares))
	for _, s := range set.Shares {
		percents = append(percents, s.PracticeCode+" "+strconv.FormatFloat(s.Percent, 'f', -1, 64)+"%")
	}
	return map[string]any{"agreed_on": set.AgreedOn.Format(workforce.DateLayout), "recorded_by": set.RecordedBy,
		"percentages": percents, "version": set.Version}
}
