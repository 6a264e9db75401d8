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
func markNoReturn(ctx context.Context, db Reads, pcns []planning.PCN, asOf, at time.Time) error {
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

// Returns is which PCNs made no return for the census describing one day: the fact
// the workforce pages state beside their figures for that day.
type Returns struct {
	// Census is the national census describing the day (planning.CensusNeeded);
	// zero when no national import has that date, and then None says nothing.
	Census time.Time
	// None holds the codes of the PCNs that made no return for Census.
	None map[string]bool
}

// NoReturnOn is the PCNs that made no return for the census describing day, the rule
// of the gap pages (PLANNING.md, "No return"), so both say the same of the same day. A
// day no imported census describes (after the latest, or before the first) has none
// to tell, which the zero Census marks, rather than "every PCN made a return".
func NoReturnOn(ctx context.Context, db *store.DB, day time.Time) (Returns, error) {
	return NoReturnOnWith(ctx, db, db, day)
}

// NoReturnOnWith is NoReturnOn with the returns read through reads.
func NoReturnOnWith(ctx context.Context, db *store.DB, reads Reads, day time.Time) (Returns, error) {
	census := planning.CensusNeeded(day)
	ok, err := db.NationalCensus(ctx, census)
	if err != nil || !ok {
		return Returns{}, err
	}
	none, err := reads.NoReturn(ctx, census)
	if err != nil {
		return Returns{}, err
	}
	return Returns{Census: census, None: none}, nil
}
