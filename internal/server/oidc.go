package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/login"
)

// Single sign-on through OpenID Connect (NHS CIS2, NHSmail): the authorisation code
// flow with PKCE. What the callback must check is kept in the session, in Postgres,
// so that any instance can finish a flow another one started.

const (
	// ssoFlowTimeout is how long signing in at the provider may take.
	ssoFlowTimeout = 10 * time.Minute
	// ssoHTTPTimeout bounds each call to the provider: discovery, keys, code exchange.
	ssoHTTPTimeout = 10 * time.Second
)

// Session keys of a single sign-on in progress.
const (
	keySSOState    = "sso_state"    // against forged callbacks (CSRF)
	keySSONonce    = "sso_nonce"    // against replayed ID tokens
	keySSOVerifier = "sso_verifier" // PKCE: a stolen code is useless without it
	keySSONext     = "sso_next"
	keySSOStarted  = "sso_started" // unix seconds
)

// sso is the configured provider. It is discovered at first use, not at start, so
// that the server starts, and password sign-in works, while the provider is down.
type sso struct {
	cfg    config.OIDC
	client *http.Client

	mu       sync.Mutex
	oauth    *oauth2.Config // nil until discovered; a failed discovery is tried again
	verifier *oidc.IDTokenVerifier
}

// newSSO is nil when single sign-on is off.
func newSSO(cfg config.OIDC) *sso {
	if !cfg.Enabled() {
		return nil
	}
	return &sso{cfg: cfg, client: &http.Client{Timeout: ssoHTTPTimeout}}
}

// provider discovers the provider's endpoints and keys once.
func (p *sso) provider(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.oauth != nil {
		return p.oauth, p.verifier, nil
	}
	ctx, cancel := context.WithTimeout(p.context(ctx), ssoHTTPTimeout)
	defer cancel()
	prov, err := oidc.NewProvider(ctx, p.cfg.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("discovering %s: %w", p.cfg.Issuer, err)
	}
	p.oauth = &oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, RedirectURL: p.cfg.RedirectURL,
		Endpoint: prov.Endpoint(), Scopes: []string{oidc.ScopeOpenID, oidc.ScopeEmail}}
	// The verifier checks signature, issuer, expiry and that the token is for us
	// (audience); the nonce is checked against the session by the callback.
	p.verifier = prov.Verifier(&oidc.Config{ClientID: p.cfg.ClientID})
	return p.oauth, p.verifier, nil
}

// context carries the client with its timeout to go-oidc and oauth2.
func (p *sso) context(ctx context.Context) context.Context { return oidc.ClientContext(ctx, p.client) }

// ssoName labels the sign-in page's link; empty (no link) when single sign-on is off.
func (s *Server) ssoName() string {
	if s.sso == nil {
		return ""
	}
	return s.sso.cfg.Name
}

// ssoRefusal is a single sign-on that did not complete: a status and a message for
// the person on the sign-in page, the reason for the log only.
type ssoRefusal struct {
	status int
	msg    string
	reason string
}

func (e ssoRefusal) Error() string { return e.reason }

func refuse(status int, msg, format string, args ...any) ssoRefusal {
	return ssoRefusal{status: status, msg: msg, reason: fmt.Sprintf(format, args...)}
}

// The messages of a refused single sign-on. One message for every refused account,
// whether unknown or deactivated: users are added by admins, never by signing in.
func (s *Server) ssoNoAccount() string {
	return "You signed in with " + s.ssoName() + ", but there is no active ARRS Planner account for you. Ask your ARRS Planner administrator to add you."
}

func (s *Server) ssoDidNotWork() string {
	return "Signing in with " + s.ssoName() + " did not work. Try again, or sign in with your email address and password."
}

func (s *Server) ssoDown() string {
	return s.ssoName() + " is not answering at the moment. Try again later, or sign in with your email address and password."
}

