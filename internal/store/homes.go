package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// What the home pages' panels read beyond the other pages' queries (docs/homes.md):
// the age of each network's weighted population, and the accounts an admin should
// look at. Each is one query, and only what the tables hold.

// PopulationDates is, by PCN code, the effective date of the newest weighted
// population entered for each of pcns (every PCN when pcns is nil). A PCN with none is
// absent.
func (db *DB) PopulationDates(ctx context.Context, pcns []string) (_ map[string]time.Time, err error) {
	defer wrap(&err, "newest population dates of %d PCNs", len(pcns))
	rows, err := db.q.Query(ctx, `
		SELECT pcn_code, max(effective_date) FROM pcn_populations
		WHERE $1::text[] IS NULL OR pcn_code = ANY($1)
		GROUP BY pcn_code`, pcns)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]time.Time{}
	var code string
	var d time.Time
	_, err = pgx.ForEachRow(rows, []any{&code, &d}, func() error {
		out[code] = d
		return nil
	})
	return out, err
}

// Account is a user as the admin's home page names them.
type Account struct {
	ID        int64
	Email     string
	Name      string
	CreatedAt time.Time
}

// NeverSignedIn counts the active accounts with no sign-in in the audit trail (by
// password or single sign-on, both audited as session.sign_in) and lists the limit
// oldest, oldest first: a national deployment may have thousands. It reads one
// partial index (audit_log_sign_in_idx, migration 000017) per account.
func (db *DB) NeverSignedIn(ctx context.Context, limit int) (n int, oldest []Account, err error) {
	defer wrap(&err, "accounts never signed in")
	const never = ` FROM users u WHERE active AND NOT EXISTS (
			SELECT 1 FROM audit_log a WHERE a.user_id = u.id AND a.action = 'session.sign_in')`
	if err = db.q.QueryRow(ctx, `SELECT count(*)`+never).Scan(&n); err != nil {
		return 0, nil, err
	}
	oldest, err = db.accounts(ctx, `SELECT id, email, name, created_at`+never+` ORDER BY created_at, id LIMIT $1`, limit)
	return n, oldest, err
}

// LockedAccounts lists the accounts whose failed sign-ins since a time reach the
// throttle's limit (auth.MaxAccountFailures in auth.ThrottleWindow): their next
// attempt is refused until the failures age out of the window. The throttle counts
// against "account:" and the normalised email (auth.Gate).
func (db *DB) LockedAccounts(ctx context.Context, since time.Time, limit int) (_ []Account, err error) {
	defer wrap(&err, "accounts locked since %s", since.Format(time.RFC3339))
	return db.accounts(ctx, `
		SELECT u.id, u.email, u.name, u.created_at FROM users u
		JOIN (SELECT key, count(*) AS n FROM login_failures
		      WHERE at >= $1 AND key LIKE 'account:%' GROUP BY key) f ON f.key = 'account:' || u.email
		WHERE f.n >= $2
		ORDER BY u.email`, since, limit)
}

func (db *DB) accounts(ctx context.Context, sql string, args ...any) ([]Account, error) {
	rows, err := db.q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Account, error) {
		var a Account
		return a, r.Scan(&a.ID, &a.Email, &a.Name, &a.CreatedAt)
	})
}
