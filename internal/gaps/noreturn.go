package gaps

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
)

// markNoReturn flags the PCNs that made no return for the census describing the day
// their staff are counted on, min(at, as-of) (PLANNING.md, "No return"). Such a PCN
// already counts 0 FTE that day, since an import ends the records of a PCN the file
// lacks; the flag lets every row and area say so. The fact is read from the staff
// records in post on the census date, so nothing more is stored at import.
func markNoReturn(ctx context.Context, db *store.DB, pcns []planning.PCN, asOf, at time.Time) error {
	day := at
	if asOf.Before(at) {
		day = asOf
	}
	none, err := db.NoReturn(ctx, planning.CensusNeeded(day))
	if err != nil {
		return err
	}
	for i := range pcns {
		pcns[i].NoReturn = none[pcns[i].Code]
	}
	return nil
}
