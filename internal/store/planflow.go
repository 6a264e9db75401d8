package store

import (
	"context"
	"fmt"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// The sign-off workflow as kept in the database. Which moves a plan may take, and who
// may take them, is workforce's (planmove.go, planduty.go): each move here is one
// transaction that locks the version, asks workforce, and writes the plan, its events
// and the audit entry.

// PlanEvents lists the steps of every version of a PCN's plan, oldest first.
func (db *DB) PlanEvents(ctx context.Context, pcn string) (_ []workforce.PlanEvent, err error) {
	defer wrap(&err, "plan events of %s", pcn)
	rows, err := db.q.Query(ctx, `
		SELECT e.id, e.plan_id, e.action, e.from_status, e.to_status, e.version, e.actor, e.at, e.comment
		FROM plan_events e JOIN plans p ON p.id = e.plan_id
		WHERE p.pcn_code = $1 ORDER BY e.id`, pcn)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.PlanEvent, error) {
		var e workforce.PlanEvent
		err := r.Scan(&e.ID, &e.PlanID, &e.Action, &e.From, &e.To, &e.Version, &e.Actor, &e.At, &e.Comment)
		return e, err
	})
}

func (db *DB) addPlanEvent(ctx context.Context, e workforce.PlanEvent, by Actor) error {
	var uid *int64
	if by.UserID != 0 {
		uid = &by.UserID
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO plan_events (plan_id, action, from_status, to_status, version, user_id, actor, comment)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		e.PlanID, e.Action, e.From, e.To, e.Version, uid, by.Name, e.Comment)
	return err
}

// EditablePlan returns the PCN's draft or returned plan, or ErrNotFound.
func (db *DB) EditablePlan(ctx context.Context, pcn string) (_ workforce.Plan, err error) {
	defer wrap(&err, "editable plan of %s", pcn)
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans
		WHERE pcn_code = $1 AND status IN ('draft', 'returned')`, pcn)
	if err != nil {
		return workforce.Plan{}, err
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	return p, mapErr(err)
}

// lockPlan reads a PCN's plan version for update, or ErrNotFound (also when it is
// another PCN's).
func (db *DB) lockPlan(ctx context.Context, pcn string, id int64) (workforce.Plan, error) {
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans WHERE id = $1 AND pcn_code = $2 FOR UPDATE`, id, pcn)
	if err != nil {
		return workforce.Plan{}, err
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	return p, mapErr(err)
}

// NumberedPlan is a plan with its place among its PCN's versions (1 for the first).
type NumberedPlan struct {
	workforce.Plan
	Number int
}

// PlansInStatus lists the plans in a status of the PCNs named and of the PCNs of the
// ICBs named, oldest change first: what waits for a clinical director, an ICB lead or
// a PCN manager.
func (db *DB) PlansInStatus(ctx context.Context, s workforce.PlanStatus, pcns, icbs []string) (_ []NumberedPlan, err error) {
	defer wrap(&err, "plans %s of PCNs %v and ICBs %v", s, pcns, icbs)
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+`,
			(SELECT count(*) FROM plans o WHERE o.pcn_code = plans.pcn_code AND o.id <= plans.id)
		FROM plans
		WHERE status = $1 AND (pcn_code = ANY($2) OR pcn_code IN (SELECT icb_pcns_today(c) FROM unnest($3::text[]) AS u(c)))
		ORDER BY updated_at, id`, s, pcns, icbs)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (NumberedPlan, error) {
		var n NumberedPlan
		p := &n.Plan
		err := r.Scan(&p.ID, &p.PCNCode, &p.Status, &p.Version, &p.Comment, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt,
			&p.SubmittedAt, &p.SubmittedBy, &p.SignedOffAt, &p.SignedOffBy, &p.ReviewedAt, &p.ReviewedBy, &n.Number)
		return n, err
	})
}

