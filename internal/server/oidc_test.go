package server

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-jose/go-jose/v4"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

const (
	testClientID     = "arrs-planner"
	testClientSecret = "client secret"
)

// testIssuer is a small OpenID Connect provider: discovery, its RSA key, an
// /authorize that signs in whoever person is without asking, and a /token that
// checks the client and PKCE and returns an RS256 ID token with the nonce it was
// given. tamper, when set, changes the ID token's claims before signing.
type testIssuer struct {
	*httptest.Server
	key *rsa.PrivateKey

	mu     sync.Mutex
	person map[string]any // sub, email, email_verified
	tamper func(claims map[string]any)
	codes  map[string]grant
}

// grant is what /authorize was asked, for /token to check.
type grant struct{ nonce, challenge, redirect string }

func newTestIssuer(t *testing.T) *testIssuer {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	iss := &testIssuer{key: key, codes: map[string]grant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", iss.discovery)
	mux.HandleFunc("GET /jwks", iss.jwks)
	mux.HandleFunc("GET /authorize", iss.authorize)
	mux.HandleFunc("POST /token", iss.token)
	iss.Server = httptest.NewServer(mux)
	t.Cleanup(iss.Close)
	return iss
}

// config is ARRS Planner's single sign-on settings for this issuer and a server.
func (iss *testIssuer) config(serverURL string) config.OIDC {
	return config.OIDC{Issuer: iss.URL, ClientID: testClientID, ClientSecret: testClientSecret,
		RedirectURL: serverURL + "/login/callback", Name: "Test CIS2"}
}

// signsIn sets who the next /authorize signs in, and how their token is tampered.
func (iss *testIssuer) signsIn(person map[string]any, tamper func(map[string]any)) {
	iss.mu.Lock()
	defer iss.mu.Unlock()
	iss.person, iss.tamper = person, tamper
}

func (iss *testIssuer) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                iss.URL,
		"authorization_endpoint":                iss.URL + "/authorize",
		"token_endpoint":                        iss.URL + "/token",
		"jwks_uri":                              iss.URL + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
	})
}

func (iss *testIssuer) jwks(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{
		{Key: &iss.key.PublicKey, KeyID: "test", Algorithm: string(jose.RS256), Use: "sig"}}})
}

