package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

func sessionRows(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM sessions`, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSessionNotStoredForSignedOutVisitors: no request of a signed-out visitor writes
// a session, not even a form posted to a page behind sign-in (whose "not saved"
// notice travels in the sign-in page's address instead).
func TestSessionNotStoredForSignedOutVisitors(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	for _, path := range []string{"/", "/login", "/roles", "/roles/clinical_pharmacist", "/pcns/U60057/staff", "/no/such/page"} {
		status(t, c, http.MethodGet, ts.URL+path)
	}
	res, err := c.PostForm(ts.URL+"/pcns/U60057/staff/new", url.Values{"fte": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "notice=unsaved") {
		t.Errorf("a signed-out post: %d to %q, want 303 to the sign-in page with notice=unsaved", res.StatusCode, loc)
	}
	if n := sessionRows(t, db); n != 0 {
		t.Errorf("signed-out requests stored %d sessions, want none", n)
	}
	if sessionCookie(c, ts) != "" {
		t.Error("a signed-out visitor got a session cookie")
	}
	if got := outageDo(t, c, http.MethodGet, ts.URL+loc, nil).doc.Find("main").Text(); !strings.Contains(got, signInNotices["unsaved"]) {
		t.Errorf("the sign-in page does not say the post was not saved")
	}
	signIn(t, ts, c, "manager@test.nhs.uk")
	if n := sessionRows(t, db); n != 1 {
		t.Errorf("after signing in: %d sessions, want 1", n)
	}
}

// TestStaticServesNoDirectoryListings: the address of a folder of assets is a 404.
func TestStaticServesNoDirectoryListings(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, dbtest.New(t))
	h := s.Routes()
	for path, want := range map[string]int{
		"/static/":                         404,
		"/static":                          404,
		"/static/nhsuk/":                   404,
		"/static/nhsuk":                    404,
		"/static/nhsuk/assets/images/":     404,
		"/static/nhsuk/assets/../":         404,
		"/assets/":                         404,
		"/assets/images/":                  404,
		"/static/app.css":                  200,
		"/assets/manifest.json":            200,
		"/static/nhsuk/assets/no-such.png": 404,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != want || strings.Contains(rec.Body.String(), "<pre>") {
			t.Errorf("%s: %d, want %d (body %.60q)", path, rec.Code, want, rec.Body.String())
		}
	}
}
