package server

import (
	"fmt"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
)

// serverTiming (ARRS_SERVER_TIMING=1 only) sends each response's SQL time and count and
// its time to the first byte in a Server-Timing header, for the scale benchmark to set a
// page beside its own SQL. Off, it is not in the chain at all.
func (s *Server) serverTiming(next http.Handler) http.Handler {
	if !s.cfg.ServerTiming {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, timer := store.WithSQLTimer(r.Context())
		next.ServeHTTP(&timingWriter{ResponseWriter: w, timer: timer, start: time.Now()}, r.WithContext(ctx))
	})
}

// timingWriter adds the header just before the first byte, when the page's SQL is done.
type timingWriter struct {
	http.ResponseWriter
	timer *store.SQLTimer
	start time.Time
	sent  bool
}

func (t *timingWriter) WriteHeader(code int) {
	if !t.sent {
		t.sent = true
		t.Header().Set("Server-Timing", fmt.Sprintf(`db;dur=%.1f;desc="%d queries", app;dur=%.1f`,
			ms(t.timer.Duration()), t.timer.Queries(), ms(time.Since(t.start))))
	}
	t.ResponseWriter.WriteHeader(code)
}

func (t *timingWriter) Write(b []byte) (int, error) {
	if !t.sent {
		t.WriteHeader(http.StatusOK)
	}
	return t.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flushes, deadlines).
func (t *timingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
