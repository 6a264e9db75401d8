package ingest

import (
	"context"
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Populations reads a weighted populations file and upserts it in one transaction: a
// (PCN, effective date) already held takes the file's value. It returns the rows
// written. A weighted population moves every PCN's fair share in England, so each value
// must be plausible for its PCN's registered list and take effect between the scheme's
// start and 15 months after today in England (importer.PopulationBounds); now is the
// clock's reading. Each PCN changed gets its own audit entry, naming its ICB, with the
// values before and after.
//
// mayChange, when not nil, says which PCNs the person may change (an ICB lead: their
// ICBs' PCNs); a line naming any other refuses the whole file as a *ScopeError.
func Populations(ctx context.Context, db *store.DB, name string, r io.Reader, by store.Actor, mayChange func(pcn string) bool, now time.Time) (int, error) {
	known, pcns, err := knownCodes(ctx, db, mayChange)
	if err != nil {
		return 0, err
	}
	bounds := importer.PopulationBounds{Today: workforce.Today(now), ListSizes: make(map[string]int, len(pcns))}
	for _, p := range pcns {
		bounds.ListSizes[p.Code] = p.RegisteredPatients
	}
	pops, err := importer.ReadPopulations(name, r, known, bounds)
	if err != nil {
		return 0, err
	}
	return db.UpsertPopulations(ctx, name, pops, by)
}
