package store

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/arrs-planner/arrs/internal/auth"
)

const userColumns = `id, email, name, password_hash, active, demo, version`

func scanUser(r pgx.Row) (auth.User, error) {
	var u auth.User
	err := r.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Active, &u.Demo, &u.Version)
	return u, mapErr(err)
}

// UserByEmail finds a user (active or not) by normalised email, with grants.
func (db *DB) UserByEmail(ctx context.Context, email string) (_ auth.User, err error) {
	defer wrap(&err, "user %s", email)
	u, err := scanUser(db.q.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, email))
	if err != nil {
		return u, err
	}
	err = db.loadGrants(ctx, &u)
	return u, err
}

// UserByID finds a user by id, with grants.
func (db *DB) UserByID(ctx context.Context, id int64) (_ auth.User, err error) {
	defer wrap(&err, "user %d", id)
	return db.userByID(ctx, id)
}

func (db *DB) userByID(ctx context.Context, id int64) (auth.User, error) {
	u, err := scanUser(db.q.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return u, err
	}
	err = db.loadGrants(ctx, &u)
	return u, err
}

// UserByOIDCSubject finds a user (active or not) by the identity provider's subject
// ("sub") linked at their first single sign-on, with grants.
func (db *DB) UserByOIDCSubject(ctx context.Context, sub string) (_ auth.User, err error) {
	defer wrap(&err, "user of OIDC subject %q", sub)
	u, err := scanUser(db.q.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE oidc_subject = $1`, sub))
	if err != nil {
		return u, err
	}
	err = db.loadGrants(ctx, &u)
	return u, err
}

// LinkOIDCSubject records a user's identity provider subject at their first single
// sign-on, so that later sign-ins match on it even if the email changes. A user
// already linked to another subject, or a subject linked to another user, is
// ErrConflict. The version is left alone: the admin form does not show the link, so
// it must not make an admin's edit stale. The link is audited as the user's own act.
func (db *DB) LinkOIDCSubject(ctx context.Context, userID int64, sub string, by Actor) (err error) {
	defer wrap(&err, "link user %d to OIDC subject %q", userID, sub)
	return db.InTx(ctx, func(tx *DB) error {
		tag, err := tx.q.Exec(ctx, `UPDATE users SET oidc_subject = $2 WHERE id = $1 AND oidc_subject IS NULL`, userID, sub)
		if err != nil {
			return mapErr(err)
		}
		if tag.RowsAffected() == 0 {
			return ErrConflict
		}
		e := by.Entry("user.link_oidc", "user", strconv.FormatInt(userID, 10))
		e.After = map[string]string{"oidc_subject": sub}
		return tx.audit(ctx, e)
	})
}

// Users lists every user by email, with grants (in one query, and one more for the
// grants on dissolved ICBs). The password hashes are left out: a list never needs them.
func (db *DB) Users(ctx context.Context) (_ []auth.User, err error) {
	defer wrap(&err, "users")
	return db.listUsers(ctx, usersWithGrants+` GROUP BY u.id ORDER BY u.email`)
}

func (db *DB) grants(ctx context.Context, userID int64) ([]auth.Grant, error) {
	rows, err := db.q.Query(ctx, `SELECT role, org_code FROM user_grants WHERE user_id = $1 ORDER BY role, org_code`, userID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.Grant, error) {
		var g auth.Grant
		return g, r.Scan(&g.Role, &g.Org)
	})
}

// ErrLastAdmin refuses a change that would leave no active admin: nobody could then
// manage users.
var ErrLastAdmin = errors.New("the change would leave no active admin")

// adminsLock is the advisory lock key (any constant) that serialises changes to users'
// roles and active flags, so that two admins demoting each other at once cannot both
// see the other still in place (the last-admin rule).
const adminsLock int64 = 0x61726d696e73 // "admins"

// CreateUser adds a user with grants, and its audit entry, in one transaction; a taken
// email is ErrConflict, a manager and director grant for one PCN auth.ErrSelfSignOff.
func (db *DB) CreateUser(ctx context.Context, u auth.User, by Actor) (_ auth.User, err error) {
	defer wrap(&err, "create user %s", u.Email)
	err = db.InTx(ctx, func(tx *DB) error {
		err := tx.q.QueryRow(ctx, `
			INSERT INTO users (email, name, password_hash, active, demo) VALUES ($1, $2, $3, $4, $5)
			RETURNING id, version`, u.Email, u.Name, u.PasswordHash, u.Active, u.Demo).Scan(&u.ID, &u.Version)
		if err != nil {
			return mapErr(err)
		}
		if err := tx.setGrants(ctx, u.ID, u.Grants); err != nil {
			return err
		}
		e := by.Entry("user.create", "user", strconv.FormatInt(u.ID, 10))
		e.After = userAudit(u)
		return tx.audit(ctx, e)
	})
	return u, err
}

// UpdateUser saves name, active, grants and (when not empty) the password hash,
// refusing a stale version with ErrConflict, a change that leaves no active admin
// with ErrLastAdmin and a manager and director grant for one PCN with
// auth.ErrSelfSignOff, with its audit entry (the user before and after). A new
// password ends the demo flag: the published one no longer opens the account. The
// email stays: the user returned carries the stored one.
func (db *DB) UpdateUser(ctx context.Context, u auth.User, by Actor) (_ auth.User, err error) {
	defer wrap(&err, "update user %d", u.ID)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.userByID(ctx, u.ID)
		if err != nil {
			return err
		}
		u.Email = before.Email
		err = tx.keepingAnAdmin(ctx, func() error {
			err := tx.q.QueryRow(ctx, `
				UPDATE users SET name = $2, active = $3,
					password_hash = CASE WHEN $4 = '' THEN password_hash ELSE $4 END,
					demo = demo AND $4 = '', version = version + 1
				WHERE id = $1 AND version = $5 RETURNING version, demo`,
				u.ID, u.Name, u.Active, u.PasswordHash, u.Version).Scan(&u.Version, &u.Demo)
			if err != nil {
				return staleIfMissing(err)
			}
			return tx.setGrants(ctx, u.ID, u.Grants)
		})
		if err != nil {
			return err
		}
		e := by.Entry("user.update", "user", strconv.FormatInt(u.ID, 10))
		e.Before, e.After = userAudit(before), userAudit(u)
		return tx.audit(ctx, e)
	})
	return u, err
}

// keepingAnAdmin runs a change to users inside the transaction, serialised with every
// other such change by adminsLock, and refuses it with ErrLastAdmin if there was an
// active admin before and there is none after.
func (db *DB) keepingAnAdmin(ctx context.Context, change func() error) error {
	if _, err := db.q.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, adminsLock); err != nil {
		return err
	}
	before, err := db.activeAdmins(ctx)
	if err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	after, err := db.activeAdmins(ctx)
	if err == nil && before > 0 && after == 0 {
		return ErrLastAdmin
	}
	return err
}

func (db *DB) activeAdmins(ctx context.Context) (int, error) {
	var n int
	err := db.q.QueryRow(ctx, `
		SELECT count(DISTINCT u.id) FROM users u JOIN user_grants g ON g.user_id = u.id
		WHERE u.active AND g.role = 'admin'`).Scan(&n)
	return n, err
}

// SetPassword changes a user's own password (the hash), ending the demo flag, with
// its audit entry (which records the change, never the hash).
func (db *DB) SetPassword(ctx context.Context, userID int64, hash string, by Actor) (err error) {
	defer wrap(&err, "set password of user %d", userID)
	return db.InTx(ctx, func(tx *DB) error {
		tag, err := tx.q.Exec(ctx, `UPDATE users SET password_hash = $2, demo = false, version = version + 1 WHERE id = $1`, userID, hash)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 { // the update names the row by id alone: it is gone
			return ErrNotFound
		}
		return tx.audit(ctx, by.Entry("user.password_change", "user", strconv.FormatInt(userID, 10)))
	})
}

// userAudit is what the audit trail records of a user: never the password hash. The
// grants read as "role ORG", sorted, so that the same grants always read the same.
func userAudit(u auth.User) map[string]any {
	grants := make([]string, 0, len(u.Grants))
	for _, g := range u.Grants {
		grants = append(grants, strings.TrimSpace(string(g.Role)+" "+g.Org))
	}
	slices.Sort(grants)
	return map[string]any{"email": u.Email, "name": u.Name, "active": u.Active, "grants": strings.Join(grants, ", ")}
}

// grantsIndex is the unique index that keeps a manager and a director grant for one
// PCN from the same user (migration 000010).
const grantsIndex = "user_grants_manager_or_director"

func (db *DB) setGrants(ctx context.Context, userID int64, grants []auth.Grant) error {
	if _, err := db.q.Exec(ctx, `DELETE FROM user_grants WHERE user_id = $1`, userID); err != nil {
		return err
	}
	for _, g := range grants {
		_, err := db.q.Exec(ctx, `INSERT INTO user_grants (user_id, role, org_code) VALUES ($1, $2, $3)
			ON CONFLICT (user_id, role, org_code) DO NOTHING`, userID, g.Role, g.Org)
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.ConstraintName == grantsIndex {
			return auth.ErrSelfSignOff{PCN: g.Org}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// OrgExists reports whether a grant's organisation is a known PCN or ICB.
func (db *DB) OrgExists(ctx context.Context, g auth.Grant) (ok bool, err error) {
	defer wrap(&err, "organisation %s", g.Org)
	switch g.Role {
	case auth.Admin:
		return true, nil
	case auth.ICBLead:
		err = db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM icbs WHERE code = $1)`, g.Org).Scan(&ok)
	default:
		err = db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pcns WHERE code = $1)`, g.Org).Scan(&ok)
	}
	return ok, err
}

// RecordLoginAttempt notes a sign-in attempt against each key (an IP, an account),
// before the password is checked, and returns its time.
func (db *DB) RecordLoginAttempt(ctx context.Context, keys ...string) (at time.Time, err error) {
	defer wrap(&err, "record sign-in attempt")
	err = db.q.QueryRow(ctx, `
		WITH ins AS (INSERT INTO login_failures (key) SELECT unnest($1::text[]) RETURNING at)
		SELECT coalesce(max(at), now()) FROM ins`, keys).Scan(&at)
	return at, err
}

// ForgetLoginAttempts takes back a successful sign-in's attempt from its IP, forgets
// the account's failures, and prunes attempts older than a day.
func (db *DB) ForgetLoginAttempts(ctx context.Context, ipKey, accountKey string, at time.Time) (err error) {
	defer wrap(&err, "forget sign-in attempts")
	_, err = db.q.Exec(ctx, `
		DELETE FROM login_failures
		WHERE (key = $1 AND at = $3) OR key = $2 OR at < now() - interval '1 day'`, ipKey, accountKey, at)
	return err
}

// LoginFailures counts the failures of a key since a time.
func (db *DB) LoginFailures(ctx context.Context, key string, since time.Time) (n int, err error) {
	defer wrap(&err, "sign-in failures")
	err = db.q.QueryRow(ctx, `SELECT count(*) FROM login_failures WHERE key = $1 AND at > $2`, key, since).Scan(&n)
	return n, err
}

// DemoAccountsExist reports whether any demo account (made by `arrs seed demo`, with
// its published password) is active: the server warns loudly when it runs in
// production mode with them.
func (db *DB) DemoAccountsExist(ctx context.Context) (ok bool, err error) {
	defer wrap(&err, "demo accounts")
	err = db.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM users WHERE active AND demo)`).Scan(&ok)
	return ok, err
}