// ssoStart sends the browser to the provider.
func (s *Server) ssoStart(w http.ResponseWriter, r *http.Request) error {
	if s.sso == nil {
		return errNotFound
	}
	next := safeNext(r.URL.Query().Get("next"))
	if currentUser(r) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	oc, _, err := s.sso.provider(r.Context())
	if err != nil {
		return s.ssoFailed(w, r, next, refuse(http.StatusServiceUnavailable, s.ssoDown(), "%v", err))
	}
	state, nonce, verifier := rand.Text(), rand.Text(), oauth2.GenerateVerifier()
	ctx := r.Context()
	s.sessions.Put(ctx, keySSOState, state)
	s.sessions.Put(ctx, keySSONonce, nonce)
	s.sessions.Put(ctx, keySSOVerifier, verifier)
	s.sessions.Put(ctx, keySSONext, next)
	s.sessions.Put(ctx, keySSOStarted, s.now().Unix())
	http.Redirect(w, r, oc.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), http.StatusSeeOther)
	return nil
}

// ssoFlow is what ssoStart kept in the session.
type ssoFlow struct {
	state, nonce, verifier, next string
	started                      time.Time
}

// popFlow takes the flow out of the session, so that a callback is used once only.
func (s *Server) popFlow(ctx context.Context) ssoFlow {
	started, _ := s.sessions.Pop(ctx, keySSOStarted).(int64)
	return ssoFlow{
		state:    s.sessions.PopString(ctx, keySSOState),
		nonce:    s.sessions.PopString(ctx, keySSONonce),
		verifier: s.sessions.PopString(ctx, keySSOVerifier),
		next:     safeNext(s.sessions.PopString(ctx, keySSONext)),
		started:  time.Unix(started, 0),
	}
}

// ssoCallback finishes the flow: the provider sends the browser back here with a
// code, which is exchanged for an ID token naming the person.
func (s *Server) ssoCallback(w http.ResponseWriter, r *http.Request) error {
	if s.sso == nil {
		return errNotFound
	}
	f := s.popFlow(r.Context())
	u, err := s.ssoUser(r, f)
	var refused ssoRefusal
	if errors.As(err, &refused) {
		return s.ssoFailed(w, r, f.next, refused)
	}
	if err != nil {
		return err
	}
	if err := s.ssoSignIn(r, u); err != nil {
		return err
	}
	http.Redirect(w, r, f.next, http.StatusSeeOther)
	return nil
}

// ssoUser checks the callback against the flow and returns the account it signs in.
func (s *Server) ssoUser(r *http.Request, f ssoFlow) (auth.User, error) {
	q := r.URL.Query()
	if e := q.Get("error"); e != "" {
		return auth.User{}, refuse(http.StatusBadRequest, s.ssoDidNotWork(), "the provider answered %q: %q", e, q.Get("error_description"))
	}
	if f.state == "" || subtle.ConstantTimeCompare([]byte(f.state), []byte(q.Get("state"))) != 1 {
		return auth.User{}, refuse(http.StatusBadRequest, "Signing in with "+s.ssoName()+" was not started from this page, or has already finished. Start again.", "no flow in the session, or its state does not match")
	}
	if s.now().Sub(f.started) > ssoFlowTimeout {
		return auth.User{}, refuse(http.StatusBadRequest, "Signing in with "+s.ssoName()+" took longer than 10 minutes. Start again.", "flow started at %s", f.started)
	}
	tok, err := s.ssoIDToken(r.Context(), f, q.Get("code"))
	if err != nil {
		return auth.User{}, err
	}
	return s.ssoAccount(r.Context(), tok)
}

