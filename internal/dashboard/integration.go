package dashboard

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/store"
)

// Integration is the integration of the PCN's ARRS staff in post on the as-of date: the
// warnings of its integration page counted (integrationreport.CountsOf, as the ICB
// comparison and `arrs report integration` count them), and the answers to its latest
// closed round of the pulse.
type Integration struct {
	Counts integration.Counts
	// Pulse is the latest closed round counted; not known when none has closed.
	Pulse integrationreport.PulseCount
}

// integrationOf counts the warnings of the PCN's ARRS staff in post on asOf, with
// supervision links, appraisals and the three-month rule of day d, and reads its
// latest closed round of the pulse (integrationreport.LatestPulseCounts). It seals
// nothing: the page seals the rounds due before it reads the cached dashboard.
func integrationOf(ctx context.Context, db *store.DB, pcn string, asOf, d time.Time) (Integration, error) {
	counts, err := integrationreport.CountsOf(ctx, db, []string{pcn}, asOf, d)
	if err != nil {
		return Integration{}, err
	}
	pulses, err := integrationreport.LatestPulseCounts(ctx, db, []string{pcn})
	if err != nil {
		return Integration{}, err
	}
	return Integration{Counts: counts[pcn], Pulse: pulses[pcn]}, nil
}
