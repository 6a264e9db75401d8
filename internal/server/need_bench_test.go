package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The benchmark of England's page of staffing against need on the whole November 2025
// workforce (1,297 PCNs), through the router: warm (the need report cached for the data
// version, as between imports: what is left is laying out and drawing every PCN) and
// cold (the data version bumped before each request, so need and the report are worked
// out again). It reports the page's size, which the funnel's compact points keep under
// 250 KB.
//
//	go test -run '^$' -bench NeedPage -benchtime 20x ./internal/server/
func BenchmarkNeedPage(b *testing.B) {
	s := benchServer(b)
	h := s.Routes()
	size := 0
	get := func(b *testing.B) {
		req := httptest.NewRequest(http.MethodGet, "/need", nil)
		req = req.WithContext(context.WithValue(req.Context(), userKey{}, benchAdmin))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("/need: %d", rec.Code)
		}
		size = rec.Body.Len()
	}
	benchWarmCold(b, func(b *testing.B) {
		get(b)
		b.ReportMetric(float64(size)/1024, "KB")
	})
}
