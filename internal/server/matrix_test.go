package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// The authorisation matrix: every route × every persona (signed out, admin, and a
// lead, manager and director of the demo organisations U60057 / QOC, plus a lead and
// a manager of other ones) × own and other organisation, with the status each must
// get. The expectations are written out here, independently of the rules in
// authz.go; a route with no row here, or registered without a rule, fails the test.

// want gives the status per persona; "anon" is signed out.
type want map[string]int

var everyone = []string{"anon", "admin", "lead", "manager", "director", "other-lead", "other-manager"}

// ok gives 200 (or status) to the signed-in personas and the sign-in redirect (303)
// to a signed-out visitor.
func signedInGets(status int) want {
	w := want{"anon": http.StatusSeeOther}
	for _, p := range everyone[1:] {
		w[p] = status
	}
	return w
}

// only gives status to the named personas, 403 to the other signed-in ones and 303 to
// a signed-out visitor.
func only(status int, personas ...string) want {
	w := signedInGets(http.StatusForbidden)
	for _, p := range personas {
		w[p] = status
	}
	return w
}

func allGet(status int) want {
	w := want{}
	for _, p := range everyone {
		w[p] = status
	}
	return w
}

type matrixCase struct {
	route string // "METHOD pattern" as registered
	path  string
	want  want
}

func matrixCases(adminID int64) []matrixCase {
	id := strconv.FormatInt(adminID, 10)
	return []matrixCase{
		{"GET /healthz", "/healthz", allGet(200)},
		{"GET /readyz", "/readyz", allGet(200)},
		{"GET /static/*", "/static/app.css", allGet(200)},
		{"HEAD /static/*", "/static/app.css", allGet(200)},
		{"GET /assets/*", "/assets/images/favicon.svg", allGet(200)},
		{"HEAD /assets/*", "/assets/images/favicon.svg", allGet(200)},
		{"GET /login", "/login", want{"anon": 200, "admin": 303, "lead": 303, "manager": 303, "director": 303, "other-lead": 303, "other-manager": 303}},
		{"POST /login", "/login", allGet(http.StatusUnprocessableEntity)},
		{"POST /logout", "/logout", allGet(http.StatusSeeOther)},
		// Single sign-on is off here (oidc_test.go tests it on).
		{"GET /login/sso", "/login/sso", allGet(http.StatusNotFound)},
		{"GET /login/callback", "/login/callback", allGet(http.StatusNotFound)},
		{"GET /roles", "/roles", allGet(200)},
		{"GET /roles/{code}", "/roles/paramedic", allGet(200)},
		{"GET /accessibility", "/accessibility", allGet(200)},

		{"GET /", "/", signedInGets(200)},
		{"GET /regions/{code}", "/regions/Y60", signedInGets(200)},
		{"GET /icbs/{code}", "/icbs/QOC", signedInGets(200)},
		{"GET /icbs/{code}", "/icbs/QSL", signedInGets(200)},
		{"GET /pcns/{code}", "/pcns/U60057", signedInGets(200)},
		{"GET /pcns/{code}", "/pcns/U47425", signedInGets(200)},
		{"GET /pcns/{code}/deciles.csv", "/pcns/U60057/deciles.csv", signedInGets(200)},
		{"GET /imports", "/imports", signedInGets(200)},
		// Everyone signed in changes their own password; an empty form is refused.
		{"GET /account/password", "/account/password", signedInGets(200)},
		{"POST /account/password", "/account/password", signedInGets(http.StatusUnprocessableEntity)},
		{"GET /gaps", "/gaps", signedInGets(200)},
		{"GET /gaps.csv", "/gaps.csv", signedInGets(200)},
		{"GET /gaps.xlsx", "/gaps.xlsx", signedInGets(200)},
		{"GET /gaps/icbs/{code:[A-Za-z0-9]+}", "/gaps/icbs/QOC", signedInGets(200)},
		{"GET /gaps/icbs/{code:[A-Za-z0-9]+}.csv", "/gaps/icbs/QOC.csv", signedInGets(200)},
		{"GET /gaps/icbs/{code:[A-Za-z0-9]+}.xlsx", "/gaps/icbs/QOC.xlsx", signedInGets(200)},

		// A PCN's staff records: its own users, its ICB's lead, admins.
		{"GET /pcns/{code}/staff", "/pcns/U60057/staff", only(200, "admin", "lead", "manager", "director")},
		{"GET /pcns/{code}/staff", "/pcns/U47425/staff", only(200, "admin", "other-lead", "other-manager")},
		{"GET /pcns/{code}/staff", "/pcns/U00001/staff", want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}},

		// Uploads with no file: allowed personas get the form back with 422.
		{"POST /imports/nwrs", "/imports/nwrs", only(422, "admin", "lead", "other-lead")},
		{"POST /imports/populations", "/imports/populations", only(422, "admin", "lead", "other-lead")},
		{"POST /imports/plans", "/imports/plans", only(422, "admin", "lead", "other-lead", "manager", "other-manager")},

		{"GET /audit", "/audit", only(200, "admin", "lead", "other-lead")},
		{"GET /admin/users", "/admin/users", only(200, "admin")},
		{"GET /admin/users/new", "/admin/users/new", only(200, "admin")},
		{"POST /admin/users/new", "/admin/users/new", only(422, "admin")},
		{"GET /admin/users/{id}", "/admin/users/" + id, only(200, "admin")},
		{"POST /admin/users/{id}", "/admin/users/" + id, only(422, "admin")},
		{"POST /admin/users/{id}/move-grant", "/admin/users/" + id + "/move-grant", only(303, "admin")}, // the admin holds no such grant
		{"GET /admin/targets", "/admin/targets", only(200, "admin")},
		{"POST /admin/targets", "/admin/targets", only(422, "admin")},
		// Funding rates (2025/26's is shipped): admins only; an empty form is 422.
		{"GET /admin/rates", "/admin/rates", only(200, "admin")},
		{"POST /admin/rates", "/admin/rates", only(422, "admin")},
		{"GET /admin/rates/{year}", "/admin/rates/2025", only(200, "admin")},
		{"GET /admin/rates/{year}", "/admin/rates/2040", only(404, "admin")},
		{"POST /admin/rates/{year}", "/admin/rates/2025", only(422, "admin")},
	}
}

