package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// changePassword posts the password change form.
func changePassword(t *testing.T, c *http.Client, ts string, current, password, confirm string) (int, *goquery.Document) {
	t.Helper()
	code, body := postForm(t, c, ts+"/account/password", url.Values{"current": {current}, "password": {password}, "confirm": {confirm}})
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return code, doc
}

func TestPasswordChangeRefusals(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "manager@test.nhs.uk")
	res, doc := fetch(t, c, ts.URL+"/account/password")
	if res.StatusCode != 200 || testID(doc, "email") != "manager@test.nhs.uk" {
		t.Fatalf("the page: %d, email %q", res.StatusCode, testID(doc, "email"))
	}
	if href := doc.Find(".nhsuk-header__account a[href='/account/password']").Length(); href != 1 {
		t.Error("the header's name of the signed-in user does not link to the password change page")
	}
	cases := []struct {
		name                     string
		current, password, again string
		field, msg               string
	}{
		{"no current password", "", strongPassword, strongPassword, "current", "Enter your current password"},
		{"wrong current password", "not my password", strongPassword, strongPassword, "current", "Your current password is not correct"},
		{"too short", testPassword, "short", "short", "password", "Password must be 12 characters or more"},
		{"common", testPassword, "password1234", "password1234", "password", "Enter a password that is harder to guess"},
		{"the person's name", testPassword, "manager violet lantern", "manager violet lantern", "password", "must not contain the person's name"},
		{"not confirmed", testPassword, strongPassword, "", "confirm", "Confirm your new password"},
		{"confirmation differs", testPassword, strongPassword, strongPassword + "!", "confirm", "do not match"},
	}
	for _, tc := range cases {
		code, doc := changePassword(t, c, ts.URL, tc.current, tc.password, tc.again)
		if code != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", tc.name, code)
		}
		if got := doc.Find("#" + tc.field + "-error").Text(); !strings.Contains(got, tc.msg) {
			t.Errorf("%s: message on %s %q, want %q", tc.name, tc.field, strings.TrimSpace(got), tc.msg)
		}
		if doc.Find(`input[type="password"][value]`).Length() != 0 {
			t.Errorf("%s: a password was shown again in the form", tc.name)
		}
	}
	if got := auditActions(t, db); len(got) != 0 {
		t.Errorf("refused changes wrote audit entries: %v", got)
	}
	signIn(t, ts, client(t), "manager@test.nhs.uk") // the old password still works
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	var logged logBuffer
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(&logged, nil)))
	ts := newServerFor(t, s)
	here, elsewhere, other := client(t), client(t), client(t)
	signIn(t, ts, here, "manager@test.nhs.uk")
	signIn(t, ts, elsewhere, "manager@test.nhs.uk")
	signIn(t, ts, other, "lead@test.nhs.uk")
	before := sessionCookie(here, ts)

	if code, _ := changePassword(t, here, ts.URL, testPassword, strongPassword, strongPassword); code != http.StatusSeeOther {
		t.Fatalf("change: %d, want 303", code)
	}
	after := sessionCookie(here, ts)
	if after == "" || after == before {
		t.Errorf("this session's token must be renewed (was %q, now %q)", before, after)
	}
	if _, found, _ := s.sessions.Store.Find(before); found {
		t.Error("the old token of this session still works")
	}
	if res, doc := fetch(t, here, ts.URL+"/account/password"); res.StatusCode != 200 || !strings.Contains(doc.Find(".nhsuk-notification-banner").Text(), "Your password has been changed") {
		t.Errorf("this session after the change: %d", res.StatusCode)
	}
	if got := status(t, elsewhere, "GET", ts.URL+"/imports"); got != http.StatusSeeOther {
		t.Errorf("the person's other session still works: %d", got)
	}
	if got := status(t, other, "GET", ts.URL+"/imports"); got != 200 {
		t.Errorf("another person's session ended: %d", got)
	}

	res, _ := client(t).PostForm(ts.URL+"/login", url.Values{"email": {"manager@test.nhs.uk"}, "password": {testPassword}})
	res.Body.Close()
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("the old password still signs in: %d", res.StatusCode)
	}
	res, _ = client(t).PostForm(ts.URL+"/login", url.Values{"email": {"manager@test.nhs.uk"}, "password": {strongPassword}})
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("the new password does not sign in: %d", res.StatusCode)
	}
	if got := auditActions(t, db); len(got) != 1 || got[0] != "manager@test.nhs.uk user.password_change" {
		t.Errorf("audit: %v", got)
	}
	u, _ := db.UserByID(context.Background(), users["manager"].ID)
	if u.Version != users["manager"].Version+1 {
		t.Errorf("version %d, want %d", u.Version, users["manager"].Version+1)
	}
	if got := logged.String(); !strings.Contains(got, "event=password_changed user=manager@test.nhs.uk") || strings.Contains(got, strongPassword) {
		t.Errorf("security log: %s", got)
	}
}

// A demo account that changes its password is no longer one: the published password
// no longer opens it.
func TestPasswordChangeEndsDemoFlag(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	hash, _ := auth.HashPassword(testPassword, auth.DefaultParams)
	if _, err := db.CreateUser(context.Background(), auth.User{Email: "demo@example.nhs.uk", Name: "Demo Manager", PasswordHash: hash, Active: true, Demo: true,
		Grants: []auth.Grant{{Role: auth.PCNManager, Org: "U60057"}}}, capBy); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "demo@example.nhs.uk")
	if code, _ := changePassword(t, c, ts.URL, testPassword, strongPassword, strongPassword); code != http.StatusSeeOther {
		t.Fatalf("change: %d", code)
	}
	if demo, _ := db.DemoAccountsExist(context.Background()); demo {
		t.Error("the account is still flagged as a demo account")
	}
}

// newServerFor serves an already built server in the test.
func newServerFor(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	return ts
}

// The admin's user list marks the demo accounts.
func TestUsersListShowsDemoAccounts(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	if _, err := db.CreateUser(context.Background(), auth.User{Email: "demo@example.nhs.uk", Name: "Demo", Active: true, Demo: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QOC"}}}, capBy); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	_, doc := fetch(t, c, ts.URL+"/admin/users")
	if got := doc.Find(`[data-testid="user-demo@example.nhs.uk"]`).Text(); !strings.Contains(got, "demo account") {
		t.Errorf("the demo account's row %q does not say so", strings.Join(strings.Fields(got), " "))
	}
	if got := doc.Find(`[data-testid="user-admin@test.nhs.uk"]`).Text(); strings.Contains(got, "demo account") {
		t.Error("a real account is marked demo")
	}
}
