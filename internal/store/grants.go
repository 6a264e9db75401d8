package store

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/auth"
)

// londonToday is today's date in England, as the database's own lists take it
// (icb_pcns_today): a grant is on a dissolved ICB from the very day its PCNs leave it.
const londonToday = `(now() AT TIME ZONE 'Europe/London')::date`

// loadGrants reads a user's grants and, for an ICB lead, those on dissolved ICBs with
// what each still opens (auth.DissolvedICB).
func (db *DB) loadGrants(ctx context.Context, u *auth.User) (err error) {
	if u.Grants, err = db.grants(ctx, u.ID); err != nil {
		return err
	}
	u.Dissolved, err = db.dissolvedGrants(ctx, *u)
	return err
}

// dissolvedGrants are the user's ICB lead grants on ICBs dissolved by today, each with
// the ICB's PCNs on its last day (icb_pcns_today, the same set the ICB's lists hold)
// and its successors. A user who leads no ICB costs no query: this runs on every
// request, with the signed-in user.
func (db *DB) dissolvedGrants(ctx context.Context, u auth.User) ([]auth.DissolvedICB, error) {
	if !u.Has(auth.ICBLead) {
		return nil, nil
	}
	rows, err := db.q.Query(ctx, `
		SELECT i.code, i.name, i.closed,
		       array(SELECT p FROM icb_pcns_today(i.code) AS p ORDER BY 1),
		       array(SELECT s.new_code FROM icb_successions s WHERE s.old_code = i.code ORDER BY s.new_code),
		       array(SELECT n.name FROM icb_successions s JOIN icbs n ON n.code = s.new_code
		             WHERE s.old_code = i.code ORDER BY s.new_code)
		FROM user_grants g JOIN icbs i ON i.code = g.org_code
		WHERE g.user_id = $1 AND g.role = 'icb_lead' AND i.closed <= `+londonToday+`
		ORDER BY i.code`, u.ID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.DissolvedICB, error) {
		var d auth.DissolvedICB
		var codes, names []string
		if err := r.Scan(&d.Code, &d.Name, &d.Closed, &d.PCNs, &codes, &names); err != nil {
			return d, err
		}
		for i := range codes {
			d.Successors = append(d.Successors, auth.ICBName{Code: codes[i], Name: names[i]})
		}
		return d, nil
	})
}

// ErrNotSuccessor refuses a grant move from an ICB that is not dissolved, or to an
// ICB that did not succeed it: a move never widens a lead's access beyond the ICB's
// own footprint.
var ErrNotSuccessor = errors.New("not a successor of a dissolved ICB")

// GrantMove is an admin's move of a user's ICB lead grant on a dissolved ICB to one or
// more of its successors (a split ICB has several: Frimley three).
type GrantMove struct {
	UserID int64
	From   string
	To     []string
	By     Actor
}

// MoveDissolvedGrant replaces the user's ICB lead grant on a dissolved ICB by grants
// on the successors asked for, in one transaction with its audit entry (the user's
// grants before and after), and returns the user after. A successor the user leads
// already keeps its grant (the move adds nothing there and is no error). A grant that
// is not there (moved meanwhile) is ErrNotFound; a From not dissolved, or a To not its
// successor, ErrNotSuccessor. The user's version moves, so that an edit form opened
// before cannot put the old grant back.
func (db *DB) MoveDissolvedGrant(ctx context.Context, m GrantMove) (_ auth.User, err error) {
	defer wrap(&err, "move the ICB lead grant of user %d on %s", m.UserID, m.From)
	var after auth.User
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.lockedUser(ctx, m.UserID)
		if err != nil {
			return err
		}
		if err := tx.checkSuccessors(ctx, m.From, m.To); err != nil {
			return err
		}
		if err := tx.replaceGrant(ctx, m); err != nil {
			return err
		}
		if after, err = tx.userByID(ctx, m.UserID); err != nil {
			return err
		}
		e := m.By.Entry("user.grant_move", "user", strconv.FormatInt(m.UserID, 10))
		e.Before = userAudit(before)
		a := userAudit(after)
		a["moved_from"], a["moved_to"] = "icb_lead "+m.From, m.To
		e.After = a
		return tx.audit(ctx, e)
	})
	return after, err
}

// lockedUser reads a user with the row locked for the transaction, so that an admin's
// save of the user (UpdateUser, which rewrites every grant) waits for the move.
func (db *DB) lockedUser(ctx context.Context, id int64) (auth.User, error) {
	if err := db.q.QueryRow(ctx, `SELECT id FROM users WHERE id = $1 FOR UPDATE`, id).Scan(&id); err != nil {
		return auth.User{}, mapErr(err)
	}
	return db.userByID(ctx, id)
}

// checkSuccessors refuses (ErrNotSuccessor) a move from an ICB not dissolved by today
// or to anything but its successors.
func (db *DB) checkSuccessors(ctx context.Context, from string, to []string) error {
	if len(to) == 0 {
		return ErrNotSuccessor
	}
	var closed *time.Time
	var known int
	err := db.q.QueryRow(ctx, `
		SELECT (SELECT closed FROM icbs WHERE code = $1 AND closed <= `+londonToday+`),
		       (SELECT count(*) FROM icb_successions WHERE old_code = $1 AND new_code = ANY($2))`,
		from, to).Scan(&closed, &known)
	if err != nil {
		return err
	}
	if closed == nil || known != len(slices.Compact(slices.Sorted(slices.Values(to)))) {
		return ErrNotSuccessor
	}
	return nil
}

// replaceGrant deletes the grant on From and adds one on each To the user lacks.
func (db *DB) replaceGrant(ctx context.Context, m GrantMove) error {
	tag, err := db.q.Exec(ctx, `DELETE FROM user_grants WHERE user_id = $1 AND role = 'icb_lead' AND org_code = $2`, m.UserID, m.From)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	if _, err := db.q.Exec(ctx, `
		INSERT INTO user_grants (user_id, role, org_code) SELECT $1, 'icb_lead', c FROM unnest($2::text[]) AS c
		ON CONFLICT (user_id, role, org_code) DO NOTHING`, m.UserID, m.To); err != nil {
		return err
	}
	_, err = db.q.Exec(ctx, `UPDATE users SET version = version + 1 WHERE id = $1`, m.UserID)
	return err
}
