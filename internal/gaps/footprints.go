package gaps

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Footprints chooses the ICBs a day's figures are summed into (PLANNING.md,
// "Organisations over time"): the ICBs as they were on the day, the default, or
// today's, each PCN's figures counted in the ICB it belongs to today. String names them
// as ?footprints= and --footprints do: as-it-was or current.
type Footprints string

// The two choices; as it was is the zero value, the default.
const (
	AsItWas Footprints = ""
	Current Footprints = "current"
)

// ParamFootprints is the query parameter that carries the choice.
const ParamFootprints = "footprints"

// ErrFootprints refuses a choice that is neither.
var ErrFootprints = fmt.Errorf("footprints must be %s or %s", AsItWas, Current)

// ParseFootprints reads the choice as a page's query or the command line gives it; ""
// is as it was.
func ParseFootprints(s string) (Footprints, error) {
	switch s {
	case "", "as-it-was":
		return AsItWas, nil
	case string(Current):
		return Current, nil
	}
	return AsItWas, fmt.Errorf("%w, not %s", ErrFootprints, strconv.Quote(s))
}

// IsCurrent reports whether figures go to today's footprints.
func (f Footprints) IsCurrent() bool { return f == Current }

// String is the choice as the query and the command line name it.
func (f Footprints) String() string {
	if f.IsCurrent() {
		return string(Current)
	}
	return "as-it-was"
}

// Tree is the structure figures of day d are summed into: the hierarchy in force on d,
// or d's PCNs on the footprints of today (zero: the store's clock).
func (f Footprints) Tree(ctx context.Context, db *store.DB, d, today time.Time) (*workforce.Tree, error) {
	if f.IsCurrent() {
		return db.TreeOnTodays(ctx, d, today)
	}
	return db.TreeOn(ctx, d)
}

// Areas rolls the FTE in post on day d up into the structure of Tree.
func (f Footprints) Areas(ctx context.Context, db *store.DB, d, today time.Time) (*workforce.Areas, error) {
	if f.IsCurrent() {
		return db.WorkforceAreasOnTodays(ctx, d, today)
	}
	return db.WorkforceAreas(ctx, d)
}

// FTEReads reads the FTE in post on a day by PCN and role: *store.DB whole, package
// england per PCN.
type FTEReads interface {
	FTEByPCNRole(ctx context.Context, d time.Time) ([]workforce.RoleFTE, error)
}

// AreasWith is Areas with the FTE in post read through reads.
func (f Footprints) AreasWith(ctx context.Context, db *store.DB, reads FTEReads, d, today time.Time) (*workforce.Areas, error) {
	tree, err := f.Tree(ctx, db, d, today)
	if err != nil {
		return nil, err
	}
	rows, err := reads.FTEByPCNRole(ctx, d)
	if err != nil {
		return nil, err
	}
	return workforce.Rollup(tree, rows), nil
}

// Describe says which structure figures of day are summed into, as a page states it:
// "ICBs as they were on 30 November 2025", or "ICBs on today's footprints (36 ICBs
// from 1 April 2026)", today being the ICBs in force today.
func (f Footprints) Describe(day time.Time, today []workforce.ICB) string {
	if !f.IsCurrent() {
		return "ICBs as they were on " + day.Format(dateLong)
	}
	var from time.Time
	for _, c := range today {
		if c.Opened.After(from) {
			from = c.Opened
		}
	}
	out := "ICBs on today's footprints (" + strconv.Itoa(len(today)) + " ICBs"
	if !from.IsZero() {
		out += " from " + from.Format(dateLong)
	}
	return out + ")"
}

// dateLong is how a sentence writes a day: "1 April 2026".
const dateLong = "2 January 2006"
