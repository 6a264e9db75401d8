package server

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// arrsStaffID is the lowest id of a PCN's records in an ARRS role.
func arrsStaffID(t *testing.T, db *store.DB, pcn string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRowForTest(context.Background(), `SELECT min(id) FROM staff WHERE role_code IS NOT NULL AND pcn_code = '`+pcn+`'`, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// integrationMatrixCases are the rows of the integration routes. A PCN's users, its
// ICB's leads and admins see its integration page and checklist; its managers and
// admins open and save a member of staff's record; a record named under another PCN's
// code is not found; admins alone keep the list of services. Each record already has
// an integration record, so the matrix's post (version 0) is a stale create: 409 for
// whoever passes the rule, whatever order the personas post in. An empty post of the
// services changes nothing: saved, 303.
func integrationMatrixCases(t *testing.T, db *store.DB) []matrixCase {
	own, other := arrsStaffID(t, db, "U60057"), arrsStaffID(t, db, "U47425")
	today := workforce.Today(time.Now())
	for pcn, id := range map[string]int64{"U60057": own, "U47425": other} {
		if _, err := db.SaveIntegrationRecord(context.Background(), workforce.IntegrationRecord{StaffID: id, PCNCode: pcn, AdminSupport: "Reception"}, today, capBy); err != nil {
			t.Fatal(err)
		}
	}
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	record := func(pcn string, id int64) string {
		return "/pcns/" + pcn + "/staff/" + strconv.FormatInt(id, 10) + "/integration"
	}
	var cases []matrixCase
	for _, suffix := range []string{"", ".csv", ".xlsx"} {
		route := "GET /pcns/{code}/integration" + suffix
		cases = append(cases,
			matrixCase{route, "/pcns/U60057/integration" + suffix, only(200, "admin", "lead", "manager", "director")},
			matrixCase{route, "/pcns/U47425/integration" + suffix, only(200, "admin", "other-lead", "other-manager")},
			matrixCase{route, "/pcns/U00001/integration" + suffix, unknown})
	}
	cases = append(cases, matrixCase{"GET /pcns/{code}/integration", "/pcns/U60057/integration?warnings=yes", only(400, "admin", "lead", "manager", "director")})
	for method, status := range map[string]int{"GET": 200, "POST": http.StatusConflict} {
		route := method + " /pcns/{code}/staff/{id}/integration"
		cases = append(cases,
			matrixCase{route, record("U60057", own), only(status, "admin", "manager")},
			matrixCase{route, record("U47425", other), only(status, "admin", "other-manager")},
			matrixCase{route, record("U60057", other), only(404, "admin", "manager")},
			matrixCase{route, record("U00001", own), unknown})
	}
	return append(cases,
		matrixCase{"GET /admin/integration-services", "/admin/integration-services", only(200, "admin")},
		matrixCase{"POST /admin/integration-services", "/admin/integration-services", only(303, "admin")})
}
