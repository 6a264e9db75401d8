package store_test

import (
	"context"
	"errors"
	"maps"
	"strconv"
	"strings"
	"testing"
	"time"

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
			Band: "7", AnnualCostPence: 55_000_00, Stream: workforce.StreamARRS},
		EmploymentModel: workforce.HostPractice, Employer: "Riverside Surgery",
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
		h.EmploymentModel != workforce.HostPractice || !h.Start.Equal(rec.Start) || h.Stream != workforce.StreamARRS {
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
	if !rec.FromNWRS() || !rec.Census.Equal(nov) || rec.Stream != workforce.StreamARRS || rec.Version != 1 {
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

// fundingFixture gives U60057 two member practices (ZZ0001, ZZ0002; ZZ0009 belongs to
// no PCN) and each of U60057 and its neighbour U47425 a commissioner-approved care
// navigator role, and returns the two approvals' ids.
func fundingFixture(t *testing.T, db *store.DB, dbURL string) (ours, theirs int64) {
	t.Helper()
	execAsOwner(t, dbURL, `
		DELETE FROM practice_spans WHERE pcn_code = 'U60057';
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BORDER SURGERY', 'SY2 2BB'), ('ZZ0009', 'FAR SURGERY', 'TA1 1AA');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, 'U60057', s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001'), ('ZZ0002')) AS x(code)
		CROSS JOIN (SELECT sub_icb_code, icb_code FROM pcn_spans WHERE pcn_code = 'U60057' AND valid_to IS NULL) s;
		INSERT INTO approved_roles (pcn_code, name, cap_pence, valid_from, approved_by) VALUES
			('U60057', 'Care navigator', 3000000, '2026-04-01', 'lead@test.nhs.uk'),
			('U47425', 'Care navigator', 3000000, '2026-04-01', 'lead@test.nhs.uk')`)
	ctx := context.Background()
	if err := db.QueryRowForTest(ctx, `SELECT id FROM approved_roles WHERE pcn_code = 'U60057'`, &ours); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowForTest(ctx, `SELECT id FROM approved_roles WHERE pcn_code = 'U47425'`, &theirs); err != nil {
		t.Fatal(err)
	}
	return ours, theirs
}

// A record's stream, claiming practice and approved role are written, read back,
// audited and kept in the history; a stream not recorded reads as the role says; the
// funding reads see each record's stream, and the ARRS reads only the ARRS stream.
func TestStaffFundingStreamsSavedAndRead(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	ours, theirs := fundingFixture(t, db, dbURL)
	by := store.Actor{Name: "manager@test.nhs.uk"}
	april := workforce.Date(2026, 4, 1)
	create := func(s workforce.Staff) workforce.StaffRecord {
		t.Helper()
		s.PCNCode, s.FTE, s.Start = "U60057", 1, april
		rec, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: s}, by)
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		return rec
	}
	practices, approved, err := db.StaffFundingOf(ctx, "U60057", april)
	if err != nil || len(practices) != 2 || practices[0].Code != "ZZ0001" || practices[1].Name != "BORDER SURGERY" || len(approved) != 1 || approved[0].ID != ours {
		t.Errorf("what the funding may name: %+v %+v %v", practices, approved, err)
	}
	gp := create(workforce.Staff{RoleCode: "gp", StaffRole: "GP", Stream: workforce.StreamPracticeGP, PracticeCode: "ZZ0001"})
	navigator := create(workforce.Staff{StaffRole: "Care navigator", Stream: workforce.StreamARRS, ApprovedRole: ours})
	self := create(workforce.Staff{RoleCode: "paramedic", StaffRole: "Paramedic", Stream: workforce.StreamOther})
	paramedic := create(workforce.Staff{RoleCode: "paramedic", StaffRole: "Paramedic"}) // as the role says
	create(workforce.Staff{StaffRole: "Practice manager"})                              // outside ARRS: other money
	if gp.Stream != workforce.StreamPracticeGP || gp.PracticeCode != "ZZ0001" || gp.ApprovedRole != 0 {
		t.Errorf("the practice-scheme GP: %+v", gp.Staff)
	}
	if navigator.Stream != workforce.StreamARRS || navigator.ApprovedRole != ours || navigator.RoleCode != "" {
		t.Errorf("the approved role: %+v", navigator.Staff)
	}
	if self.Stream != workforce.StreamOther || paramedic.Stream != workforce.StreamARRS {
		t.Errorf("other money %q, as the role says %q", self.Stream, paramedic.Stream)
	}
	// A record whose stream is its role's default keeps "as the role says" (NULL), even
	// when saved again with the stream it reads back with; a chosen one is kept.
	paramedic.Employer = "Saved again"
	if _, err := db.UpdateStaff(ctx, paramedic, by); err != nil {
		t.Fatal(err)
	}
	stored := map[int64]*string{}
	rows, err := db.Pool().Query(ctx, `SELECT id, funding_stream FROM staff WHERE id = ANY($1)`, []int64{paramedic.ID, self.ID, navigator.ID})
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var st *string
		if err := rows.Scan(&id, &st); err != nil {
			t.Fatal(err)
		}
		stored[id] = st
	}
	if stored[paramedic.ID] != nil || stored[navigator.ID] != nil || stored[self.ID] == nil || *stored[self.ID] != "other" {
		t.Errorf("stored streams: paramedic %v, approved role %v, other money %v; want NULL, NULL, other", stored[paramedic.ID], stored[navigator.ID], stored[self.ID])
	}

	// Another PCN's approval is refused by the store itself; nothing is written.
	var problems workforce.Problems
	if _, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U60057", StaffRole: "Care navigator",
		FTE: 1, Start: april, Stream: workforce.StreamARRS, ApprovedRole: theirs}}, by); !errors.As(err, &problems) || problems[0].Field != "approved_role_id" {
		t.Errorf("another PCN's approval: %v", err)
	}
	edit := navigator
	edit.ApprovedRole = theirs
	if _, err := db.UpdateStaff(ctx, edit, by); !errors.As(err, &problems) {
		t.Errorf("changing to another PCN's approval: %v", err)
	}

	// The GP moves to the ARRS: the practice goes, the history keeps it.
	edit = gp
	edit.Stream, edit.PracticeCode = workforce.StreamARRS, ""
	moved, err := db.UpdateStaff(ctx, edit, by)
	if err != nil || moved.Stream != workforce.StreamARRS || moved.PracticeCode != "" {
		t.Fatalf("moved to the ARRS: %+v %v", moved, err)
	}
	hist, err := db.StaffHistory(ctx, "U60057", gp.ID)
	if err != nil || len(hist) != 1 || hist[0].Stream != workforce.StreamPracticeGP || hist[0].PracticeCode != "ZZ0001" {
		t.Errorf("history: %+v %v", hist, err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{PCN: "U60057"})
	if err != nil || len(entries) == 0 || !strings.Contains(entries[0].BeforeJSON, `"practice_code": "ZZ0001"`) ||
		!strings.Contains(entries[0].AfterJSON, `"funding_stream": "arrs"`) {
		t.Errorf("audit of the move: %+v %v", entries[0], err)
	}

	recs, err := db.FundingRecords(ctx, []string{"U60057"}, april, workforce.Date(2027, 4, 1))
	if err != nil {
		t.Fatal(err)
	}
	streams := map[int64]string{}
	for _, r := range recs {
		streams[r.ID] = string(r.Stream) + " " + r.PracticeCode + " " + strconv.FormatInt(r.ApprovedRole, 10)
	}
	want := map[int64]string{gp.ID: "arrs  0", navigator.ID: "arrs  " + strconv.FormatInt(ours, 10), self.ID: "other  0", paramedic.ID: "arrs  0"}
	if !maps.Equal(streams, want) {
		t.Errorf("funding records: %v, want %v", streams, want)
	}

	// The ARRS reads: the paramedic as the role says, and the GP now; not the post
	// the PCN pays for itself, nor the approved role (outside the ARRS list).
	funded, err := db.FundedStaffOfPCN(ctx, "U60057", april, workforce.Date(2027, 4, 1))
	if err != nil || len(funded) != 2 || funded[0].ID != gp.ID || funded[1].ID != paramedic.ID || funded[1].Stream != workforce.StreamARRS {
		t.Errorf("funded staff: %+v %v", funded, err)
	}
	if fte, err := db.ARRSFundedFTEOn(ctx, "U60057", "paramedic", april, 0); err != nil || fte != 1 {
		t.Errorf("ARRS-funded paramedics: %v %v", fte, err)
	}
}

