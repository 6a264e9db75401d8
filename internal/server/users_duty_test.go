package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// The user forms refuse a clinical director's grant for a PCN with a lead's grant for
// its ICB (U60057 is in QOC), on a new user and on a change, with a message on the
// grants field and nothing written; a lead of another ICB is allowed.
func TestUserFormsRefuseDirectorAndLeadOfItsICB(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	const msg = "A user cannot be both a clinical director of U60057 and an ICB lead of QOC, its ICB"
	both := "icb_lead QOC\nclinical_director U60057"

	code, body := postForm(t, c, ts.URL+"/admin/users/new", url.Values{"email": {"both@nhs.net"}, "name": {"Both Roles"},
		"password": {strongPassword}, "grants": {both}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), msg) {
		t.Errorf("new user: %d %q", code, errorSummary(body))
	}
	lead := users["lead"]
	code, body = postForm(t, c, ts.URL+"/admin/users/"+strconv.FormatInt(lead.ID, 10), url.Values{"name": {lead.Name},
		"grants": {both}, "active": {"yes"}, "version": {strconv.Itoa(lead.Version)}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), msg) {
		t.Errorf("changed user: %d %q", code, errorSummary(body))
	}
	if got := auditActions(t, db); len(got) != 0 {
		t.Errorf("refused forms wrote: %v", got)
	}
	if u, _ := db.UserByID(context.Background(), lead.ID); len(u.Grants) != 1 {
		t.Errorf("the lead's grants after a refused change: %v", u.Grants)
	}
	code, _ = postForm(t, c, ts.URL+"/admin/users/new", url.Values{"email": {"other@nhs.net"}, "name": {"Other ICB"},
		"password": {strongPassword}, "grants": {"icb_lead QSL\nclinical_director U60057"}})
	if code != http.StatusSeeOther {
		t.Errorf("director of U60057 and lead of QSL: %d", code)
	}
}
