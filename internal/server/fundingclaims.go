package server

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/report"
)

// claimTextColumns are the claim schedule's text columns; the others hold numbers.
var claimTextColumns = map[string]bool{"staff": true, "role": true, "month": true}

// fundingClaims is /pcns/{code}/funding/claims.csv and .xlsx: the monthly claim
// schedule of the year ?year=2025/26 (default this year), one row per staff record
// per month in post (report.ClaimsHeader), text escaped against formula injection.
func (s *Server) fundingClaims(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, ok := s.pcnICB(r, strings.ToUpper(chi.URLParam(r, "code")))
		if !ok {
			return errNotFound
		}
		year := planning.FinancialYearOf(s.today())
		if v := r.URL.Query().Get("year"); v != "" {
			var err error
			if year, err = planning.ParseFinancialYear(v); err != nil {
				return errBadRequest("The year %q is not a financial year in the form 2025/26.", v)
			}
		}
		res, _, err := s.fundingOf(r, p, year)
		if err != nil {
			return err
		}
		y, _ := res.For(p.Code, year)
		rows := y.Claims()
		for i := range rows {
			rows[i].Staff, rows[i].Role = escapeFormula(rows[i].Staff), escapeFormula(rows[i].Role)
		}
		var out bytes.Buffer
		if err := report.WriteClaims(&out, report.CSV, rows); err != nil {
			return err
		}
		name := "arrs-claims-" + p.Code + "-" + strings.ReplaceAll(year.String(), "/", "-")
		return writeTable(w, format, name, "Claims", claimTextColumns, out.Bytes())
	}
}
