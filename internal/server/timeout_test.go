package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/alexedwards/scs/v2/memstore"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// The idle (30 minutes) and absolute (12 hours) timeouts, on a fake clock. The session
// store here is scs's in-memory one, whose expiry uses the same fake clock; Postgres's
// store compares expiry with the database's real clock, which a test cannot move.
// Everything else (the middleware that enforces both limits) is the production code.
func TestSessionTimeouts(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	warm(t, db)
	// Built outside the bubble: its session store's cleanup goroutines belong there.
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	synctest.Test(t, func(t *testing.T) {
		s.sessions.Store = memstore.NewWithCleanupInterval(0)
		h := s.Routes()
		cookie := fakeSignIn(t, h)
		at := func(d time.Duration) int {
			time.Sleep(d)
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", "/imports", nil)
			req.AddCookie(cookie)
			h.ServeHTTP(rec, req)
			return rec.Code
		}
		if got := at(29 * time.Minute); got != 200 {
			t.Fatalf("after 29 idle minutes: %d, want 200", got)
		}
		if got := at(29 * time.Minute); got != 200 {
			t.Fatalf("29 minutes after the last request: %d, want 200 (the idle clock restarts at each request)", got)
		}
		if got := at(31 * time.Minute); got != http.StatusSeeOther {
			t.Fatalf("after 31 idle minutes: %d, want the sign-in redirect", got)
		}

		cookie = fakeSignIn(t, h)
		for elapsed := time.Duration(0); elapsed < 11*time.Hour+40*time.Minute; elapsed += 20 * time.Minute {
			if got := at(20 * time.Minute); got != 200 {
				t.Fatalf("active use, %s after sign-in: %d", elapsed+20*time.Minute, got)
			}
		}
		if got := at(20 * time.Minute); got != http.StatusSeeOther {
			t.Fatalf("12 hours after sign-in, however active: %d, want the sign-in redirect", got)
		}
	})
}

func fakeSignIn(t *testing.T, h http.Handler) *http.Cookie {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"email": {"manager@test.nhs.uk"}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("sign in: %d", rec.Code)
	}
	for _, c := range rec.Result().Cookies() {
		if c.Name == "session" {
			return c
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// warm opens the pool's connections before a synctest bubble, so that none is dialled
// (with background goroutines) from inside it.
func warm(t *testing.T, db interface{ Ping(context.Context) error }) {
	t.Helper()
	for range 4 {
		if err := db.Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}
