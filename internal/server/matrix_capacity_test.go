package server

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// capacityFixture is a supervisor, a link and a site of one PCN.
type capacityFixture struct{ supervisor, link, site int64 }

func addCapacityFixture(t *testing.T, db *store.DB, pcn string) capacityFixture {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	sup, err := db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: pcn, Name: "Dr Test", Profession: "GP", FTE: 1, HoursPerMonth: 8}, by)
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.CreateSupervisionLink(ctx, workforce.SupervisionLink{PCNCode: pcn, SuperviseeID: firstStaffID(t, db, pcn), SupervisorID: sup.ID,
		Kind: workforce.SupervisionClinical, HoursPerMonth: 2, Start: workforce.Date(2025, 1, 1)}, by)
	if err != nil {
		t.Fatal(err)
	}
	site, err := db.CreateSite(ctx, workforce.Site{PCNCode: pcn, Name: "Main surgery", SessionsPerWeek: 10}, by)
	if err != nil {
		t.Fatal(err)
	}
	return capacityFixture{sup.ID, l.ID, site.ID}
}

// capacityMatrixCases are the rows of the supervision, rooms and supply routes. A PCN's
// users, its ICB's leads and admins see its supervision and rooms; its managers and
// admins change them; a record named under another PCN's code is not found. An ICB's
// PCNs' users, its leads and admins see its supply; its leads and admins record it.
func capacityMatrixCases(t *testing.T, db *store.DB) []matrixCase {
	own, other := addCapacityFixture(t, db, "U60057"), addCapacityFixture(t, db, "U47425")
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	id := func(x int64) string { return strconv.FormatInt(x, 10) }
	var cases []matrixCase
	for _, page := range []string{"supervision", "sites"} {
		route := "GET /pcns/{code}/" + page
		cases = append(cases,
			matrixCase{route, "/pcns/U60057/" + page, only(200, "admin", "lead", "manager", "director")},
			matrixCase{route, "/pcns/U47425/" + page, only(200, "admin", "other-lead", "other-manager")},
			matrixCase{route, "/pcns/U00001/" + page, unknown})
	}
	// Each form: its page, the empty form posted (422, or 409 for a removal naming no
	// version), on the own PCN, the other one, and a record of the other under the own
	// PCN's code.
	forms := []struct {
		pattern           string
		own, other, cross string
		post              int
	}{
		{"/pcns/{code}/supervision/supervisors/new", "/pcns/U60057/supervision/supervisors/new", "/pcns/U47425/supervision/supervisors/new", "", 422},
		{"/pcns/{code}/supervision/supervisors/{id}", "/pcns/U60057/supervision/supervisors/" + id(own.supervisor),
			"/pcns/U47425/supervision/supervisors/" + id(other.supervisor), "/pcns/U60057/supervision/supervisors/" + id(other.supervisor), 422},
		{"/pcns/{code}/supervision/links/new", "/pcns/U60057/supervision/links/new", "/pcns/U47425/supervision/links/new", "", 422},
		{"/pcns/{code}/supervision/links/{id}", "/pcns/U60057/supervision/links/" + id(own.link),
			"/pcns/U47425/supervision/links/" + id(other.link), "/pcns/U60057/supervision/links/" + id(other.link), 422},
		{"/pcns/{code}/supervision/links/{id}/end", "/pcns/U60057/supervision/links/" + id(own.link) + "/end",
			"/pcns/U47425/supervision/links/" + id(other.link) + "/end", "/pcns/U60057/supervision/links/" + id(other.link) + "/end", 422},
		{"/pcns/{code}/sites/new", "/pcns/U60057/sites/new", "/pcns/U47425/sites/new", "", 422},
		{"/pcns/{code}/sites/{id}", "/pcns/U60057/sites/" + id(own.site), "/pcns/U47425/sites/" + id(other.site), "/pcns/U60057/sites/" + id(other.site), 422},
		{"/pcns/{code}/sites/{id}/remove", "/pcns/U60057/sites/" + id(own.site) + "/remove",
			"/pcns/U47425/sites/" + id(other.site) + "/remove", "/pcns/U60057/sites/" + id(other.site) + "/remove", http.StatusConflict},
	}
	for _, f := range forms {
		for method, status := range map[string]int{"GET": 200, "POST": f.post} {
			route := method + " " + f.pattern
			cases = append(cases,
				matrixCase{route, f.own, only(status, "admin", "manager")},
				matrixCase{route, f.other, only(status, "admin", "other-manager")})
			if f.cross != "" {
				cases = append(cases, matrixCase{route, f.cross, only(404, "admin", "manager")})
			}
		}
	}
	return append(cases,
		matrixCase{"GET /icbs/{code}/supply", "/icbs/QOC/supply", only(200, "admin", "lead", "manager", "director")},
		matrixCase{"GET /icbs/{code}/supply", "/icbs/QSL/supply", only(200, "admin", "other-lead", "other-manager")},
		matrixCase{"GET /icbs/{code}/supply", "/icbs/QZZ/supply", unknown},
		matrixCase{"GET /icbs/{code}/supply/{year}", "/icbs/QOC/supply/2026-27", only(200, "admin", "lead")},
		matrixCase{"GET /icbs/{code}/supply/{year}", "/icbs/QSL/supply/2026-27", only(200, "admin", "other-lead")},
		matrixCase{"GET /icbs/{code}/supply/{year}", "/icbs/QOC/supply/1999-00", only(404, "admin", "lead")},
		matrixCase{"GET /icbs/{code}/supply/{year}", "/icbs/QZZ/supply/2026-27", unknown},
		// An empty form records nothing: saved, with nothing changed.
		matrixCase{"POST /icbs/{code}/supply/{year}", "/icbs/QOC/supply/2026-27", only(303, "admin", "lead")},
		matrixCase{"POST /icbs/{code}/supply/{year}", "/icbs/QSL/supply/2026-27", only(303, "admin", "other-lead")},
	)
}