// staffMatrixCases are the rows of the staff record routes, on a record of the demo
// PCN (own) and one of the other PCN (other): a PCN's users, its ICB's leads and admins
// see a record's history; only its managers and admins change records. A record named
// under another PCN's code is not found.
func staffMatrixCases(own, other int64) []matrixCase {
	o, x := "/pcns/U60057/staff/"+strconv.FormatInt(own, 10), "/pcns/U47425/staff/"+strconv.FormatInt(other, 10)
	crossed := "/pcns/U60057/staff/" + strconv.FormatInt(other, 10)
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	return []matrixCase{
		{"GET /pcns/{code}/staff/{id}/history", o + "/history", only(200, "admin", "lead", "manager", "director")},
		{"GET /pcns/{code}/staff/{id}/history", x + "/history", only(200, "admin", "other-lead", "other-manager")},
		{"GET /pcns/{code}/staff/{id}/history", crossed + "/history", only(404, "admin", "lead", "manager", "director")},
		{"GET /pcns/{code}/staff/new", "/pcns/U60057/staff/new", only(200, "admin", "manager")},
		{"GET /pcns/{code}/staff/new", "/pcns/U47425/staff/new", only(200, "admin", "other-manager")},
		{"GET /pcns/{code}/staff/new", "/pcns/U00001/staff/new", unknown},
		// Empty forms: allowed personas get the form back with 422.
		{"POST /pcns/{code}/staff/new", "/pcns/U60057/staff/new", only(422, "admin", "manager")},
		{"POST /pcns/{code}/staff/new", "/pcns/U47425/staff/new", only(422, "admin", "other-manager")},
		{"GET /pcns/{code}/staff/{id}", o, only(200, "admin", "manager")},
		{"GET /pcns/{code}/staff/{id}", x, only(200, "admin", "other-manager")},
		{"GET /pcns/{code}/staff/{id}", crossed, only(404, "admin", "manager")},
		{"POST /pcns/{code}/staff/{id}", o, only(422, "admin", "manager")},
		{"POST /pcns/{code}/staff/{id}", x, only(422, "admin", "other-manager")},
		{"POST /pcns/{code}/staff/{id}", crossed, only(404, "admin", "manager")},
		{"GET /pcns/{code}/staff/{id}/end", o + "/end", only(200, "admin", "manager")},
		{"GET /pcns/{code}/staff/{id}/end", crossed + "/end", only(404, "admin", "manager")},
		{"POST /pcns/{code}/staff/{id}/end", o + "/end", only(422, "admin", "manager")},
		{"POST /pcns/{code}/staff/{id}/end", x + "/end", only(422, "admin", "other-manager")},
		{"POST /pcns/{code}/staff/{id}/end", crossed + "/end", only(404, "admin", "manager")},
	}
}

