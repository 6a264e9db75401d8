package server

import (
	"context"
	"math"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
)

// englandPositions is every PCN of England on the ICB comparison's two measures, and
// England's deciles of each (docs/dashboards.md): ARRS FTE in post per 10,000
// weighted patients, and the share of its fair share a PCN has reached. Both are of
// the as-of date A, the day the staff data describes, from the gap report the plan
// page and the dashboard use (gaps.Options{Today: today}).
type englandPositions struct {
	asOf       time.Time
	targetName string
	byPCN      map[string]pcnPosition
	// per10k and reached are England's bands: each decile's lowest and highest value.
	per10k, reached []planning.DecileRange
	// measured counts the PCNs with a value of each measure (the n of the deciles).
	measuredPer10k, measuredReached int
}

// pcnPosition is one PCN's figures on the as-of date.
type pcnPosition struct {
	inPost     float64
	byRole     map[string]float64
	population float64 // w(p) on the as-of date
	listSize   bool    // the registered list stands in for w(p)
	fairShare  float64 // target(p), additional FTE
	baseline   float64
	// per10k and reached are undefined (has… false, decile 0) with a population or a
	// fair share of 0.
	per10k, reached       float64
	hasPer10k, hasReached bool
	per10kDecile          int
	reachedDecile         int
}

// positions computes (or finds cached) England's positions from the gap report of
// opts. Its errors are gapData's: gaps.ErrNoCensus before any import, a wrapped
// store.ErrNotFound with no default target.
func (s *Server) positions(ctx context.Context, opts gaps.Options) (*englandPositions, error) {
	return cached(ctx, s, "positions|"+optionsKey(opts), func(ctx context.Context) (*englandPositions, error) {
		data, err := s.gapData(ctx, opts)
		if err != nil {
			return nil, err
		}
		return positionsOf(data.res), nil
	})
}

// positionsOf works the positions out from a gap report. in_post(p, A) comes from the
// report's inputs (they hold every record in post from the baseline to A), not its
// InPostFTE column, which is measured on min(at, A).
func positionsOf(res *gaps.Result) *englandPositions {
	inPost := planning.InPostByPCN(res.Inputs.Staff, res.AsOf)
	byRole := planning.InPostByPCNRole(res.Inputs.Staff, res.AsOf)
	e := &englandPositions{asOf: res.AsOf, targetName: res.Target.Name, byPCN: make(map[string]pcnPosition, len(res.PCNs))}
	per10k, reached := make([]float64, len(res.PCNs)), make([]float64, len(res.PCNs))
	for i, g := range res.PCNs {
		p := pcnPosition{inPost: inPost[g.Code], byRole: byRole[g.Code], population: g.WeightedPopulation,
			listSize: g.ListSizePCNs > 0, fairShare: g.TargetFTE, baseline: g.BaselineFTE}
		p.per10k, p.hasPer10k = planning.PerTenThousand(p.inPost, p.population)
		p.reached, p.hasReached = planning.FairShareReached(p.inPost-p.baseline, p.fairShare)
		per10k[i], reached[i] = valueOrNaN(p.per10k, p.hasPer10k), valueOrNaN(p.reached, p.hasReached)
		e.byPCN[g.Code] = p
	}
	d10k, dReached := planning.Deciles(per10k), planning.Deciles(reached)
	for i, g := range res.PCNs {
		p := e.byPCN[g.Code]
		p.per10kDecile, p.reachedDecile = d10k[i], dReached[i]
		e.byPCN[g.Code] = p
		if p.hasPer10k {
			e.measuredPer10k++
		}
		if p.hasReached {
			e.measuredReached++
		}
	}
	e.per10k, e.reached = planning.DecileRanges(per10k, d10k), planning.DecileRanges(reached, dReached)
	return e
}

func valueOrNaN(v float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return v
}
