package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/a-h/templ"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/layout"
)

// handlerFunc is a handler that returns its error for handle to answer.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// badRequest is a request whose query or form is wrong in a way the user can fix.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// errBadRequest builds a 400 with a message for the person.
func errBadRequest(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// errNotFound is a 404 for an unknown code or record.
var errNotFound = store.ErrNotFound

// handle adapts a handlerFunc, the one place where errors become responses: 400 and
// 404 pages for what the user asked, 503 while the database is unreachable (the form
// shown again where there is one, see outage.go), a logged 500 with a friendly page
// for the rest.
// No stack trace or internal message ever reaches the browser.
func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var bad badRequest
		switch {
		case errors.As(err, &bad):
			s.renderError(w, r, http.StatusBadRequest, bad.msg)
		case errors.Is(err, store.ErrNotFound):
			s.renderError(w, r, http.StatusNotFound, "")
		case errors.Is(err, context.Canceled):
			// The client went away; nobody to answer.
		case store.IsUnavailable(err):
			s.unavailable(w, r, err)
		default:
			s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			s.renderError(w, r, http.StatusInternalServerError, "")
		}
	}
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
