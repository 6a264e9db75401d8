package server

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// fundingSettingsMatrixCases are the rows of a PCN's funding settings and an ICB's
// payment lag, on an agreement and an approval of the demo PCN (own) and of the other
// PCN: its users, its ICB's leads and admins read them; its managers and admins keep
// its agreements and practice shares; the leads of its ICB and admins its approved
// roles; an ICB's leads and admins its payment lag. A record named under another PCN's
// code is not found. Empty forms get the form back with 422; a removal naming version
// 0 is stale (409).
func fundingSettingsMatrixCases(t *testing.T, db *store.DB) []matrixCase {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	agreement := func(pcn string) string {
		a, err := db.CreateShareAgreement(ctx, workforce.ShareAgreement{PCNCode: pcn, RoleCode: "mental_health_practitioner", Share: 1,
			From: workforce.Date(2026, time.April, 1), AgreedOn: workforce.Date(2026, time.March, 1)}, by)
		if err != nil {
			t.Fatal(err)
		}
		return strconv.FormatInt(a.ID, 10)
	}
	approval := func(pcn string) string {
		a, err := db.CreateApprovedRole(ctx, workforce.ApprovedRole{PCNCode: pcn, Name: "Practice-based counsellor", CapPence: 50_000_00,
			From: workforce.Date(2026, time.April, 1)}, by)
		if err != nil {
			t.Fatal(err)
		}
		return strconv.FormatInt(a.ID, 10)
	}
	ownA, otherA := "/pcns/U60057/funding/agreements/"+agreement("U60057"), "/pcns/U47425/funding/agreements/"+agreement("U47425")
	crossedA := "/pcns/U60057/funding/agreements/" + otherA[len("/pcns/U47425/funding/agreements/"):]
	ownR, otherR := "/pcns/U60057/funding/approved-roles/"+approval("U60057"), "/pcns/U47425/funding/approved-roles/"+approval("U47425")
	crossedR := "/pcns/U60057/funding/approved-roles/" + otherR[len("/pcns/U47425/funding/approved-roles/"):]
	seeOwn, seeOther := only(200, "admin", "lead", "manager", "director"), only(200, "admin", "other-lead", "other-manager")
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	var cases []matrixCase
	for _, route := range []string{"/funding/agreements", "/funding/approved-roles", "/funding/practice-shares"} {
		pattern := "GET /pcns/{code}" + route
		cases = append(cases,
			matrixCase{pattern, "/pcns/U60057" + route, seeOwn},
			matrixCase{pattern, "/pcns/U47425" + route, seeOther},
			matrixCase{pattern, "/pcns/U00001" + route, unknown})
	}
	manage := func(status int, own bool) want {
		if own {
			return only(status, "admin", "manager")
		}
		return only(status, "admin", "other-manager")
	}
	approve := func(status int, own bool) want {
		if own {
			return only(status, "admin", "lead")
		}
		return only(status, "admin", "other-lead")
	}
	return append(cases,
		matrixCase{"GET /pcns/{code}/funding/agreements/new", "/pcns/U60057/funding/agreements/new", manage(200, true)},
		matrixCase{"GET /pcns/{code}/funding/agreements/new", "/pcns/U47425/funding/agreements/new", manage(200, false)},
		matrixCase{"GET /pcns/{code}/funding/agreements/new", "/pcns/U00001/funding/agreements/new", unknown},
		matrixCase{"POST /pcns/{code}/funding/agreements/new", "/pcns/U60057/funding/agreements/new", manage(422, true)},
		matrixCase{"POST /pcns/{code}/funding/agreements/new", "/pcns/U47425/funding/agreements/new", manage(422, false)},
		matrixCase{"GET /pcns/{code}/funding/agreements/{id}", ownA, manage(200, true)},
		matrixCase{"GET /pcns/{code}/funding/agreements/{id}", otherA, manage(200, false)},
		matrixCase{"GET /pcns/{code}/funding/agreements/{id}", crossedA, manage(404, true)},
		matrixCase{"POST /pcns/{code}/funding/agreements/{id}", ownA, manage(422, true)},
		matrixCase{"POST /pcns/{code}/funding/agreements/{id}", crossedA, manage(404, true)},
		matrixCase{"POST /pcns/{code}/funding/agreements/{id}/delete", ownA + "/delete", manage(409, true)},
		matrixCase{"POST /pcns/{code}/funding/agreements/{id}/delete", otherA + "/delete", manage(409, false)},
		matrixCase{"POST /pcns/{code}/funding/agreements/{id}/delete", crossedA + "/delete", manage(404, true)},
		matrixCase{"GET /pcns/{code}/funding/practice-shares/edit", "/pcns/U60057/funding/practice-shares/edit", manage(200, true)},
		matrixCase{"GET /pcns/{code}/funding/practice-shares/edit", "/pcns/U47425/funding/practice-shares/edit", manage(200, false)},
		matrixCase{"POST /pcns/{code}/funding/practice-shares/edit", "/pcns/U60057/funding/practice-shares/edit", manage(422, true)},
		matrixCase{"POST /pcns/{code}/funding/practice-shares/edit", "/pcns/U47425/funding/practice-shares/edit", manage(422, false)},
		matrixCase{"GET /pcns/{code}/funding/approved-roles/new", "/pcns/U60057/funding/approved-roles/new", approve(200, true)},
		matrixCase{"GET /pcns/{code}/funding/approved-roles/new", "/pcns/U47425/funding/approved-roles/new", approve(200, false)},
		matrixCase{"GET /pcns/{code}/funding/approved-roles/new", "/pcns/U00001/funding/approved-roles/new", unknown},
		matrixCase{"POST /pcns/{code}/funding/approved-roles/new", "/pcns/U60057/funding/approved-roles/new", approve(422, true)},
		matrixCase{"POST /pcns/{code}/funding/approved-roles/new", "/pcns/U47425/funding/approved-roles/new", approve(422, false)},
		matrixCase{"GET /pcns/{code}/funding/approved-roles/{id}", ownR, approve(200, true)},
		matrixCase{"GET /pcns/{code}/funding/approved-roles/{id}", otherR, approve(200, false)},
		matrixCase{"GET /pcns/{code}/funding/approved-roles/{id}", crossedR, approve(404, true)},
		matrixCase{"POST /pcns/{code}/funding/approved-roles/{id}", ownR, approve(422, true)},
		matrixCase{"POST /pcns/{code}/funding/approved-roles/{id}", crossedR, approve(404, true)},
		matrixCase{"GET /icbs/{code}/payment-lag", "/icbs/QOC/payment-lag", approve(200, true)},
		matrixCase{"GET /icbs/{code}/payment-lag", "/icbs/QSL/payment-lag", approve(200, false)},
		matrixCase{"GET /icbs/{code}/payment-lag", "/icbs/ZZZ/payment-lag", unknown},
		matrixCase{"POST /icbs/{code}/payment-lag", "/icbs/QOC/payment-lag", approve(422, true)},
		matrixCase{"POST /icbs/{code}/payment-lag", "/icbs/QSL/payment-lag", approve(422, false)},
	)
}
