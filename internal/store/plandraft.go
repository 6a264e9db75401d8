package store

import (
	"context"
	"fmt"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// DraftSave is a save of a PCN's plan from the editor or an uploaded file.
type DraftSave struct {
	PCN string
	// PlanID and Version are the version the person had in front of them: the editable
	// plan they changed, or the read-only version a new draft copies; 0 when the PCN
	// had no plan at all.
	PlanID  int64
	Version int
	// Lines are every line of the draft after the save (PCNCode is set to PCN).
	Lines  []workforce.PlanLine
	Action workforce.PlanAction // workforce.ActionSave or ActionUpload
	By     Actor
}

// SaveDraft makes the lines the PCN's editable plan, in one transaction. When the
// version named is the editable plan, its lines are replaced and its version moves on;
// when it is a read-only version (submitted, accepted…), a new draft starts from the
// lines. Either way the save is refused with ErrConflict if the version named is no
// longer what the person saw: the editable plan saved by someone else since, or a
// newer version started meanwhile (optimistic locking: no one's work is overwritten
// unseen). The save is audited (auditDraftSave) in the same transaction. It returns
// the draft as saved.
func (db *DB) SaveDraft(ctx context.Context, d DraftSave) (saved workforce.Plan, err error) {
	defer wrap(&err, "save the draft of %s over plan %d", d.PCN, d.PlanID)
	lines := make([]workforce.PlanLine, len(d.Lines))
	for i, l := range d.Lines {
		l.PCNCode = d.PCN
		lines[i] = l
	}
	err = db.InTx(ctx, func(tx *DB) error {
		base, err := tx.draftBase(ctx, d)
		if err != nil {
			return err
		}
		var old []workforce.PlanLine
		if base.ID != 0 {
			if old, err = tx.planLines(ctx, base.ID); err != nil {
				return err
			}
		}
		if base.Status.Editable() {
			saved, err = tx.replaceDraftLines(ctx, base, lines)
		} else {
			saved, err = tx.startDraft(ctx, d, base.ID)
			if err == nil {
				err = tx.insertDraftLines(ctx, lines)
			}
		}
		if err != nil {
			return err
		}
		if err := tx.addPlanEvent(ctx, workforce.PlanEvent{PlanID: saved.ID, Action: d.Action, From: base.Status, To: saved.Status, Version: saved.Version}, d.By); err != nil {
			return err
		}
		return tx.auditDraftSave(ctx, d, old, saved)
	})
	return saved, err
}

// draftBase locks the version a save names and checks it is still what the person
// saw. With no version named, the PCN must still have no plan.
func (db *DB) draftBase(ctx context.Context, d DraftSave) (workforce.Plan, error) {
	if d.PlanID == 0 {
		var n int
		if err := db.q.QueryRow(ctx, `SELECT count(*) FROM plans WHERE pcn_code = $1`, d.PCN).Scan(&n); err != nil {
			return workforce.Plan{}, err
		}
		if n > 0 {
			return workforce.Plan{}, fmt.Errorf("%w: the PCN has a plan now", ErrConflict)
		}
		return workforce.Plan{PCNCode: d.PCN}, nil
	}
	base, err := db.lockPlan(ctx, d.PCN, d.PlanID)
	if err != nil {
		return base, err
	}
	if base.Version != d.Version {
		return base, fmt.Errorf("%w: plan %d is at version %d, not %d", ErrConflict, base.ID, base.Version, d.Version)
	}
	if base.Status.Editable() {
		return base, nil
	}
	var newest int64
	if err := db.q.QueryRow(ctx, `SELECT max(id) FROM plans WHERE pcn_code = $1`, d.PCN).Scan(&newest); err != nil {
		return base, err
	}
	if newest != base.ID {
		return base, fmt.Errorf("%w: a newer version of the plan (%d) was started", ErrConflict, newest)
	}
	return base, nil
}

// replaceDraftLines swaps an editable plan's lines and moves its version on.
func (db *DB) replaceDraftLines(ctx context.Context, p workforce.Plan, lines []workforce.PlanLine) (workforce.Plan, error) {
	if _, err := db.q.Exec(ctx, `DELETE FROM plan_lines WHERE plan_id = $1`, p.ID); err != nil {
		return p, err
	}
	if err := db.insertDraftLines(ctx, lines); err != nil {
		return p, err
	}
	rows, err := db.q.Query(ctx, `UPDATE plans SET version = version + 1, updated_at = now() WHERE id = $1
		RETURNING `+planColumns, p.ID)
	if err != nil {
		return p, err
	}
	return collectPlan(rows)
}

// startDraft creates the PCN's new draft (a creation event names the version it
// copies). A draft started by someone else at the same moment is ErrConflict, through
// the one-editable-plan index.
func (db *DB) startDraft(ctx context.Context, d DraftSave, from int64) (workforce.Plan, error) {
	rows, err := db.q.Query(ctx, `INSERT INTO plans (pcn_code, created_by) VALUES ($1, $2) RETURNING `+planColumns, d.PCN, d.By.Name)
	if err != nil {
		return workforce.Plan{}, mapErr(err)
	}
	p, err := collectPlan(rows)
	if err != nil {
		return p, err
	}
	comment := ""
	if from != 0 {
		comment = workforce.CopiedComment(from)
	}
	return p, db.addPlanEvent(ctx, workforce.PlanEvent{PlanID: p.ID, Action: workforce.ActionCreate, To: workforce.PlanDraft, Version: p.Version, Comment: comment}, d.By)
}

// collectPlan reads the one plan a statement returns, mapping a unique violation (a
// second editable plan) to ErrConflict.
func collectPlan(rows pgx.Rows) (workforce.Plan, error) {
	p, err := pgx.CollectExactlyOneRow(rows, scanPlan)
	return p, mapErr(err)
}
