package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/auth"
)

// The admin's lists of users read each user with their grants in one query (grants
// aggregated per user), and the grants on dissolved ICBs for all of them in one more:
// a national deployment has some 10,000 users, and a query per user was 10,000
// round trips.

// usersWithGrants selects users with their grants as two parallel arrays, sorted as
// auth.GrantsText reads them; where and tail (ORDER BY, LIMIT) complete it.
const usersWithGrants = `
	SELECT u.id, u.email, u.name, u.active, u.demo, u.version,
	       coalesce(array_agg(g.role ORDER BY g.role, g.org_code) FILTER (WHERE g.user_id IS NOT NULL), '{}'),
	       coalesce(array_agg(g.org_code ORDER BY g.role, g.org_code) FILTER (WHERE g.user_id IS NOT NULL), '{}')
	FROM users u LEFT JOIN user_grants g ON g.user_id = u.id`

// MaxUserSearch bounds the admin's search of users by name or email.
const MaxUserSearch = 100

// userSearch is the WHERE of a search by part of a name or an email, case-insensitive,
// its wildcards taken literally; "" matches everyone.
const userSearch = ` WHERE $1 = '' OR u.email ILIKE '%' || $1 || '%' OR u.name ILIKE '%' || $1 || '%'`

// CountUsers counts the users whose name or email contains search ("" counts all).
func (db *DB) CountUsers(ctx context.Context, search string) (n int, err error) {
	defer wrap(&err, "count users")
	err = db.q.QueryRow(ctx, `SELECT count(*) FROM users u`+userSearch, likeLiteral(search)).Scan(&n)
	return n, err
}

// UsersMatching lists, by email, limit users from offset whose name or email contains
// search ("" lists all), each with grants and those on dissolved ICBs.
func (db *DB) UsersMatching(ctx context.Context, search string, offset, limit int) (_ []auth.User, err error) {
	defer wrap(&err, "users matching %q", search)
	return db.listUsers(ctx, usersWithGrants+userSearch+` GROUP BY u.id ORDER BY u.email OFFSET $2 LIMIT $3`,
		likeLiteral(search), offset, limit)
}

// UsersWithDissolvedGrants lists, by email, the users who lead an ICB dissolved by
// today, with grants and those dissolved ones: the admin's grants to move.
func (db *DB) UsersWithDissolvedGrants(ctx context.Context) (_ []auth.User, err error) {
	defer wrap(&err, "users with grants on dissolved ICBs")
	return db.listUsers(ctx, usersWithGrants+`
		WHERE EXISTS (SELECT 1 FROM user_grants d JOIN icbs i ON i.code = d.org_code
		              WHERE d.user_id = u.id AND d.role = 'icb_lead' AND i.closed <= `+londonToday+`)
		GROUP BY u.id ORDER BY u.email`)
}

// listUsers runs a query of usersWithGrants and reads, in one more query, the
// dissolved grants of the ICB leads among the users.
func (db *DB) listUsers(ctx context.Context, sql string, args ...any) ([]auth.User, error) {
	rows, err := db.q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	users, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.User, error) {
		var u auth.User
		var roles, orgs []string
		if err := r.Scan(&u.ID, &u.Email, &u.Name, &u.Active, &u.Demo, &u.Version, &roles, &orgs); err != nil {
			return u, err
		}
		for i := range roles {
			u.Grants = append(u.Grants, auth.Grant{Role: auth.Role(roles[i]), Org: orgs[i]})
		}
		return u, nil
	})
	if err != nil {
		return nil, err
	}
	var leads []int64
	for _, u := range users {
		if u.Has(auth.ICBLead) {
			leads = append(leads, u.ID)
		}
	}
	if len(leads) == 0 {
		return users, nil
	}
	dissolved, err := db.dissolvedGrantsOf(ctx, leads)
	for i := range users {
		users[i].Dissolved = dissolved[users[i].ID]
	}
	return users, err
}

// dissolvedGrantsOf is dissolvedGrants for many users in one query, by user.
func (db *DB) dissolvedGrantsOf(ctx context.Context, ids []int64) (map[int64][]auth.DissolvedICB, error) {
	rows, err := db.q.Query(ctx, `
		SELECT g.user_id, i.code, i.name, i.closed,
		       array(SELECT p FROM icb_pcns_today(i.code) AS p ORDER BY 1),
		       array(SELECT s.new_code FROM icb_successions s WHERE s.old_code = i.code ORDER BY s.new_code),
		       array(SELECT n.name FROM icb_successions s JOIN icbs n ON n.code = s.new_code
		             WHERE s.old_code = i.code ORDER BY s.new_code)
		FROM user_grants g JOIN icbs i ON i.code = g.org_code
		WHERE g.user_id = ANY($1) AND g.role = 'icb_lead' AND i.closed <= `+londonToday+`
		ORDER BY g.user_id, i.code`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]auth.DissolvedICB{}
	for rows.Next() {
		var id int64
		var d auth.DissolvedICB
		var codes, names []string
		if err := rows.Scan(&id, &d.Code, &d.Name, &d.Closed, &d.PCNs, &codes, &names); err != nil {
			return nil, err
		}
		for i := range codes {
			d.Successors = append(d.Successors, auth.ICBName{Code: codes[i], Name: names[i]})
		}
		out[id] = append(out[id], d)
	}
	return out, rows.Err()
}
