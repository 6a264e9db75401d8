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
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The gap page's benchmarks, on the whole of England (1,297 PCNs, the real Nov 2025
// workforce): the page through the router with a warm cache (the common case: data
// changes with imports, not between requests) and a cold one (the data version bumped
// before each request, so it gathers and computes again), and gaps.Compute alone, the
// SQL that gathers the inputs plus the planning sums. cold ÷ gather is the share of a
// cold page spent outside the computation; warm is what a page costs between imports.

var (
	benchOnce sync.Once
	benchDB   *store.DB
	benchErr  error
)

// onceB keeps the benchmarks' database until the package is done, like onceTB.
type onceB struct{ *testing.B }

func (o *onceB) Cleanup(f func()) { sharedCleanups = append(sharedCleanups, f) }

func benchServer(b *testing.B) *Server {
	b.Helper()
	benchOnce.Do(func() {
		db := dbtest.New(&onceB{B: b})
		f, err := refdata.Open(refdata.DemoWorkforceFile)
		if err != nil {
			benchErr = err
			return
		}
		defer f.Close()
		_, benchErr = ingest.NWRS(context.Background(), db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "bench"}, nil, time.Now())
		benchDB = db
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	s := New(benchDB, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return fixedNow }
	return s
}

func BenchmarkGapPage(b *testing.B) {
	s := benchServer(b)
	h := s.Routes()
	get := func(b *testing.B) {
		req := httptest.NewRequest(http.MethodGet, "/gaps", nil)
		req = req.WithContext(context.WithValue(req.Context(), userKey{}, gapReader))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("/gaps: %d", rec.Code)
		}
	}
	b.Run("warm", func(b *testing.B) {
		get(b)
		for b.Loop() {
			get(b)
		}
	})
	b.Run("cold", func(b *testing.B) {
		ctx := context.Background()
		var v int64
		for b.Loop() {
			b.StopTimer()
			if err := benchDB.QueryRowForTest(ctx, `UPDATE data_version SET version = version + 1 RETURNING version`, &v); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			get(b)
		}
	})
}

func BenchmarkGapGather(b *testing.B) {
	s := benchServer(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := gaps.Compute(ctx, s.db, gaps.Options{Today: workforce.Today(fixedNow)}); err != nil {
			b.Fatal(err)
		}
	}
}
