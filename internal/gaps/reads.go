package gaps

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Reads is what a gap report reads per PCN, the inputs that grow with England's PCNs
// and their history: the ARRS staff in post over the report's days, the current plans'
// lines and the PCNs with no return for a census. *store.DB reads them whole (the
// command line, the reports); package england keeps them per PCN and reads again only
// the PCNs whose data changed, so both give the same report.
type Reads interface {
	// ARRSStaffBetween is every ARRS record in post on some day of [from, to], by PCN
	// then id.
	ARRSStaffBetween(ctx context.Context, from, to time.Time) ([]workforce.Staff, error)
	// CurrentPlanLines is the lines of every PCN's current plan, by PCN, quarter, role
	// and stream.
	CurrentPlanLines(ctx context.Context) ([]workforce.PlanLine, error)
	// NoReturn is the PCNs with no return for the national census of that date.
	NoReturn(ctx context.Context, census time.Time) (map[string]bool, error)
}
