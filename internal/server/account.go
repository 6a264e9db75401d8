package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/web/account"
	"github.com/arrs-planner/arrs/web/layout"
)

// The signed-in person's own password (OWASP ASVS 2.1.5–2.1.6): the current password
// is asked for, so that a session left open cannot be turned into a stolen account;
// the new one follows the policy; the person's other sessions end.

func (s *Server) accountPasswordForm(w http.ResponseWriter, r *http.Request) error {
	f := s.passwordForm(r)
	f.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, account.Password(f))
}

func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	f := s.passwordForm(r)
	password := form.Get("password")
	if err := auth.CheckPassword(password, auth.PasswordOwner{Email: u.Email, Name: u.Name}); err != nil {
		f.Errors["password"] = err.Error()
	}
	f.CheckConfirm(password, form.Get("confirm"))
	status, err := s.checkCurrentPassword(r, *u, form.Get("current"), f.Errors)
	if err != nil {
		return err
	}
	if status == 0 && len(f.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	if status != 0 {
		f.Layout.HasErrors = true
		return renderStatus(w, r, status, account.Password(f))
	}
	if err := s.changeOwnPassword(r, *u, password); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "Your password has been changed")
	http.Redirect(w, r, account.PasswordPath, http.StatusSeeOther)
	return nil
}

// passwordForm is the page's view model, empty.
func (s *Server) passwordForm(r *http.Request) account.PasswordForm {
	return account.PasswordForm{Layout: s.page(r, "Change your password", layout.NavNone), Email: currentUser(r).Email,
		Errors: map[string]string{}, MinPassword: auth.MinPasswordLength}
}

// checkCurrentPassword verifies the current password as a sign-in does: counted against
// the account and address throttle, in a password-checking slot. A wrong password
// (or none) puts a message in errs and answers 422; throttled, 429; busy, 503;
// right, 0.
func (s *Server) checkCurrentPassword(r *http.Request, u auth.User, current string, errs map[string]string) (int, error) {
	if current == "" {
		errs["current"] = "Enter your current password"
		return http.StatusUnprocessableEntity, nil
	}
	a, err := s.gate.Begin(r.Context(), s.clientIP(r), u.Email, s.now())
	if err != nil {
		return 0, err
	}
	if a.Throttle.Scope != "" {
		s.logThrottled(r, u.Email, a.Throttle, "password_change")
		errs["current"] = "Too many wrong passwords. Wait 15 minutes, then try again."
		return http.StatusTooManyRequests, nil
	}
	release, err := s.gate.Slot(r.Context())
	if err != nil {
		errs["current"] = "The service is busy. Try again in a minute."
		return http.StatusServiceUnavailable, nil
	}
	ok, err := auth.VerifyPassword(current, u.PasswordHash)
	release()
	if err != nil && !errors.Is(err, auth.ErrBadHash) {
		return 0, err
	}
	if !ok {
		s.logSignInFailure(r, u.Email, auth.ReasonBadPassword, "password_change")
		errs["current"] = "Your current password is not correct"
		return http.StatusUnprocessableEntity, nil
	}
	return 0, s.gate.Succeeded(r.Context(), a)
}

// changeOwnPassword stores the new hash with its audit entry, ends the person's other
// sessions and renews this one's token.
func (s *Server) changeOwnPassword(r *http.Request, u auth.User, password string) error {
	hash, err := auth.HashPassword(password, auth.DefaultParams)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := s.db.SetPassword(ctx, u.ID, hash, actorOf(r)); err != nil {
		return err
	}
	s.security(r, slog.LevelInfo, "password_changed", "user", u.Email, "by", u.Email)
	return s.endOtherSessions(ctx, u.ID)
}

// endOtherSessions signs the person out everywhere but here, and gives this session a
// new token, so that a copy of the old cookie is worthless.
func (s *Server) endOtherSessions(ctx context.Context, userID int64) error {
	if err := s.destroySessionsExcept(ctx, userID, s.sessions.Token(ctx)); err != nil {
		return err
	}
	return s.sessions.RenewToken(ctx)
}
