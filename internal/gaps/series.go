package gaps

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// SeriesPoint is England's ARRS FTE in one census month, as NHS England published it.
type SeriesPoint struct {
	Month time.Time
	FTE   float64
}

// NationalSeries sums NHS England's published monthly FTE over the NWRS staff roles
// that map to an ARRS role, with the mapping imports use (workforce.ARRSRoleFor): the
// line of what happened that the gap page's trajectory and England's page draw. Months
// come in order.
func NationalSeries(ctx context.Context, db *store.DB) ([]SeriesPoint, error) {
	points, err := db.NationalSeries(ctx)
	if err != nil {
		return nil, err
	}
	mapping, err := db.NWRSRoleMap(ctx)
	if err != nil {
		return nil, err
	}
	var out []SeriesPoint
	for _, p := range points {
		if workforce.ARRSRoleFor(p.StaffRole, mapping) == "" {
			continue
		}
		if len(out) == 0 || !out[len(out)-1].Month.Equal(p.Month) {
			out = append(out, SeriesPoint{Month: p.Month})
		}
		out[len(out)-1].FTE += p.FTE
	}
	return out, nil
}
