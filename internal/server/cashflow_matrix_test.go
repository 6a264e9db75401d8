package server

// cashflowMatrixCases are the rows of the cash flow routes: a PCN's cash flow, its
// what-if and its downloads to the PCN's users, its ICB's leads and admins, as its
// funding page. A what-if naming a record that is not the PCN's is not found.
func cashflowMatrixCases() []matrixCase {
	seeOwn, seeOther := only(200, "admin", "lead", "manager", "director"), only(200, "admin", "other-lead", "other-manager")
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	var cases []matrixCase
	for _, route := range []string{"/cashflow", "/cashflow.csv", "/cashflow.xlsx"} {
		pattern := "GET /pcns/{code}" + route
		cases = append(cases,
			matrixCase{pattern, "/pcns/U60057" + route, seeOwn},
			matrixCase{pattern, "/pcns/U47425" + route, seeOther},
			matrixCase{pattern, "/pcns/U00001" + route, unknown},
			matrixCase{pattern, "/pcns/U60057" + route + "?lag=9", only(400, "admin", "lead", "manager", "director")})
	}
	return append(cases,
		matrixCase{"GET /pcns/{code}/cashflow", "/pcns/U60057/cashflow?move=staff-0&to=other", only(404, "admin", "lead", "manager", "director")})
}
