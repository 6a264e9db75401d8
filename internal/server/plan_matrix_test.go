package server

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// planMatrixCases are the rows of the recruitment plan routes. The demo PCN U60057 has
// a draft (so its downloads answer 200); the other PCN U47425 has no plan (404). A
// PCN's users, its ICB's leads and admins see the plan; its managers and admins edit,
// upload and submit; its clinical directors alone sign off and send back; its ICB's
// leads and admins accept and return. Empty posts from an allowed persona are 400 (no
// version named) or 422 (no file). Each move's confirmation page has the move's rule:
// submit's answers 200 on the draft; the others 409 (a draft takes none of them), as
// does every page of the PCN with no plan.
func planMatrixCases(t *testing.T, db *store.DB) []matrixCase {
	t.Helper()
	one := 1.0
	if _, err := db.SaveDraft(context.Background(), store.DraftSave{PCN: "U60057", Action: workforce.ActionSave, By: store.Actor{Name: "test"},
		Lines: []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: one}}}); err != nil {
		t.Fatal(err)
	}
	seeOwn, seeOther := only(200, "admin", "lead", "manager", "director"), only(200, "admin", "other-lead", "other-manager")
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	return []matrixCase{
		{"GET /pcns/{code}/plan", "/pcns/U60057/plan", seeOwn},
		{"GET /pcns/{code}/plan", "/pcns/U47425/plan", seeOther},
		{"GET /pcns/{code}/plan", "/pcns/U00001/plan", unknown},
		{"GET /pcns/{code}/plan/history", "/pcns/U60057/plan/history", seeOwn},
		{"GET /pcns/{code}/plan/history", "/pcns/U47425/plan/history", seeOther},
		{"GET /pcns/{code}/plan.csv", "/pcns/U60057/plan.csv", seeOwn},
		{"GET /pcns/{code}/plan.csv", "/pcns/U47425/plan.csv", only(404, "admin", "other-lead", "other-manager")},
		{"GET /pcns/{code}/plan.xlsx", "/pcns/U60057/plan.xlsx", seeOwn},
		{"GET /pcns/{code}/plan.xlsx", "/pcns/U00001/plan.xlsx", unknown},
		{"POST /pcns/{code}/plan", "/pcns/U60057/plan", only(400, "admin", "manager")},
		{"POST /pcns/{code}/plan", "/pcns/U47425/plan", only(400, "admin", "other-manager")},
		{"POST /pcns/{code}/plan", "/pcns/U00001/plan", unknown},
		{"POST /pcns/{code}/plan/upload", "/pcns/U60057/plan/upload", only(422, "admin", "manager")},
		{"POST /pcns/{code}/plan/upload", "/pcns/U47425/plan/upload", only(422, "admin", "other-manager")},
		{"POST /pcns/{code}/plan/preview", "/pcns/U60057/plan/preview", only(400, "admin", "manager")},
		{"POST /pcns/{code}/plan/preview", "/pcns/U47425/plan/preview", only(400, "admin", "other-manager")},
		{"POST /pcns/{code}/plan/preview", "/pcns/U00001/plan/preview", unknown},
		{"POST /pcns/{code}/plan/submit", "/pcns/U60057/plan/submit", only(400, "admin", "manager")},
		{"POST /pcns/{code}/plan/submit", "/pcns/U47425/plan/submit", only(400, "admin", "other-manager")},
		{"POST /pcns/{code}/plan/sign-off", "/pcns/U60057/plan/sign-off", only(400, "director")},
		{"POST /pcns/{code}/plan/sign-off", "/pcns/U47425/plan/sign-off", only(400)},
		{"POST /pcns/{code}/plan/sign-off", "/pcns/U00001/plan/sign-off", unknown},
		{"POST /pcns/{code}/plan/accept", "/pcns/U60057/plan/accept", only(400, "admin", "lead")},
		{"POST /pcns/{code}/plan/accept", "/pcns/U47425/plan/accept", only(400, "admin", "other-lead")},
		{"POST /pcns/{code}/plan/return", "/pcns/U60057/plan/return", only(400, "admin", "lead")},
		{"POST /pcns/{code}/plan/return", "/pcns/U47425/plan/return", only(400, "admin", "other-lead")},
		{"POST /pcns/{code}/plan/return", "/pcns/U00001/plan/return", unknown},
		{"POST /pcns/{code}/plan/send-back", "/pcns/U60057/plan/send-back", only(400, "director")},
		{"POST /pcns/{code}/plan/send-back", "/pcns/U47425/plan/send-back", only(400)},
		{"POST /pcns/{code}/plan/send-back", "/pcns/U00001/plan/send-back", unknown},

		{"GET /pcns/{code}/plan/submit", "/pcns/U60057/plan/submit", only(200, "admin", "manager")},
		{"GET /pcns/{code}/plan/submit", "/pcns/U47425/plan/submit", only(409, "admin", "other-manager")},
		{"GET /pcns/{code}/plan/submit", "/pcns/U00001/plan/submit", unknown},
		{"GET /pcns/{code}/plan/sign-off", "/pcns/U60057/plan/sign-off", only(409, "director")},
		{"GET /pcns/{code}/plan/sign-off", "/pcns/U47425/plan/sign-off", only(409)},
		{"GET /pcns/{code}/plan/send-back", "/pcns/U60057/plan/send-back", only(409, "director")},
		{"GET /pcns/{code}/plan/send-back", "/pcns/U00001/plan/send-back", unknown},
		{"GET /pcns/{code}/plan/accept", "/pcns/U60057/plan/accept", only(409, "admin", "lead")},
		{"GET /pcns/{code}/plan/accept", "/pcns/U47425/plan/accept", only(409, "admin", "other-lead")},
		{"GET /pcns/{code}/plan/return", "/pcns/U60057/plan/return", only(409, "admin", "lead")},
		{"GET /pcns/{code}/plan/return", "/pcns/U47425/plan/return", only(409, "admin", "other-lead")},
		{"GET /pcns/{code}/plan/return", "/pcns/U00001/plan/return", unknown},
	}
}
