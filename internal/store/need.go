package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// NeedWeights reads the need weights in force (migration 000019): the age bands by
// age_from (To -1 for the open top band), the factor of each deprivation quintile and
// each set's source, in one round trip. Weights that cannot be used (workforce.
// NeedWeights.Check: a quintile missing, bands not contiguous from 0) come back as
// read, with the reason as the error; ErrNotFound when either set is not loaded at all
// (its table is empty: `arrs seed reference` loads it).
func (db *DB) NeedWeights(ctx context.Context) (w workforce.NeedWeights, err error) {
	defer wrap(&err, "need weights")
	var factors []quintileFactor
	var sources []needSource
	if err := db.runReads(ctx, ageWeightsRead(&w.Age), factorsRead(&factors), needSourcesRead(&sources)); err != nil {
		return w, err
	}
	if len(w.Age) == 0 || len(factors) == 0 {
		return w, fmt.Errorf("%w: no age-sex weights or no deprivation factors are loaded", ErrNotFound)
	}
	if w.Deprivation, err = deprivationOf(factors); err != nil {
		return w, err
	}
	for _, s := range sources {
		switch s.kind {
		case refdata.NeedSourceAgeSex:
			w.AgeSource = s.NeedSource
		case refdata.NeedSourceDeprivation:
			w.DepSource = s.NeedSource
		}
	}
	return w, w.Check()
}

// deprivationOf is the factors by quintile, 1 to 5; an error names a quintile missing.
func deprivationOf(factors []quintileFactor) (out [5]float64, err error) {
	for _, f := range factors {
		if f.quintile >= 1 && f.quintile <= 5 {
			out[f.quintile-1] = f.factor
		}
	}
	for q, f := range out {
		if f == 0 {
			return out, fmt.Errorf("no deprivation factor for quintile %d", q+1)
		}
	}
	return out, nil
}

type quintileFactor struct {
	quintile int
	factor   float64
}

type needSource struct {
	kind string
	workforce.NeedSource
}

func ageWeightsRead(out *[]workforce.NeedAgeWeight) read {
	return read{`SELECT label, age_from, coalesce(age_to, -1), male::float8, female::float8 FROM need_age_weights ORDER BY age_from`, nil,
		collectInto(out, func(r pgx.CollectableRow) (workforce.NeedAgeWeight, error) {
			var a workforce.NeedAgeWeight
			return a, r.Scan(&a.Label, &a.From, &a.To, &a.Male, &a.Female)
		})}
}

func factorsRead(out *[]quintileFactor) read {
	return read{`SELECT quintile, factor::float8 FROM need_deprivation_factors ORDER BY quintile`, nil,
		collectInto(out, func(r pgx.CollectableRow) (quintileFactor, error) {
			var f quintileFactor
			return f, r.Scan(&f.quintile, &f.factor)
		})}
}

func needSourcesRead(out *[]needSource) read {
	return read{`SELECT kind, title, citation, url, note, updated_by, updated_at, version FROM need_sources ORDER BY kind`, nil,
		collectInto(out, func(r pgx.CollectableRow) (needSource, error) {
			var s needSource
			return s, r.Scan(&s.kind, &s.Title, &s.Citation, &s.URL, &s.Note, &s.UpdatedBy, &s.UpdatedAt, &s.Version)
		})}
}
