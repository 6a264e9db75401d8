package store_test

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The starters' COPY is written by hand in PostgreSQL's text format: values holding
// its separators (tab, line break, backslash, "\N") come back as they were, an empty
// ARRS role is NULL, and FTE keeps its 6 decimals.
func TestImportCopiesAwkwardText(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	odd := workforce.Staff{PCNCode: "U60057", StaffGroup: "a\tb", StaffRole: `back\slash`, DetailedRole: "line\nbreak\r\\N",
		Source: workforce.SourceNWRSStaff, UniqueIdentifier: `\N`, SourceRows: 2, FTE: 0.946667}
	arrs := workforce.Staff{PCNCode: "U60057", RoleCode: "clinical_pharmacist", StaffRole: "Pharmacists", Source: workforce.SourceNWRSContracted,
		SourceRows: 1, FTE: 12.5}
	nov := workforce.Date(2025, 11, 30)
	if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "odd", SHA256: "odd", Census: nov, Rows: 3,
		Records: []workforce.Staff{odd, arrs}, By: testActor}); err != nil {
		t.Fatal(err)
	}
	got, err := db.StaffOfPCNs(ctx, []string{"U60057"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d records, want 2: %+v", len(got), got)
	}
	for _, want := range []workforce.Staff{odd, arrs} {
		found := false
		for _, g := range got {
			if g.UniqueIdentifier == want.UniqueIdentifier && g.Source == want.Source {
				found = true
				if g.StaffGroup != want.StaffGroup || g.StaffRole != want.StaffRole || g.DetailedRole != want.DetailedRole ||
					g.RoleCode != want.RoleCode || g.FTE != want.FTE || g.SourceRows != want.SourceRows || !g.Start.Equal(nov) {
					t.Errorf("got %+v, want %+v", g, want)
				}
			}
		}
		if !found {
			t.Errorf("no record %q in %+v", want.UniqueIdentifier, got)
		}
	}
}