// ssoIDToken exchanges the code (with the PKCE verifier) and verifies the ID token
// that comes back: signature, issuer, audience, expiry, and the flow's nonce.
func (s *Server) ssoIDToken(ctx context.Context, f ssoFlow, code string) (*oidc.IDToken, error) {
	oc, verifier, err := s.sso.provider(ctx)
	if err != nil {
		return nil, refuse(http.StatusServiceUnavailable, s.ssoDown(), "%v", err)
	}
	tok, err := oc.Exchange(s.sso.context(ctx), code, oauth2.VerifierOption(f.verifier))
	var retrieve *oauth2.RetrieveError
	if errors.As(err, &retrieve) {
		return nil, refuse(http.StatusForbidden, s.ssoDidNotWork(), "code exchange refused: %v", err)
	}
	if err != nil {
		return nil, refuse(http.StatusServiceUnavailable, s.ssoDown(), "code exchange: %v", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil, refuse(http.StatusForbidden, s.ssoDidNotWork(), "no id_token in the token response")
	}
	idt, err := verifier.Verify(s.sso.context(ctx), raw)
	if err != nil {
		return nil, refuse(http.StatusForbidden, s.ssoDidNotWork(), "ID token: %v", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.nonce)) != 1 {
		return nil, refuse(http.StatusForbidden, s.ssoDidNotWork(), "ID token nonce does not match the flow's")
	}
	return idt, nil
}

// ssoAccount finds the active account of the token: by the subject linked at an
// earlier sign-in, else by email.
func (s *Server) ssoAccount(ctx context.Context, tok *oidc.IDToken) (auth.User, error) {
	u, err := s.db.UserByOIDCSubject(ctx, tok.Subject)
	switch {
	case err == nil && u.Active:
		return u, nil
	case err == nil:
		return u, refuse(http.StatusForbidden, s.ssoNoAccount(), "subject %q belongs to deactivated user %d", tok.Subject, u.ID)
	case !errors.Is(err, store.ErrNotFound):
		return u, err
	}
	return s.ssoAccountByEmail(ctx, tok)
}

// ssoAccountByEmail finds the active account of the token's verified email, and links
// the token's subject to it. An account already linked to another subject is refused:
// its email now names someone else at the provider.
func (s *Server) ssoAccountByEmail(ctx context.Context, tok *oidc.IDToken) (auth.User, error) {
	var c auth.OIDCClaims
	if err := tok.Claims(&c); err != nil {
		return auth.User{}, refuse(http.StatusForbidden, s.ssoDidNotWork(), "ID token claims: %v", err)
	}
	email, err := auth.NormaliseEmail(c.Email)
	if err != nil {
		return auth.User{}, refuse(http.StatusForbidden, s.ssoNoAccount(), "subject %q: email %q missing or malformed", tok.Subject, c.Email)
	}
	if !c.Verified() {
		return auth.User{}, refuse(http.StatusForbidden, s.ssoNoAccount(), "subject %q: email %q not verified (email_verified %v)", tok.Subject, c.Email, c.EmailVerified)
	}
	u, err := s.db.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !u.Active) {
		return u, refuse(http.StatusForbidden, s.ssoNoAccount(), "no active user with email %q", email)
	}
	if err != nil {
		return u, err
	}
	return u, s.linkSubject(ctx, u, tok.Subject)
}

// linkSubject records the user's subject at their first single sign-on (the store
// audits it as the user's own act).
func (s *Server) linkSubject(ctx context.Context, u auth.User, sub string) error {
	err := s.db.LinkOIDCSubject(ctx, u.ID, sub, store.Actor{UserID: u.ID, Name: u.Email})
	if errors.Is(err, store.ErrConflict) {
		return refuse(http.StatusForbidden, s.ssoNoAccount(), "user %d is linked to another subject than %q", u.ID, sub)
	}
	return err
}

// ssoSignIn starts the session as a password sign-in does (a new token), and
// records how the user signed in.
func (s *Server) ssoSignIn(r *http.Request, u auth.User) error {
	if err := s.startSession(r, u); err != nil {
		return err
	}
	e := store.Actor{UserID: u.ID, Name: u.Email}.Entry("session.sign_in", "user", strconv.FormatInt(u.ID, 10))
	e.After = map[string]string{"via": "oidc"}
	if err := s.db.Audit(r.Context(), e); err != nil {
		return err
	}
	s.security(r, slog.LevelInfo, "signin_success", "user", u.Email, "via", "oidc")
	return nil
}

// ssoFailed shows the sign-in page with the refusal's message, logging its reason.
func (s *Server) ssoFailed(w http.ResponseWriter, r *http.Request, next string, e ssoRefusal) error {
	s.security(r, slog.LevelWarn, "oidc_refused", "status", e.status, "reason", e.reason)
	p := login.Page{Layout: s.page(r, "Sign in", layout.NavNone), Next: next, SSO: s.ssoName(), SSOError: e.msg}
	p.Layout.HasErrors = true
	return renderStatus(w, r, e.status, login.View(p))
}
