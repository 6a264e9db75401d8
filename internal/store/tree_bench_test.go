package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
)

// BenchmarkTreeOn loads the organisation tree, which every page starts from, on a day
// of the November 2025 structure (42 ICBs) and on a day after the April 2026 change
// (fewer ICBs, PCNs in their new places), from the full embedded reference data: the
// structure, the practice lists and the change. It guards the effective-dated reads
// (spans in force on a day, lists at the latest extract before it, successions), which
// a lost index or a join over every span would make slow on every request.
func BenchmarkTreeOn(b *testing.B) {
	ctx, db := context.Background(), dbtest.New(b)
	if _, err := ingest.Reference(ctx, db, store.Actor{Name: "cli:bench seed"}); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		day  string
		icbs int // in force that day: a tree of the wrong day would measure nothing
	}{
		{"2025-11-30", 42},
		{"2026-06-30", 36},
	} {
		d, err := time.Parse(time.DateOnly, c.day)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.day, func(b *testing.B) {
			for b.Loop() {
				tree, err := db.TreeOn(ctx, d)
				if err != nil {
					b.Fatal(err)
				}
				if len(tree.ICBs) != c.icbs {
					b.Fatalf("%d ICBs in force on %s, want %d", len(tree.ICBs), c.day, c.icbs)
				}
			}
		})
	}
}
