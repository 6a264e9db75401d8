package server

// planFilesMatrixCases are the rows of the authorisation matrix for the plan in the
// template's layout: the PCN's people, its ICB's leads and admins see it, as they see
// the plan (the matrix's U60057 has a draft; U47425 has no plan).
func planFilesMatrixCases() []matrixCase {
	seeOwn := only(200, "admin", "lead", "manager", "director")
	noPlan := only(404, "admin", "other-lead", "other-manager")
	unknown := want{"anon": 303, "admin": 404, "lead": 404, "manager": 404, "director": 404, "other-lead": 404, "other-manager": 404}
	return []matrixCase{
		{"GET /pcns/{code}/plan/template.xlsx", "/pcns/U60057/plan/template.xlsx", seeOwn},
		{"GET /pcns/{code}/plan/template.xlsx", "/pcns/U47425/plan/template.xlsx", noPlan},
		{"GET /pcns/{code}/plan/template.xlsx", "/pcns/U00001/plan/template.xlsx", unknown},
		{"GET /pcns/{code}/plan/print", "/pcns/U60057/plan/print", seeOwn},
		{"GET /pcns/{code}/plan/print", "/pcns/U47425/plan/print", noPlan},
		{"GET /pcns/{code}/plan/print", "/pcns/U00001/plan/print", unknown},
	}
}
