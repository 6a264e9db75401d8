package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
)

// The benchmarks of finding a place (issue 13): the header's search, the lists of
// PCNs and ICBs and a practice's page, on the reference data `make run` seeds (6,200
// practices with their lists, 1,297 PCNs, the 36 ICBs of April 2026 and those
// dissolved), through the router, beside a floor measured in the same run: /healthz,
// the router and middleware with no work. Report each page's median and its ratio
// to the floor (README, "Benchmarks").

var (
	findingOnce sync.Once
	findingDB   *store.DB
	findingErr  error
)

func findingServer(b *testing.B) *Server {
	b.Helper()
	findingOnce.Do(func() {
		db := dbtest.New(&onceB{B: b})
		_, findingErr = ingest.Reference(context.Background(), db, store.Actor{Name: "bench"})
		findingDB = db
	})
	if findingErr != nil {
		b.Fatal(findingErr)
	}
	s := New(findingDB, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return fixedNow }
	return s
}

func BenchmarkFindingPages(b *testing.B) {
	s := findingServer(b)
	h := s.Routes()
	var practice string
	if err := findingDB.QueryRowForTest(context.Background(), `
		SELECT min(practice_code) FROM practice_spans WHERE pcn_code = 'U60057'`, &practice); err != nil {
		b.Fatal(err)
	}
	for _, path := range []string{"/healthz", "/search?q=Shrewsbury", "/search?q=QOC", "/search?q=surgery",
		"/pcns", "/pcns?icb=QOC", "/icbs", "/practices/" + practice} {
		b.Run(path, func(b *testing.B) {
			get := func() {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req = req.WithContext(context.WithValue(req.Context(), userKey{}, benchAdmin))
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", path, rec.Code)
				}
			}
			get() // the tree cached, as between imports
			for b.Loop() {
				get()
			}
		})
	}
}
