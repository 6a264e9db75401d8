package server

import "net/http"

// needWeightsMatrixCases are the rows of the need weights: every signed-in user reads
// them and their sources; only admins open and save the form. The matrix's post names
// neither source's version, as no form of the page does: 400 before anything is read.
func needWeightsMatrixCases() []matrixCase {
	return []matrixCase{
		{"GET /need/weights", "/need/weights", signedInGets(http.StatusOK)},
		{"GET /admin/need-weights", "/admin/need-weights", only(http.StatusOK, "admin")},
		{"POST /admin/need-weights", "/admin/need-weights", only(http.StatusBadRequest, "admin")},
	}
}
