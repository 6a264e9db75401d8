package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

const testPassword = "a test password"

// personas are the users of the authorisation tests. Own organisations are the demo
// PCN U60057 and its ICB QOC; "other" ones are U47425 (West Somerset) and QSL.
var personas = map[string][]auth.Grant{
	"admin":         {{Role: auth.Admin}},
	"lead":          {{Role: auth.ICBLead, Org: "QOC"}},
	"manager":       {{Role: auth.PCNManager, Org: "U60057"}},
	"director":      {{Role: auth.ClinicalDirector, Org: "U60057"}},
	"other-lead":    {{Role: auth.ICBLead, Org: "QSL"}},
	"other-manager": {{Role: auth.PCNManager, Org: "U47425"}},
}

var (
	hashOnce sync.Once
	hash     string
)

// addPersonas creates one user per persona, email "<persona>@test.nhs.uk".
func addPersonas(t *testing.T, db *store.DB) map[string]auth.User {
	t.Helper()
	hashOnce.Do(func() { hash, _ = auth.HashPassword(testPassword, auth.DefaultParams) })
	users := map[string]auth.User{}
	for name, grants := range personas {
		u, err := db.CreateUser(context.Background(), auth.User{Email: name + "@test.nhs.uk", Name: "Test " + name, PasswordHash: hash, Active: true, Grants: grants}, capBy)
		if err != nil {
			t.Fatal(err)
		}
		users[name] = u
	}
	return users
}

func newTestServer(t *testing.T, db *store.DB) (*Server, *httptest.Server) {
	t.Helper()
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	return s, ts
}

// client is a browser-like client that keeps cookies and does not follow redirects.
func client(t *testing.T) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signIn posts the sign-in form and fails the test unless it redirects.
func signIn(t *testing.T, ts *httptest.Server, c *http.Client, email string) {
	t.Helper()
	res, err := c.PostForm(ts.URL+"/login", url.Values{"email": {email}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in as %s: %d", email, res.StatusCode)
	}
}

func status(t *testing.T, c *http.Client, method, u string) int {
	t.Helper()
	var body io.Reader
	req, _ := http.NewRequest(method, u, body)
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func sessionCookie(c *http.Client, ts *httptest.Server) string {
	u, _ := url.Parse(ts.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "session" {
			return ck.Value
		}
	}
	return ""
}

func TestSignInAndOut(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	c := client(t)
	if got := status(t, c, "GET", ts.URL+"/"); got != http.StatusSeeOther {
		t.Fatalf("signed out: / answered %d, want a redirect to sign in", got)
	}
	res, _ := c.PostForm(ts.URL+"/login", url.Values{"email": {"manager@test.nhs.uk"}, "password": {"wrong password"}})
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(body), auth.SignInFailed) {
		t.Errorf("wrong password: %d", res.StatusCode)
	}
	res, _ = c.PostForm(ts.URL+"/login", url.Values{"email": {"nobody@test.nhs.uk"}, "password": {"wrong password"}})
	body2, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body2), auth.SignInFailed) {
		t.Error("an unknown account must get the same message as a wrong password")
	}
	signIn(t, ts, c, "Manager@Test.nhs.uk")
	if got := status(t, c, "GET", ts.URL+"/roles"); got != 200 {
		t.Fatalf("signed in: %d", got)
	}
	token := sessionCookie(c, ts)
	if got := status(t, c, "POST", ts.URL+"/logout"); got != http.StatusSeeOther {
		t.Errorf("sign out: %d", got)
	}
	if _, found, _ := s.sessions.Store.Find(token); found {
		t.Error("sign-out must delete the session on the server")
	}
	replay := client(t)
	u, _ := url.Parse(ts.URL)
	replay.Jar.SetCookies(u, []*http.Cookie{{Name: "session", Value: token}})
	if got := status(t, replay, "GET", ts.URL+"/"); got != http.StatusSeeOther {
		t.Errorf("the old session cookie still works after sign-out: %d", got)
	}
}

func TestSessionTokenChangesAtSignIn(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	// An attacker plants a session of their own in the victim's browser.
	ctx, err := s.sessions.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	s.sessions.Put(ctx, "planted", true)
	planted, _, err := s.sessions.Commit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := client(t)
	u, _ := url.Parse(ts.URL)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: "session", Value: planted}})
	signIn(t, ts, c, "manager@test.nhs.uk")
	if got := sessionCookie(c, ts); got == "" || got == planted {
		t.Errorf("the session token must change at sign-in (was %q, now %q)", planted, got)
	}
	if _, found, _ := s.sessions.Store.Find(planted); found {
		t.Error("the planted session must be gone")
	}
}

