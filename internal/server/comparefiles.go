package server

import (
	"io"
	"net/http"

	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// icbCompareDownload is /icbs/{code}/compare.csv and .xlsx: the ICB's comparison as
// report.WriteComparison writes it, one row per PCN by code whatever the page's order.
func (s *Server) icbCompareDownload(format report.Format) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		icb, err := s.icbOfURL(r)
		if err != nil {
			return err
		}
		data, err := s.compareOf(r.Context(), icb)
		if err != nil {
			return err
		}
		roles, err := cached(r.Context(), s, "roles", s.db.Roles)
		if err != nil {
			return err
		}
		rows := make([]report.ComparisonRow, len(data.rows))
		for i, row := range data.rows {
			rows[i] = comparisonRow(row)
		}
		day := data.asOf
		if !data.census {
			day = s.today()
		}
		name := "arrs-compare-icb-" + icb.Code + "-" + day.Format(workforce.DateLayout)
		return attachment(w, format, name, func(w io.Writer) error { return report.WriteComparison(w, format, rows, roles) })
	}
}

// comparisonRow is a PCN's row of the comparison as its download takes it.
func comparisonRow(row compareRow) report.ComparisonRow {
	v := row.view
	status := "none"
	if !row.plan.None {
		status = row.plan.Status.Code
	}
	return report.ComparisonRow{Code: v.Code, Name: v.Name, Population: v.Population, ListSize: v.ListSize, InPost: v.InPost,
		Per10k: v.Per10k, Reached: v.Reached, HasPer10k: v.HasPer10k, HasReached: v.HasReached,
		Per10kDecile: v.Per10kDecile, ReachedDecile: v.ReachedDecile, FairShare: v.FairShare, HeadroomPence: v.Headroom,
		Needing: v.Needing, Covered: v.Covered, Coverage: v.Coverage,
		Available: v.Available, ShortNow: v.ShortNow, ShortWithPlan: v.ShortWithPlan, FirstShort: v.FirstShort,
		PlanVersion: row.plan.Version, PlanStatus: status, WaitingFor: row.plan.WaitsFor, ByRole: row.byRole}
}
