package server

// dashboardMatrixCases are the rows of the dashboard and ICB comparison routes. A
// PCN's dashboard: its users, its ICB's leads and admins (pcnMember). An ICB's
// comparison and its files: the users of its PCNs, its leads and admins (icbMember);
// a user of another ICB, lead or PCN user, is refused (403), because the page shows
// other networks' plan-derived figures (docs/dashboards.md).
func dashboardMatrixCases() []matrixCase {
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	own, other := only(200, "admin", "lead", "manager", "director"), only(200, "admin", "other-lead", "other-manager")
	cases := []matrixCase{
		{"GET /pcns/{code}/dashboard", "/pcns/U60057/dashboard", own},
		{"GET /pcns/{code}/dashboard", "/pcns/U47425/dashboard", other},
		{"GET /pcns/{code}/dashboard", "/pcns/U00001/dashboard", unknown},
	}
	for _, file := range []string{"", ".csv", ".xlsx"} {
		route := "GET /icbs/{code}/compare" + file
		cases = append(cases,
			matrixCase{route, "/icbs/QOC/compare" + file, own},
			matrixCase{route, "/icbs/QSL/compare" + file, other},
			matrixCase{route, "/icbs/QZZ/compare" + file, unknown})
	}
	return append(cases, matrixCase{"GET /icbs/{code}/compare", "/icbs/qoc/compare?sort=reached&dir=desc", own})
}
