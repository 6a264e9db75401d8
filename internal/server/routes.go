package server

import (
	"io/fs"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/web"
)

// Routes is the whole surface of the app in one table. Addresses are stable and
// guessable (PLANNING.md, "Web addresses"): people bookmark and share them. Every
// route belongs to a group with one access rule (authz.go); the matrix test walks
// them all.
func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverer, s.accessLog, s.securityHeaders, s.crossOrigin, s.cleanInput, s.sessions.LoadAndSave, s.loadUser)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { s.renderError(w, r, http.StatusNotFound, "") })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusMethodNotAllowed, "That address does not accept this kind of request.")
	})

	s.group(r, public, func(g routes) {
		g.get("/healthz", s.healthz)
		g.get("/readyz", s.readyz)
		g.handle("/static/*", staticHandler("/static/", "static"))
		// The NHS.UK stylesheet names its images at /assets/….
		g.handle("/assets/*", staticHandler("/assets/", "static/nhsuk/assets"))
		g.get("/login", s.handle(s.loginForm))
		g.post("/login", s.handle(s.login))
		g.post("/logout", s.handle(s.logout))
		g.get("/login/sso", s.handle(s.ssoStart))         // 404 when single sign-on is off
		g.get("/login/callback", s.handle(s.ssoCallback)) // the provider sends people back here
		g.get("/roles", s.handle(s.roles))
		g.get("/roles/{code}", s.handle(s.role))
		g.get("/accessibility", s.handle(s.accessibility))
	})
	s.group(r, signedIn, func(g routes) {
		g.get("/", s.handle(s.england))
		g.get("/regions/{code}", s.handle(s.region))
		g.get("/icbs/{code}", s.handle(s.icb))
		g.get("/pcns/{code}", s.handle(s.pcn))
		g.get("/imports", s.handle(s.imports))
	})
	// gap pages: national figures and their what-ifs (query parameters), with the
	// downloads of every table; ICB codes are letters and digits, so .csv and .xlsx
	// end the code.
	s.group(r, signedIn, func(g routes) {
		g.get("/gaps", s.handle(s.gapsEngland))
		g.get("/gaps.csv", s.handle(s.gapsDownload(formatCSV)))
		g.get("/gaps.xlsx", s.handle(s.gapsDownload(formatXLSX)))
		g.get("/gaps/icbs/{code:[A-Za-z0-9]+}", s.handle(s.gapsICB))
		g.get("/gaps/icbs/{code:[A-Za-z0-9]+}.csv", s.handle(s.gapsICBDownload(formatCSV)))
		g.get("/gaps/icbs/{code:[A-Za-z0-9]+}.xlsx", s.handle(s.gapsICBDownload(formatXLSX)))
	})
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/staff", s.handle(s.pcnStaff))
	})
	s.group(r, importers, func(g routes) {
		g.post("/imports/nwrs", s.handle(s.importNWRS))
		g.post("/imports/populations", s.handle(s.importPopulations))
	})
	s.group(r, planner, func(g routes) {
		g.post("/imports/plans", s.handle(s.importPlans))
	})
	s.group(r, auditor, func(g routes) {
		g.get("/audit", s.handle(s.audit))
	})
	s.group(r, adminOnly, func(g routes) {
		g.get("/admin/users", s.handle(s.users))
		g.get("/admin/users/new", s.handle(s.userNew))
		g.post("/admin/users/new", s.handle(s.userCreate))
		g.get("/admin/users/{id}", s.handle(s.userEdit))
		g.post("/admin/users/{id}", s.handle(s.userUpdate))
		g.get("/admin/targets", s.handle(s.targets))
		g.post("/admin/targets", s.handle(s.targetSave))
	})
	return r
}

// routes registers the routes of one access group, noting each route's rule.
type routes struct {
	r     chi.Router
	rule  access
	rules map[string]access
}

func (g routes) add(method, pattern string, h http.Handler) {
	g.rules[method+" "+pattern] = g.rule
	g.r.Method(method, pattern, h)
}

func (g routes) get(pattern string, h http.HandlerFunc)  { g.add(http.MethodGet, pattern, h) }
func (g routes) post(pattern string, h http.HandlerFunc) { g.add(http.MethodPost, pattern, h) }

func (g routes) handle(pattern string, h http.Handler) {
	g.add(http.MethodGet, pattern, h)
	g.add(http.MethodHead, pattern, h)
}

// group mounts a set of routes behind one access rule.
func (s *Server) group(r chi.Router, a access, fn func(routes)) {
	r.Group(func(cr chi.Router) {
		cr.Use(s.require(a))
		fn(routes{r: cr, rule: a, rules: s.rules})
	})
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
