package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// Need weights not loaded at all (a table empty, as on a database migrated before the
// weights were part of the migration) are ErrNotFound, so that pages can say to load
// them; a set loaded in part is still the reason it cannot be used.
func TestNeedWeightsNotLoaded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, c := range []struct {
		name, sql string
		notFound  bool
	}{
		{"no age-sex weights", `DELETE FROM need_age_weights`, true},
		{"no deprivation factors", `DELETE FROM need_deprivation_factors`, true},
		{"a quintile missing", `DELETE FROM need_deprivation_factors WHERE quintile = 3`, false},
	} {
		db, dbURL := dbtest.NewWithURL(t)
		execAsOwner(t, dbURL, c.sql)
		_, err := db.NeedWeights(ctx)
		if err == nil || errors.Is(err, store.ErrNotFound) != c.notFound {
			t.Errorf("%s: %v, want not found %v", c.name, err, c.notFound)
		}
	}
}
