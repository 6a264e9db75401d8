package server

// needMatrixCases are the rows of England's page of staffing against need and its
// files: every signed-in user sees them (England's figures, as /gaps); a bad parameter
// is a 400 to each of them.
func needMatrixCases() []matrixCase {
	return []matrixCase{
		{"GET /need", "/need", signedInGets(200)},
		{"GET /need", "/need?icb=QOC", signedInGets(200)},
		{"GET /need", "/need?page=0", signedInGets(400)},
		{"GET /need.csv", "/need.csv", signedInGets(200)},
		{"GET /need.csv", "/need.csv?level=icb", signedInGets(200)},
		{"GET /need.csv", "/need.csv?level=practice", signedInGets(400)},
		{"GET /need.xlsx", "/need.xlsx?level=region", signedInGets(200)},
	}
}