// PlanMove is one move of the sign-off workflow on a version of a PCN's plan.
type PlanMove struct {
	PCN     string
	PlanID  int64
	Version int // the version the person saw: a stale one is ErrConflict
	Action  workforce.PlanAction
	Comment string // the reviewer's comment on a return or an acceptance
	By      Actor
}

// MovedPlan is what a move changed: the plan before and after, and the other versions
// the move superseded or handed the return to.
type MovedPlan struct {
	Before, After workforce.Plan
	// Superseded are the PCN's other versions a submission took out of review.
	Superseded []int64
	// ReturnedTo is the PCN's newer draft that a return went to (the version returned
	// was superseded), or 0.
	ReturnedTo int64
}

// MovePlan takes one move of the workflow, in one transaction, recording it in
// plan_events. The plan must be the PCN's (else ErrNotFound), in a status the move
// starts from (else *workforce.StatusError), at the version the person saw (else
// ErrConflict), and the person must not have taken a move of the version that bars
// this one (else *workforce.DutyError: no one signs off or accepts their own plan).
//
//   - A submission supersedes every other version of the PCN still waiting for
//     sign-off or review: the reviewers see only the newest.
//   - A return makes the version editable again with the comment; if the PCN already
//     has a newer draft (started while the version was in review), the draft takes the
//     return and its comment instead, and the version returned is superseded, because a
//     PCN has one editable plan at a time.
func (db *DB) MovePlan(ctx context.Context, m PlanMove) (out MovedPlan, err error) {
	defer wrap(&err, "%s plan %d of %s", m.Action, m.PlanID, m.PCN)
	err = db.InTx(ctx, func(tx *DB) error {
		p, err := tx.lockPlan(ctx, m.PCN, m.PlanID)
		if err != nil {
			return err
		}
		out.Before = p
		to, err := p.Status.Next(m.Action)
		if err != nil {
			return err
		}
		if p.Version != m.Version {
			return fmt.Errorf("%w: plan %d is at version %d, not %d", ErrConflict, p.ID, p.Version, m.Version)
		}
		if err := tx.checkDuty(ctx, p, m); err != nil {
			return err
		}
		switch m.Action {
		case workforce.ActionSubmit:
			out.Superseded, err = tx.supersedeInReview(ctx, m, p.ID)
		case workforce.ActionReturn, workforce.ActionSendBack:
			out.ReturnedTo, err = tx.returnToNewerDraft(ctx, m, p.ID)
		}
		if err != nil {
			return err
		}
		if out.ReturnedTo != 0 {
			to = workforce.PlanSuperseded
		}
		if out.After, err = tx.setPlanStatus(ctx, p.ID, to, m); err != nil {
			return err
		}
		if err := tx.addPlanEvent(ctx, workforce.PlanEvent{PlanID: p.ID, Action: m.Action, From: p.Status, To: to, Version: out.After.Version, Comment: m.Comment}, m.By); err != nil {
			return err
		}
		return tx.auditMove(ctx, m, out)
	})
	return out, err
}

// setPlanStatus moves a plan to a status, stamping who and when for the move.
func (db *DB) setPlanStatus(ctx context.Context, id int64, to workforce.PlanStatus, m PlanMove) (workforce.Plan, error) {
	stamp := map[workforce.PlanAction]string{
		workforce.ActionSubmit:  `, submitted_at = now(), submitted_by = $3`,
		workforce.ActionSignOff: `, signed_off_at = now(), signed_off_by = $3`,
		workforce.ActionAccept:  `, reviewed_at = now(), reviewed_by = $3, comment = $4`,
		workforce.ActionReturn:  `, reviewed_at = now(), reviewed_by = $3, comment = $4`,
		// The director's return keeps the sign-off and review stamps empty: the
		// comment is the plan's, and who returned it is in plan_events.
		workforce.ActionSendBack: `, comment = $3`,
	}[m.Action]
	args := []any{id, to}
	switch m.Action {
	case workforce.ActionSendBack:
		args = append(args, m.Comment)
	case workforce.ActionAccept, workforce.ActionReturn:
		args = append(args, m.By.Name, m.Comment)
	default:
		args = append(args, m.By.Name)
	}
	rows, err := db.q.Query(ctx, `UPDATE plans SET status = $2, version = version + 1, updated_at = now()`+stamp+`
		WHERE id = $1 RETURNING `+planColumns, args...)
	if err != nil {
		return workforce.Plan{}, err
	}
	return collectPlan(rows)
}

