package compare

import (
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Plan is where the PCN's plan stands: its newest version still in the workflow
// (superseded versions left it); ok is false when it has none.
func (r Row) Plan() (v store.PlanVersion, ok bool) {
	for _, v := range r.Versions {
		if v.Status != workforce.PlanSuperseded {
			return v, true
		}
	}
	return v, false
}
