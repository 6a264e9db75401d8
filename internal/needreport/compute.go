package needreport

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Compute works out the need report (every level; Rows picks one): need on the day,
// min(At, AsOf), for the PCNs of opts.Tree (else the structure of the day), and their
// ARRS FTE in post that day, the gap report's in_post.
func Compute(ctx context.Context, db *store.DB, opts Options) (*Report, error) {
	return ComputeWith(ctx, db, db, opts)
}

// Reads is what the need report reads per PCN: the ARRS staff in post on its day and
// the PCNs with no return for the census. *store.DB reads them whole; package england
// keeps them per PCN (gaps.Reads is the same and more).
type Reads interface {
	ARRSStaffBetween(ctx context.Context, from, to time.Time) ([]workforce.Staff, error)
	NoReturn(ctx context.Context, census time.Time) (map[string]bool, error)
}

// ComputeWith is Compute with the staff and the returns read through reads: the same
// report, from inputs that may be kept between reports.
func ComputeWith(ctx context.Context, db *store.DB, reads Reads, opts Options) (*Report, error) {
	r := &Report{Options: opts}
	if err := r.days(ctx, db, opts); err != nil {
		return nil, err
	}
	tree := opts.Tree
	if tree == nil {
		var err error
		if tree, err = db.TreeOn(ctx, r.Day); err != nil {
			return nil, err
		}
	}
	r.Tree = tree
	res, err := onPCNs(ctx, db, r.Day, tree.PCNs)
	if err != nil {
		return nil, err
	}
	r.Need = res
	obs, err := observe(ctx, reads, r.Day, r.Known)
	if err != nil {
		return nil, err
	}
	r.rows(obs)
	return r, nil
}

// days resolves the as-of date (the latest national census unless given), the day
// (DayOf: min(At, AsOf)), the data start and whether FTE in post is known that day. A
// given as-of date never implies a census: with none imported nothing observed is
// known, whatever the dates (then the day is At, else the as-of date, else today).
func (r *Report) days(ctx context.Context, db *store.DB, opts Options) error {
	start, err := db.FirstCensus(ctx)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	var latest time.Time
	if opts.AsOf.IsZero() && !start.IsZero() {
		if latest, err = db.LatestCensus(ctx); err != nil {
			return err
		}
	}
	r.AsOf, r.DataStart = opts.AsOf, start
	if r.AsOf.IsZero() {
		r.AsOf = latest
	}
	r.Day = DayOf(opts.At, opts.AsOf, latest)
	if r.Day.IsZero() {
		r.Day = workforce.Today(time.Now())
	}
	r.Known = !start.IsZero() && planning.Known(r.Day, start)
	return nil
}

// DayOf is the day a need report describes (docs/need.md): min(at, as-of), at zero
// meaning the as-of date and the as-of date zero meaning latest, the latest census.
// Zero when all three are.
func DayOf(at, asOf, latest time.Time) time.Time {
	d := asOf
	if d.IsZero() {
		d = latest
	}
	if !at.IsZero() && (d.IsZero() || at.Before(d)) {
		d = at
	}
	return d
}

// observed is the ARRS FTE in post on a day by PCN (planning.InPostByPCN over the ARRS
// staff records, as the gap report's in_post), with the PCNs that made no return for
// the census describing the day (counted 0, flagged).
type observed struct {
	fte      map[string]float64
	noReturn map[string]bool
}

// observe reads what was in post on day d; nothing when it is not known.
func observe(ctx context.Context, db Reads, d time.Time, known bool) (observed, error) {
	if !known {
		return observed{}, nil
	}
	staff, err := db.ARRSStaffBetween(ctx, d, d)
	if err != nil {
		return observed{}, err
	}
	none, err := db.NoReturn(ctx, planning.CensusNeeded(d))
	if err != nil {
		return observed{}, err
	}
	return observed{fte: planning.InPostByPCN(staff, d), noReturn: none}, nil
}
