package server

// pulseMatrixCases are the rows of the pulse's routes. The public form of a link is
// open to everyone, signed in or not, and answers by the link alone: an unknown link
// is 404 to each. A PCN's pulse page and files are its users', its ICB's leads' and
// admins'; opening, printing and closing rounds its managers' and admins'; an ICB's
// page and files its members' (icbMember). No round exists here, so a round's pages
// are 404 to those allowed.
func pulseMatrixCases() []matrixCase {
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	const token = "/pulse/abcdefghijklmnopqrstuvwxyz"
	own, other := "/pcns/U60057/pulse", "/pcns/U47425/pulse"
	var cases []matrixCase
	for _, path := range []string{token, "/pulse/not-a-token"} {
		cases = append(cases, matrixCase{"GET /pulse/{token}", path, allGet(404)}, matrixCase{"POST /pulse/{token}", path, allGet(404)})
	}
	for _, ext := range []string{"", ".csv", ".xlsx"} {
		route := "GET /pcns/{code}/pulse" + ext
		cases = append(cases,
			matrixCase{route, own + ext, only(200, "admin", "lead", "manager", "director")},
			matrixCase{route, other + ext, only(200, "admin", "other-lead", "other-manager")},
			matrixCase{route, "/pcns/U00001/pulse" + ext, unknown})
		icbRoute := "GET /icbs/{code}/pulse" + ext
		cases = append(cases,
			matrixCase{icbRoute, "/icbs/QOC/pulse" + ext, only(200, "admin", "lead", "manager", "director")},
			matrixCase{icbRoute, "/icbs/QSL/pulse" + ext, only(200, "admin", "other-lead", "other-manager")},
			matrixCase{icbRoute, "/icbs/QZZ/pulse" + ext, unknown})
	}
	return append(cases,
		matrixCase{"GET /pcns/{code}/pulse/new", own + "/new", only(200, "admin", "manager")},
		matrixCase{"GET /pcns/{code}/pulse/new", other + "/new", only(200, "admin", "other-manager")},
		matrixCase{"GET /pcns/{code}/pulse/new", "/pcns/U00001/pulse/new", unknown},
		// An empty form (no closing date): 422 to those allowed.
		matrixCase{"POST /pcns/{code}/pulse/new", own + "/new", only(422, "admin", "manager")},
		matrixCase{"POST /pcns/{code}/pulse/new", other + "/new", only(422, "admin", "other-manager")},
		matrixCase{"GET /pcns/{code}/pulse/{id}/links", own + "/999999/links", only(404, "admin", "manager")},
		matrixCase{"GET /pcns/{code}/pulse/{id}/links", other + "/999999/links", only(404, "admin", "other-manager")},
		matrixCase{"GET /pcns/{code}/pulse/{id}/close", own + "/999999/close", only(404, "admin", "manager")},
		matrixCase{"GET /pcns/{code}/pulse/{id}/close", own + "/x/close", only(404, "admin", "manager")},
		matrixCase{"POST /pcns/{code}/pulse/{id}/close", own + "/999999/close", only(404, "admin", "manager")},
		matrixCase{"POST /pcns/{code}/pulse/{id}/close", other + "/999999/close", only(404, "admin", "other-manager")},
	)
}
