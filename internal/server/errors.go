package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
)

// handlerFunc is a handler that returns its error for handle to answer.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// badRequest is a request whose query or form is wrong in a way the user can fix.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// errBadRequest builds a 400 with a message for the person.
func errBadRequest(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// errNotFound is a 404 for an unknown code or record. Only an absence is not found:
// a failed read is its own error, a 500 or 503, never this.
var errNotFound = store.ErrNotFound

// forbidden refuses a signed-in user something outside their grants; rule names the
// access rule that refused, for the security log, when there is one.
type forbidden struct{ rule string }

func (e *forbidden) Error() string { return "forbidden by the rule " + e.rule }

// Is makes every refusal errForbidden, whichever rule it names.
func (e *forbidden) Is(target error) bool { return target == errForbidden }

// errForbidden is a 403, logged as the security event "forbidden".
var errForbidden error = &forbidden{}

// forbiddenBy is errForbidden naming the rule that refused.
func forbiddenBy(a access) error { return &forbidden{rule: a.String()} }

// conflictMessage is the 409 page's message where no form can be shown again with
// the saved values beside the person's.
const conflictMessage = "Someone else changed this while you were working on it, so nothing was saved. Go back, reload the page to see their change, and try again."

// handle adapts a handlerFunc to net/http: its error is answered by fail.
func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// fail is the one place where errors become responses: 400, 403, 404, 409 and 422
// pages for what the user asked (a form that can be shown again with its messages is
// shown by its handler, never here), 503 while the database is unreachable (the form
// shown again where there is one, see outage.go), a logged 500 with a friendly page
// for the rest. No stack trace or internal message ever reaches the browser.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bad badRequest
	var refused *forbidden
	var problems workforce.Problems
	var problem workforce.Problem
	switch {
	case errors.As(err, &bad):
		s.renderError(w, r, http.StatusBadRequest, bad.msg)
	case errors.As(err, &refused):
		s.logForbidden(r, refused.rule)
		s.renderError(w, r, http.StatusForbidden, "")
	case errors.Is(err, store.ErrNotFound):
		s.renderError(w, r, http.StatusNotFound, "")
	case errors.Is(err, store.ErrConflict):
		s.renderError(w, r, http.StatusConflict, conflictMessage)
	case errors.As(err, &problems):
		s.renderError(w, r, http.StatusUnprocessableEntity, problems.Error())
	case errors.As(err, &problem):
		s.renderError(w, r, http.StatusUnprocessableEntity, problem.Message)
	case errors.Is(err, context.Canceled):
		// The client went away; nobody to answer.
	case store.IsUnavailable(err):
		s.unavailable(w, r, err)
	default:
		s.log.Error("request failed", "method", r.Method, "path", redactPath(r.URL.Path), "err", err)
		s.renderError(w, r, http.StatusInternalServerError, "")
	}
}

// logForbidden writes the security record of a 403: who, what, and by which rule.
func (s *Server) logForbidden(r *http.Request, rule string) {
	who := ""
	if u := currentUser(r); u != nil {
		who = u.Email
	}
	kv := []any{"user", who, "method", r.Method, "path", r.URL.Path}
	if rule != "" {
		kv = append(kv, "rule", rule)
	}
	s.security(r, slog.LevelWarn, "forbidden", kv...)
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := layout.ErrorPage(status, "", msg).Render(r.Context(), w); err != nil {
		s.log.Error("rendering error page", "err", err)
	}
}

// render writes a templ component as a 200 page.
func render(w http.ResponseWriter, r *http.Request, c templ.Component) error {
	return renderStatus(w, r, http.StatusOK, c)
}

func renderStatus(w http.ResponseWriter, r *http.Request, status int, c templ.Component) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	return c.Render(r.Context(), w)
}
