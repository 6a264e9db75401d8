package server

import (
	"io"
	"net/http"

	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// icbCompareDownload is /icbs/{code}/compare.csv and .xlsx: the ICB's comparison as
// report.WriteComparison (and `arrs report compare`) writes it, one row per PCN by
// code whatever the page's order, FTE per 10,000 on the page's ?denominator=.
func (s *Server) icbCompareDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		icb, err := s.icbOfURL(r)
		if err != nil {
			return err
		}
		data, err := s.compareOf(r)
		if err != nil {
			return err
		}
		roles, err := cached(r.Context(), s, "roles", s.db.Roles)
		if err != nil {
			return err
		}
		day := data.asOf
		if !data.census {
			day = s.today()
		}
		name := "arrs-compare-icb-" + icb.Code + "-" + day.Format(workforce.DateLayout)
		return attachment(w, format, name, func(w io.Writer) error { return report.WriteComparison(w, format, data.res, roles) })
	}
}
