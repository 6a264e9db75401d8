package server

import (
	"context"
	"strconv"
	"testing"

	"github.com/arrs-planner/arrs/internal/store"
)

// fundingMatrixCases are the rows of the funding routes: a PCN's funding, claim
// schedules and practices' figures to its users, its ICB's leads and admins; role caps to admins only. Empty
// forms get the form back with 422; a removal naming no version is stale (409).
func fundingMatrixCases(t *testing.T, db *store.DB) []matrixCase {
	t.Helper()
	var capID int64
	if err := db.QueryRowForTest(context.Background(), `SELECT min(id) FROM role_caps`, &capID); err != nil {
		t.Fatal(err)
	}
	cp := "/admin/caps/" + strconv.FormatInt(capID, 10)
	seeOwn, seeOther := only(200, "admin", "lead", "manager", "director"), only(200, "admin", "other-lead", "other-manager")
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	var cases []matrixCase
	for _, route := range []string{"/funding", "/funding/claims.csv", "/funding/claims.xlsx", "/funding/practices.csv", "/funding/practices.xlsx"} {
		pattern := "GET /pcns/{code}" + route
		cases = append(cases,
			matrixCase{pattern, "/pcns/U60057" + route, seeOwn},
			matrixCase{pattern, "/pcns/U47425" + route, seeOther},
			matrixCase{pattern, "/pcns/U00001" + route, unknown})
	}
	return append(cases,
		matrixCase{"GET /pcns/{code}/funding/claims.csv", "/pcns/U60057/funding/claims.csv?year=2025/26", seeOwn},
		matrixCase{"GET /admin/caps", "/admin/caps", only(200, "admin")},
		matrixCase{"POST /admin/caps", "/admin/caps", only(422, "admin")},
		matrixCase{"GET /admin/caps/{id}", cp, only(200, "admin")},
		matrixCase{"GET /admin/caps/{id}", "/admin/caps/0", only(404, "admin")},
		matrixCase{"POST /admin/caps/{id}", cp, only(422, "admin")},
		matrixCase{"POST /admin/caps/{id}/delete", cp + "/delete", only(409, "admin")},
	)
}
