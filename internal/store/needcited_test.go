package store_test

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// A set's figures changed without its citation or note is "uncited" until its
// citation or note changes again; the other set is untouched.
func TestNeedFiguresUncited(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	admin := store.Actor{Name: "admin@test.nhs.uk"}
	// change saves a change to the age-sex figures, its note, or both.
	change := func(figure, note bool) map[string]store.NeedChange {
		t.Helper()
		w, err := db.NeedWeights(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if figure {
			w.Age[0].Male += 0.01
		}
		if note {
			w.AgeSource.Note += " Checked again."
		}
		if _, err := db.UpdateNeedWeights(ctx, w, admin); err != nil {
			t.Fatal(err)
		}
		got, err := db.NeedFiguresUncited(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got, err := db.NeedFiguresUncited(ctx); err != nil || len(got) != 0 {
		t.Fatalf("as loaded: %v %v", got, err)
	}
	got := change(true, false)
	if c, ok := got[refdata.NeedSourceAgeSex]; !ok || c.By != admin.Name || c.At.IsZero() || len(got) != 1 {
		t.Errorf("a figure changed: %+v", got)
	}
	if got := change(false, true); len(got) != 0 {
		t.Errorf("the note changed after: %+v", got)
	}
	if got := change(true, true); len(got) != 0 {
		t.Errorf("both changed together: %+v", got)
	}
}