// A version kept before migration 000018 holds arrs_funded: false reads as other
// money, true as the ARRS.
func TestStaffHistoryReadsArrsFunded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	rec, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U60057", RoleCode: "paramedic",
		StaffRole: "Paramedic", FTE: 1, Start: workforce.Date(2025, 4, 1)}}, testActor)
	if err != nil {
		t.Fatal(err)
	}
	execAsOwner(t, dbURL, `
		INSERT INTO staff_history (staff_id, version, changed_at, changed_by, before)
		SELECT id, v, now(), 'old@test.nhs.uk', to_jsonb(s) - 'funding_stream' || jsonb_build_object('arrs_funded', f, 'version', v)
		FROM staff s, (VALUES (-2, true), (-1, false)) AS x(v, f) WHERE id = $1`, rec.ID)
	hist, err := db.StaffHistory(ctx, "U60057", rec.ID)
	if err != nil || len(hist) != 2 || hist[0].Stream != workforce.StreamOther || hist[1].Stream != workforce.StreamARRS {
		t.Errorf("history: %+v %v", hist, err)
	}
}

// An NWRS import that restarts a record (its FTE changed) keeps what the PCN recorded
// of its funding: the practice-scheme GP's stream and practice, the approved role.
func TestNWRSRestartKeepsFunding(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	ours, _ := fundingFixture(t, db, dbURL)
	nwrs := func(id, role, staffRole string, fte float64) workforce.Staff {
		return workforce.Staff{PCNCode: "U60057", RoleCode: role, StaffGroup: "Direct Patient Care", StaffRole: staffRole,
			DetailedRole: staffRole, Source: workforce.SourceNWRSStaff, UniqueIdentifier: id, SourceRows: 1, FTE: fte}
	}
	load := func(name string, census time.Time, recs ...workforce.Staff) {
		t.Helper()
		if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: name, SHA256: name, Census: census, Rows: len(recs), Records: recs, By: testActor}); err != nil {
			t.Fatal(err)
		}
	}
	apr, may := workforce.Date(2026, 4, 30), workforce.Date(2026, 5, 31)
	load("apr.csv", apr, nwrs("1", "gp", "GP", 1), nwrs("2", "", "Care navigator", 1), nwrs("3", "paramedic", "Paramedic", 1))
	recs, err := db.StaffRecordsInPost(ctx, "U60057", apr)
	if err != nil || len(recs) != 3 {
		t.Fatalf("%+v %v", recs, err)
	}
	for _, rec := range recs {
		switch rec.UniqueIdentifier {
		case "1":
			rec.Stream, rec.PracticeCode = workforce.StreamPracticeGP, "ZZ0002"
		case "2":
			rec.Stream, rec.ApprovedRole = workforce.StreamARRS, ours
		default:
			continue
		}
		if _, err := db.UpdateStaff(ctx, rec, testActor); err != nil {
			t.Fatal(err)
		}
	}
	load("may.csv", may, nwrs("1", "gp", "GP", 0.8), nwrs("2", "", "Care navigator", 0.6), nwrs("3", "paramedic", "Paramedic", 0.5))
	recs, err = db.StaffRecordsInPost(ctx, "U60057", may)
	if err != nil || len(recs) != 3 {
		t.Fatalf("%+v %v", recs, err)
	}
	for _, rec := range recs {
		got := string(rec.Stream) + " " + rec.PracticeCode + " " + strconv.FormatInt(rec.ApprovedRole, 10)
		want := map[string]string{"1": "practice_gp ZZ0002 0", "2": "arrs  " + strconv.FormatInt(ours, 10), "3": "arrs  0"}[rec.UniqueIdentifier]
		if !rec.Start.Equal(may) || got != want {
			t.Errorf("restarted record %s from %s: %q, want %q", rec.UniqueIdentifier, rec.Start.Format(time.DateOnly), got, want)
		}
	}
	// The paramedic's stream was never recorded: it stays "as the role says".
	var recorded int
	if err := db.QueryRowForTest(ctx, `SELECT count(*) FROM staff WHERE unique_identifier = '3' AND funding_stream IS NOT NULL`, &recorded); err != nil || recorded != 0 {
		t.Errorf("the paramedic's stream was written: %d %v", recorded, err)
	}
}
