package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/login"
)

// Single sign-on's HTTP side: auth.OIDC is the relying party; these handlers keep its
// flow in the session, in Postgres, so that any instance can finish a flow another
// one started.

// Session keys of a single sign-on in progress (auth.OIDCFlow, and where to go after).
const (
	keySSOState    = "sso_state"
	keySSONonce    = "sso_nonce"
	keySSOVerifier = "sso_verifier"
	keySSONext     = "sso_next"
	keySSOStarted  = "sso_started" // unix seconds
)

// ssoStatus answers each kind of refused single sign-on.
var ssoStatus = map[auth.OIDCRefusalKind]int{
	auth.OIDCBadCallback: http.StatusBadRequest,
	auth.OIDCRefused:     http.StatusForbidden,
	auth.OIDCDown:        http.StatusServiceUnavailable,
}

// ssoStart sends the browser to the provider.
func (s *Server) ssoStart(w http.ResponseWriter, r *http.Request) error {
	if s.sso == nil {
		return errNotFound
	}
	next := safeNext(r.URL.Query().Get("next"))
	if u := currentUser(r); u != nil {
		http.Redirect(w, r, landing(next, u), http.StatusSeeOther)
		return nil
	}
	to, f, err := s.sso.Start(r.Context(), s.now())
	var refused auth.OIDCRefusal
	if errors.As(err, &refused) {
		return s.ssoFailed(w, r, next, refused)
	}
	if err != nil {
		return err
	}
	ctx := r.Context()
	s.sessions.Put(ctx, keySSOState, f.State)
	s.sessions.Put(ctx, keySSONonce, f.Nonce)
	s.sessions.Put(ctx, keySSOVerifier, f.Verifier)
	s.sessions.Put(ctx, keySSONext, next)
	s.sessions.Put(ctx, keySSOStarted, f.Started.Unix())
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// popFlow takes the flow out of the session, so that a callback is used once only.
func (s *Server) popFlow(ctx context.Context) (auth.OIDCFlow, string) {
	started, _ := s.sessions.Pop(ctx, keySSOStarted).(int64)
	return auth.OIDCFlow{
		State:    s.sessions.PopString(ctx, keySSOState),
		Nonce:    s.sessions.PopString(ctx, keySSONonce),
		Verifier: s.sessions.PopString(ctx, keySSOVerifier),
		Started:  time.Unix(started, 0),
	}, safeNext(s.sessions.PopString(ctx, keySSONext))
}

// ssoCallback finishes the flow: the provider sends the browser back here with a
// code, which auth.OIDC exchanges for the account it signs in.
func (s *Server) ssoCallback(w http.ResponseWriter, r *http.Request) error {
	if s.sso == nil {
		return errNotFound
	}
	f, next := s.popFlow(r.Context())
	q := r.URL.Query()
	cb := auth.OIDCCallback{Code: q.Get("code"), State: q.Get("state"), Error: q.Get("error"), ErrorDescription: q.Get("error_description")}
	u, err := s.sso.Finish(r.Context(), s.db.Accounts(), f, cb, s.now())
	var refused auth.OIDCRefusal
	if errors.As(err, &refused) {
		return s.ssoFailed(w, r, next, refused)
	}
	if err != nil {
		return err
	}
	if err := s.ssoSignIn(r, u); err != nil {
		return err
	}
	http.Redirect(w, r, landing(next, &u), http.StatusSeeOther)
	return nil
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
func (s *Server) ssoFailed(w http.ResponseWriter, r *http.Request, next string, e auth.OIDCRefusal) error {
	status := ssoStatus[e.Kind]
	s.security(r, slog.LevelWarn, "oidc_refused", "status", status, "reason", e.Reason)
	p := login.Page{Layout: s.page(r, "Sign in", layout.NavNone), Next: next, SSO: s.sso.Name(), SSOError: e.Message}
	p.Layout.HasErrors = true
	return renderStatus(w, r, status, login.View(p))
}
