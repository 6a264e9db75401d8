package funding

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
)

// dataStart is the first national census imported; zero before any, when the records
// entered are all there is and every day is described by them.
func dataStart(ctx context.Context, db *store.DB) (time.Time, error) {
	d, err := db.FirstCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return time.Time{}, nil
	}
	return d, err
}

// Partial reports whether the year starts before the staff data does: the committed
// claims of its months before DataStart are not known, not £0 (PLANNING.md, "Known and
// unknown"), so the year's committed total and headroom are not known either. Pages
// and the funding report say so rather than show a full-year headroom built on zeros.
func (p PCNYear) Partial() bool {
	return !p.DataStart.IsZero() && p.Year.Year.Start().Before(p.DataStart)
}

// MonthKnown reports whether the committed claims of month m (April first) are known:
// the month starts on or after the data start.
func (p PCNYear) MonthKnown(m int) bool {
	return p.DataStart.IsZero() || !p.Year.Year.MonthStarts()[m].Before(p.DataStart)
}

// AboveUnknown counts the ARRS staff records with no annual cost: what the PCN pays
// above the cap for them is not known, so AbovePence excludes them and pages say
// "excluding N records with no cost" (or "not known" when none has a cost), never £0.
func (p PCNYear) AboveUnknown() int {
	n := 0
	for _, s := range p.Staff {
		n += b2i(arrsStream(s.Stream) && !s.Record.CostKnown)
	}
	return n
}
