package server

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// logBuffer is the server's log in a test, safe for its handlers' goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Reset()
}

// records are the JSON records logged so far; a line that is not one fails the test.
func (b *logBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("an unstructured log line: %q", line)
			continue
		}
		out = append(out, rec)
	}
	return out
}

// has reports whether a record holds every key and value of want.
func (b *logBuffer) has(t *testing.T, want map[string]string) bool {
	t.Helper()
	for _, rec := range b.records(t) {
		all := true
		for k, v := range want {
			if got, _ := rec[k].(string); got != v {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// captureSecurity makes s log JSON records into a logBuffer the test reads.
func captureSecurity(s *Server) *logBuffer {
	logs := &logBuffer{}
	s.log = slog.New(slog.NewJSONHandler(logs, nil))
	return logs
}

// securityEvents are the server's "security" records of one event, as JSON objects.
func securityEvents(t *testing.T, logged *logBuffer, event string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, rec := range logged.records(t) {
		if rec["msg"] == "security" && rec["event"] == event {
			out = append(out, rec)
		}
	}
	return out
}

func TestLoginSecurityLog(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	var logged logBuffer
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewJSONHandler(&logged, nil)))
	ts := newServerFor(t, s)
	login := func(email, password string) int {
		res, err := client(t).PostForm(ts.URL+"/login", url.Values{"email": {email}, "password": {password}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}

	const guess = "Guessed-Secret-4711"
	if got := login("Manager@Test.nhs.uk", guess); got != http.StatusUnprocessableEntity {
		t.Fatalf("wrong password: %d", got)
	}
	if got := logged.String(); strings.Contains(got, guess) {
		t.Fatalf("the password reached the log: %s", got)
	}
	fails := securityEvents(t, &logged, "signin_failure")
	if len(fails) != 1 || fails[0]["user"] != "manager@test.nhs.uk" || fails[0]["reason"] != "bad_password" || fails[0]["level"] != "WARN" || fails[0]["ip"] == "" {
		t.Errorf("failed sign-in logged as %v, want the account, the reason and the address", fails)
	}

	login("nobody@test.nhs.uk", guess)
	if fails := securityEvents(t, &logged, "signin_failure"); len(fails) != 2 || fails[1]["user"] != "nobody@test.nhs.uk" || fails[1]["reason"] != "unknown_account" {
		t.Errorf("unknown account logged as %v", fails)
	}

	if got := login("lead@test.nhs.uk", testPassword); got != http.StatusSeeOther {
		t.Fatalf("sign in: %d", got)
	}
	if ok := securityEvents(t, &logged, "signin_success"); len(ok) != 1 || ok[0]["user"] != "lead@test.nhs.uk" || ok[0]["via"] != "password" || ok[0]["level"] != "INFO" {
		t.Errorf("sign-in logged as %v", ok)
	}

	// The account throttle engages on the attempt after auth.MaxAccountFailures: one
	// lockout, and every refused attempt a failure with its reason.
	for range auth.MaxAccountFailures + 1 {
		login("director@test.nhs.uk", guess)
	}
	locks := securityEvents(t, &logged, "lockout")
	if len(locks) != 1 || locks[0]["scope"] != "account" || locks[0]["user"] != "director@test.nhs.uk" {
		t.Errorf("lockout logged as %v", locks)
	}
	throttled := 0
	for _, f := range securityEvents(t, &logged, "signin_failure") {
		if f["reason"] == "throttled" && f["user"] == "director@test.nhs.uk" {
			throttled++
		}
	}
	if throttled != 1 {
		t.Errorf("%d throttled attempts logged, want 1", throttled)
	}
	if strings.Contains(logged.String(), guess) || strings.Contains(logged.String(), testPassword) {
		t.Error("a password reached the log")
	}

	// An admin changes a user's grants: the old and new ones are logged.
	admin := client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	m := users["manager"]
	code, _ := postForm(t, admin, ts.URL+"/admin/users/"+strconv.FormatInt(m.ID, 10), url.Values{"name": {m.Name},
		"grants": {"pcn_manager U60057\nicb_lead QOC"}, "active": {"yes"}, "version": {strconv.Itoa(m.Version)}, "password": {strongPassword}})
	if code != http.StatusSeeOther {
		t.Fatalf("grant change: %d", code)
	}
	grants := securityEvents(t, &logged, "grants_changed")
	if len(grants) != 1 || grants[0]["user"] != "manager@test.nhs.uk" || grants[0]["by"] != "admin@test.nhs.uk" ||
		grants[0]["grants_before"] != "pcn_manager U60057" || grants[0]["grants_after"] != "icb_lead QOC, pcn_manager U60057" {
		t.Errorf("grant change logged as %v", grants)
	}
	if pw := securityEvents(t, &logged, "password_changed"); len(pw) != 1 || pw[0]["user"] != "manager@test.nhs.uk" || pw[0]["by"] != "admin@test.nhs.uk" {
		t.Errorf("password set by an admin logged as %v", pw)
	}
	if strings.Contains(logged.String(), strongPassword) {
		t.Error("the new password reached the log")
	}
}

// TestOverlongSignInRefusedUnhashed: an email or password longer than any account's is
// refused like a wrong password, logged as too long, and the email echoed back clipped;
// a form past maxFormBytes is a 413 before any of it is read into values.
func TestOverlongSignInRefusedUnhashed(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	var logged logBuffer
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewJSONHandler(&logged, nil)))
	ts := newServerFor(t, s)
	post := func(v url.Values) (int, string) { return postForm(t, client(t), ts.URL+"/login", v) }
	longEmail := strings.Repeat("a", 300) + "@test.nhs.uk"
	code, body := post(url.Values{"email": {longEmail}, "password": {testPassword}})
	if code != http.StatusUnprocessableEntity || strings.Contains(body, longEmail) || !strings.Contains(body, strings.Repeat("a", 200)) {
		t.Errorf("long email: %d, echoed whole: %v", code, strings.Contains(body, longEmail))
	}
	if code, _ := post(url.Values{"email": {"manager@test.nhs.uk"}, "password": {strings.Repeat("p", auth.MaxSignInPasswordBytes+1)}}); code != http.StatusUnprocessableEntity {
		t.Errorf("long password: %d, want 422", code)
	}
	tooLong := 0
	for _, f := range securityEvents(t, &logged, "signin_failure") {
		if f["reason"] == "too_long" {
			tooLong++
		}
	}
	if tooLong != 2 {
		t.Errorf("%d sign-ins logged as too long, want 2", tooLong)
	}
	if code, _ := post(url.Values{"email": {"manager@test.nhs.uk"}, "password": {strings.Repeat("p", maxFormBytes)}}); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a form over %d bytes: %d, want 413", maxFormBytes, code)
	}
}

// TestForbiddenIsLogged: a 403 leaves a structured security record naming the user,
// the request and the rule that refused it.
func TestForbiddenIsLogged(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

// TestSecurityRecordShape: every security record has the message, the event, the
// site's keys and the client's address, once even when the site names it.
func TestSecurityRecordShape(t *testing.T) {
	t.Parallel()
	s := &Server{}
	logs := captureSecurity(s)
	r := httptest.NewRequest(http.MethodGet, "/x", nil)
	r.RemoteAddr = "192.0.2.7:1234"
	s.security(r, slog.LevelWarn, "forbidden", "user", "a@test.nhs.uk")
	s.security(r, slog.LevelInfo, "lockout", "ip", "198.51.100.1")
	recs := logs.records(t)
	if len(recs) != 2 || !logs.has(t, map[string]string{"msg": "security", "event": "forbidden", "user": "a@test.nhs.uk", "ip": "192.0.2.7", "level": "WARN"}) ||
		!logs.has(t, map[string]string{"msg": "security", "event": "lockout", "ip": "198.51.100.1", "level": "INFO"}) {
		t.Errorf("records %v", recs)
	}
	if n := strings.Count(logs.String(), `"ip"`); n != 2 {
		t.Errorf("%d ip keys in %s, want one a record", n, logs.String())
	}
}
