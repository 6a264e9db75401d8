package server

import (
	"io"
	"net/http"
	"strings"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// cashflowDownload is /pcns/{code}/cashflow.csv and .xlsx: the cash flow of the year
// ?year= (one of the plan window's, this one by default) at the page's ?lag= and
// ?uplift=, one row per month, as `arrs report cashflow` writes it.
func (s *Server) cashflowDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.pcnOfURL(r)
		if err != nil {
			return err
		}
		q, err := readCashQuery(r.URL.Query(), funding.Years(s.today()), false)
		if err != nil {
			return err
		}
		asOf, _, err := funding.AsOf(r.Context(), s.db, s.today())
		if err != nil {
			return err
		}
		res, err := funding.Compute(r.Context(), s.db, funding.Request{PCNs: []workforce.PCN{p}, Years: q.years, AsOf: asOf, Lag: q.lag, Uplift: q.uplift})
		if err != nil {
			return err
		}
		y, _ := res.For(p.Code, q.years[0])
		name := "arrs-cashflow-" + p.Code + "-" + strings.ReplaceAll(q.years[0].String(), "/", "-")
		return attachment(w, format, name, func(w io.Writer) error { return report.WriteCashFlowFile(w, format, report.CashFlowRows(y)) })
	}
}
