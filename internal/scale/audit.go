package scale

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// AuditRows is how many audit entries the dataset holds, spread over AuditYears.
const (
	AuditRows  = 1_000_000
	AuditYears = 5
)

// auditEnd is the end of the audit trail's span: fixed, so that the rows are the same
// whenever they are built.
var auditEnd = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

// auditMix is the share (per cent, cumulative) of each kind of entry: mostly sign-ins,
// as in a live service, then staff and plan changes, reviews and account changes.
var auditMix = []struct {
	upTo   int
	action string
}{{55, "session.sign_in"}, {75, "staff.update"}, {90, "plan.save"}, {95, "plan.submit"}, {98, "plan.accept"}, {100, "user.update"}}

// auditor draws the entries in time order.
type auditor struct {
	rng    *rand.Rand
	us     []user
	byRole map[string][]user
	icbOf  map[string]string
	start  time.Time
	step   time.Duration
	n      int
}

func newAuditor(us []user, icbOf map[string]string) *auditor {
	a := &auditor{rng: rand.New(rand.NewPCG(17, 2027)), us: us, byRole: map[string][]user{}, icbOf: icbOf,
		start: auditEnd.AddDate(-AuditYears, 0, 0)}
	a.step = auditEnd.Sub(a.start) / AuditRows
	for _, u := range us {
		a.byRole[u.role] = append(a.byRole[u.role], u)
	}
	return a
}

// next is the next entry's columns, or nil after the last. Every user signs in at
// least once (entry i of every hundredth), so no one is listed as never signed in.
func (a *auditor) next() []any {
	if a.n == AuditRows {
		return nil
	}
	i := a.n
	a.n++
	at := a.start.Add(time.Duration(i)*a.step + time.Duration(a.rng.Int64N(int64(a.step))))
	if i%(AuditRows/TotalUsers) == 0 && i/(AuditRows/TotalUsers) < len(a.us) {
		return a.signIn(a.us[i/(AuditRows/TotalUsers)], at)
	}
	r := a.rng.IntN(100)
	action := ""
	for _, m := range auditMix {
		if r < m.upTo {
			action = m.action
			break
		}
	}
	return a.entry(action, at)
}

func (a *auditor) pick(role string) user { us := a.byRole[role]; return us[a.rng.IntN(len(us))] }

func (a *auditor) signIn(u user, at time.Time) []any {
	id := strconv.FormatInt(u.id, 10)
	return []any{at, u.id, u.email, "session.sign_in", "user", id, "", "", nil, nil}
}

// entry is one change of the kind named, by a user who may make it.
func (a *auditor) entry(action string, at time.Time) []any {
	switch action {
	case "session.sign_in":
		return a.signIn(a.us[a.rng.IntN(len(a.us))], at)
	case "staff.update":
		u := a.pick("pcn_manager")
		fte := 0.2 + 0.1*float64(a.rng.IntN(9))
		return []any{at, u.id, u.email, action, "staff", strconv.Itoa(1 + a.rng.IntN(35000)), u.org, a.icbOf[u.org],
			[]byte(fmt.Sprintf(`{"fte": %.1f}`, fte)), []byte(fmt.Sprintf(`{"fte": %.1f}`, fte+0.1))}
	case "plan.save", "plan.submit":
		u := a.pick("pcn_manager")
		return []any{at, u.id, u.email, action, "plan", strconv.Itoa(1 + a.rng.IntN(2600)), u.org, a.icbOf[u.org],
			[]byte(`{"status": "draft"}`), []byte(`{"status": "draft", "lines": 300}`)}
	case "plan.accept":
		u := a.pick("icb_lead")
		return []any{at, u.id, u.email, action, "plan", strconv.Itoa(1 + a.rng.IntN(2600)), "", u.org,
			[]byte(`{"status": "signed_off"}`), []byte(`{"status": "accepted"}`)}
	}
	u, who := a.pick("admin"), a.us[a.rng.IntN(len(a.us))]
	return []any{at, u.id, u.email, "user.update", "user", strconv.FormatInt(who.id, 10), "", "",
		[]byte(`{"active": true}`), []byte(`{"active": true}`)}
}

// copyAudit streams the entries into audit_log in time order (its ids follow time).
func copyAudit(ctx context.Context, conn *pgx.Conn, us []user, icbOf map[string]string) error {
	a := newAuditor(us, icbOf)
	return withoutIndexes(ctx, conn, "audit_log", func() error {
		_, err := conn.CopyFrom(ctx, pgx.Identifier{"audit_log"}, []string{"at", "user_id", "actor", "action", "entity",
			"entity_id", "pcn_code", "icb_code", "before", "after"},
			pgx.CopyFromFunc(func() ([]any, error) { return a.next(), nil }))
		if err != nil {
			return fmt.Errorf("copy audit: %w", err)
		}
		return nil
	})
}