// matrixStatus is the status of an empty request, but that a post names version 0
// of the record it changes, as every change form does (formVersion refuses a form
// that names none with 400). No record is at version 0: a change that passes its
// rule and its form's checks is refused as stale, 409.
func matrixStatus(t *testing.T, c *http.Client, method, u string) int {
	t.Helper()
	if method != http.MethodPost {
		return status(t, c, method, u)
	}
	code, _ := postForm(t, c, u, url.Values{"version": {"0"}})
	return code
}

// firstStaffID is the lowest record id of a PCN.
func firstStaffID(t *testing.T, db *store.DB, pcn string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRowForTest(context.Background(), `SELECT min(id) FROM staff WHERE pcn_code = '`+pcn+`'`, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAuthorisationMatrix(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	f, _ := refdata.Open(refdata.SampleWorkforceFile)
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	f.Close()
	users := addPersonas(t, db)
	s, ts := newTestServer(t, db)
	cases := append(matrixCases(users["admin"].ID), staffMatrixCases(firstStaffID(t, db, "U60057"), firstStaffID(t, db, "U47425"))...)
	cases = append(cases, planMatrixCases(t, db)...)
	cases = append(cases, fundingMatrixCases(t, db)...)
	cases = append(cases, fundingSettingsMatrixCases(t, db)...)
	cases = append(cases, capacityMatrixCases(t, db)...)
	cases = append(cases, dashboardMatrixCases()...)
	cases = append(cases, searchMatrixCases()...)
	cases = append(cases, planFilesMatrixCases()...)
	cases = append(cases, cashflowMatrixCases()...)
	cases = append(cases, needMatrixCases()...)
	cases = append(cases, needWeightsMatrixCases()...)
	cases = append(cases, peersMatrixCases()...)
	cases = append(cases, pulseMatrixCases()...)
	cases = append(cases, integrationMatrixCases(t, db)...)

	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.route] = true
	}
	for route := range s.rules {
		if !covered[route] {
			t.Errorf("route %q has no row in the authorisation matrix", route)
		}
	}
	chi.Walk(s.Routes().(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if _, ok := s.rules[method+" "+route]; !ok {
			t.Errorf("route %s %s was registered without an access rule", method, route)
		}
		return nil
	})

	clients := map[string]*http.Client{"anon": client(t)}
	for _, p := range everyone[1:] {
		clients[p] = client(t)
		signIn(t, ts, clients[p], p+"@test.nhs.uk")
	}
	for _, c := range cases {
		method := strings.SplitN(c.route, " ", 2)[0]
		for _, p := range everyone {
			exp, ok := c.want[p]
			if !ok {
				t.Fatalf("%s: no expectation for %s", c.path, p)
			}
			if p == "anon" || c.route != "POST /logout" {
				if got := matrixStatus(t, clients[p], method, ts.URL+c.path); got != exp {
					t.Errorf("%s %s as %s: %d, want %d", method, c.path, p, got, exp)
				}
			}
		}
	}
}
