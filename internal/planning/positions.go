package planning

import (
	"math"
	"time"
)

// Positions is every PCN of England on the ICB comparison's two measures, and
// England's deciles of each (docs/dashboards.md, "England's deciles"): ARRS FTE in post
// per 10,000 patients of a denominator (the need-adjusted population by default,
// docs/need.md "Rates and fair shares"), and the share of its fair share a PCN has
// reached. Both are of the as-of date A, the day the staff data describes.
type Positions struct {
	AsOf       time.Time
	TargetName string
	ByPCN      map[string]Position
	// Per10k and Reached are England's bands: each decile's lowest and highest value.
	Per10k, Reached []DecileRange
	// MeasuredPer10k and MeasuredReached count the PCNs with a value of each measure
	// (the n of the deciles).
	MeasuredPer10k, MeasuredReached int
}

// Position is one PCN's figures on the as-of date.
type Position struct {
	InPost float64
	// ByRole is the FTE in post by role code.
	ByRole     map[string]float64
	Population float64 // w(p) on the as-of date, the fair share's population
	ListSize   bool    // the registered list stands in for w(p)
	FairShare  float64 // target(p), additional FTE
	Baseline   float64
	// Per10kOf is the population the rate per 10,000 divides by: the denominator's
	// (EnglandPositionsPer), else w(p).
	Per10kOf float64
	// Per10k and Reached are undefined (Has… false, decile 0) with a population or a
	// fair share of 0.
	Per10k, Reached       float64
	HasPer10k, HasReached bool
	Per10kDecile          int
	ReachedDecile         int
}

// EnglandPositions works out every PCN's position on in.AsOf from the gap report r
// computed from in, its rate per 10,000 of w(p), the report's weighted population (or
// the list standing in): EnglandPositionsPer with w(p) as the denominator.
func EnglandPositions(r Report, in Inputs) *Positions {
	per := make(map[string]float64, len(r.PCNs))
	for _, g := range r.PCNs {
		per[g.Code] = g.WeightedPopulation
	}
	return EnglandPositionsPer(r, in, per)
}

// EnglandPositionsPer works out every PCN's position on in.AsOf from the gap report r
// computed from in, FTE per 10,000 dividing by per[p], the population the caller
// compares on (the need-adjusted population or the registered list, need.Result); a
// PCN absent from per, or with 0 there, has no rate and no decile. England's deciles
// of the rate are over the same denominator. in_post(p, A) comes from the staff of the
// inputs (they hold every record in post from the baseline to A), not the report's
// InPostFTE column, which is measured on min(at, A). The share of the fair share
// reached keeps the report's w(p), whatever per is.
func EnglandPositionsPer(r Report, in Inputs, per map[string]float64) *Positions {
	inPost := InPostByPCN(in.Staff, in.AsOf)
	byRole := InPostByPCNRole(in.Staff, in.AsOf)
	e := &Positions{AsOf: in.AsOf, TargetName: in.Target.Name, ByPCN: make(map[string]Position, len(r.PCNs))}
	per10k, reached := make([]float64, len(r.PCNs)), make([]float64, len(r.PCNs))
	for i, g := range r.PCNs {
		p := Position{InPost: inPost[g.Code], ByRole: byRole[g.Code], Population: g.WeightedPopulation,
			ListSize: g.ListSizePCNs > 0, FairShare: g.TargetFTE, Baseline: g.BaselineFTE, Per10kOf: per[g.Code]}
		p.Per10k, p.HasPer10k = PerTenThousand(p.InPost, p.Per10kOf)
		p.Reached, p.HasReached = FairShareReached(p.InPost-p.Baseline, p.FairShare)
		per10k[i], reached[i] = valueOrNaN(p.Per10k, p.HasPer10k), valueOrNaN(p.Reached, p.HasReached)
		e.ByPCN[g.Code] = p
	}
	d10k, dReached := Deciles(per10k), Deciles(reached)
	for i, g := range r.PCNs {
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
	e.Per10k, e.Reached = DecileRanges(per10k, d10k), DecileRanges(reached, dReached)
	return e
}

// valueOrNaN is an undefined measure as Deciles leaves it out: NaN.
func valueOrNaN(v float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return v
}
