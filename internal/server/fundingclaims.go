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
// per month it claims for, with its stream and share, as report.WriteClaimsFile (and
// `arrs report claims`) writes it.
func (s *Server) fundingClaims(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.pcnOfURL(r)
		if err != nil {
			return err
		}
		year, err := s.claimsYear(r)
		if err != nil {
			return err
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

// maxYearParam bounds ?year= before it is read or echoed in a refusal.
const maxYearParam = 16

// claimsYear is the year a claim schedule is asked for: this one by default, else one
// from the scheme's first (2019/20) to the last of the funding page's window.
func (s *Server) claimsYear(r *http.Request) (workforce.FinancialYear, error) {
	v := r.URL.Query().Get("year")
	if v == "" {
		return workforce.FinancialYearOf(s.today()), nil
	}
	if len(v) > maxYearParam {
		return 0, errBadRequest("The year is longer than %d characters: give a financial year in the form 2025/26.", maxYearParam)
	}
	year, err := workforce.ParseFinancialYear(v)
	if err != nil {
		return 0, errBadRequest("The year %q is not a financial year in the form 2025/26.", v)
	}
	window := funding.Years(s.today())
	first, last := workforce.FinancialYearOf(workforce.FirstStaffStart), window[len(window)-1]
	if year < first || year > last {
		return 0, errBadRequest("The year %s is outside the years with claims to schedule, %s to %s.", year, first, last)
	}
	return year, nil
}
