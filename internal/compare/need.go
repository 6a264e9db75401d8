package compare

import (
	"context"
	"errors"
	"sync"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// NeedSource gives the need report of the options (needreport.Compute; the server's is
// cached per data version, shared with /need and the dashboard's peers).
type NeedSource func(ctx context.Context, opts needreport.Options) (*needreport.Report, error)

// Sources are where the comparison's figures of England come from: the gap report (the
// fair shares), the need report (need, expected FTE, ratio and limits of every PCN) and,
// when set, England's positions on a denominator (the server caches them for every
// ICB); with Positions nil they are worked out from the other two (PositionsOn).
type Sources struct {
	Gaps      gaps.Source
	Need      NeedSource
	Positions func(ctx context.Context, opts gaps.Options, d need.Denominator) (*planning.Positions, error)
}

// From is the sources computed afresh at every call on db (the command line's).
func From(db *store.DB) Sources {
	return Sources{Gaps: gaps.From(db), Need: func(ctx context.Context, opts needreport.Options) (*needreport.Report, error) {
		return needreport.Compute(ctx, db, opts)
	}}
}

// PositionsOn is England's positions on the gap report res, FTE per 10,000 dividing by
// each PCN's population of denominator d in n (Per10kPopulations), England's deciles of
// it on the same denominator; the share of the fair share reached keeps the report's
// w(p), the weighted population where one is in force.
func PositionsOn(res *gaps.Result, n *need.Result, d need.Denominator) *planning.Positions {
	return planning.EnglandPositionsPer(res.Report, res.Inputs, Per10kPopulations(n, d))
}

// Per10kPopulations is what each PCN's FTE per 10,000 divides by: with need.List its
// registered list (the sum of its practices' lists, need.PCNNeed.Registered), else its
// need-adjusted population (its list when none of its practices has age data). Empty
// without need (n nil): no PCN then has a rate.
func Per10kPopulations(n *need.Result, d need.Denominator) map[string]float64 {
	if n == nil {
		return nil
	}
	out := make(map[string]float64, len(n.PCNs))
	for code, p := range n.PCNs {
		if d == need.List {
			out[code] = p.Registered
		} else {
			out[code] = p.Need
		}
	}
	return out
}

// Per10kDenominator is the denominator of a PCN's FTE per 10,000 when the comparison
// asks for d: list when d is, or when the PCN has no age data (need.PCNNeed); else need.
func Per10kDenominator(row needreport.Row, d need.Denominator) need.Denominator {
	if d == need.List || row.Denominator == need.List {
		return need.List
	}
	return need.Need
}

// england is what the comparison takes from England: the positions on the denominator
// asked for and the need report. Either may be missing before any import (no census)
// or without a target (no positions), each with its reason.
type england struct {
	pos    *planning.Positions
	posErr error
	need   *needreport.Report
	err    error // a failure of the need report
}

// englandOf gathers England's positions and need report on req's as-of date. With the
// positions given (the server's), they are asked for beside the need report, so that a
// cold page waits for the slower of the gap report and the need report only.
func (src Sources) englandOf(ctx context.Context, req Request) england {
	var e england
	opts := gaps.Options{Today: req.Today, AsOf: req.AsOf}
	var wg sync.WaitGroup
	if src.Positions != nil {
		wg.Go(func() { e.pos, e.posErr = src.Positions(ctx, opts, req.denominator()) })
	}
	rep, err := src.Need(ctx, needreport.Options{Level: workforce.LevelPCN, AsOf: req.AsOf, Tree: req.Tree})
	wg.Wait()
	switch {
	case errors.Is(err, store.ErrNotFound) || errors.Is(err, gaps.ErrNoCensus):
	case err != nil:
		e.err = err
		return e
	default:
		e.need = rep
	}
	if src.Positions != nil {
		return e
	}
	res, err := src.Gaps(ctx, opts)
	if err != nil {
		e.posErr = err
		return e
	}
	var n *need.Result
	if e.need != nil {
		n = e.need.Need
	}
	e.pos = PositionsOn(res, n, req.denominator())
	return e
}

// icbRow finds the ICB's line of the need report.
func icbRow(rep *needreport.Report, icb string) (needreport.Row, bool) {
	for _, r := range rep.Rows(workforce.LevelICB) {
		if r.Code == icb {
			return r, true
		}
	}
	return needreport.Row{}, false
}

// FlagOf is a need report line's flag, from its own Outside998.
func FlagOf(r needreport.Row) need.Flag {
	switch {
	case !r.Known || !r.HasRatio:
		return need.FlagNone
	case r.Outside998 && r.Ratio < r.Limits.Lower998:
		return need.FlagBelow
	case r.Outside998:
		return need.FlagAbove
	}
	return need.FlagWithin
}
