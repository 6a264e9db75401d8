package store_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// newStaff adds a manual ARRS staff record to a PCN and returns its id.
func newStaff(t *testing.T, db *store.DB, pcn, role string) int64 {
	t.Helper()
	rec, err := db.CreateStaff(context.Background(), workforce.StaffRecord{Staff: workforce.Staff{
		PCNCode: pcn, RoleCode: role, StaffRole: role, FTE: 1, Start: workforce.Date(2025, 4, 1), Stream: workforce.StreamARRS,
	}}, store.Actor{Name: "setup@test.nhs.uk"})
	if err != nil {
		t.Fatal(err)
	}
	return rec.ID
}

// problemOn is the message of the problem on field, or "" when err has none there.
func problemOn(err error, field string) string {
	var ps workforce.Problems
	if !errors.As(err, &ps) {
		return ""
	}
	for _, p := range ps {
		if p.Field == field {
			return p.Message
		}
	}
	return ""
}

// An integration record is created once, then saved at the version read (optimistic
// locking, as staff records), naming only the PCN's member practices on the day and a
// service on the list; each change is audited old → new.
func TestSaveIntegrationRecord(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	shrewsburyPractices(t, db, dbURL) // ZZ0001–3 members; ZZ0004 left on 1 January 2026
	alice := store.Actor{Name: "alice@test.nhs.uk"}
	today := workforce.Date(2026, 2, 1)
	id := newStaff(t, db, "U60057", "paramedic")
	theirs := newStaff(t, db, "U47425", "paramedic")

	if _, err := db.IntegrationRecord(ctx, "U60057", id); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("no record saved yet: %v", err)
	}
	rec := workforce.IntegrationRecord{StaffID: id, PCNCode: "U60057", Practices: []string{"ZZ0003", "ZZ0001", "ZZ0003"},
		InductionOn: workforce.Date(2025, 4, 14), AdminSupport: "Practice office", ServiceCode: "care_homes",
		RoadmapStage: "stage1_taught"}
	created, err := db.SaveIntegrationRecord(ctx, rec, today, alice)
	if err != nil {
		t.Fatal(err)
	}
	if created.Version != 1 || !slices.Equal(created.Practices, []string{"ZZ0001", "ZZ0003"}) || created.UpdatedBy != alice.Name ||
		!created.InductionOn.Equal(rec.InductionOn) || !created.RecordsAccessOn.IsZero() || created.ServiceCode != "care_homes" {
		t.Fatalf("created: %+v", created)
	}
	if _, err := db.SaveIntegrationRecord(ctx, rec, today, alice); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second creation: %v, want ErrConflict", err)
	}

	edit := created
	edit.Practices = append(edit.Practices, "ZZ0002")
	edit.RecordsAccessOn, edit.ServiceCode = workforce.Date(2025, 5, 1), ""
	second, err := db.SaveIntegrationRecord(ctx, edit, today, alice)
	if err != nil {
		t.Fatal(err)
	}
	if second.Version != 2 || len(second.Practices) != 3 || second.ServiceCode != "" || !second.RecordsAccessOn.Equal(edit.RecordsAccessOn) {
		t.Errorf("updated: %+v", second)
	}
	stale := created
	stale.AdminSupport = "Someone else"
	if _, err := db.SaveIntegrationRecord(ctx, stale, today, alice); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a stale save: %v, want ErrConflict", err)
	}

	// Refusals write nothing: a practice that has left the PCN, an unknown service,
	// another PCN's staff record, a text over its limit.
	left := second
	left.Practices = []string{"ZZ0001", "ZZ0004"}
	if msg := problemOn(func() error { _, err := db.SaveIntegrationRecord(ctx, left, today, alice); return err }(), "practices"); !strings.Contains(msg, "ZZ0004") {
		t.Errorf("a practice that left the PCN: %q", msg)
	}
	unknown := second
	unknown.ServiceCode = "juggling"
	if _, err := db.SaveIntegrationRecord(ctx, unknown, today, alice); problemOn(err, "service") == "" {
		t.Errorf("an unknown service: %v", err)
	}
	long := second
	long.DevelopmentStep = strings.Repeat("x", workforce.MaxDevelopmentStepLength+1)
	if _, err := db.SaveIntegrationRecord(ctx, long, today, alice); problemOn(err, "development_step") == "" {
		t.Errorf("a step over its limit: %v", err)
	}
	stage := second
	stage.RoadmapStage = "cppe_on_pathway" // a pharmacist's, not a paramedic's
	if _, err := db.SaveIntegrationRecord(ctx, stage, today, alice); problemOn(err, "roadmap_stage") == "" {
		t.Errorf("another role's stage: %v", err)
	}
	future := second
	future.InductionOn = today.AddDate(0, 0, 1)
	if _, err := db.SaveIntegrationRecord(ctx, future, today, alice); problemOn(err, "induction") == "" {
		t.Errorf("an induction after today: %v", err)
	}
	// The staff record was entered by hand, starting on 1 April 2025: a day done more
	// than six months before it is a slip, refused in the transaction too.
	early := second
	early.InductionOn = workforce.Date(2024, 9, 30)
	if _, err := db.SaveIntegrationRecord(ctx, early, today, alice); !strings.Contains(problemOn(err, "induction"), "6 months before they started on 1 April 2025") {
		t.Errorf("an induction years before the start: %v", err)
	}
	lines := second
	lines.AdminSupport = "Practice\noffice"
	if _, err := db.SaveIntegrationRecord(ctx, lines, today, alice); !strings.Contains(problemOn(err, "admin_support"), "one line") {
		t.Errorf("admin support on two lines: %v", err)
	}
	other := workforce.IntegrationRecord{StaffID: theirs, PCNCode: "U60057"}
	if _, err := db.SaveIntegrationRecord(ctx, other, today, alice); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another PCN's staff record: %v, want ErrNotFound", err)
	}
	// A staff record outside ARRS has no integration record: saving one would make
	// the PCN's records "kept" without any ARRS member's.
	var manager int64
	if err := db.QueryRowForTest(ctx, `INSERT INTO staff (pcn_code, staff_role, source, fte, start_date)
		VALUES ('U60057', 'Practice Manager', 'manual', 1, '2025-01-01') RETURNING id`, &manager); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: manager, PCNCode: "U60057"}, today, alice); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a staff record outside ARRS: %v, want ErrNotFound", err)
	}
	if _, err := db.IntegrationRecord(ctx, "U47425", id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("read by another PCN: %v", err)
	}
	if got, err := db.IntegrationRecord(ctx, "U60057", id); err != nil || got.Version != 2 {
		t.Errorf("after the refusals: %+v %v, want version 2", got, err)
	}
	// ZZ0004 was a member before 1 January 2026: saved on a day it was, it is taken.
	left.Version = 2
	if _, err := db.SaveIntegrationRecord(ctx, left, workforce.Date(2025, 12, 1), alice); err != nil {
		t.Errorf("a member on the day: %v", err)
	}

	all, err := db.IntegrationRecordsOfPCNs(ctx, []string{"U60057", "U47425"})
	if err != nil || len(all) != 1 || all[id].Version != 3 {
		t.Errorf("records of the PCNs: %+v %v", all, err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: alice.Name})
	if err != nil || len(entries) != 3 {
		t.Fatalf("audit: %+v %v, want 3 entries", entries, err)
	}
	upd := entries[1]
	if upd.Action != "integration.update" || upd.Entity != "integration" || upd.EntityID != strconv.FormatInt(id, 10) || upd.PCN != "U60057" {
		t.Errorf("the update's entry: %+v", upd)
	}
	for _, want := range []string{`"practices": ["ZZ0001", "ZZ0003"]`, `"service_code": "care_homes"`, `"records_access_on": null`, `"induction_on": "2025-04-14"`} {
		if !strings.Contains(upd.BeforeJSON, want) {
			t.Errorf("before: %q missing from %s", want, upd.BeforeJSON)
		}
	}
	for _, want := range []string{`"practices": ["ZZ0001", "ZZ0002", "ZZ0003"]`, `"service_code": null`, `"records_access_on": "2025-05-01"`, `"version": 2`} {
		if !strings.Contains(upd.AfterJSON, want) {
			t.Errorf("after: %q missing from %s", want, upd.AfterJSON)
		}
	}
	if entries[2].Action != "integration.create" || entries[2].BeforeJSON != "" {
		t.Errorf("the creation's entry: %+v", entries[2])
	}
}

