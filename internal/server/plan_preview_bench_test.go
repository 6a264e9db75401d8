package server

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkPlanPreview is POST /pcns/{code}/plan/preview, what the editor asks for as a
// manager types, on the whole November 2025 workforce (benchServer), through the router:
// warm (the gap report and the official money cached for the data version, as between
// saves: every keystroke's case) and cold (the data version bumped before each request).
// The form is a year of the grid with cells on every stream.
func BenchmarkPlanPreview(b *testing.B) {
	s := benchServer(b)
	h := s.Routes()
	fields := map[string]string{"plan": "0", "version": "0", "year": "2026", "base": "",
		"s-clinical_pharmacist-2026-1": "2", "c-clinical_pharmacist-2026-1": "55000",
		"s-paramedic-2026-3": "1", "l-care_coordinator-2026-2": "0.5",
		"s-gp-2026-2": "1", "s-gp-2026-2-practice_gp": "1", "c-gp-2026-2-practice_gp": "120000",
		"s-dietitian-2026-1-other": "1"}
	post := func(b *testing.B) {
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		for k, v := range fields {
			if err := w.WriteField(k, v); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/pcns/U60057/plan/preview", &body)
		req.Header.Set("Content-Type", w.FormDataContentType())
		req = req.WithContext(context.WithValue(req.Context(), userKey{}, benchAdmin))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("preview: %d %.300s", rec.Code, rec.Body)
		}
	}
	benchWarmCold(b, post)
}
