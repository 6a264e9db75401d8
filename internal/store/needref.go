package store

import (
	"context"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// insertNeedReference writes the need weights of the reference data where none are
// set, as LoadReference does for caps and rates, so that an admin's edits survive a
// re-seed: the age bands only into an empty table (a set of bands is whole, contiguous
// from 0, and a band added beside an admin's own would break it), each quintile's
// factor and each kind's source only when missing.
func (db *DB) insertNeedReference(ctx context.Context, ref *refdata.Reference) error {
	w := ref.Need
	var label []string
	var from, to []*int32
	var male, female []float64
	for _, b := range w.Age {
		f, t := int32(b.From), int32(b.To)
		label, from, male, female = append(label, b.Label), append(from, &f), append(male, b.Male), append(female, b.Female)
		if b.To < 0 {
			to = append(to, nil)
		} else {
			to = append(to, &t)
		}
	}
	if _, err := db.q.Exec(ctx, `
		INSERT INTO need_age_weights (label, age_from, age_to, male, female)
		SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::numeric[], $5::numeric[])
		WHERE NOT EXISTS (SELECT 1 FROM need_age_weights)`, label, from, to, male, female); err != nil {
		return err
	}
	if _, err := db.q.Exec(ctx, `
		INSERT INTO need_deprivation_factors (quintile, factor)
		SELECT q, f FROM unnest($1::numeric[]) WITH ORDINALITY AS u(f, q) WHERE f > 0
		ON CONFLICT (quintile) DO NOTHING`, w.Deprivation[:]); err != nil {
		return err
	}
	kinds := []string{refdata.NeedSourceAgeSex, refdata.NeedSourceDeprivation}
	var title, citation, url, note []string
	for _, s := range []workforce.NeedSource{w.AgeSource, w.DepSource} {
		title, citation, url, note = append(title, s.Title), append(citation, s.Citation), append(url, s.URL), append(note, s.Note)
	}
	_, err := db.q.Exec(ctx, `
		INSERT INTO need_sources (kind, title, citation, url, note, updated_by)
		SELECT k, t, c, u, n, 'cli:arrs seed' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(k, t, c, u, n)
		WHERE t <> ''
		ON CONFLICT (kind) DO NOTHING`, kinds, title, citation, url, note)
	return err
}
