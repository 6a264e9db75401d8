package server

// peersMatrixCases are the rows of a PCN's similar networks and its peer group's form:
// the page is its users', its ICB's leads' and admins' (pcnMember); the form only the
// leads of its ICB and admins' (icbReviewer), so the PCN's own manager and director are
// refused (403). An empty form is shown again with 422.
func peersMatrixCases() []matrixCase {
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	const page, edit = "/peers", "/peers/edit"
	return []matrixCase{
		{"GET /pcns/{code}/peers", "/pcns/U60057" + page, only(200, "admin", "lead", "manager", "director")},
		{"GET /pcns/{code}/peers", "/pcns/U47425" + page, only(200, "admin", "other-lead", "other-manager")},
		{"GET /pcns/{code}/peers", "/pcns/U00001" + page, unknown},
		{"GET /pcns/{code}/peers/edit", "/pcns/U60057" + edit, only(200, "admin", "lead")},
		{"GET /pcns/{code}/peers/edit", "/pcns/U47425" + edit, only(200, "admin", "other-lead")},
		{"GET /pcns/{code}/peers/edit", "/pcns/U00001" + edit, unknown},
		{"POST /pcns/{code}/peers/edit", "/pcns/U60057" + edit, only(422, "admin", "lead")},
		{"POST /pcns/{code}/peers/edit", "/pcns/U47425" + edit, only(422, "admin", "other-lead")},
		{"POST /pcns/{code}/peers/edit", "/pcns/U00001" + edit, unknown},
	}
}