// authorize insists on what a real provider would: our client and redirect, the
// code flow, a nonce and an S256 PKCE challenge.
func (iss *testIssuer) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != testClientID || q.Get("response_type") != "code" || q.Get("nonce") == "" ||
		q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || !strings.Contains(q.Get("scope"), "openid") {
		http.Error(w, "bad authorisation request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	code := rand.Text()
	iss.mu.Lock()
	iss.codes[code] = grant{nonce: q.Get("nonce"), challenge: q.Get("code_challenge"), redirect: q.Get("redirect_uri")}
	iss.mu.Unlock()
	back, _ := url.Parse(q.Get("redirect_uri"))
	back.RawQuery = url.Values{"code": {code}, "state": {q.Get("state")}}.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token exchanges a code once, for the client that holds the PKCE verifier.
func (iss *testIssuer) token(w http.ResponseWriter, r *http.Request) {
	id, secret, ok := r.BasicAuth()
	if ok { // form-encoded inside the header (RFC 6749, 2.3.1)
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostFormValue("client_id"), r.PostFormValue("client_secret")
	}
	iss.mu.Lock()
	g, found := iss.codes[r.PostFormValue("code")]
	delete(iss.codes, r.PostFormValue("code"))
	person, tamper := iss.person, iss.tamper
	iss.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	if id != testClientID || secret != testClientSecret || !found || g.redirect != r.PostFormValue("redirect_uri") ||
		base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	now := time.Now()
	claims := map[string]any{"iss": iss.URL, "aud": testClientID, "iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(), "nonce": g.nonce}
	for k, v := range person {
		claims[k] = v
	}
	if tamper != nil {
		tamper(claims)
	}
	writeJSON(w, http.StatusOK, map[string]any{"access_token": rand.Text(), "token_type": "Bearer", "expires_in": 300, "id_token": iss.sign(claims)})
}

func (iss *testIssuer) sign(claims map[string]any) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: iss.key, KeyID: "test"}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		panic(err)
	}
	payload, _ := json.Marshal(claims)
	jws, err := signer.Sign(payload)
	if err != nil {
		panic(err)
	}
	token, _ := jws.CompactSerialize()
	return token
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// startSSO follows the sign-in link to the issuer and back, and returns the callback
// address the issuer sent the browser to, not yet visited.
func startSSO(t *testing.T, c *http.Client, ts *httptest.Server, next string) *url.URL {
	t.Helper()
	res, _ := fetch(t, c, ts.URL+"/login/sso?"+url.Values{"next": {next}}.Encode())
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("/login/sso: %d, want a redirect to the provider", res.StatusCode)
	}
	res, _ = fetch(t, c, res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound {
		t.Fatalf("the provider refused the authorisation request: %d", res.StatusCode)
	}
	back, err := res.Location()
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func fetch(t *testing.T, c *http.Client, u string) (*http.Response, *goquery.Document) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, doc
}

func signIns(t *testing.T, db *store.DB, email string) []store.AuditEntry {
	t.Helper()
	entries, err := db.AuditLog(context.Background(), store.AuditFilter{Actor: email})
	if err != nil {
		t.Fatal(err)
	}
	var out []store.AuditEntry
	for _, e := range entries {
		if e.Action == "session.sign_in" {
			out = append(out, e)
		}
	}
	return out
}

func TestSSOOff(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	_, ts := newTestServer(t, db)
	c := client(t)
	for _, path := range []string{"/login/sso", "/login/callback?code=x&state=y"} {
		if got := status(t, c, "GET", ts.URL+path); got != http.StatusNotFound {
			t.Errorf("single sign-on off: %s answered %d, want 404", path, got)
		}
	}
	if _, doc := fetch(t, c, ts.URL+"/login"); doc.Find(`[data-testid="sso"]`).Length() != 0 {
		t.Error("single sign-on off: the sign-in page offers it")
	}
}

func TestSSORoundTrip(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	s, ts := newTestServer(t, db)
	iss := newTestIssuer(t)
	s.sso = auth.NewOIDC(iss.config(ts.URL))
	c := client(t)

	_, doc := fetch(t, c, ts.URL+"/login?next=/imports")
	link := doc.Find(`[data-testid="sso"]`)
	if got := strings.TrimSpace(link.Text()); got != "Sign in with Test CIS2" || link.AttrOr("href", "") != "/login/sso?next=%2Fimports" {
		t.Errorf("sign-in page's single sign-on link: %q → %q", got, link.AttrOr("href", ""))
	}

	iss.signsIn(map[string]any{"sub": "s-manager", "email": "Manager@Test.nhs.uk", "email_verified": true}, nil)
	back := startSSO(t, c, ts, "/imports")
	before := sessionCookie(c, ts)
	res, _ := fetch(t, c, back.String())
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/imports" {
		t.Fatalf("callback: %d → %q, want 303 → /imports", res.StatusCode, res.Header.Get("Location"))
	}
	if after := sessionCookie(c, ts); after == "" || after == before {
		t.Errorf("the session token must change at sign-in (was %q, now %q)", before, after)
	}
	if res, doc := fetch(t, c, ts.URL+"/imports"); res.StatusCode != 200 || !strings.Contains(doc.Text(), "Test manager") {
		t.Errorf("signed in by single sign-on, /imports answered %d", res.StatusCode)
	}
	entries := signIns(t, db, "manager@test.nhs.uk")
	if len(entries) != 1 || entries[0].UserID != users["manager"].ID || !strings.Contains(entries[0].AfterJSON, `"via": "oidc"`) {
		t.Errorf("audit of the sign-in: %+v", entries)
	}
	if u, err := db.UserByOIDCSubject(context.Background(), "s-manager"); err != nil || u.ID != users["manager"].ID {
		t.Errorf("the subject was not linked at first sign-in: %v", err)
	}

	// The callback works once: replayed, in this browser or another, it is refused.
	for _, replay := range []*http.Client{c, client(t)} {
		if res, _ := fetch(t, replay, back.String()); res.StatusCode != http.StatusBadRequest {
			t.Errorf("replayed callback: %d, want 400", res.StatusCode)
		}
	}

	// Later sign-ins match on the linked subject, whatever email the provider sends.
	iss.signsIn(map[string]any{"sub": "s-manager", "email": "new.name@nhs.net"}, nil)
	c2 := client(t)
	if res, _ := fetch(t, c2, startSSO(t, c2, ts, "/").String()); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("second sign-in by subject: %d", res.StatusCode)
	}
	if got := status(t, c2, "GET", ts.URL+"/imports"); got != 200 {
		t.Errorf("signed in by subject, /imports answered %d", got)
	}
}

