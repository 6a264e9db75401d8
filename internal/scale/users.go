package scale

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/auth"
)

// Password is every generated user's password (the demo accounts' too: arrs-demo).
const Password = "arrs-demo"

// The generated accounts: Admins admins (admin01@…, the first is the benchmark's
// writer), LeadsPerICB ICB leads of every ICB (lead.qhm.01@…), and PCN managers and
// clinical directors in turn over the PCNs (pcn.u60057.1@…) up to TotalUsers.
const (
	TotalUsers  = 10000
	Admins      = 20
	LeadsPerICB = 40
	emailDomain = "@scale.example.nhs.uk"
)

// AdminEmail is the bench admin's account.
const AdminEmail = "admin01" + emailDomain

// LeadEmails are the first n (at most LeadsPerICB) ICB leads of an ICB (e.g. QHM).
func LeadEmails(icb string, n int) []string {
	n = min(n, LeadsPerICB)
	out := make([]string, n)
	for i := range n {
		out[i] = leadEmail(icb, i)
	}
	return out
}

func leadEmail(icb string, i int) string {
	return fmt.Sprintf("lead.%s.%02d%s", strings.ToLower(icb), i+1, emailDomain)
}

// user is one generated account with its single grant.
type user struct {
	id          int64
	email, name string
	role, org   string
}

// users lays out the accounts over the ICBs and PCNs (both in code order).
func users(icbs, pcns []string) []user {
	var out []user
	add := func(email, role, org string) {
		id := int64(len(out) + 1)
		out = append(out, user{id: id, email: email, name: fmt.Sprintf("Scale user %d", id), role: role, org: org})
	}
	for i := range Admins {
		add(fmt.Sprintf("admin%02d%s", i+1, emailDomain), "admin", "")
	}
	for _, icb := range icbs {
		for i := range LeadsPerICB {
			add(leadEmail(icb, i), "icb_lead", icb)
		}
	}
	for i := 0; len(out) < TotalUsers; i++ {
		pcn := pcns[i%len(pcns)]
		role := []string{"pcn_manager", "clinical_director"}[(i/len(pcns))%2]
		add(fmt.Sprintf("pcn.%s.%d%s", strings.ToLower(pcn), i/len(pcns)+1, emailDomain), role, pcn)
	}
	return out
}

// copyUsers writes the accounts and their grants, all with one argon2id hash of
// Password: hashing 10,000 times would take minutes, and each check costs the same.
func copyUsers(ctx context.Context, conn *pgx.Conn, us []user) error {
	hash, err := auth.HashPassword(Password, auth.DefaultParams)
	if err != nil {
		return err
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "email", "name", "password_hash", "active", "demo"},
		pgx.CopyFromSlice(len(us), func(i int) ([]any, error) {
			return []any{us[i].id, us[i].email, us[i].name, hash, true, false}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy users: %w", err)
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"user_grants"}, []string{"user_id", "role", "org_code"},
		pgx.CopyFromSlice(len(us), func(i int) ([]any, error) { return []any{us[i].id, us[i].role, us[i].org}, nil }))
	if err != nil {
		return fmt.Errorf("copy user grants: %w", err)
	}
	_, err = conn.Exec(ctx, `SELECT setval('users_id_seq', (SELECT max(id) FROM users))`)
	return err
}

// LargestPCN is the PCN of an ICB today (icb_pcns_today) with the most FTE in post on
// the latest census: the benchmark's PCN page, dashboard, funding and plan. url is a
// database built from a template (its owner's connection).
func LargestPCN(ctx context.Context, url, icb string) (string, error) {
	var code string
	err := owner(ctx, url, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `
			SELECT pcn_code FROM staff
			WHERE end_date IS NULL AND pcn_code IN (SELECT icb_pcns_today($1))
			GROUP BY pcn_code ORDER BY sum(fte) DESC, pcn_code LIMIT 1`, icb).Scan(&code)
	})
	if err != nil {
		return "", fmt.Errorf("scale: the largest PCN of %s: %w", icb, err)
	}
	return code, nil
}
