package gaps

import (
	"context"
	"errors"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
)

// dataStart is the first census date imported nationally. With none imported (an
// as-of date given by hand), the records entered are all there is: zero, every day
// described by them.
func dataStart(ctx context.Context, db *store.DB) (time.Time, error) {
	d, err := db.FirstCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return time.Time{}, nil
	}
	return d, err
}

// englandFromSeries gives England's row the national monthly series where the staff
// records cannot (PLANNING.md, "Known and unknown": England's row takes the national
// monthly series, labelled): in post, and the projection when it is in post on the same
// day, from the published month whose census describes the day. Its additional FTE and
// gap follow when the baseline is known. The shortfall and PCNs short stay unknown:
// they sum PCNs, which the series does not break down. A month the series lacks (it
// was quarterly before 2023) leaves the figures unknown.
func (r *Result) englandFromSeries(ctx context.Context, db *store.DB) error {
	e := &r.England
	if !e.InPostUnknown {
		return nil
	}
	series, err := NationalSeries(ctx, db)
	if err != nil {
		return err
	}
	day := planning.CensusNeeded(r.InPostDay())
	for _, p := range series {
		if p.Month.Equal(day) {
			r.England = englandFrom(*e, p.FTE)
			return nil
		}
	}
	return nil
}

// englandFrom is England's row with fte, the national series, as in post and projected
// (a day before the data start is never after the as-of date).
func englandFrom(e planning.Gap, fte float64) planning.Gap {
	e.InPostFTE, e.ProjectedFTE = fte, fte
	e.InPostUnknown, e.ProjectedUnknown, e.NationalSeries = false, false, true
	if !e.BaselineUnknown {
		e.AdditionalFTE = fte - e.BaselineFTE
		e.GapFTE = e.TargetFTE - e.AdditionalFTE
	}
	return e
}

// InPostDay is the day the in-post figures count staff on: min(at, as-of).
func (r *Result) InPostDay() time.Time {
	if r.At.Before(r.AsOf) {
		return r.At
	}
	return r.AsOf
}

// CensusNeeded is the census that would describe the in-post day when it is before the
// data start: pages say it beside "no data".
func (r *Result) CensusNeeded() time.Time { return planning.CensusNeeded(r.InPostDay()) }
