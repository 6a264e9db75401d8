package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestErrorAdapter: each kind of error a handler returns becomes its status, and
// only a failure is logged as one; a refusal is a security record naming the rule.
func TestErrorAdapter(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		err    error
		status int
		logged string // a record the log must hold, as "msg" or "msg|event"
	}{
		{"no error", nil, http.StatusOK, ""},
		{"bad request", errBadRequest("The year %q is not a financial year.", "x"), http.StatusBadRequest, ""},
		{"forbidden by a rule", forbiddenBy(pcnMember), http.StatusForbidden, "security|forbidden"},
		{"forbidden", fmt.Errorf("plan of U60057: %w", errForbidden), http.StatusForbidden, "security|forbidden"},
		{"not found", errNotFound, http.StatusNotFound, ""},
		{"not found, wrapped", fmt.Errorf("store: staff record 7: %w", store.ErrNotFound), http.StatusNotFound, ""},
		{"conflict", fmt.Errorf("store: site 3: %w", store.ErrConflict), http.StatusConflict, ""},
		{"problems", workforce.Problems{{Field: "fte", Message: "FTE must be a number, like 0.8"}}, http.StatusUnprocessableEntity, ""},
		{"a problem", fmt.Errorf("what-if: %w", workforce.Problem{Field: "year", Message: "Enter a year"}), http.StatusUnprocessableEntity, ""},
		{"database unreachable", fmt.Errorf("store: organisation tree: %w", io.ErrUnexpectedEOF), http.StatusServiceUnavailable, "database unreachable"},
		{"failure", errors.New("store: plan lines of U60057: syntax error"), http.StatusInternalServerError, "request failed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			logs := &logBuffer{}
			s := &Server{log: slog.New(slog.NewJSONHandler(logs, nil))}
			h := s.handle(func(http.ResponseWriter, *http.Request) error { return c.err })
			w := httptest.NewRecorder()
			r := httptest.NewRequest(http.MethodGet, "/pcns/U60057", nil)
			r = r.WithContext(context.WithValue(r.Context(), userKey{}, &auth.User{Email: "a@test.nhs.uk"}))
			h(w, r)
			if w.Code != c.status {
				t.Errorf("status %d, want %d", w.Code, c.status)
			}
			if c.status >= 400 && !strings.Contains(w.Body.String(), "<h1>") {
				t.Errorf("no error page: %q", w.Body.String())
			}
			if c.logged == "" {
				if logs.String() != "" {
					t.Errorf("logged %s", logs.String())
				}
				return
			}
			msg, event, _ := strings.Cut(c.logged, "|")
			want := map[string]string{"msg": msg, "path": "/pcns/U60057"}
			if event != "" {
				want["event"], want["user"] = event, "a@test.nhs.uk"
			}
			if !logs.has(t, want) {
				t.Errorf("no record %v in %s", want, logs.String())
			}
		})
	}
}

// TestErrorAdapterForbiddenRule: a refusal by an access rule names the rule.
func TestErrorAdapterForbiddenRule(t *testing.T) {
	t.Parallel()
	logs := &logBuffer{}
	s := &Server{log: slog.New(slog.NewJSONHandler(logs, nil))}
	w := httptest.NewRecorder()
	s.fail(w, httptest.NewRequest(http.MethodPost, "/pcns/U60057/plan", nil), forbiddenBy(pcnManager))
	if w.Code != http.StatusForbidden || !logs.has(t, map[string]string{"event": "forbidden", "rule": "pcnManager", "method": "POST"}) {
		t.Errorf("%d, logged %s", w.Code, logs.String())
	}
	if !errors.Is(forbiddenBy(pcnManager), errForbidden) {
		t.Error("a refusal by a rule is not errForbidden")
	}
}

// TestErrorAdapterCancelled: a client that went away gets nothing, and nothing is
// logged as a failure.
func TestErrorAdapterCancelled(t *testing.T) {
	t.Parallel()
	logs := &logBuffer{}
	s := &Server{log: slog.New(slog.NewJSONHandler(logs, nil))}
	w := httptest.NewRecorder()
	s.fail(w, httptest.NewRequest(http.MethodGet, "/", nil), fmt.Errorf("store: data version: %w", context.Canceled))
	if w.Body.Len() != 0 || logs.String() != "" {
		t.Errorf("answered %d %q, logged %s", w.Code, w.Body.String(), logs.String())
	}
}
