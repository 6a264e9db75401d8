package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestStaffHistoryKeepsEveryVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	alice, bob := store.Actor{Name: "alice@test.nhs.uk"}, store.Actor{Name: "bob@test.nhs.uk"}
	rec := workforce.StaffRecord{
		Staff: workforce.Staff{PCNCode: "U60057", RoleCode: "paramedic", StaffRole: "Paramedic", FTE: 1, Start: workforce.Date(2025, 4, 1),
			Band: "7", AnnualCostPence: 55_000_00},
		EmploymentModel: workforce.HostPractice, Employer: "Riverside Surgery", ARRSFunded: true,
	}
	created, err := db.CreateStaff(ctx, rec, alice)
	if err != nil {
		t.Fatal(err)
	}
	if created.Version != 1 || created.Source != workforce.SourceManual || created.UpdatedBy != alice.Name || created.FromNWRS() {
		t.Fatalf("created: %+v", created)
	}

	edit := created
	edit.FTE, edit.AnnualCostPence = 0.8, 0
	second, err := db.UpdateStaff(ctx, edit, bob)
	if err != nil {
		t.Fatal(err)
	}
	// Alice saves from the form she opened at version 1: refused, nothing written.
	stale := created
	stale.Employer = "Hillside Surgery"
	if _, err := db.UpdateStaff(ctx, stale, alice); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	if _, err := db.EndStaff(ctx, "U60057", created.ID, created.Version, workforce.Date(2026, 1, 1), alice); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale end: %v", err)
	}
	ended, err := db.EndStaff(ctx, "U60057", created.ID, second.Version, workforce.Date(2026, 1, 1), alice)
	if err != nil {
		t.Fatal(err)
	}
	if ended.Version != 3 || !ended.End.Equal(workforce.Date(2026, 1, 1)) || ended.FTE != 0.8 || ended.Employer != "Riverside Surgery" {
		t.Errorf("ended: %+v", ended)
	}

	hist, err := db.StaffHistory(ctx, "U60057", created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 {
		t.Fatalf("history: %d versions, want 2", len(hist))
	}
	if h := hist[0]; h.Version != 2 || h.FTE != 0.8 || h.AnnualCostPence != 0 || h.UpdatedBy != bob.Name || !h.End.IsZero() {
		t.Errorf("version 2: %+v", h)
	}
	if h := hist[1]; h.Version != 1 || h.FTE != 1 || h.AnnualCostPence != 55_000_00 || h.UpdatedBy != alice.Name ||
		h.EmploymentModel != workforce.HostPractice || !h.Start.Equal(rec.Start) || !h.ARRSFunded {
		t.Errorf("version 1: %+v", h)
	}
	if other, err := db.StaffHistory(ctx, "U47425", created.ID); err != nil || len(other) != 0 {
		t.Errorf("another PCN's view of the history: %v %v", other, err)
	}
	if _, err := db.StaffRecord(ctx, "U47425", created.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another PCN's record: %v", err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{PCN: "U60057"})
	if err != nil || len(entries) != 3 || entries[0].Action != "staff.end" || entries[2].Action != "staff.create" {
		t.Errorf("audit: %+v %v", entries, err)
	}
}

// An edited NWRS record keeps its source and role; the next import stays authoritative
// for its FTE, and its changes are kept in the history too.
func TestEditedNWRSRecordAndTheNextImport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	nov, dec := workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	pharmacist := workforce.Staff{PCNCode: "U60057", RoleCode: "clinical_pharmacist", StaffGroup: "Direct Patient Care",
		StaffRole: "Pharmacists", DetailedRole: "Clinical Pharmacist", Source: workforce.SourceNWRSStaff, UniqueIdentifier: "1001", SourceRows: 1, FTE: 1}
	if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "nov.csv", SHA256: "nov", Census: nov, Rows: 1, FTE: 1, ARRSFTE: 1, Records: []workforce.Staff{pharmacist}, By: testActor}); err != nil {
		t.Fatal(err)
	}
	recs, err := db.StaffRecordsInPost(ctx, "U60057", nov)
	if err != nil || len(recs) != 1 {
		t.Fatalf("%v %v", recs, err)
	}
	rec := recs[0]
	if !rec.FromNWRS() || !rec.Census.Equal(nov) || !rec.ARRSFunded || rec.Version != 1 {
		t.Fatalf("imported: %+v", rec)
	}
	opened := rec // a form opened before the edit and the import
	edit := rec
	edit.FTE, edit.Band, edit.RoleCode, edit.StaffRole = 0.8, "7", "paramedic", "Paramedic"
	edited, err := db.UpdateStaff(ctx, edit, store.Actor{Name: "manager@test.nhs.uk"})
	if err != nil {
		t.Fatal(err)
	}
	if edited.RoleCode != "clinical_pharmacist" || edited.StaffRole != "Pharmacists" || edited.Source != workforce.SourceNWRSStaff || edited.FTE != 0.8 || edited.Band != "7" {
		t.Errorf("edited NWRS record: %+v", edited)
	}

	// December's file still says 1.0 FTE: the edited record ends on the census date and
	// a new one starts with NWRS's FTE.
	if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "dec.csv", SHA256: "dec", Census: dec, Rows: 1, FTE: 1, ARRSFTE: 1, Records: []workforce.Staff{pharmacist}, By: testActor}); err != nil {
		t.Fatal(err)
	}
	after, err := db.StaffRecord(ctx, "U60057", rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !after.End.Equal(dec) || after.Version != edited.Version+1 || after.UpdatedBy != "" {
		t.Errorf("after the import: %+v", after)
	}
	hist, err := db.StaffHistory(ctx, "U60057", rec.ID)
	if err != nil || len(hist) != 2 || hist[0].FTE != 0.8 || hist[0].UpdatedBy != "manager@test.nhs.uk" || hist[1].FTE != 1 {
		t.Errorf("history: %+v %v", hist, err)
	}
	// A form opened before the import is refused, not allowed to reopen the record.
	edit = edited
	edit.Employer = "Shrewsbury Health"
	if _, err := db.UpdateStaff(ctx, edit, store.Actor{Name: "manager@test.nhs.uk"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save from before the import: %v", err)
	}
	if _, err := db.UpdateStaff(ctx, opened, store.Actor{Name: "manager@test.nhs.uk"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a save from before the edit: %v", err)
	}
	now, err := db.StaffRecordsInPost(ctx, "U60057", dec)
	if err != nil || len(now) != 1 || now[0].ID == rec.ID || now[0].FTE != 1 || !now[0].Census.Equal(dec) {
		t.Errorf("in post in December: %+v %v", now, err)
	}
}
