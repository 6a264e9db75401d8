package planning

import (
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ProjectionDays are the days a projection line is drawn on, as ProjectionSeries
// draws it: the as-of date, every quarter start after it up to the deadline, and the
// deadline itself. With the deadline on or before the as-of date there is one day,
// the as-of date.
func ProjectionDays(asOf, deadline time.Time) []time.Time {
	days := append([]time.Time{asOf}, workforce.QuarterStarts(asOf, deadline)...)
	if last := days[len(days)-1]; deadline.After(last) {
		days = append(days, deadline)
	}
	return days
}

// ProjectionTotal is the projected FTE of the PCNs of in.PCNs together on each day:
// Σ_p projected(p, d), each PCN floored at zero on its own as PLANNING.md floors it,
// so the total equals the sum of the PCNs' ProjectionSeries. Narrow in.PCNs to an
// area for the area's line; fair shares play no part. It reads every staff record
// once and every plan line once per day, so the whole of England takes milliseconds.
func ProjectionTotal(in Inputs, days []time.Time) []ProjectionPoint {
	index := make(map[string]int, len(in.PCNs))
	for i, p := range in.PCNs {
		index[p.Code] = i
	}
	sums := make([]pcnSums, len(in.PCNs))
	points := make([]ProjectionPoint, len(days))
	for i, d := range days {
		points[i].Day = d
	}
	for _, s := range in.Staff {
		i, ok := index[s.PCNCode]
		if !ok || !s.IsARRS() {
			continue
		}
		if s.InPost(in.AsOf) {
			sums[i].inPostAsOf += s.FTE
			sums[i].attritionPerYear += s.FTE * AttritionRate(in.AttritionRate, s.RoleCode)
		}
		for j, d := range days {
			if !d.After(in.AsOf) && s.InPost(d) {
				points[j].Projected += s.FTE // d ≤ A: in post on d
			}
		}
	}
	plans := linesByPCN(in.Plan, index, len(in.PCNs))
	for j, d := range days {
		if d.After(in.AsOf) {
			points[j].Projected = futureTotal(sums, plans, in.AsOf, d)
		}
	}
	return points
}

// linesByPCN groups the ARRS plan lines of the indexed PCNs, indexed like them.
func linesByPCN(plan []workforce.PlanLine, index map[string]int, n int) [][]workforce.PlanLine {
	out := make([][]workforce.PlanLine, n)
	for _, l := range plan {
		if i, ok := index[l.PCNCode]; ok && l.RoleCode != "" {
			out[i] = append(out[i], l)
		}
	}
	return out
}

// futureTotal is Σ_p projected(p, d) for a day d after the as-of date.
func futureTotal(sums []pcnSums, plans [][]workforce.PlanLine, asOf, d time.Time) float64 {
	days := workforce.Days(asOf, d)
	var total float64
	for i, ps := range sums {
		total += project(ps.inPostAsOf, PlanNet(plans[i], asOf, d), ps.attritionPerYear, days)
	}
	return total
}

// OnlyPCNs returns the inputs narrowed to the PCNs for which keep is true, for an
// area's ProjectionTotal. Staff and plan lines are left whole: those of other PCNs
// are skipped by the sums.
func (in Inputs) OnlyPCNs(keep func(PCN) bool) Inputs {
	in.PCNs = slices.DeleteFunc(slices.Clone(in.PCNs), func(p PCN) bool { return !keep(p) })
	return in
}
