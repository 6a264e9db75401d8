package server

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/web/layout"
)

// While the database is unreachable the service says so, rather than failing: pages
// answer 503 with the NHS "Sorry, there is a problem with the service" page and a
// Retry-After; a posted form is shown again with what the person typed, or where that
// cannot be done, a page saying that nothing was saved. Nothing half-written is left
// behind: every write is one transaction, which a lost connection rolls back. When
// the database returns, so does the service: the pool connects again on demand.

// retryAfter is the Retry-After of a 503, in seconds: about a failover's length.
const retryAfter = 30

// nothingSaved tells a person who posted a form during an outage what happened.
const nothingSaved = "Nothing was saved: the service could not reach its database. Try again later."

// unavailable answers a request that failed because the database is unreachable, and
// logs it as a structured record.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Warn("database unreachable", "method", r.Method, "path", redactPath(r.URL.Path), "err", err)
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodPost {
		s.renderError(w, r, http.StatusServiceUnavailable, "")
		return
	}
	if page, ok := s.unsavedForm(r); ok {
		if err := renderStatus(w, r, http.StatusServiceUnavailable, page); err != nil {
			s.log.Error("rendering an unsaved form", "path", redactPath(r.URL.Path), "err", err)
		}
		return
	}
	s.renderError(w, r, http.StatusServiceUnavailable, "Nothing was saved: the service could not reach its database.")
}

// unsavedForm is the form of the posted route shown again with the posted values and
// the nothing-saved banner, built without the database (from what the server last
// read), or false where the route has no such form or the server has not read
// enough yet.
func (s *Server) unsavedForm(r *http.Request) (templ.Component, bool) {
	rc := chi.RouteContext(r.Context())
	if rc == nil {
		return nil, false
	}
	switch rc.RoutePattern() {
	case "/pcns/{code}/staff/new", "/pcns/{code}/staff/{id}":
		return s.staffUnsaved(r)
	}
	return nil, false
}

// sessionError is the session manager's ErrorFunc: scs calls it when it cannot load
// or save a session. It is answered as a handler's error is (fail): out of reach a 503
// like any other page, anything else a logged 500; both structured records, never the
// session library's own log line.
func (s *Server) sessionError(w http.ResponseWriter, r *http.Request, err error) {
	s.fail(w, r, fmt.Errorf("session store: %w", err))
}

// withUnsaved marks a form's page as holding input that was not saved.
func withUnsaved(p layout.PageParams) layout.PageParams {
	p.Unsaved = nothingSaved
	return p
}
