package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// The benchmark of issue 14's money pages under load: the funding page and the cash
// flow of the largest PCN (by staff records) on the whole November 2025 workforce,
// through the router, 20 concurrent clients, nothing cached between requests (both
// pages work their figures out afresh each time; the tree and the roles are cached, as
// between imports, by a first round not measured). Each sub-benchmark's round sends
// cashClients × cashPerClient requests; it reports the latencies' p50 and p95, and
// their ratio to the floor measured first in the same run: /healthz, the router and
// middleware with no work. "funding" alone is today's funding page, the reference the
// issue holds the others to (p95 within 1.5× of it): x-funding-p95.
//
//	go test -run '^$' -bench CashflowLoad -benchtime 3x -count 3 ./internal/server/
const (
	cashClients   = 20
	cashPerClient = 5
)

func BenchmarkCashflowLoad(b *testing.B) {
	s := benchServer(b)
	h := s.Routes()
	var pcn string
	if err := benchDB.QueryRowForTest(context.Background(), `
		SELECT pcn_code FROM staff GROUP BY pcn_code ORDER BY count(*) DESC, pcn_code LIMIT 1`, &pcn); err != nil {
		b.Fatal(err)
	}
	funding, cashflow := "/pcns/"+pcn+"/funding", "/pcns/"+pcn+"/cashflow"
	var floor, reference time.Duration
	for _, run := range []struct {
		name  string
		paths []string
	}{
		{"healthz", []string{"/healthz"}},
		{"funding", []string{funding}},
		{"cashflow", []string{cashflow}},
		{"funding+cashflow", []string{funding, cashflow}},
	} {
		b.Run(run.name, func(b *testing.B) {
			loadRound(b, h, run.paths) // caches of the tree and roles filled, as between imports
			var lat []time.Duration
			for b.Loop() {
				lat = append(lat, loadRound(b, h, run.paths)...)
			}
			p50, p95 := percentile(lat, 50), percentile(lat, 95)
			b.ReportMetric(float64(p50)/1e6, "p50-ms")
			b.ReportMetric(float64(p95)/1e6, "p95-ms")
			switch run.name {
			case "healthz":
				floor = p95
			case "funding":
				reference = p95
			}
			if floor > 0 {
				b.ReportMetric(float64(p95)/float64(floor), "x-floor-p95")
			}
			if reference > 0 && run.name != "funding" {
				b.ReportMetric(float64(p95)/float64(reference), "x-funding-p95")
			}
		})
	}
}

// loadRound sends cashPerClient requests from each of cashClients concurrent clients,
// each client taking the paths in turn, and returns every request's latency.
func loadRound(b *testing.B, h http.Handler, paths []string) []time.Duration {
	var wg sync.WaitGroup
	lat := make([]time.Duration, cashClients*cashPerClient)
	errs := make(chan error, cashClients)
	for c := range cashClients {
		wg.Go(func() {
			for i := range cashPerClient {
				path := paths[(c+i)%len(paths)]
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req = req.WithContext(context.WithValue(req.Context(), userKey{}, benchAdmin))
				rec := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(rec, req)
				lat[c*cashPerClient+i] = time.Since(start)
				if rec.Code != http.StatusOK {
					errs <- fmt.Errorf("%s: %d", path, rec.Code)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	return lat
}

// percentile is the p-th percentile of the latencies (nearest rank).
func percentile(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100
	return s[max(rank, 1)-1]
}
