package scale

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// planRoles is how many roles every generated plan has a line for in each quarter of
// the window, as the planning benchmark's England does (25 roles × 12 quarters).
const planRoles = 25

// plan is one generated plan version.
type plan struct {
	id                   int64
	pcn, status, by      string
	version              int
	created, submitted   time.Time
	signedOff, reviewed  *time.Time
	signedBy, reviewedBy *string
}

// plans gives every PCN an accepted version (its current plan: PLANNING.md
// "Projection") and a newer one submitted and waiting for the clinical director.
func plans(pcns []string, us []user, start time.Time) []plan {
	first := map[[2]string]string{} // (role, PCN) → the first such user's email
	for _, u := range us {
		if k := [2]string{u.role, u.org}; first[k] == "" {
			first[k] = u.email
		}
	}
	lead := AdminEmail // accepted by an admin: a PCN's ICB is not known here
	out := make([]plan, 0, 2*len(pcns))
	for i, p := range pcns {
		at := start.Add(time.Duration(i) * time.Minute)
		so, rv := at.AddDate(0, 0, 20), at.AddDate(0, 0, 30)
		by, dir := first[[2]string{"pcn_manager", p}], first[[2]string{"clinical_director", p}]
		out = append(out, plan{id: int64(2*i + 1), pcn: p, status: "accepted", by: by, version: 4,
			created: at, submitted: at.AddDate(0, 0, 14), signedOff: &so, reviewed: &rv, signedBy: &dir, reviewedBy: &lead})
		out = append(out, plan{id: int64(2*i + 2), pcn: p, status: "submitted", by: by, version: 3,
			created: at.AddDate(0, 6, 0), submitted: at.AddDate(0, 6, 14)})
	}
	return out
}

// copyPlans writes the plans, their lines and their events.
func copyPlans(ctx context.Context, conn *pgx.Conn, ps []plan, roles []string, window workforce.PlanWindow) error {
	_, err := conn.CopyFrom(ctx, pgx.Identifier{"plans"}, []string{"id", "pcn_code", "status", "version", "created_by", "created_at",
		"updated_at", "submitted_at", "submitted_by", "signed_off_at", "signed_off_by", "reviewed_at", "reviewed_by"},
		pgx.CopyFromSlice(len(ps), func(i int) ([]any, error) {
			p := ps[i]
			return []any{p.id, p.pcn, p.status, p.version, p.by, p.created, p.submitted, p.submitted, p.by,
				p.signedOff, p.signedBy, p.reviewed, p.reviewedBy}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy plans: %w", err)
	}
	if err := copyPlanLines(ctx, conn, ps, roles, window); err != nil {
		return err
	}
	if err := copyPlanEvents(ctx, conn, ps); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, `SELECT setval('plans_id_seq', (SELECT max(id) FROM plans))`)
	return err
}

// copyPlanLines writes planRoles × the window's quarters lines per plan: mostly
// nothing planned, a starter in about one cell in eight, a leaver in one in ten; the
// newer version differs from the accepted one in a few cells.
func copyPlanLines(ctx context.Context, conn *pgx.Conn, ps []plan, roles []string, window workforce.PlanWindow) error {
	rng := rand.New(rand.NewPCG(17, 2026))
	roles = roles[:min(planRoles, len(roles))]
	perPlan := len(roles) * len(window)
	n := 0
	_, err := conn.CopyFrom(ctx, pgx.Identifier{"plan_lines"}, []string{"plan_id", "role_code", "quarter_start",
		"starters_fte", "leavers_fte", "annual_cost_pence", "funding_stream"},
		pgx.CopyFromFunc(func() ([]any, error) {
			if n == len(ps)*perPlan {
				return nil, nil
			}
			p, cell := ps[n/perPlan], n%perPlan
			n++
			r, q := cell/len(window), window[cell%len(window)]
			starters, leavers := 0.0, 0.0
			if rng.IntN(8) == 0 {
				starters = float64(1+rng.IntN(2)) / 2
			}
			if rng.IntN(10) == 0 {
				leavers = 0.5
			}
			return []any{p.id, roles[r], q.Start(), starters, leavers, int64(4_000_000 + 100_000*r), "arrs"}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy plan lines: %w", err)
	}
	return nil
}

// copyPlanEvents writes each version's steps: the accepted one created, submitted,
// signed off and accepted; the newer one created, saved and submitted.
func copyPlanEvents(ctx context.Context, conn *pgx.Conn, ps []plan) error {
	var rows [][]any
	step := func(p plan, action, from, to string, version int, at time.Time, actor string) {
		rows = append(rows, []any{p.id, action, from, to, version, actor, at})
	}
	for _, p := range ps {
		step(p, "create", "", "draft", 1, p.created, p.by)
		if p.status == "accepted" {
			step(p, "submit", "draft", "submitted", 2, p.submitted, p.by)
			step(p, "sign_off", "submitted", "signed_off", 3, *p.signedOff, *p.signedBy)
			step(p, "accept", "signed_off", "accepted", 4, *p.reviewed, *p.reviewedBy)
			continue
		}
		step(p, "save", "draft", "draft", 2, p.created.AddDate(0, 0, 7), p.by)
		step(p, "submit", "draft", "submitted", 3, p.submitted, p.by)
	}
	_, err := conn.CopyFrom(ctx, pgx.Identifier{"plan_events"}, []string{"plan_id", "action", "from_status", "to_status",
		"version", "actor", "at"}, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy plan events: %w", err)
	}
	return nil
}