// supersedeInReview takes the PCN's other versions waiting for sign-off or review out
// of it, and returns their ids.
func (db *DB) supersedeInReview(ctx context.Context, m PlanMove, submitted int64) ([]int64, error) {
	rows, err := db.q.Query(ctx, `
		WITH old AS (SELECT id, status FROM plans
			WHERE pcn_code = $1 AND id <> $2 AND status IN ('submitted', 'signed_off') FOR UPDATE)
		UPDATE plans p SET status = 'superseded', version = p.version + 1, updated_at = now()
		FROM old WHERE p.id = old.id
		RETURNING p.id, old.status, p.version`, m.PCN, submitted)
	if err != nil {
		return nil, err
	}
	type row struct {
		id      int64
		status  workforce.PlanStatus
		version int
	}
	done, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var x row
		return x, r.Scan(&x.id, &x.status, &x.version)
	})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(done))
	for i, x := range done {
		ids[i] = x.id
		e := workforce.PlanEvent{PlanID: x.id, Action: workforce.ActionSupersede, From: x.status, To: workforce.PlanSuperseded,
			Version: x.version, Comment: workforce.SupersededComment(submitted)}
		if err := db.addPlanEvent(ctx, e, m.By); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// returnToNewerDraft hands a return to the PCN's editable draft, if it has one: the
// draft becomes returned, with the comment. The ICB's return stamps the review on it,
// as on the version returned; the clinical director's (send_back) stamps only the
// comment, as setPlanStatus does: the director did not review the plan, and who
// returned it is in plan_events. It returns the draft's id, or 0.
func (db *DB) returnToNewerDraft(ctx context.Context, m PlanMove, returned int64) (int64, error) {
	reviewed := m.Action == workforce.ActionReturn
	rows, err := db.q.Query(ctx, `
		WITH old AS (SELECT id, status FROM plans
			WHERE pcn_code = $1 AND id <> $2 AND status IN ('draft', 'returned') FOR UPDATE)
		UPDATE plans p SET status = 'returned', comment = $3,
			reviewed_at = CASE WHEN $5::boolean THEN now() ELSE p.reviewed_at END,
			reviewed_by = CASE WHEN $5::boolean THEN $4 ELSE p.reviewed_by END,
			version = p.version + 1, updated_at = now()
		FROM old WHERE p.id = old.id
		RETURNING p.id, old.status, p.version`, m.PCN, returned, m.Comment, m.By.Name, reviewed)
	if err != nil {
		return 0, err
	}
	type row struct {
		id      int64
		status  workforce.PlanStatus
		version int
	}
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var x row
		return x, r.Scan(&x.id, &x.status, &x.version)
	})
	if err != nil || len(got) == 0 {
		return 0, err
	}
	e := workforce.PlanEvent{PlanID: got[0].id, Action: m.Action, From: got[0].status, To: workforce.PlanReturned,
		Version: got[0].version, Comment: m.Comment}
	return got[0].id, db.addPlanEvent(ctx, e, m.By)
}

// CurrentPlan returns the PCN's current plan by the rule of CurrentPlans (what the gap
// report projects with), or ErrNotFound when it has none.
func (db *DB) CurrentPlan(ctx context.Context, pcn string) (_ workforce.Plan, err error) {
	defer wrap(&err, "current plan of %s", pcn)
	rows, err := db.q.Query(ctx, `SELECT `+planColumns+` FROM plans
		WHERE id = (SELECT id FROM (`+currentPlans+`) c WHERE pcn_code = $1)`, pcn)
	if err != nil {
		return workforce.Plan{}, err
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	return p, mapErr(err)
}
