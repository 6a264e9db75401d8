package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
)

// recoverer turns a panic into a logged 500 page instead of a dropped connection.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", redactPath(r.URL.Path), "panic", v)
				s.renderError(w, r, http.StatusInternalServerError, "")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// accessLog logs one line per request, its path without a pulse link's token
// (redactPath).
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.log.Debug("request", "method", r.Method, "path", redactPath(r.URL.Path), "status", rec.status, "ms", time.Since(start).Milliseconds())
	})
}

// securityHeaders sets the headers every response carries. The policy allows no
// inline script but the NHS page template's one line, by its hash.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	csp := "default-src 'self'; script-src 'self' " + layout.BodyScriptCSPHash +
		"; style-src 'self'; img-src 'self' data:; font-src 'self' https://assets.nhs.uk; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		// Outside development the service is served over TLS, often ended at a proxy in
		// front of it, so HSTS goes out whether or not this hop was TLS.
		if r.TLS != nil || !s.cfg.Dev {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// crossOrigin refuses state-changing requests from other origins (CSRF), judged by
// the browser's Sec-Fetch-Site and Origin headers (Go's http.CrossOriginProtection):
// every change in the app is a POST from its own forms. A refusal is a security
// record (the session is not read yet, so it names no user).
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.security(r, slog.LevelWarn, "cross_origin_refused", "method", r.Method, "path", redactPath(r.URL.Path),
			"origin", workforce.Clip(r.Header.Get("Origin"), 200), "sec_fetch_site", workforce.Clip(r.Header.Get("Sec-Fetch-Site"), 40))
		s.renderError(w, r, http.StatusForbidden, "This form was sent from another website, so it was not accepted.")
	}))
	return cop.Handler(next)
}

// maxFormBytes bounds a posted form (not a file upload, which has its own limits): the
// largest form, a full plan grid of 23 roles × 12 quarters × 3 figures, is about 100 KB.
// Go's own default is 10 MB, which a sign-in form would otherwise echo back.
const maxFormBytes = 1 << 20

// cleanInput refuses, with a 400 page, a query or form holding a NUL or another control
// character (other than tab and line ends) or invalid UTF-8: no page needs them, and
// the database refuses NUL in text. A form larger than maxFormBytes is a 413.
func (s *Server) cleanInput(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bad := !cleanValues(r.URL.Query())
		if !bad && r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
			err := r.ParseForm()
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.renderError(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("The form is larger than %d MB, so it was not accepted.", maxFormBytes>>20))
				return
			}
			if err == nil {
				bad = !cleanValues(r.PostForm)
			}
		}
		if bad {
			s.renderError(w, r, http.StatusBadRequest, "The request holds characters that are not allowed (such as a null byte). Remove them and try again.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func cleanValues(v url.Values) bool {
	for k, vs := range v {
		if !cleanText(k) {
			return false
		}
		for _, x := range vs {
			if !cleanText(x) {
				return false
			}
		}
	}
	return true
}

func cleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, c := range s {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
	}
	return true
}
