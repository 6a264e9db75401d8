package server

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web"
)

// Routes is the whole surface of the app in one table. Addresses are stable and
// guessable (PLANNING.md, "Web addresses"): people bookmark and share them. Every
// route belongs to a group with one access rule (authz.go); the matrix test walks
// them all.
func (s *Server) Routes() http.Handler {
	root := chi.NewRouter()
	root.Use(s.serverTiming) // outermost: the SQL of everything inside; off unless ARRS_SERVER_TIMING=1
	root.Use(s.recoverer, s.accessLog, s.securityHeaders)
	root.Use(compress) // gzip when asked, never the pulse's pages (compress.go)
	// One reading of the data versions per GET (cache.go).
	root.Use(memoVersions)
	root.NotFound(func(w http.ResponseWriter, r *http.Request) { s.renderError(w, r, http.StatusNotFound, "") })
	root.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusMethodNotAllowed, "That address does not accept this kind of request.")
	})
	// Health and assets come before the session middleware, which reads Postgres: they
	// answer while the database is away, whatever cookie the request carries, so the
	// outage page keeps its stylesheet and /healthz its 200.
	s.group(root, public, func(g routes) {
		g.get("/healthz", s.healthz)
		g.get("/readyz", s.readyz)
		g.handle("/static/*", staticHandler("/static/", "static"))
		// The NHS.UK stylesheet names its images at /assets/….
		g.handle("/assets/*", staticHandler("/assets/", "static/nhsuk/assets"))
	})

	// the anonymous pulse's form: a single-use link, no account. It comes before the
	// session middleware so that no session (a signed-in person's, a new cookie) is
	// ever read or written beside an answer; the access log writes its path without
	// the token (redactPath).
	s.group(root.With(s.crossOrigin, s.cleanInput), public, func(g routes) {
		g.get("/pulse/{token}", s.handle(s.pulseForm))
		g.post("/pulse/{token}", s.handle(s.pulseAnswer))
	})

	r := root.With(s.crossOrigin, s.cleanInput, s.sessions.LoadAndSave, s.loadUser)
	s.group(r, public, func(g routes) {
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
		g.get("/pcns/{code}/deciles.csv", s.handle(s.pcnDecilesDownload))
		g.get("/imports", s.handle(s.imports))
		// finding a place: the header's search (server-side, no JavaScript needed), the
		// lists of PCNs and ICBs, and a practice's page.
		g.get("/search", s.handle(s.search))
		g.get("/pcns", s.handle(s.pcnList))
		g.get("/icbs", s.handle(s.icbList))
		g.get("/practices/{code}", s.handle(s.practice))
	})
	// the signed-in person's own account: their password.
	s.group(r, signedIn, func(g routes) {
		g.get("/account/password", s.handle(s.accountPasswordForm))
		g.post("/account/password", s.handle(s.accountPassword))
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
		g.get("/pcns/{code}/staff/{id}/history", s.handle(s.staffHistory))
	})
	// staff records: a PCN's managers and admins add, change and end them.
	s.group(r, pcnManager, func(g routes) {
		g.get("/pcns/{code}/staff/new", s.handle(s.staffNew))
		g.post("/pcns/{code}/staff/new", s.handle(s.staffCreate))
		g.get("/pcns/{code}/staff/{id}", s.handle(s.staffEdit))
		g.post("/pcns/{code}/staff/{id}", s.handle(s.staffUpdate))
		g.get("/pcns/{code}/staff/{id}/end", s.handle(s.staffEndForm))
		g.post("/pcns/{code}/staff/{id}/end", s.handle(s.staffEnd))
	})
	// recruitment plans: a PCN's users, its ICB's leads and admins see every version
	// and download it; its managers (and admins) edit, upload and submit; its clinical
	// directors sign off; its ICB's leads (and admins) accept or return.
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/plan", s.handle(s.planShow))
		g.get("/pcns/{code}/plan/history", s.handle(s.planHistory))
		g.get("/pcns/{code}/plan.csv", s.handle(s.planDownload("csv")))
		g.get("/pcns/{code}/plan.xlsx", s.handle(s.planDownload("xlsx")))
		// the plan in the shape of NHS England's planning template, and on paper.
		g.get("/pcns/{code}/plan/template.xlsx", s.handle(s.planTemplateDownload))
		g.get("/pcns/{code}/plan/print", s.handle(s.planPrint))
	})
	s.group(r, pcnManager, func(g routes) {
		g.post("/pcns/{code}/plan", s.handle(s.planSave))
		g.post("/pcns/{code}/plan/upload", s.handle(s.planUpload))
		// the figures of the grid as typed, not saved (JSON, for the editor's script).
		g.post("/pcns/{code}/plan/preview", s.handle(s.planPreview))
		// each move is confirmed on its own page (GET) before it is taken (POST).
		g.get("/pcns/{code}/plan/submit", s.handle(s.planConfirm(workforce.ActionSubmit)))
		g.post("/pcns/{code}/plan/submit", s.handle(s.planMove(workforce.ActionSubmit)))
	})
	s.group(r, pcnDirector, func(g routes) {
		g.get("/pcns/{code}/plan/sign-off", s.handle(s.planConfirm(workforce.ActionSignOff)))
		g.post("/pcns/{code}/plan/sign-off", s.handle(s.planMove(workforce.ActionSignOff)))
		g.get("/pcns/{code}/plan/send-back", s.handle(s.planConfirm(workforce.ActionSendBack)))
		g.post("/pcns/{code}/plan/send-back", s.handle(s.planMove(workforce.ActionSendBack)))
	})
	s.group(r, icbReviewer, func(g routes) {
		g.get("/pcns/{code}/plan/accept", s.handle(s.planConfirm(workforce.ActionAccept)))
		g.post("/pcns/{code}/plan/accept", s.handle(s.planMove(workforce.ActionAccept)))
		g.get("/pcns/{code}/plan/return", s.handle(s.planConfirm(workforce.ActionReturn)))
		g.post("/pcns/{code}/plan/return", s.handle(s.planMove(workforce.ActionReturn)))
	})
	// funding: a PCN's users, its ICB's leads and admins see its money this year and
	// next, and download a year's monthly claim schedule (?year=2025/26).
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/funding", s.handle(s.pcnFunding))
		g.get("/pcns/{code}/funding/claims.csv", s.handle(s.fundingClaims(formatCSV)))
		g.get("/pcns/{code}/funding/claims.xlsx", s.handle(s.fundingClaims(formatXLSX)))
		// how the PCN's costs and claims divide between its member practices, by year.
		g.get("/pcns/{code}/funding/practices.csv", s.handle(s.fundingPractices(formatCSV)))
		g.get("/pcns/{code}/funding/practices.xlsx", s.handle(s.fundingPractices(formatXLSX)))
		// cash month by month (?year=2027&lag=2&uplift=3.3&uplift_month=2026-08), and its
		// what-if: a post or plan line moved to another stream (?move=...), as a link.
		g.get("/pcns/{code}/cashflow", s.handle(s.cashflow))
		g.get("/pcns/{code}/cashflow.csv", s.handle(s.cashflowDownload(formatCSV)))
		g.get("/pcns/{code}/cashflow.xlsx", s.handle(s.cashflowDownload(formatXLSX)))
		// the PCN's written share agreements, approved roles and practice shares, read.
		g.get("/pcns/{code}/funding/agreements", s.handle(s.agreements))
		g.get("/pcns/{code}/funding/approved-roles", s.handle(s.approvedRoles))
		g.get("/pcns/{code}/funding/practice-shares", s.handle(s.practiceShares))
	})
	// a PCN's managers (and admins) record its written agreements (a mental health
	// practitioner's share up to 100%) and how its practices share costs.
	s.group(r, pcnManager, func(g routes) {
		g.get("/pcns/{code}/funding/agreements/new", s.handle(s.agreementNew))
		g.post("/pcns/{code}/funding/agreements/new", s.handle(s.agreementCreate))
		g.get("/pcns/{code}/funding/agreements/{id}", s.handle(s.agreementEdit))
		g.post("/pcns/{code}/funding/agreements/{id}", s.handle(s.agreementUpdate))
		g.post("/pcns/{code}/funding/agreements/{id}/delete", s.handle(s.agreementDelete))
		g.get("/pcns/{code}/funding/practice-shares/edit", s.handle(s.practiceSharesEdit))
		g.post("/pcns/{code}/funding/practice-shares/edit", s.handle(s.practiceSharesSave))
	})
	// its ICB's leads (and admins) approve additional roles for the PCN.
	s.group(r, icbReviewer, func(g routes) {
		g.get("/pcns/{code}/funding/approved-roles/new", s.handle(s.approvedRoleNew))
		g.post("/pcns/{code}/funding/approved-roles/new", s.handle(s.approvedRoleCreate))
		g.get("/pcns/{code}/funding/approved-roles/{id}", s.handle(s.approvedRoleEdit))
		g.post("/pcns/{code}/funding/approved-roles/{id}", s.handle(s.approvedRoleUpdate))
	})
	// the clinical director's dashboard: a PCN's users, its ICB's leads and admins.
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/dashboard", s.handle(s.pcnDashboard))
	})
	// an ICB's PCNs compared, with the table as files: the users of its PCNs, its leads
	// and admins (other PCNs' plan-derived figures are not for other ICBs).
	s.group(r, icbMember, func(g routes) {
		g.get("/icbs/{code}/compare", s.handle(s.icbCompare))
		g.get("/icbs/{code}/compare.csv", s.handle(s.icbCompareDownload(formatCSV)))
		g.get("/icbs/{code}/compare.xlsx", s.handle(s.icbCompareDownload(formatXLSX)))
	})
	// need and fair comparison: England's funnel of every PCN (observed ÷ expected ARRS
	// FTE against need) with the need report as a file at any level, and the weights it
	// is built on with their sources, for every signed-in user.
	s.group(r, signedIn, func(g routes) {
		g.get("/need", s.handle(s.needEngland))
		g.get("/need.csv", s.handle(s.needDownload(formatCSV)))
		g.get("/need.xlsx", s.handle(s.needDownload(formatXLSX)))
		g.get("/need/weights", s.handle(s.needWeights))
	})
	// a PCN's most similar networks by need profile; its ICB's leads (and admins) may
	// save a peer group of their own choosing in their place.
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/peers", s.handle(s.peers))
	})
	s.group(r, icbReviewer, func(g routes) {
		g.get("/pcns/{code}/peers/edit", s.handle(s.peersEdit))
		g.post("/pcns/{code}/peers/edit", s.handle(s.peersSave))
	})
	// supervision and rooms of a PCN: seen by its users, its ICB's leads and admins;
	// changed by its managers and admins.
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/supervision", s.handle(s.supervision))
		g.get("/pcns/{code}/sites", s.handle(s.sitesPage))
	})
	s.group(r, pcnManager, func(g routes) {
		g.get("/pcns/{code}/supervision/supervisors/new", s.handle(s.supervisorNew))
		g.post("/pcns/{code}/supervision/supervisors/new", s.handle(s.supervisorCreate))
		g.get("/pcns/{code}/supervision/supervisors/{id}", s.handle(s.supervisorEdit))
		g.post("/pcns/{code}/supervision/supervisors/{id}", s.handle(s.supervisorUpdate))
		g.get("/pcns/{code}/supervision/links/new", s.handle(s.linkNew))
		g.post("/pcns/{code}/supervision/links/new", s.handle(s.linkCreate))
		g.get("/pcns/{code}/supervision/links/{id}", s.handle(s.linkEdit))
		g.post("/pcns/{code}/supervision/links/{id}", s.handle(s.linkUpdate))
		g.get("/pcns/{code}/supervision/links/{id}/end", s.handle(s.linkEndForm))
		g.post("/pcns/{code}/supervision/links/{id}/end", s.handle(s.linkEnd))
		g.get("/pcns/{code}/sites/new", s.handle(s.siteNew))
		g.post("/pcns/{code}/sites/new", s.handle(s.siteCreate))
		g.get("/pcns/{code}/sites/{id}", s.handle(s.siteEdit))
		g.post("/pcns/{code}/sites/{id}", s.handle(s.siteUpdate))
		g.get("/pcns/{code}/sites/{id}/remove", s.handle(s.siteRemoveForm))
		g.post("/pcns/{code}/sites/{id}/remove", s.handle(s.siteRemove))
	})
	// integration of each ARRS member of staff: the checklist and its warnings, seen by
	// the PCN's users, its ICB's leads and admins, kept by its managers (and admins).
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/integration", s.handle(s.integrationPage))
		g.get("/pcns/{code}/integration.csv", s.handle(s.integrationDownload(formatCSV)))
		g.get("/pcns/{code}/integration.xlsx", s.handle(s.integrationDownload(formatXLSX)))
	})
	s.group(r, pcnManager, func(g routes) {
		g.get("/pcns/{code}/staff/{id}/integration", s.handle(s.integrationEdit))
		g.post("/pcns/{code}/staff/{id}/integration", s.handle(s.integrationSave))
	})
	// the anonymous pulse of a PCN: results (suppressed below 5 answers) for its users,
	// its ICB's leads and admins, comments for its managers only; its managers open a
	// round, print its links and close it.
	s.group(r, pcnMember, func(g routes) {
		g.get("/pcns/{code}/pulse", s.handle(s.pulsePage))
		g.get("/pcns/{code}/pulse.csv", s.handle(s.pulseDownload(formatCSV)))
		g.get("/pcns/{code}/pulse.xlsx", s.handle(s.pulseDownload(formatXLSX)))
	})
	s.group(r, pcnManager, func(g routes) {
		g.get("/pcns/{code}/pulse/new", s.handle(s.pulseNew))
		g.post("/pcns/{code}/pulse/new", s.handle(s.pulseOpen))
		g.get("/pcns/{code}/pulse/{id}/links", s.handle(s.pulseLinks))
		g.get("/pcns/{code}/pulse/{id}/close", s.handle(s.pulseCloseForm))
		g.post("/pcns/{code}/pulse/{id}/close", s.handle(s.pulseClose))
	})
	// an ICB's PCNs' pulse side by side, with the ICB's and England's averages.
	s.group(r, icbMember, func(g routes) {
		g.get("/icbs/{code}/pulse", s.handle(s.icbPulse))
		g.get("/icbs/{code}/pulse.csv", s.handle(s.icbPulseDownload(formatCSV)))
		g.get("/icbs/{code}/pulse.xlsx", s.handle(s.icbPulseDownload(formatXLSX)))
	})
	// supply against demand of an ICB: seen by the users of its PCNs, its leads and
	// admins; recorded, a financial year ("2026-27") at a time, by its leads and admins.
	s.group(r, icbMember, func(g routes) {
		g.get("/icbs/{code}/supply", s.handle(s.supplyPage))
	})
	s.group(r, icbLead, func(g routes) {
		g.get("/icbs/{code}/supply/{year}", s.handle(s.supplyEdit))
		g.post("/icbs/{code}/supply/{year}", s.handle(s.supplySave))
		// the months the ICB takes to pay a claim (the cash flow's lag).
		g.get("/icbs/{code}/payment-lag", s.handle(s.paymentLagForm))
		g.post("/icbs/{code}/payment-lag", s.handle(s.paymentLagSave))
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
		g.post("/admin/users/{id}/move-grant", s.handle(s.userGrantMove)) // a grant on a dissolved ICB to its successors
		g.get("/admin/targets", s.handle(s.targets))
		g.post("/admin/targets", s.handle(s.targetSave))
		g.get("/admin/caps", s.handle(s.caps))
		g.post("/admin/caps", s.handle(s.capCreate))
		g.get("/admin/caps/{id}", s.handle(s.capEdit))
		g.post("/admin/caps/{id}", s.handle(s.capUpdate))
		g.post("/admin/caps/{id}/delete", s.handle(s.capDelete))
		g.get("/admin/rates", s.handle(s.rates))
		g.post("/admin/rates", s.handle(s.rateCreate))
		g.get("/admin/rates/{year}", s.handle(s.rateEdit))
		g.post("/admin/rates/{year}", s.handle(s.rateUpdate))
		// the need weights and factors with their sources (each change audited).
		g.get("/admin/need-weights", s.handle(s.needWeightsEdit))
		g.post("/admin/need-weights", s.handle(s.needWeightsSave))
		// the reference list of services a member of staff is here to deliver.
		g.get("/admin/integration-services", s.handle(s.servicesEdit))
		g.post("/admin/integration-services", s.handle(s.servicesSave))
	})
	return root
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

// staticHandler serves the files of an embedded folder under a prefix with a day's
// caching. A folder is not a file: its address is a 404, never a listing.
func staticHandler(prefix, dir string) http.Handler {
	sub, _ := fs.Sub(web.Static, dir)
	files := http.StripPrefix(prefix, http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(r.URL.Path, prefix)), "/")
		if info, err := fs.Stat(sub, orDot(name)); err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}

// orDot names the folder itself for fs.Stat when the path inside it is empty.
func orDot(name string) string {
	if name == "" {
		return "."
	}
	return name
}
