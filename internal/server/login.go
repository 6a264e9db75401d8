package server

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/login"
)

// signInFailed is the one message for every failure, so that it never tells which
// of email or password was wrong, or whether an account exists.
const signInFailed = "Enter a correct email address and password"

// page builds the layout parameters every page shares, with the signed-in user.
func (s *Server) page(r *http.Request, title string, nav layout.Nav) layout.PageParams {
	p := layout.PageParams{Title: title, Nav: nav, Path: r.URL.Path}
	if u := currentUser(r); u != nil {
		p.User = u.Name
		if u.IsAdmin() || u.Has(auth.ICBLead) {
			p.Extra = append(p.Extra, layout.ExtraNav{Text: "Audit", Href: "/audit"})
		}
		if u.IsAdmin() {
			p.Extra = append(p.Extra, layout.ExtraNav{Text: "Users", Href: "/admin/users"}, layout.ExtraNav{Text: "Targets", Href: "/admin/targets"},
				layout.ExtraNav{Text: "Caps", Href: "/admin/caps"})
		}
	}
	return p
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if currentUser(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	p := login.Page{Layout: s.page(r, "Sign in", layout.NavNone), Next: safeNext(r.URL.Query().Get("next")),
		Notice: signInNotice(r), SSO: s.ssoName()}
	return render(w, r, login.View(p))
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	p := login.Page{Layout: s.page(r, "Sign in", layout.NavNone), Email: form.Get("email"), Next: safeNext(form.Get("next")), SSO: s.ssoName()}
	email, emailErr := auth.NormaliseEmail(p.Email)
	if len(p.Email) > workforce.MaxEmailLength {
		p.Email, emailErr = clip(p.Email, workforce.MaxEmailLength), errSignInTooLong
	}
	password := form.Get("password")
	if len(password) > maxSignInPasswordBytes {
		// No password this long can have been set: refused like a wrong one, unhashed.
		password, emailErr = "", errSignInTooLong
	}
	ipKey, accountKey := "ip:"+s.clientIP(r), ""
	if emailErr == nil {
		accountKey = "account:" + email
	}
	// The attempt is counted before the password is checked, so that parallel guesses
	// cannot all slip under the limit; a successful sign-in takes its own back.
	at, err := s.db.RecordLoginAttempt(r.Context(), nonEmpty(ipKey, accountKey)...)
	if err != nil {
		return err
	}
	if scope, n, err := s.throttled(r, ipKey, accountKey); err != nil {
		return err
	} else if scope != "" {
		s.logThrottled(r, logEmail(p.Email, email), scope, n, "password")
		p.Error = "Too many attempts to sign in. Wait 15 minutes, then try again."
		p.Layout.HasErrors = true
		return renderStatus(w, r, http.StatusTooManyRequests, login.View(p))
	}
	release, err := s.verifySlot(r)
	if err != nil {
		s.logSignInFailure(r, logEmail(p.Email, email), "busy", "password")
		p.Error, p.Layout.HasErrors = "The service is busy. Try again in a minute.", true
		return renderStatus(w, r, http.StatusServiceUnavailable, login.View(p))
	}
	u, reason, err := s.checkPassword(r, email, emailErr, password)
	release()
	if err != nil {
		return err
	}
	if reason != "" {
		s.logSignInFailure(r, logEmail(p.Email, email), reason, "password")
		p.Error, p.Layout.HasErrors = signInFailed, true
		return renderStatus(w, r, http.StatusUnprocessableEntity, login.View(p))
	}
	if err := s.db.ForgetLoginAttempts(r.Context(), ipKey, accountKey, at); err != nil {
		return err
	}
	if err := s.signIn(r, u); err != nil {
		return err
	}
	s.security(r, slog.LevelInfo, "signin_success", "user", u.Email, "via", "password")
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// The reasons a password sign-in fails, for the security log only: the person is
// always told the one signInFailed.
const (
	reasonBadEmail    = "malformed_email"
	reasonTooLong     = "too_long"
	reasonUnknown     = "unknown_account"
	reasonInactive    = "inactive_account"
	reasonSSOOnly     = "no_password_set"
	reasonBadPassword = "bad_password"
	reasonThrottled   = "throttled"
)

// maxSignInPasswordBytes bounds the password a sign-in hashes: the policy allows 64
// characters (at most 256 bytes of UTF-8); older passwords get room to spare.
const maxSignInPasswordBytes = 1024

// errSignInTooLong marks a sign-in whose email or password is longer than any account's.
var errSignInTooLong = errors.New("email or password longer than any account's")

// clip cuts s to at most n bytes, at a character boundary.
func clip(s string, n int) string {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:min(n, len(s))]
}

// checkPassword verifies the password, spending the same time whether or not the
// account exists; the reason is empty when it matched.
func (s *Server) checkPassword(r *http.Request, email string, emailErr error, password string) (auth.User, string, error) {
	if emailErr != nil {
		auth.VerifyNothing(password)
		if errors.Is(emailErr, errSignInTooLong) {
			return auth.User{}, reasonTooLong, nil
		}
		return auth.User{}, reasonBadEmail, nil
	}
	u, err := s.db.UserByEmail(r.Context(), email)
	switch {
	case errors.Is(err, store.ErrNotFound):
		auth.VerifyNothing(password)
		return u, reasonUnknown, nil
	case err != nil:
		return u, "", err
	case !u.Active:
		auth.VerifyNothing(password)
		return u, reasonInactive, nil
	case u.PasswordHash == "":
		auth.VerifyNothing(password)
		return u, reasonSSOOnly, nil
	}
	ok, err := auth.VerifyPassword(password, u.PasswordHash)
	if err != nil || ok {
		return u, "", err
	}
	return u, reasonBadPassword, nil
}

// logEmail is the account a sign-in names, for the log: normalised when it is an
// email address, else what was typed (already clipped to workforce.MaxEmailLength bytes).
func logEmail(typed, normalised string) string {
	if normalised != "" {
		return normalised
	}
	return typed
}

// logSignInFailure records a failed sign-in (or current-password check) in the
// security log: the account named and why, never the password.
func (s *Server) logSignInFailure(r *http.Request, email, reason, via string) {
	s.security(r, slog.LevelWarn, "signin_failure", "user", email, "reason", reason, "via", via)
}

// logThrottled records an attempt refused by the throttle, and the lockout itself
// when this attempt is the one that engaged it.
func (s *Server) logThrottled(r *http.Request, email, scope string, failures int, via string) {
	s.logSignInFailure(r, email, reasonThrottled, via)
	if failures == auth.ThrottleLimit(scope)+1 {
		s.security(r, slog.LevelWarn, "lockout", "scope", scope, "user", email, "failures", failures, "window", auth.ThrottleWindow.String())
	}
}

// signIn starts the session and records the sign-in in the audit trail.
func (s *Server) signIn(r *http.Request, u auth.User) error {
	if err := s.startSession(r, u); err != nil {
		return err
	}
	return s.db.Audit(r.Context(), store.AuditEntry{UserID: u.ID, Actor: u.Email, Action: "session.sign_in", Entity: "user", EntityID: strconv.FormatInt(u.ID, 10)})
}

// throttled reports whether this attempt (already recorded) is one too many
// (auth.Throttled): the throttle that engaged ("" for none) and its count of attempts.
// accountKey is "" when the email is malformed.
func (s *Server) throttled(r *http.Request, ipKey, accountKey string) (string, int, error) {
	since := s.now().Add(-auth.ThrottleWindow)
	account := 0
	if accountKey != "" {
		var err error
		if account, err = s.db.LoginFailures(r.Context(), accountKey, since); err != nil {
			return "", 0, err
		}
	}
	ip, err := s.db.LoginFailures(r.Context(), ipKey, since)
	if err != nil {
		return "", 0, err
	}
	switch scope := auth.Throttled(account, ip); scope {
	case auth.ThrottleAccount:
		return scope, account, nil
	case auth.ThrottleIP:
		return scope, ip, nil
	}
	return "", 0, nil
}

// verifySlots bounds concurrent password checks: each argon2id verification holds
// 64 MiB, so a burst of sign-ins must queue rather than exhaust memory.
const verifySlots = 4

// verifySlot waits (up to 5 seconds) for a password-checking slot.
func (s *Server) verifySlot(r *http.Request) (release func(), err error) {
	t := time.NewTimer(5 * time.Second)
	defer t.Stop()
	select {
	case s.verifying <- struct{}{}:
		return func() { <-s.verifying }, nil
	case <-t.C:
		return nil, errors.New("too many sign-ins at once")
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}

func nonEmpty(keys ...string) []string {
	var out []string
	for _, k := range keys {
		if k != "" {
			out = append(out, k)
		}
	}
	return out
}

// clientIP is the address sign-in throttling counts against: the peer's, or behind a
// trusted proxy (ARRS_PROXY_HEADER, e.g. X-Forwarded-For) the right-most address the
// proxy appended, which a client cannot forge.
func (s *Server) clientIP(r *http.Request) string {
	if h := s.cfg.ProxyHeader; h != "" {
		if v := r.Header.Values(h); len(v) > 0 {
			parts := strings.Split(v[len(v)-1], ",")
			if ip := strings.TrimSpace(parts[len(parts)-1]); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if u := currentUser(r); u != nil {
		e := store.Actor{UserID: u.ID, Name: u.Email}.Entry("session.sign_out", "user", strconv.FormatInt(u.ID, 10))
		if err := s.db.Audit(r.Context(), e); err != nil {
			return err
		}
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

func (s *Server) accessibility(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, login.Accessibility(s.page(r, "Accessibility statement", layout.NavNone)))
}
