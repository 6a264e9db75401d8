package server

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The expected supply of an ICB dissolved by today is read-only: its page shows what
// was recorded, offers no change and names the successors (linked to their supply);
// its form, opened or posted, is refused (422) with a message naming them, and nothing
// is saved. A successor's supply is recorded as before.
func TestSupplyOfADissolvedICBIsReadOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	loadApril2026(t, db)
	addPersonas(t, db)
	if _, err := db.CreateUser(ctx, auth.User{Email: "frimley@test.nhs.uk", Name: "Frimley Lead", PasswordHash: hash, Active: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QNQ"}}}, capBy); err != nil {
		t.Fatal(err)
	}
	kept := []workforce.ExpectedSupply{{ICBCode: "QNQ", RoleCode: "paramedic", FinancialYear: "2026/27", NewlyQualified: 2}}
	if _, err := db.SaveExpectedSupply(ctx, "QNQ", "2026/27", kept, capBy); err != nil {
		t.Fatal(err)
	}
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	note := "NHS Frimley Integrated Care Board was dissolved on 1 April 2026: its expected supply is kept as it was and can no longer be changed. " +
		"Record supply for its successors: NHS Hampshire and Isle of Wight Integrated Care Board, NHS Thames Valley Integrated Care Board, NHS Surrey and Sussex Integrated Care Board."
	successors := "NHS Hampshire and Isle of Wight Integrated Care Board (QRL), NHS Thames Valley Integrated Care Board (S0E4D), NHS Surrey and Sussex Integrated Care Board (S9B9J)"

	for _, who := range []string{"frimley@test.nhs.uk", "admin@test.nhs.uk"} {
		c := client(t)
		signIn(t, ts, c, who)
		res, doc := fetch(t, c, ts.URL+"/icbs/QNQ/supply")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: the page %d", who, res.StatusCode)
		}
		if got := testID(doc, "supply-2026-27-paramedic-supply"); got != "2.0" {
			t.Errorf("%s: the supply kept reads %q, want 2.0", who, got)
		}
		if n := doc.Find(`a[href^="/icbs/QNQ/supply/"]`).Length(); n != 0 {
			t.Errorf("%s: %d links to change the supply", who, n)
		}
		if got := testID(doc, "supply-dissolved"); got != note {
			t.Errorf("%s: the note %q", who, got)
		}
		if got := linkTargets(doc, `[data-testid="supply-successor"]`); !slices.Equal(got, []string{"/icbs/QRL/supply", "/icbs/S0E4D/supply", "/icbs/S9B9J/supply"}) {
			t.Errorf("%s: successors linked %v", who, got)
		}
		if got := status(t, c, http.MethodGet, ts.URL+"/icbs/QNQ/supply/2026-27"); got != http.StatusUnprocessableEntity {
			t.Errorf("%s: the form opened: %d, want 422", who, got)
		}
		code, body := postForm(t, c, ts.URL+"/icbs/QNQ/supply/2026-27", url.Values{"paramedic-newly_qualified": {"5"}, "paramedic-version": {"1"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "Record supply for its successors: "+successors+".") {
			t.Errorf("%s: a save: %d, the message shown %v", who, code, strings.Contains(html.UnescapeString(body), successors))
		}
	}
	if got, err := db.ExpectedSupplyOfICB(ctx, "QNQ"); err != nil || len(got) != 1 || got[0].NewlyQualified != 2 {
		t.Errorf("QNQ's supply after the refused saves: %+v %v", got, err)
	}
	admin := client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	if code, body := postForm(t, admin, ts.URL+"/icbs/S0E4D/supply/2026-27", url.Values{"paramedic-newly_qualified": {"5"}}); code != http.StatusSeeOther {
		t.Errorf("a successor's supply: %d %s", code, errorSummary(body))
	}
	_, doc := fetch(t, admin, ts.URL+"/icbs/S0E4D/supply")
	if doc.Find(`[data-testid="supply-dissolved"]`).Length() != 0 || doc.Find(`a[href="/icbs/S0E4D/supply/2026-27"]`).Length() != 1 {
		t.Error("Thames Valley, in force, is shown read-only")
	}
}
