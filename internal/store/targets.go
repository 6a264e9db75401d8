package store

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Targets lists every target with its milestones, the default first, then by name.
func (db *DB) Targets(ctx context.Context) ([]workforce.Target, error) {
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
func (db *DB) TargetByName(ctx context.Context, name string) (workforce.Target, error) {
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

// SaveTarget creates the target named t.Name, or updates the one of that name, in one
// transaction, and returns it as stored with created set for a new one. IsDefault true
// makes it the default (the previous default stops being one); false leaves an
// existing target's default flag as it was. Milestones nil keeps an existing target's
// milestones; non-nil (even empty) replaces them.
func (db *DB) SaveTarget(ctx context.Context, t workforce.Target) (saved workforce.Target, created bool, err error) {
	err = db.InTx(ctx, func(tx *DB) error {
		if t.IsDefault {
			if _, err := tx.q.Exec(ctx, `UPDATE targets SET is_default = false WHERE is_default AND name <> $1`, t.Name); err != nil {
				return err
			}
		}
		err := tx.q.QueryRow(ctx, `
			INSERT INTO targets (name, fte, baseline, deadline, is_default) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (name) DO UPDATE SET fte = excluded.fte, baseline = excluded.baseline,
				deadline = excluded.deadline, is_default = targets.is_default OR excluded.is_default
			RETURNING id, xmax = 0`, t.Name, t.FTE, t.Baseline, t.Deadline, t.IsDefault).Scan(&t.ID, &created)
		if err != nil {
			return mapErr(err)
		}
		if t.Milestones != nil {
			if err := tx.replaceMilestones(ctx, t.ID, t.Milestones); err != nil {
				return err
			}
		}
		saved, err = tx.TargetByName(ctx, t.Name)
		return err
	})
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
func (db *DB) BaselineExtras(ctx context.Context, targetID int64) (map[string]float64, error) {
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

// SetBaselineExtra enters a PCN's baseline FTE against a target; 0 removes the entry.
func (db *DB) SetBaselineExtra(ctx context.Context, pcn string, targetID int64, fte float64) error {
	if fte == 0 {
		_, err := db.q.Exec(ctx, `DELETE FROM pcn_baselines WHERE pcn_code = $1 AND target_id = $2`, pcn, targetID)
		return err
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO pcn_baselines (pcn_code, target_id, baseline_fte) VALUES ($1, $2, $3)
		ON CONFLICT (pcn_code, target_id) DO UPDATE SET baseline_fte = excluded.baseline_fte`, pcn, targetID, fte)
	return mapErr(err)
}

// SaveTargetBy is SaveTarget with its audit entry (the target before and after), in one
// transaction.
func (db *DB) SaveTargetBy(ctx context.Context, t workforce.Target, by Actor) (saved workforce.Target, created bool, err error) {
	err = db.InTx(ctx, func(tx *DB) error {
		before, _ := tx.TargetByName(ctx, t.Name)
		if saved, created, err = tx.SaveTarget(ctx, t); err != nil {
			return err
		}
		e := by.Entry("target.save", "target", strconv.FormatInt(saved.ID, 10))
		if !created {
			e.Before = before
		}
		e.After = saved
		return tx.Audit(ctx, e)
	})
	return saved, created, err
}
