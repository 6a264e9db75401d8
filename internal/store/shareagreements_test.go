package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// mhpAgreement is a written agreement of U60057 raising its mental health
// practitioners to 100% from from (to: open-ended when zero).
func mhpAgreement(pcn string, from, to time.Time) workforce.ShareAgreement {
	return workforce.ShareAgreement{PCNCode: pcn, RoleCode: "mental_health_practitioner", Share: 1, From: from, To: to,
		AgreedOn: workforce.Date(2026, time.March, 14), Party: "Shropshire mental health trust"}
}

// auditTrail is a PCN's audit entries, newest first, and their actions in one line.
func auditTrail(t *testing.T, db *store.DB, pcn string) ([]store.AuditEntry, string) {
	t.Helper()
	entries, err := db.AuditLog(context.Background(), store.AuditFilter{PCN: pcn})
	if err != nil {
		t.Fatal(err)
	}
	actions := make([]string, 0, len(entries))
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	return entries, strings.Join(actions, " ")
}

// A PCN's agreements are recorded, changed and removed with an audit entry each, by
// the version seen; one whose days another of the role covers is refused by the
// table's constraint as ErrOverlap, and another PCN's is not found.
func TestShareAgreementWrites(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	by := store.Actor{Name: "manager@test.nhs.uk"}
	a, err := db.CreateShareAgreement(ctx, mhpAgreement("U60057", workforce.Date(2026, time.October, 1), time.Time{}), by)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Version != 1 || a.RecordedBy != by.Name || a.Share != 1 || !a.To.IsZero() {
		t.Errorf("created %+v", a)
	}
	// Open-ended from October: a later agreement of the role overlaps; another role's
	// or another PCN's does not.
	_, err = db.CreateShareAgreement(ctx, mhpAgreement("U60057", workforce.Date(2027, time.April, 1), workforce.Date(2028, time.April, 1)), by)
	if !errors.Is(err, store.ErrOverlap) {
		t.Errorf("an overlapping agreement: %v, want ErrOverlap", err)
	}
	if _, err := db.CreateShareAgreement(ctx, mhpAgreement("U47425", workforce.Date(2027, time.April, 1), time.Time{}), by); err != nil {
		t.Errorf("another PCN's agreement: %v", err)
	}
	earlier, err := db.CreateShareAgreement(ctx, mhpAgreement("U60057", workforce.Date(2026, time.April, 1), workforce.Date(2026, time.October, 1)), by)
	if err != nil {
		t.Fatalf("the days before it: %v", err)
	}
	if got, _ := db.ShareAgreementsOf(ctx, []string{"U60057"}); len(got) != 2 || got[0].ID != earlier.ID {
		t.Errorf("U60057's agreements: %+v", got)
	}

	// A change at a stale version, or one that makes it overlap, writes nothing.
	change := a
	change.Share, change.Version = 0.75, 7
	if _, err := db.UpdateShareAgreement(ctx, change, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale change: %v", err)
	}
	change.Version, change.From = a.Version, workforce.Date(2026, time.September, 1)
	if _, err := db.UpdateShareAgreement(ctx, change, by); !errors.Is(err, store.ErrOverlap) {
		t.Errorf("change into the earlier one's days: %v", err)
	}
	change.From = a.From
	saved, err := db.UpdateShareAgreement(ctx, change, store.Actor{Name: "admin@test.nhs.uk"})
	if err != nil || saved.Version != 2 || saved.Share != 0.75 || saved.RecordedBy != "admin@test.nhs.uk" {
		t.Fatalf("change: %+v %v", saved, err)
	}
	moved := saved
	moved.PCNCode = "U47425"
	if _, err := db.UpdateShareAgreement(ctx, moved, by); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("changed as another PCN's: %v", err)
	}
	if err := db.DeleteShareAgreement(ctx, "U47425", a.ID, saved.Version, by); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removed as another PCN's: %v", err)
	}
	if err := db.DeleteShareAgreement(ctx, "U60057", a.ID, 1, by); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale removal: %v", err)
	}
	if err := db.DeleteShareAgreement(ctx, "U60057", a.ID, saved.Version, by); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ShareAgreement(ctx, "U60057", a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removed agreement: %v", err)
	}

	entries, actions := auditTrail(t, db, "U60057")
	if want := "share_agreement.delete share_agreement.update share_agreement.create share_agreement.create"; actions != want {
		t.Errorf("audit of U60057: %s, want %s", actions, want)
	}
	if e := entries[1]; !strings.Contains(e.BeforeJSON, `"share_percent": 100`) || !strings.Contains(e.AfterJSON, `"share_percent": 75`) ||
		!strings.Contains(e.AfterJSON, `"party": "Shropshire mental health trust"`) || !strings.Contains(e.AfterJSON, `"valid_to": ""`) {
		t.Errorf("update entry: %s → %s", e.BeforeJSON, e.AfterJSON)
	}
}