func TestRateLimitEngages(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	for i := range auth.MaxAccountFailures {
		res, _ := c.PostForm(ts.URL+"/login", url.Values{"email": {"admin@test.nhs.uk"}, "password": {"guess " + string(rune('a'+i))}})
		res.Body.Close()
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("attempt %d: %d", i+1, res.StatusCode)
		}
	}
	res, _ := c.PostForm(ts.URL+"/login", url.Values{"email": {"admin@test.nhs.uk"}, "password": {testPassword}})
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("after %d failures even the right password must wait: %d", auth.MaxAccountFailures, res.StatusCode)
	}
	// Another account from another address is not affected.
	signIn(t, ts, client(t), "lead@test.nhs.uk")
}

func TestCrossOriginPostRefused(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://evil.example"},
	} {
		req, _ := http.NewRequest("POST", ts.URL+"/admin/users/new", strings.NewReader("email=x%40y.nhs.uk&name=X&password=0123456789&grants=admin"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range h {
			req.Header.Set(k, v)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-origin POST with %v: %d, want 403", h, res.StatusCode)
		}
	}
	users, _ := db.Users(context.Background())
	for _, u := range users {
		if u.Email == "x@y.nhs.uk" {
			t.Error("the cross-origin POST created a user")
		}
	}
}

func TestTwoInstancesShareSessions(t *testing.T) {
	t.Parallel()
	db, url1 := dbtest.NewWithURL(t)
	addPersonas(t, db)
	_, a := newTestServer(t, db)
	// The second instance has its own pool, as a second process would.
	db2, err := store.Open(context.Background(), url1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db2.Close)
	_, b := newTestServer(t, db2)
	c := client(t)
	signIn(t, a, c, "lead@test.nhs.uk")
	ua, _ := url.Parse(a.URL)
	ub, _ := url.Parse(b.URL)
	c.Jar.SetCookies(ub, c.Jar.Cookies(ua))
	res, err := c.Get(b.URL + "/imports")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "Test lead") {
		t.Errorf("instance B does not know instance A's session: %d", res.StatusCode)
	}
	if got := status(t, c, "POST", b.URL+"/logout"); got != http.StatusSeeOther {
		t.Fatal(got)
	}
	c.Jar.SetCookies(ua, c.Jar.Cookies(ub))
	if got := status(t, c, "GET", a.URL+"/imports"); got != http.StatusSeeOther {
		t.Errorf("signed out on B, still signed in on A: %d", got)
	}
}

func TestDeactivatedUserIsSignedOut(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "manager@test.nhs.uk")
	u := users["manager"]
	u.Active = false
	if _, err := db.UpdateUser(context.Background(), u, capBy); err != nil {
		t.Fatal(err)
	}
	if got := status(t, c, "GET", ts.URL+"/imports"); got != http.StatusSeeOther {
		t.Errorf("a deactivated user's session still works: %d", got)
	}
}

func TestParallelGuessesStayWithinTheLimit(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	const tries = 20
	codes := make(chan int, tries)
	var wg sync.WaitGroup
	for i := range tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client(t).PostForm(ts.URL+"/login", url.Values{"email": {"admin@test.nhs.uk"}, "password": {"guess " + strconv.Itoa(i)}})
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			codes <- res.StatusCode
		}()
	}
	wg.Wait()
	close(codes)
	checked := 0
	for c := range codes {
		if c == http.StatusUnprocessableEntity {
			checked++
		} else if c != http.StatusTooManyRequests && c != http.StatusServiceUnavailable {
			t.Errorf("unexpected status %d", c)
		}
	}
	if checked > auth.MaxAccountFailures {
		t.Errorf("%d of %d parallel guesses had their password checked; the limit is %d", checked, tries, auth.MaxAccountFailures)
	}
}

func TestControlCharactersRefused(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	res, _ := c.PostForm(ts.URL+"/login", url.Values{"email": {"a\x00@test.nhs.uk"}, "password": {"x"}})
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("NUL in a form: %d", res.StatusCode)
	}
	signIn(t, ts, c, "admin@test.nhs.uk")
	if got := status(t, c, "GET", ts.URL+"/audit?user=%00"); got != http.StatusBadRequest {
		t.Errorf("NUL in a query: %d", got)
	}
	if got := status(t, c, "GET", ts.URL+"/audit?user=%ff"); got != http.StatusBadRequest {
		t.Errorf("invalid UTF-8 in a query: %d", got)
	}
}

func TestTheLastAdminStays(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	admin := users["admin"]
	code, body := postForm(t, c, ts.URL+"/admin/users/"+strconv.FormatInt(admin.ID, 10),
		url.Values{"name": {"Test admin"}, "grants": {"icb_lead QOC"}, "active": {"yes"}, "version": {strconv.Itoa(admin.Version)}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "only active admin") {
		t.Errorf("removing the last admin's grant: %d", code)
	}
}
