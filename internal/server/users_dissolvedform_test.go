package server

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// The user form gives no new grant on an ICB dissolved by today: it names the
// successors to grant instead, and saves nothing. A grant the user held before the
// ICB was dissolved stays when their form is saved again unchanged (nothing silently
// lost), and the admin's move is still the way to a successor.
func TestUserFormRefusesANewGrantOnADissolvedICB(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	loadApril2026(t, db)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	admin := client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	frimley := "NHS Frimley Integrated Care Board was dissolved on 1 April 2026: grant one or more of its successors " +
		"NHS Hampshire and Isle of Wight Integrated Care Board (QRL), NHS Thames Valley Integrated Care Board (S0E4D) " +
		"or NHS Surrey and Sussex Integrated Care Board (S9B9J) instead"

	newUser := url.Values{"email": {"new.lead@test.nhs.uk"}, "name": {"New Lead"}, "password": {strongPassword}, "active": {"yes"},
		"grants": {"icb_lead QOC\nicb_lead QNQ"}}
	code, body := postForm(t, admin, ts.URL+"/admin/users/new", newUser)
	if code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "Line 2 of the grants: "+frimley) {
		t.Errorf("a new user granted Frimley: %d %q", code, errorSummary(body))
	}
	if _, err := db.UserByEmail(context.Background(), "new.lead@test.nhs.uk"); err == nil {
		t.Error("the refused user was created")
	}
	newUser.Set("grants", "icb_lead S0E4D")
	if code, body := postForm(t, admin, ts.URL+"/admin/users/new", newUser); code != http.StatusSeeOther {
		t.Errorf("a new user granted Thames Valley, in force: %d %s", code, errorSummary(body))
	}

	lead, err := db.CreateUser(context.Background(), auth.User{Email: "frimley@test.nhs.uk", Name: "Frimley Lead", PasswordHash: hash, Active: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QNQ"}}}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	edit := ts.URL + "/admin/users/" + strconv.FormatInt(lead.ID, 10)
	_, form := fetch(t, admin, edit)
	saved := url.Values{"name": {form.Find(`input[name="name"]`).AttrOr("value", "")}, "grants": {form.Find(`textarea[name="grants"]`).Text()},
		"version": {form.Find(`input[name="version"]`).AttrOr("value", "")}, "active": {"yes"}}
	added := url.Values{"name": saved["name"], "grants": {saved.Get("grants") + "\nicb_lead QU9"}, "version": saved["version"], "active": {"yes"}}
	code, body = postForm(t, admin, edit, added)
	if want := "Line 2 of the grants: NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board was dissolved on 1 April 2026: grant its successor NHS Thames Valley Integrated Care Board (S0E4D) instead"; code != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), want) {
		t.Errorf("adding a grant on QU9: %d %q", code, errorSummary(body))
	}
	saved.Set("name", "Frimley Lead, renamed")
	if code, body := postForm(t, admin, edit, saved); code != http.StatusSeeOther {
		t.Fatalf("the form saved again with its Frimley grant: %d %s", code, errorSummary(body))
	}
	after, err := db.UserByID(context.Background(), lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Name != "Frimley Lead, renamed" || !slices.Equal(after.Grants, []auth.Grant{{Role: auth.ICBLead, Org: "QNQ"}}) {
		t.Errorf("after saving again: %q with %v, want the Frimley grant kept", after.Name, after.Grants)
	}
}
