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

// An approval is recorded with its approver, changed (and approved anew) at the
// version seen, and audited each time; another PCN's is not found, and a change under
// another PCN's code writes nothing.
func TestApprovedRoleWrites(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	lead := store.Actor{Name: "lead@test.nhs.uk"}
	a, err := db.CreateApprovedRole(ctx, workforce.ApprovedRole{PCNCode: "U60057", Name: "Practice-based counsellor", Band: "6", CapPence: 52_000_00,
		From: workforce.Date(2026, time.April, 1), Note: "ICB board, March 2026"}, lead)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Version != 1 || a.ApprovedBy != lead.Name || a.ApprovedAt.IsZero() {
		t.Errorf("created %+v", a)
	}
	got, err := db.ApprovedRole(ctx, "U60057", a.ID)
	if err != nil || got.Name != "Practice-based counsellor" || got.CapPence != 52_000_00 || got.Band != "6" || !got.To.IsZero() {
		t.Errorf("read back %+v %v", got, err)
	}
	if _, err := db.ApprovedRole(ctx, "U47425", a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("as another PCN's: %v", err)
	}

	change := got
	change.To, change.Version = workforce.Date(2027, time.April, 1), 9
	if _, err := db.UpdateApprovedRole(ctx, change, lead); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale change: %v", err)
	}
	change.Version, change.PCNCode = got.Version, "U47425"
	if _, err := db.UpdateApprovedRole(ctx, change, lead); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("changed as another PCN's: %v", err)
	}
	change.PCNCode = "U60057"
	saved, err := db.UpdateApprovedRole(ctx, change, store.Actor{Name: "admin@test.nhs.uk"})
	if err != nil || saved.Version != 2 || saved.ApprovedBy != "admin@test.nhs.uk" || !saved.To.Equal(change.To) {
		t.Fatalf("change: %+v %v", saved, err)
	}
	entries, actions := auditTrail(t, db, "U60057")
	if actions != "approved_role.update approved_role.create" {
		t.Fatalf("audit: %s", actions)
	}
	if e := entries[0]; !strings.Contains(e.BeforeJSON, `"valid_to": ""`) || !strings.Contains(e.AfterJSON, `"valid_to": "2027-04-01"`) ||
		!strings.Contains(e.AfterJSON, `"cap_pence": 5200000`) || !strings.Contains(e.AfterJSON, `"approved_by": "admin@test.nhs.uk"`) {
		t.Errorf("update entry: %s → %s", e.BeforeJSON, e.AfterJSON)
	}
}