func TestSSORefusals(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	users := addPersonas(t, db)
	gone, err := db.CreateUser(context.Background(), auth.User{Email: "gone@test.nhs.uk", Name: "Gone", Active: false}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.LinkOIDCSubject(context.Background(), users["lead"].ID, "s-lead", capBy); err != nil {
		t.Fatal(err)
	}
	s, ts := newTestServer(t, db)
	var logged logBuffer
	s.log = slog.New(slog.NewTextHandler(&logged, nil))
	iss := newTestIssuer(t)
	s.sso = auth.NewOIDC(iss.config(ts.URL))
	director := map[string]any{"sub": "s-director", "email": "director@test.nhs.uk", "email_verified": true}

	cases := []struct {
		name     string
		person   map[string]any
		tamper   func(map[string]any)
		callback func(q url.Values) // changes the callback's query
		later    time.Duration      // time passing at the provider
		status   int
		msg      string // for the person
		reason   string // in the log
	}{
		{name: "unknown email", person: map[string]any{"sub": "s-x", "email": "nobody@test.nhs.uk", "email_verified": true}, status: 403, msg: "no active ARRS Planner account", reason: "no active user"},
		{name: "deactivated user", person: map[string]any{"sub": "s-gone", "email": gone.Email, "email_verified": true}, status: 403, msg: "no active ARRS Planner account", reason: "no active user"},
		{name: "email not verified", person: map[string]any{"sub": "s-director", "email": "director@test.nhs.uk", "email_verified": false}, status: 403, msg: "no active ARRS Planner account", reason: "not verified"},
		{name: "email_verified missing", person: map[string]any{"sub": "s-director", "email": "director@test.nhs.uk"}, status: 403, msg: "no active ARRS Planner account", reason: "not verified (email_verified <nil>)"},
		{name: "email_verified not a yes", person: map[string]any{"sub": "s-director", "email": "director@test.nhs.uk", "email_verified": "yes"}, status: 403, msg: "no active ARRS Planner account", reason: "not verified"},
		{name: "no email", person: map[string]any{"sub": "s-director"}, status: 403, msg: "no active ARRS Planner account", reason: "missing"},
		{name: "email of an account linked to another subject", person: map[string]any{"sub": "s-impostor", "email": "lead@test.nhs.uk", "email_verified": true}, status: 403, msg: "no active ARRS Planner account", reason: "linked to another subject"},
		{name: "wrong nonce", person: director, tamper: func(c map[string]any) { c["nonce"] = "replayed" }, status: 403, msg: "did not work", reason: "nonce does not match"},
		{name: "wrong audience", person: director, tamper: func(c map[string]any) { c["aud"] = "another-client" }, status: 403, msg: "did not work", reason: "expected audience"},
		{name: "wrong issuer", person: director, tamper: func(c map[string]any) { c["iss"] = "https://evil.example" }, status: 403, msg: "did not work", reason: "different provider"},
		{name: "expired token", person: director, tamper: func(c map[string]any) { c["exp"] = time.Now().Add(-time.Hour).Unix() }, status: 403, msg: "did not work", reason: "expired"},
		{name: "bad state", person: director, callback: func(q url.Values) { q.Set("state", "forged") }, status: 400, msg: "was not started from this page", reason: "state does not match"},
		{name: "no state", person: director, callback: func(q url.Values) { q.Del("state") }, status: 400, msg: "was not started from this page", reason: "state does not match"},
		{name: "unknown code", person: director, callback: func(q url.Values) { q.Set("code", "guessed") }, status: 403, msg: "did not work", reason: "invalid_grant"},
		{name: "provider error", person: director, callback: func(q url.Values) {
			q.Del("code")
			q.Set("error", "access_denied")
			q.Set("error_description", "<script>alert(1)</script>")
		}, status: 400, msg: "did not work", reason: "access_denied"},
		{name: "flow expired", person: director, later: 11 * time.Minute, status: 400, msg: "took longer than 10 minutes", reason: "flow started"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			iss.signsIn(tc.person, tc.tamper)
			s.now = time.Now
			logged.Reset()
			c := client(t)
			back := startSSO(t, c, ts, "/imports")
			if tc.callback != nil {
				q := back.Query()
				tc.callback(q)
				back.RawQuery = q.Encode()
			}
			s.now = func() time.Time { return time.Now().Add(tc.later) }
			res, doc := fetch(t, c, back.String())
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			if got := doc.Find(".nhsuk-error-summary").Text(); !strings.Contains(got, tc.msg) {
				t.Errorf("error summary %q, want it to say %q", strings.Join(strings.Fields(got), " "), tc.msg)
			}
			if got := logged.String(); !strings.Contains(got, "msg=security event=oidc_refused") || !strings.Contains(got, tc.reason) {
				t.Errorf("logged %q, want the reason %q", got, tc.reason)
			}
			if doc.Find(`[data-testid="sso"]`).Length() != 1 || doc.Find(`input[name="email"]`).Length() != 1 {
				t.Error("a refusal must show the sign-in page again, with both ways to sign in")
			}
			if strings.Contains(doc.Text(), "alert(1)") {
				t.Error("the provider's error description reached the page")
			}
			s.now = time.Now
			if got := status(t, c, "GET", ts.URL+"/imports"); got != http.StatusSeeOther {
				t.Errorf("refused, yet signed in: /imports answered %d", got)
			}
		})
	}
	if _, err := db.UserByOIDCSubject(context.Background(), "s-director"); err == nil {
		t.Error("a refused sign-in linked the subject")
	}
	if _, err := db.UserByOIDCSubject(context.Background(), "s-gone"); err == nil {
		t.Error("a deactivated user was linked")
	}
	for _, email := range []string{"director@test.nhs.uk", "lead@test.nhs.uk", gone.Email} {
		if n := len(signIns(t, db, email)); n != 0 {
			t.Errorf("%s: %d sign-ins in the audit trail, want none", email, n)
		}
	}
	users2, _ := db.Users(context.Background())
	if len(users2) != len(users)+1 {
		t.Errorf("single sign-on created users: %d, want %d", len(users2), len(users)+1)
	}
}

// TestSSOProviderDown: the server starts and password sign-in works while the
// provider is unreachable; starting single sign-on says so, with no 500. Not
// parallel: the closed server's port stands for the provider that is down, and
// another test's server could take it meanwhile.
func TestSSOProviderDown(t *testing.T) {
	db := dbtest.New(t)
	addPersonas(t, db)
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	cfg := config.OIDC{Issuer: down.URL, ClientID: testClientID, ClientSecret: testClientSecret, RedirectURL: "http://planner.test/login/callback", Name: "Test CIS2"}
	s := New(db, config.Config{Dev: true, OIDC: cfg}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(s.Routes())
	t.Cleanup(ts.Close)
	c := client(t)
	res, doc := fetch(t, c, ts.URL+"/login/sso")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(doc.Find(".nhsuk-error-summary").Text(), "Test CIS2 is not answering") {
		t.Errorf("provider down: %d %q", res.StatusCode, doc.Find(".nhsuk-error-summary").Text())
	}
	signIn(t, ts, c, "manager@test.nhs.uk")
}
