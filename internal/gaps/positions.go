package gaps

import (
	"sync"

	"github.com/arrs-planner/arrs/internal/planning"
)

// lazyPositions works a report's positions out once, on first use: the report is
// shared (the server caches it per data version), so are they.
type lazyPositions struct {
	once sync.Once
	p    *planning.Positions
}

// Positions are England's positions on the report's as-of date
// (planning.EnglandPositions), worked out on first use and kept with the report.
func (r *Result) Positions() *planning.Positions {
	if r.positions == nil {
		return planning.EnglandPositions(r.Report, r.Inputs)
	}
	r.positions.once.Do(func() { r.positions.p = planning.EnglandPositions(r.Report, r.Inputs) })
	return r.positions.p
}
