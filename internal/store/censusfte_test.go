package store_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Each national census keeps the ARRS FTE in post on its date: a later import ends the
// records absent from it on the later date, so the earlier figure stands. Non-ARRS
// records and ICB leads' corrections add no census of their own.
func TestCensusARRSFTE(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	nov, dec := workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	rec := func(pcn, id, role string, fte float64) workforce.Staff {
		return workforce.Staff{PCNCode: pcn, RoleCode: role, StaffRole: "Pharmacists", Source: workforce.SourceNWRSStaff, UniqueIdentifier: id, SourceRows: 1, FTE: fte}
	}
	load := func(name string, census time.Time, scope []string, recs ...workforce.Staff) {
		t.Helper()
		var orgs []workforce.OrgPath // a scoped import reconciles the PCNs its file names
		for _, r := range recs {
			if scope != nil {
				orgs = append(orgs, workforce.OrgPath{PCN: workforce.PCN{Code: r.PCNCode}})
			}
		}
		if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: name, SHA256: name, Census: census, Rows: len(recs), Records: recs, Orgs: orgs, Scope: scope, By: testActor}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.CensusARRSFTE(ctx)
	if err != nil || len(got) != 0 {
		t.Fatalf("before any import: %v, %v", got, err)
	}
	// November: 1 + 0.5 ARRS, 0.8 outside ARRS. December: U60057's record goes (ends
	// on 31 December), U47425's stays, a new 0.6 starts: 0.5 + 0.6.
	load("nov", nov, nil, rec("U60057", "1", "clinical_pharmacist", 1), rec("U47425", "2", "clinical_pharmacist", 0.5), rec("U47425", "3", "", 0.8))
	load("dec", dec, nil, rec("U47425", "2", "clinical_pharmacist", 0.5), rec("U79722", "4", "clinical_pharmacist", 0.6))
	load("dec-qoc", dec, []string{"QOC"}, rec("U79722", "4", "clinical_pharmacist", 0.6))
	got, err = db.CensusARRSFTE(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.CensusFTE{{Census: nov, FTE: 1.5}, {Census: dec, FTE: 1.1}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if !got[i].Census.Equal(want[i].Census) || math.Abs(got[i].FTE-want[i].FTE) > 1e-9 {
			t.Errorf("census %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for d, want := range map[time.Time]bool{nov: true, dec: true, workforce.Date(2025, 10, 31): false} {
		if ok, err := db.NationalCensus(ctx, d); err != nil || ok != want {
			t.Errorf("NationalCensus(%s) = %v, %v; want %v", d.Format(time.DateOnly), ok, err, want)
		}
	}
}
