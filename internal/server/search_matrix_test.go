package server

// searchMatrixCases are the rows of the routes that find a place: the search, the
// lists of PCNs and ICBs, and a practice's page, open to every signed-in user (the
// names and codes of organisations are public). The reference data holds no practice,
// so a practice's page is a 404 past the rule (search_test.go shows one).
func searchMatrixCases() []matrixCase {
	return []matrixCase{
		{"GET /search", "/search?q=Shrewsbury", signedInGets(200)},
		{"GET /search", "/search", signedInGets(200)},
		{"GET /pcns", "/pcns", signedInGets(200)},
		{"GET /pcns", "/pcns?icb=QOC", signedInGets(200)},
		{"GET /icbs", "/icbs", signedInGets(200)},
		{"GET /practices/{code}", "/practices/A81001", signedInGets(404)},
	}
}
