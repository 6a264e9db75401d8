package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The audit page reads each change as "field: old → new" lines and keeps the stored
// JSON for analysts; its filters are bounded.
func TestAuditPageReadsChanges(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	ctx := context.Background()
	sup, err := e.db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: "U60057", Name: "Dr Ahmed", Profession: "GP", FTE: 1, HoursPerMonth: 6}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	sup.HoursPerMonth = 8
	if _, err := e.db.UpdateSupervisor(ctx, sup, capBy); err != nil {
		t.Fatal(err)
	}
	code, doc := e.get("admin", "/audit?pcn=U60057")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	rows := doc.Find(`[data-testid="audit-row"]`)
	if rows.Length() != 2 {
		t.Fatalf("%d rows, want the creation and the change", rows.Length())
	}
	changed := strings.Join(strings.Fields(rows.First().Find(`[data-testid="audit-changes"]`).Text()), " ")
	if changed != "Hours a month: 6 → changed to 8" {
		t.Errorf("the change reads %q", changed)
	}
	created := strings.Join(strings.Fields(rows.Eq(1).Find(`[data-testid="audit-changes"]`).Text()), " ")
	if !strings.Contains(created, "Name: Dr Ahmed") || strings.Contains(created, "Version") || strings.Contains(created, "{") {
		t.Errorf("the creation reads %q", created)
	}
	if raw := rows.First().Find(`details [data-testid="audit-after"]`).Text(); !strings.Contains(raw, `"HoursPerMonth": 8`) {
		t.Errorf("the stored JSON is not kept: %q", raw)
	}
	if doc.Find(`[data-testid="audit-table"][role="region"][tabindex="0"]`).Length() != 1 {
		t.Error("the trail is not in a scrolling region")
	}
	for _, q := range []string{"pcn=" + strings.Repeat("U", 21), "user=" + strings.Repeat("a", 255)} {
		if code, _ := e.get("admin", "/audit?"+q); code != http.StatusBadRequest {
			t.Errorf("%s…: %d, want 400", q[:8], code)
		}
	}
}
