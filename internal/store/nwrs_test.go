package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A scoped import (an ICB lead's) corrects only the latest national census, only with
// known PCNs of its ICBs, and never moves the as-of date; national imports do.
func TestScopedImportStaysInScope(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	nov, dec := workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	at := func(pcn, id string) workforce.Staff {
		return workforce.Staff{PCNCode: pcn, StaffRole: "Pharmacists", Source: workforce.SourceNWRSStaff, UniqueIdentifier: id, SourceRows: 1, FTE: 1}
	}
	load := func(name string, census time.Time, scope []string, recs ...workforce.Staff) error {
		_, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: name, SHA256: name, Census: census, Rows: len(recs), Records: recs, Scope: scope, By: testActor})
		return err
	}
	asOf := func() time.Time {
		d, err := db.LatestCensus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if err := load("lead-first", nov, []string{"QOC"}, at("U60057", "1")); !errors.Is(err, store.ErrNotLatestCensus) {
		t.Errorf("a scoped import before any national one: %v", err)
	}
	if err := load("national-nov", nov, nil, at("U60057", "1"), at("U47425", "2")); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"a later month":      load("lead-dec", dec, []string{"QOC"}, at("U60057", "1")),
		"another ICB's PCN":  load("lead-qsl", nov, []string{"QOC"}, at("U60057", "1"), at("U47425", "3")),
		"an unknown PCN":     load("lead-new", nov, []string{"QOC"}, at("U99998", "4")),
		"the earlier census": load("lead-oct", workforce.Date(2025, 10, 31), []string{"QOC"}, at("U60057", "1")),
	} {
		want := store.ErrOutOfScope
		if name == "a later month" || name == "the earlier census" {
			want = store.ErrNotLatestCensus
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: got %v, want %v", name, err, want)
		}
	}
	if err := load("lead-nov", nov, []string{"QOC"}, at("U60057", "5")); err != nil {
		t.Fatalf("QOC's correction of November: %v", err)
	}
	logs, err := db.Imports(ctx)
	if err != nil || len(logs) != 2 || !slices.Equal(logs[0].Scope, []string{"QOC"}) || logs[1].Scope != nil || logs[0].PCNsCreated != 0 {
		t.Errorf("import log: %+v %v", logs, err)
	}
	if got := asOf(); !got.Equal(nov) {
		t.Errorf("as-of after the correction: %s", got)
	}
	inPost, _ := db.StaffInPost(ctx, "U47425", nov)
	if len(inPost) != 1 || inPost[0].UniqueIdentifier != "2" {
		t.Errorf("QSL's records after QOC's correction: %+v", inPost)
	}
	if err := load("national-dec", dec, nil, at("U60057", "5")); err != nil || !asOf().Equal(dec) {
		t.Errorf("the national December: %v, as-of %s", err, asOf())
	}
}