// Admins edit the list of services: add one, rename one, make one inactive, at the
// version read; a stale save changes nothing; a record may keep an inactive service it
// named, and no record may name it anew.
func TestSaveIntegrationServices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	admin := store.Actor{Name: "admin@test.nhs.uk"}
	list, err := db.IntegrationServices(ctx)
	if err != nil || len(list) != 8 || list[0].Code != "structured_medication_reviews" || list[7].Code != "other" || !list[0].Active || list[0].Version != 1 {
		t.Fatalf("the list: %+v %v", list, err)
	}
	id := newStaff(t, db, "U60057", "care_coordinator")
	rec, err := db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: id, PCNCode: "U60057", ServiceCode: "care_homes"},
		workforce.Date(2026, 2, 1), admin)
	if err != nil {
		t.Fatal(err)
	}

	edit := slices.Clone(list)
	edit[0].Name = "Structured medication reviews (SMR)"
	edit[1].Active = false // care_homes
	edit = append(edit, workforce.IntegrationService{Code: "frailty", Name: "Frailty", Position: 9, Active: true})
	if err := db.SaveIntegrationServices(ctx, edit, admin); err != nil {
		t.Fatal(err)
	}
	got, err := db.IntegrationServices(ctx)
	if err != nil || len(got) != 9 || got[0].Name != edit[0].Name || got[0].Version != 2 || got[1].Active || got[8].Code != "frailty" ||
		got[8].Version != 1 || got[2].Version != 1 {
		t.Fatalf("after the edit: %+v %v", got, err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: admin.Name})
	if err != nil || len(entries) != 4 { // the record, and three services: unchanged ones are not audited
		t.Fatalf("audit: %d entries %v", len(entries), err)
	}
	if e := entries[0]; e.Action != "integration_service.create" || e.EntityID != "frailty" || !strings.Contains(e.AfterJSON, `"name": "Frailty"`) {
		t.Errorf("the creation's entry: %+v", e)
	}
	if e := entries[2]; e.Action != "integration_service.update" || e.EntityID != "structured_medication_reviews" ||
		!strings.Contains(e.BeforeJSON, `"name": "Structured medication reviews"`) || !strings.Contains(e.AfterJSON, "(SMR)") {
		t.Errorf("the rename's entry: %+v", e)
	}

	stale := slices.Clone(edit)
	stale[2].Name = "Anticipatory care (renamed)"
	stale[0].Name = "Stale"
	if err := db.SaveIntegrationServices(ctx, stale[:3], admin); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a stale edit: %v, want ErrConflict", err)
	}
	if again, _ := db.IntegrationServices(ctx); again[2].Name != "Anticipatory care" {
		t.Errorf("the stale edit changed %s", again[2].Name)
	}
	if err := db.SaveIntegrationServices(ctx, []workforce.IntegrationService{{Code: "Bad Code", Name: ""}}, admin); problemOn(err, "services[0].code") == "" ||
		problemOn(err, "services[0].name") == "" {
		t.Errorf("a bad code and an empty name: %v", err)
	}
	broken := workforce.IntegrationService{Code: "broken", Name: "Two\r\nlines", Position: 10, Active: true}
	if err := db.SaveIntegrationServices(ctx, []workforce.IntegrationService{broken}, admin); !strings.Contains(problemOn(err, "services[0].name"), "one line") {
		t.Errorf("a name on two lines: %v", err)
	}
	// The admins' form's limits (workforce.IntegrationService.Validate), nothing else.
	far := workforce.IntegrationService{Code: "far", Name: "Far", Position: workforce.MaxServicePosition + 1, Active: true}
	if err := db.SaveIntegrationServices(ctx, []workforce.IntegrationService{far}, admin); problemOn(err, "services[0].position") == "" {
		t.Errorf("a position over %d: %v", workforce.MaxServicePosition, err)
	}
	far.Position = workforce.MaxServicePosition
	twice := []workforce.IntegrationService{far, far}
	if err := db.SaveIntegrationServices(ctx, twice, admin); problemOn(err, "services[1].code") == "" {
		t.Errorf("a code given twice: %v", err)
	}
	if again, _ := db.IntegrationServices(ctx); len(again) != 9 {
		t.Errorf("refused lists wrote %d services, want 9", len(again))
	}

	// The record keeps its inactive service; a new record cannot name it.
	rec.AdminSupport = "Team"
	if _, err := db.SaveIntegrationRecord(ctx, rec, workforce.Date(2026, 2, 1), admin); err != nil {
		t.Errorf("keeping an inactive service: %v", err)
	}
	other := newStaff(t, db, "U60057", "care_coordinator")
	_, err = db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: other, PCNCode: "U60057", ServiceCode: "care_homes"},
		workforce.Date(2026, 2, 1), admin)
	if problemOn(err, "service") == "" {
		t.Errorf("naming an inactive service: %v", err)
	}
}
