package gaps

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// SeriesPoint is England's ARRS FTE in one census month: as NHS England published it,
// or, when Imported, summed from the staff records of a census imported here.
type SeriesPoint struct {
	Month    time.Time
	FTE      float64
	Imported bool
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

// EnglandTrend is England's ARRS FTE by census month, the line England's page and the
// gap page's trajectory draw (PLANNING.md, "Known and unknown"): every national census
// imported so far, from the staff records (store.CensusARRSFTE, the figure England's
// page shows for that day), joined to NHS England's published series for the months
// before the data start, which the records do not describe. From the data start on,
// only imported censuses count: a published month the imports skipped is left out
// rather than mixed in, so the line after the data start is the app's own figures.
// Months come in order.
func EnglandTrend(ctx context.Context, db *store.DB) ([]SeriesPoint, error) {
	imported, err := db.CensusARRSFTE(ctx)
	if err != nil {
		return nil, err
	}
	published, err := NationalSeries(ctx, db)
	if err != nil {
		return nil, err
	}
	return joinTrend(published, imported), nil
}

// joinTrend is the published months before the first imported census, then every
// imported census.
func joinTrend(published []SeriesPoint, imported []store.CensusFTE) []SeriesPoint {
	var out []SeriesPoint
	for _, p := range published {
		if len(imported) == 0 || p.Month.Before(imported[0].Census) {
			out = append(out, p)
		}
	}
	for _, c := range imported {
		out = append(out, SeriesPoint{Month: c.Census, FTE: c.FTE, Imported: true})
	}
	return out
}
