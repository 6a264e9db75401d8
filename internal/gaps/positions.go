package gaps

import (
	"math"
	"sync"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
)

// Positions is every PCN of England on the ICB comparison's two measures, and
// England's deciles of each (docs/dashboards.md, "England's deciles"): ARRS FTE in post
// per 10,000 weighted patients, and the share of its fair share a PCN has reached. Both
// are of the as-of date A, the day the staff data describes.
type Positions struct {
	AsOf       time.Time
	TargetName string
	ByPCN      map[string]Position
	// Per10k and Reached are England's bands: each decile's lowest and highest value.
	Per10k, Reached []planning.DecileRange
	// MeasuredPer10k and MeasuredReached count the PCNs with a value of each measure
	// (the n of the deciles).
	MeasuredPer10k, MeasuredReached int
}

// Position is one PCN's figures on the as-of date.
type Position struct {
	InPost float64
	// ByRole is the FTE in post by role code.
	ByRole     map[string]float64
	Population float64 // w(p) on the as-of date
	ListSize   bool    // the registered list stands in for w(p)
	FairShare  float64 // target(p), additional FTE
	Baseline   float64
	// Per10k and Reached are undefined (Has… false, decile 0) with a population or a
	// fair share of 0.
	Per10k, Reached       float64
	HasPer10k, HasReached bool
	Per10kDecile          int
	ReachedDecile         int
}

// lazyPositions works a report's positions out once, on first use: the report is
// shared (the server caches it per data version), so are they.
type lazyPositions struct {
	once sync.Once
	p    *Positions
}

// Positions are England's positions on the report's as-of date, worked out on first
// use and kept with the report.
func (r *Result) Positions() *Positions {
	if r.positions == nil {
		return positionsOf(r)
	}
	r.positions.once.Do(func() { r.positions.p = positionsOf(r) })
	return r.positions.p
}

// positionsOf works the positions out. in_post(p, A) comes from the report's inputs
// (they hold every record in post from the baseline to A), not its InPostFTE column,
// which is measured on min(at, A).
func positionsOf(res *Result) *Positions {
	inPost := planning.InPostByPCN(res.Inputs.Staff, res.AsOf)
	byRole := planning.InPostByPCNRole(res.Inputs.Staff, res.AsOf)
	e := &Positions{AsOf: res.AsOf, TargetName: res.Target.Name, ByPCN: make(map[string]Position, len(res.PCNs))}
	per10k, reached := make([]float64, len(res.PCNs)), make([]float64, len(res.PCNs))
	for i, g := range res.PCNs {
		p := Position{InPost: inPost[g.Code], ByRole: byRole[g.Code], Population: g.WeightedPopulation,
			ListSize: g.ListSizePCNs > 0, FairShare: g.TargetFTE, Baseline: g.BaselineFTE}
		p.Per10k, p.HasPer10k = planning.PerTenThousand(p.InPost, p.Population)
		p.Reached, p.HasReached = planning.FairShareReached(p.InPost-p.Baseline, p.FairShare)
		per10k[i], reached[i] = valueOrNaN(p.Per10k, p.HasPer10k), valueOrNaN(p.Reached, p.HasReached)
		e.ByPCN[g.Code] = p
	}
	d10k, dReached := planning.Deciles(per10k), planning.Deciles(reached)
	for i, g := range res.PCNs {
		p := e.ByPCN[g.Code]
		p.Per10kDecile, p.ReachedDecile = d10k[i], dReached[i]
		e.ByPCN[g.Code] = p
		if p.HasPer10k {
			e.MeasuredPer10k++
		}
		if p.HasReached {
			e.MeasuredReached++
		}
	}
	e.Per10k, e.Reached = planning.DecileRanges(per10k, d10k), planning.DecileRanges(reached, dReached)
	return e
}

// valueOrNaN is an undefined measure as planning.Deciles leaves it out: NaN.
func valueOrNaN(v float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return v
}
