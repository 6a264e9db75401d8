package store

import (
	"context"
	"errors"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Targets lists every target with its milestones, the default first, then by name.
func (db *DB) Targets(ctx context.Context) (_ []workforce.Target, err error) {
	defer wrap(&err, "targets")
	rows, err := db.q.Query(ctx, `
		SELECT id, name, fte::float8, baseline, deadline, is_default FROM targets
		ORDER BY is_default DESC, name`)
	if err != nil {
		return nil, err
	}
	targets, err := pgx.CollectRows(rows, scanTarget)
	if err != nil {
		return nil, err
	}
	for i := range targets {
		if targets[i].Milestones, err = db.milestones(ctx, targets[i].ID); err != nil {
			return nil, err
		}
	}
	return targets, nil
}

// TargetByName returns one target with its milestones, or ErrNotFound.
func (db *DB) TargetByName(ctx context.Context, name string) (_ workforce.Target, err error) {
	defer wrap(&err, "target %q", name)
	return db.targetByName(ctx, name)
}

func (db *DB) targetByName(ctx context.Context, name string) (workforce.Target, error) {
	rows, err := db.q.Query(ctx, `
		SELECT id, name, fte::float8, baseline, deadline, is_default FROM targets WHERE name = $1`, name)
	if err != nil {
		return workforce.Target{}, err
	}
	t, err := pgx.CollectExactlyOneRow(rows, scanTarget)
	if err != nil {
		return t, mapErr(err)
	}
	t.Milestones, err = db.milestones(ctx, t.ID)
	return t, err
}

func scanTarget(r pgx.CollectableRow) (workforce.Target, error) {
	var t workforce.Target
	return t, r.Scan(&t.ID, &t.Name, &t.FTE, &t.Baseline, &t.Deadline, &t.IsDefault)
}

func (db *DB) milestones(ctx context.Context, targetID int64) ([]workforce.Milestone, error) {
	rows, err := db.q.Query(ctx, `SELECT due, fte::float8, label FROM target_milestones WHERE target_id = $1 ORDER BY due`, targetID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (workforce.Milestone, error) {
		var m workforce.Milestone
		return m, r.Scan(&m.Due, &m.FTE, &m.Label)
	})
}

// SaveTarget creates the target named t.Name, or updates the one of that name, with its
// audit entry (the target before and after), in one transaction, and returns it as
// stored with created set for a new one. IsDefault true makes it the default (the
// previous default stops being one); false leaves an existing target's default flag as
// it was. Milestones nil keeps an existing target's milestones; non-nil (even empty)
// replaces them.
func (db *DB) SaveTarget(ctx context.Context, t workforce.Target, by Actor) (saved workforce.Target, created bool, err error) {
	defer wrap(&err, "save target %q", t.Name)
	err = db.InTx(ctx, func(tx *DB) error {
		before, err := tx.targetByName(ctx, t.Name)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if saved, created, err = tx.writeTarget(ctx, t); err != nil {
			return err
		}
		e := by.Entry("target.save", "target", strconv.FormatInt(saved.ID, 10))
		if !created {
			e.Before = before
		}
		e.After = saved
		return tx.audit(ctx, e)
	})
	return saved, created, err
}

// writeTarget is SaveTarget's change, on its transaction.
func (db *DB) writeTarget(ctx context.Context, t workforce.Target) (saved workforce.Target, created bool, err error) {
	if t.IsDefault {
		if _, err := db.q.Exec(ctx, `UPDATE targets SET is_default = false WHERE is_default AND name <> $1`, t.Name); err != nil {
			return saved, false, err
		}
	}
	err = db.q.QueryRow(ctx, `
		INSERT INTO targets (name, fte, baseline, deadline, is_default) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (name) DO UPDATE SET fte = excluded.fte, baseline = excluded.baseline,
			deadline = excluded.deadline, is_default = targets.is_default OR excluded.is_default
		RETURNING id, xmax = 0`, t.Name, t.FTE, t.Baseline, t.Deadline, t.IsDefault).Scan(&t.ID, &created)
	if err != nil {
		return saved, false, mapErr(err)
	}
	if t.Milestones != nil {
		if err := db.replaceMilestones(ctx, t.ID, t.Milestones); err != nil {
			return saved, false, err
		}
	}
	saved, err = db.targetByName(ctx, t.Name)
	return saved, created, err
}

func (db *DB) replaceMilestones(ctx context.Context, targetID int64, ms []workforce.Milestone) error {
	if _, err := db.q.Exec(ctx, `DELETE FROM target_milestones WHERE target_id = $1`, targetID); err != nil {
		return err
	}
	return mapErr(db.insertMilestones(ctx, targetID, ms))
}

// BaselineExtras returns, by PCN code, the baseline FTE entered against a target on
// top of the staff in post on its baseline date (PLANNING.md: "normally 0").
func (db *DB) BaselineExtras(ctx context.Context, targetID int64) (_ map[string]float64, err error) {
	defer wrap(&err, "baseline extras of target %d", targetID)
	rows, err := db.q.Query(ctx, `SELECT pcn_code, baseline_fte::float8 FROM pcn_baselines WHERE target_id = $1`, targetID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	extras := map[string]float64{}
	var code string
	var fte float64
	_, err = pgx.ForEachRow(rows, []any{&code, &fte}, func() error {
		extras[code] = fte
		return nil
	})
	return extras, err
}

// SetBaselineExtra enters a PCN's baseline FTE against a target, 0 removing the entry,
// with its audit entry (the value before and after) in one transaction; a value equal
// to the one held changes nothing and writes no entry.
func (db *DB) SetBaselineExtra(ctx context.Context, pcn string, targetID int64, fte float64, by Actor) (err error) {
	defer wrap(&err, "set baseline extra of %s against target %d", pcn, targetID)
	return db.InTx(ctx, func(tx *DB) error {
		var held *float64
		err := tx.q.QueryRow(ctx, `SELECT baseline_fte::float8 FROM pcn_baselines WHERE pcn_code = $1 AND target_id = $2 FOR UPDATE`,
			pcn, targetID).Scan(&held)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if held == nil && fte == 0 || held != nil && *held == fte {
			return nil
		}
		if fte == 0 {
			_, err = tx.q.Exec(ctx, `DELETE FROM pcn_baselines WHERE pcn_code = $1 AND target_id = $2`, pcn, targetID)
		} else {
			_, err = tx.q.Exec(ctx, `
				INSERT INTO pcn_baselines (pcn_code, target_id, baseline_fte) VALUES ($1, $2, $3)
				ON CONFLICT (pcn_code, target_id) DO UPDATE SET baseline_fte = excluded.baseline_fte`, pcn, targetID, fte)
		}
		if err != nil {
			return mapErr(err)
		}
		e := by.Entry("baseline.set", "pcn_baseline", pcn+" "+strconv.FormatInt(targetID, 10))
		e.PCN = pcn
		if held != nil {
			e.Before = baselineAudit(targetID, *held)
		}
		if fte != 0 {
			e.After = baselineAudit(targetID, fte)
		}
		return tx.audit(ctx, e)
	})
}

// baselineAudit is what the audit trail records of a PCN's baseline extra.
func baselineAudit(targetID int64, fte float64) map[string]any {
	return map[string]any{"target_id": targetID, "baseline_fte": fte}
}
