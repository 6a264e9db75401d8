package server

import (
	"io/fs"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/web"
)

// Routes is the whole surface of the app in one table. Addresses are stable and
// guessable (PLANNING.md, "Web addresses"): people bookmark and share them.
func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverer, s.accessLog, s.securityHeaders)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { s.renderError(w, r, http.StatusNotFound, "") })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusMethodNotAllowed, "That address does not accept this kind of request.")
	})

	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Handle("/static/*", staticHandler("/static/", "static"))
	// The NHS.UK stylesheet names its images and fonts at /assets/….
	r.Handle("/assets/*", staticHandler("/assets/", "static/nhsuk/assets"))

	r.Get("/", s.handle(s.england))
	r.Get("/regions/{code}", s.handle(s.region))
	r.Get("/icbs/{code}", s.handle(s.icb))
	r.Get("/pcns/{code}", s.handle(s.pcn))
	r.Get("/roles", s.handle(s.roles))
	r.Get("/roles/{code}", s.handle(s.role))
	r.Get("/imports", s.handle(s.imports))
	return r
}

// staticHandler serves an embedded folder under a prefix with a day's caching.
func staticHandler(prefix, dir string) http.Handler {
	sub, _ := fs.Sub(web.Static, dir)
	files := http.StripPrefix(prefix, http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
