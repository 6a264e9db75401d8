package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// TestUsersListed: the admin's list of users is searched and paged on the server, 50
// a page, each user with their grants (read in one query, not one per user); the
// admin's home counts the accounts never signed in and lists the 20 oldest.
func TestUsersListed(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	for i := range 60 {
		u := auth.User{Email: fmt.Sprintf("nurse%02d@test.nhs.uk", i), Name: fmt.Sprintf("Nurse %02d", i), Active: true,
			Grants: []auth.Grant{{Role: auth.PCNManager, Org: "U60057"}, {Role: auth.ICBLead, Org: "QOC"}}}
		if i == 7 {
			u.Name = "Nurse 100%_done"
		}
		if _, err := db.CreateUser(context.Background(), u, capBy); err != nil {
			t.Fatal(err)
		}
	}
	all, err := db.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	for path, want := range map[string]struct {
		showing string
		rows    int
		row     string // a row that must be there, "email|grants"
	}{
		"/admin/users":                 {fmt.Sprintf("Showing 1–50 of %d users", len(all)), 50, ""},
		"/admin/users?page=2":          {fmt.Sprintf("Showing 51–%d of %d users", len(all), len(all)), len(all) - 50, ""},
		"/admin/users?page=9":          {fmt.Sprintf("Showing 51–%d of %d users", len(all), len(all)), len(all) - 50, ""},
		"/admin/users?q=NURSE+0":       {"9 users matching “NURSE 0”", 9, "nurse03@test.nhs.uk|icb_lead QOC, pcn_manager U60057"}, // not Nurse 07, renamed
		"/admin/users?q=%25_":          {"1 user matching “%_”", 1, "nurse07@test.nhs.uk|icb_lead QOC, pcn_manager U60057"},
		"/admin/users?q=nobody+at+all": {"0 users matching “nobody at all”", 0, ""},
	} {
		res, doc := fetch(t, c, ts.URL+path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		if got := testText(doc, "users-showing"); got != want.showing {
			t.Errorf("%s: %q, want %q", path, got, want.showing)
		}
		if n := doc.Find("#users tbody tr").Length(); n != want.rows {
			t.Errorf("%s: %d rows, want %d", path, n, want.rows)
		}
		if email, grants, ok := strings.Cut(want.row, "|"); ok {
			cells := doc.Find(`[data-testid="user-` + email + `"] td`)
			if got := strings.TrimSpace(cells.Eq(1).Text()); got != grants {
				t.Errorf("%s: %s's grants %q, want %q", path, email, got, grants)
			}
		}
	}
	for _, path := range []string{"/admin/users?page=0", "/admin/users?page=x", "/admin/users?q=" + strings.Repeat("a", 101)} {
		if got := status(t, c, http.MethodGet, ts.URL+path); got != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", path, got)
		}
	}
	_, doc := fetch(t, c, ts.URL+"/")
	if n := doc.Find(`[data-testid="users-never"] li`).Length(); n != 20 {
		t.Errorf("the admin's home lists %d accounts never signed in, want the 20 oldest", n)
	}
	if got := testText(doc, "users-never-text"); !strings.HasSuffix(got, "active accounts have never signed in; the 20 made longest ago:") {
		t.Errorf("never signed in: %q", got)
	}
}
