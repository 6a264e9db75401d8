package server

import (
	"io"
	"net/http"
	"strings"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// fundingClaims is /pcns/{code}/funding/claims.csv and .xlsx: the monthly claim
// schedule of the year ?year=2025/26 (default this year), one row per staff record
// per month in post, as report.WriteClaimsFile (and `arrs report claims`) writes it.
func (s *Server) fundingClaims(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.pcnOfURL(r)
		if err != nil {
			return err
		}
		year := workforce.FinancialYearOf(s.today())
		if v := r.URL.Query().Get("year"); v != "" {
			var err error
			if year, err = workforce.ParseFinancialYear(v); err != nil {
				return errBadRequest("The year %q is not a financial year in the form 2025/26.", v)
			}
		}
		res, _, err := funding.ForPCN(r.Context(), s.db, s.today(), p, year)
		if err != nil {
			return err
		}
		y, _ := res.For(p.Code, year)
		rows := y.Claims()
		name := "arrs-claims-" + p.Code + "-" + strings.ReplaceAll(year.String(), "/", "-")
		return attachment(w, format, name, func(w io.Writer) error { return report.WriteClaimsFile(w, format, rows) })
	}
}
