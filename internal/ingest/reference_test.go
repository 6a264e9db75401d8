package ingest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var seeder = store.Actor{Name: "cli:test seed"}

// seeded is a database with the whole reference seed: the lists, the practices of
// November 2025 and the change of April 2026.
func seeded(t *testing.T) *store.DB {
	t.Helper()
	db := dbtest.New(t)
	start := time.Now()
	if _, err := Reference(context.Background(), db, seeder); err != nil {
		t.Fatal(err)
	}
	t.Logf("practices and the April 2026 change loaded in %v", time.Since(start).Round(time.Millisecond))
	return db
}

// After the seed, England has 42 ICBs on 30 November 2025 and 36 from 1 April 2026;
// Frimley (QNQ) is succeeded by the three ICBs its PCNs went to; the hierarchy is whole.
func TestReferenceSeedsTheApril2026Change(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), seeded(t)
	for day, want := range map[time.Time]int{workforce.Date(2025, 11, 30): 42, workforce.Date(2026, 3, 31): 42, workforce.Date(2026, 4, 1): 36} {
		tree, err := db.TreeOn(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(tree.ICBs); got != want {
			t.Errorf("ICBs in force on %s: %d, want %d", day.Format(time.DateOnly), got, want)
		}
	}
	succ, err := db.Successions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var frimley []string
	for _, s := range succ {
		if s.OldCode == "QNQ" {
			frimley = append(frimley, s.NewCode)
		}
	}
	if want := []string{"QRL", "S0E4D", "S9B9J"}; !slices.Equal(frimley, want) {
		t.Errorf("successors of QNQ: %v, want %v", frimley, want)
	}
	if problems := orgProblems(t, db); len(problems) > 0 {
		t.Errorf("org_problems(): %v", problems)
	}
}

func orgProblems(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.Pool().Query(context.Background(), `SELECT problem FROM org_problems()`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// A second seed, and a second LoadReference, change nothing: not even the data version
// that keys the pages' caches.
func TestReferenceTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), seeded(t)
	before, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.LoadReference(ctx, ref); err != nil {
		t.Fatal(err)
	}
	log, err := Reference(ctx, db, seeder)
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Practices) > 0 || len(log.Changes) > 0 {
		t.Errorf("the second seed loaded %d practice files and %d changes", len(log.Practices), len(log.Changes))
	}
	if after, err := db.DataVersion(ctx); err != nil || after != before {
		t.Errorf("data version %d, then %d (%v)", before, after, err)
	}
}
