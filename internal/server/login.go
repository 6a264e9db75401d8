package server

import (
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	integrationweb "github.com/arrs-planner/arrs/web/integration"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/login"
)

// page builds the layout parameters every page shares, with the signed-in user.
func (s *Server) page(r *http.Request, title string, nav layout.Nav) layout.PageParams {
	p := layout.PageParams{Title: title, Nav: nav, Path: r.URL.Path}
	if u := currentUser(r); u != nil {
		p.User = u.Name
		p.Notices = accessNotices(u)
		if home, ok := homeNav(u); ok {
			p.Extra = append(p.Extra, home)
		}
		if u.CanAudit() {
			p.Extra = append(p.Extra, layout.ExtraNav{Text: "Audit", Href: "/audit"})
		}
		if u.IsAdmin() {
			p.Extra = append(p.Extra, layout.ExtraNav{Text: "Users", Href: "/admin/users"}, layout.ExtraNav{Text: "Targets", Href: "/admin/targets"},
				layout.ExtraNav{Text: "Caps", Href: "/admin/caps"}, layout.ExtraNav{Text: "Rates", Href: "/admin/rates"},
				layout.ExtraNav{Text: "Services", Href: integrationweb.ServicesHref})
		}
	}
	return p
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if u := currentUser(r); u != nil {
		http.Redirect(w, r, landing(r.URL.Query().Get("next"), u), http.StatusSeeOther)
		return nil
	}
	p := login.Page{Layout: s.page(r, "Sign in", layout.NavNone), Next: safeNext(r.URL.Query().Get("next")),
		Notice: signInNotice(r), SSO: s.sso.Name()}
	return render(w, r, login.View(p))
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	p := login.Page{Layout: s.page(r, "Sign in", layout.NavNone), Next: safeNext(form.Get("next")), SSO: s.sso.Name()}
	c := auth.Credentials{Email: form.Get("email"), Password: form.Get("password"), IP: s.clientIP(r)}
	res, err := s.gate.SignIn(r.Context(), s.db.Accounts(), c, s.now())
	if err != nil {
		return err
	}
	if res.Refused == "" {
		if err := s.signIn(r, res.User); err != nil {
			return err
		}
		s.security(r, slog.LevelInfo, "signin_success", "user", res.User.Email, "via", "password")
		http.Redirect(w, r, landing(p.Next, &res.User), http.StatusSeeOther)
		return nil
	}
	p.Email, p.Layout.HasErrors = res.Email, true
	switch res.Refused {
	case auth.ReasonThrottled:
		s.logThrottled(r, res.Account, res.Throttle, "password")
		p.Error = "Too many attempts to sign in. Wait 15 minutes, then try again."
		return renderStatus(w, r, http.StatusTooManyRequests, login.View(p))
	case auth.ReasonBusy:
		s.logSignInFailure(r, res.Account, auth.ReasonBusy, "password")
		p.Error = "The service is busy. Try again in a minute."
		return renderStatus(w, r, http.StatusServiceUnavailable, login.View(p))
	}
	s.logSignInFailure(r, res.Account, res.Refused, "password")
	p.Error = auth.SignInFailed
	return renderStatus(w, r, http.StatusUnprocessableEntity, login.View(p))
}

// logSignInFailure records a failed sign-in (or current-password check) in the
// security log: the account named and why, never the password.
func (s *Server) logSignInFailure(r *http.Request, email, reason, via string) {
	s.security(r, slog.LevelWarn, "signin_failure", "user", email, "reason", reason, "via", via)
}

// logThrottled records an attempt refused by the throttle, and the lockout itself
// when this attempt is the one that engaged it.
func (s *Server) logThrottled(r *http.Request, email string, t auth.Throttle, via string) {
	s.logSignInFailure(r, email, auth.ReasonThrottled, via)
	if t.Lockout() {
		s.security(r, slog.LevelWarn, "lockout", "scope", t.Scope, "user", email, "failures", t.Count, "window", auth.ThrottleWindow.String())
	}
}

// signIn starts the session and records the sign-in in the audit trail.
func (s *Server) signIn(r *http.Request, u auth.User) error {
	if err := s.startSession(r, u); err != nil {
		return err
	}
	return s.db.Audit(r.Context(), store.AuditEntry{UserID: u.ID, Actor: u.Email, Action: "session.sign_in", Entity: "user", EntityID: strconv.FormatInt(u.ID, 10)})
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
