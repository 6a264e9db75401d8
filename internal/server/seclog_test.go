package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// TestForbiddenIsLogged: a 403 leaves a structured security record naming the user,
// the request and the rule that refused it.
func TestForbiddenIsLogged(t *testing.T) {
	db := dbtest.New(t)
	addPersonas(t, db)
	logs, ts := newCapturedServer(t, db)
	c := client(t)
	signIn(t, ts, c, "other-manager@test.nhs.uk")
	if got := status(t, c, http.MethodGet, ts.URL+"/pcns/U60057/staff"); got != http.StatusForbidden {
		t.Fatalf("another PCN's staff: %d, want 403", got)
	}
	want := map[string]string{"msg": "security", "event": "forbidden", "user": "other-manager@test.nhs.uk",
		"method": "GET", "path": "/pcns/U60057/staff", "rule": "pcnMember", "level": "WARN"}
	if !logs.has(t, want) {
		t.Errorf("no record %v in the log", want)
	}
}

// TestCrossOriginRefusalIsLogged: a form posted from another website is refused with
// 403 and a structured security record.
func TestCrossOriginRefusalIsLogged(t *testing.T) {
	db := dbtest.New(t)
	logs, ts := newCapturedServer(t, db)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader(url.Values{"email": {"a@b.nhs.uk"}, "password": {"x"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("a cross-site post: %d, want 403", res.StatusCode)
	}
	want := map[string]string{"msg": "security", "event": "cross_origin_refused", "method": "POST", "path": "/login",
		"origin": "https://evil.example", "sec_fetch_site": "cross-site", "level": "WARN"}
	if !logs.has(t, want) {
		t.Errorf("no record %v in the log", want)
	}
	if logs.has(t, map[string]string{"event": "signin_failure"}) {
		t.Error("the refused post reached the sign-in handler")
	}
}
