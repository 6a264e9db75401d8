package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// TestServerTimingOnlyWhenAsked: with ARRS_SERVER_TIMING the readiness check's one
// query comes back in a Server-Timing header; without it there is no header at all.
func TestServerTimingOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	_, url := dbtest.NewWithURL(t)
	db, err := store.Open(context.Background(), url, store.TraceSQL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	want := regexp.MustCompile(`^db;dur=[0-9.]+;desc="1 queries", app;dur=[0-9.]+$`)
	for _, on := range []bool{true, false} {
		s := New(db, config.Config{Dev: true, ServerTiming: on}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		ts := httptest.NewServer(s.Routes())
		res, err := http.Get(ts.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		ts.Close()
		got := res.Header.Get("Server-Timing")
		if res.StatusCode != http.StatusOK || on != (got != "") || (on && !want.MatchString(got)) {
			t.Errorf("ServerTiming %v: status %d, Server-Timing %q", on, res.StatusCode, got)
		}
	}
}
