package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// UpdateNeedWeights saves an admin's need weights, factors and sources (w, whose bands
// are those stored: only their weights change) if nobody has saved either set since
// the versions w's sources carry (else ErrConflict), with one audit entry naming each
// figure and text that changed, old and new, in one transaction. A set whose figures
// or source changed takes a new version and records who changed it; a save that
// changes nothing writes nothing. changes counts the figures and texts changed. The
// data version moves with the tables (their triggers), so every page on need is worked
// out again.
func (db *DB) UpdateNeedWeights(ctx context.Context, w workforce.NeedWeights, by Actor) (changes int, err error) {
	defer wrap(&err, "update need weights")
	if err := w.Check(); err != nil {
		return 0, err
	}
	err = db.InTx(ctx, func(tx *DB) error {
		if err := tx.lockNeedSources(ctx, w.AgeSource.Version, w.DepSource.Version); err != nil {
			return err
		}
		before, err := tx.NeedWeights(ctx)
		if err != nil {
			return err
		}
		d, err := diffNeedWeights(before, w)
		if err != nil || len(d.after) == 0 {
			return err
		}
		if err := tx.writeNeedWeights(ctx, d, w, by); err != nil {
			return err
		}
		changes = len(d.after)
		e := by.Entry("need_weights.update", "need_weights", d.kinds())
		e.Before, e.After = d.before, d.after
		return tx.audit(ctx, e)
	})
	return changes, err
}

// lockNeedSources locks both sources' rows for the transaction and refuses, with
// ErrConflict, versions other than those the form was opened at.
func (db *DB) lockNeedSources(ctx context.Context, age, dep int) error {
	rows, err := db.q.Query(ctx, `SELECT kind, version FROM need_sources ORDER BY kind FOR UPDATE`)
	if err != nil {
		return err
	}
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var kind string
		var v int
		if err := rows.Scan(&kind, &v); err != nil {
			return err
		}
		got[kind] = v
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(got) == 0 {
		return ErrNotFound
	}
	if got[refdata.NeedSourceAgeSex] != age || got[refdata.NeedSourceDeprivation] != dep {
		return ErrConflict
	}
	return nil
}

// needWeightsDiff is what a save changes: each changed figure and text, old and new,
// under a name people read in the audit trail ("Men aged 75 and over"), and which
// bands, quintiles and sets changed.
type needWeightsDiff struct {
	before, after map[string]any
	bands         []int
	quintiles     []int
	age, dep      bool
}

// diffNeedWeights compares the stored weights with the new ones; ErrConflict when the
// new ones are not of the stored bands (the bands were loaded again meanwhile).
func diffNeedWeights(old, w workforce.NeedWeights) (needWeightsDiff, error) {
	d := needWeightsDiff{before: map[string]any{}, after: map[string]any{}}
	if len(old.Age) != len(w.Age) {
		return d, ErrConflict
	}
	for i, b := range old.Age {
		n := w.Age[i]
		if b.Label != n.Label || b.From != n.From || b.To != n.To {
			return d, ErrConflict
		}
		ages := "aged " + agesText(b)
		m := d.figure("Men "+ages, b.Male, n.Male)
		f := d.figure("Women "+ages, b.Female, n.Female)
		if m || f {
			d.bands, d.age = append(d.bands, i), true
		}
	}
	for q := range old.Deprivation {
		if d.figure("Quintile "+strconv.Itoa(q+1)+" factor", old.Deprivation[q], w.Deprivation[q]) {
			d.quintiles, d.dep = append(d.quintiles, q+1), true
		}
	}
	d.age = d.source("Age and sex source", old.AgeSource, w.AgeSource) || d.age
	d.dep = d.source("Deprivation source", old.DepSource, w.DepSource) || d.dep
	return d, nil
}

// figure records a figure that changed at the 4 decimal places the columns keep.
func (d *needWeightsDiff) figure(name string, old, cur float64) bool {
	if math.Round(old*1e4) == math.Round(cur*1e4) {
		return false
	}
	d.before[name], d.after[name] = old, cur
	return true
}

// source records a source's texts that changed.
func (d *needWeightsDiff) source(name string, old, cur workforce.NeedSource) bool {
	changed := false
	for _, t := range []struct{ field, old, cur string }{
		{"title", old.Title, cur.Title}, {"citation", old.Citation, cur.Citation},
		{"link", old.URL, cur.URL}, {"note", old.Note, cur.Note},
	} {
		if t.old != t.cur {
			d.before[name+" "+t.field], d.after[name+" "+t.field] = t.old, t.cur
			changed = true
		}
	}
	return changed
}

// kinds names the sets changed, for the audit entry's id: "age_sex deprivation".
func (d needWeightsDiff) kinds() string {
	var k []string
	if d.age {
		k = append(k, refdata.NeedSourceAgeSex)
	}
	if d.dep {
		k = append(k, refdata.NeedSourceDeprivation)
	}
	return strings.Join(k, " ")
}

// writeNeedWeights writes the changed bands and quintiles, and gives each changed set's
// source its texts, its author and a new version.
func (db *DB) writeNeedWeights(ctx context.Context, d needWeightsDiff, w workforce.NeedWeights, by Actor) error {
	for _, i := range d.bands {
		b := w.Age[i]
		if err := db.needWeightsExec(ctx, `UPDATE need_age_weights SET male = $2, female = $3 WHERE label = $1`, b.Label, b.Male, b.Female); err != nil {
			return err
		}
	}
	for _, q := range d.quintiles {
		if err := db.needWeightsExec(ctx, `UPDATE need_deprivation_factors SET factor = $2 WHERE quintile = $1`, q, w.Deprivation[q-1]); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		changed bool
		kind    string
		src     workforce.NeedSource
	}{{d.age, refdata.NeedSourceAgeSex, w.AgeSource}, {d.dep, refdata.NeedSourceDeprivation, w.DepSource}} {
		if !s.changed {
			continue
		}
		if err := db.needWeightsExec(ctx, `
			UPDATE need_sources SET title = $2, citation = $3, url = $4, note = $5, updated_by = $6,
				updated_at = now(), version = version + 1
			WHERE kind = $1`, s.kind, s.src.Title, s.src.Citation, s.src.URL, s.src.Note, by.Name); err != nil {
			return err
		}
	}
	return nil
}

// needWeightsExec runs a change that must touch one row: none is ErrConflict (the row went
// meanwhile).
func (db *DB) needWeightsExec(ctx context.Context, sql string, args ...any) error {
	tag, err := db.q.Exec(ctx, sql, args...)
	if err != nil {
		return err
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("%w: %d rows changed, want 1", ErrConflict, tag.RowsAffected())
	}
	return nil
}

// agesText names a band's ages: "0 to 4", "75 and over".
func agesText(b workforce.NeedAgeWeight) string {
	if b.To < 0 {
		return strconv.Itoa(b.From) + " and over"
	}
	return strconv.Itoa(b.From) + " to " + strconv.Itoa(b.To)
}
