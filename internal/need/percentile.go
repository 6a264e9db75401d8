package need

import (
	"math"
	"slices"
)

// Percentile is the p-th percentile (0 ≤ p ≤ 1) of values, linear between order
// statistics: the "type 7" of R (Hyndman & Fan 1996) and PERCENTILE_CONT of PostgreSQL,
// as OpenPrescribing's decile charts use (docs/need.md, "Deciles over time"). NaN values
// are left out; NaN when none is left or p is outside 0 to 1.
func Percentile(values []float64, p float64) float64 {
	return percentileSorted(sortedNumbers(values), p)
}

// Deciles is the 10th to 90th percentiles of values (index 4 is the median), as
// Percentile works them out; all NaN when no value is a number.
func Deciles(values []float64) [9]float64 {
	sorted := sortedNumbers(values)
	var out [9]float64
	for i := range out {
		out[i] = percentileSorted(sorted, float64(i+1)/10)
	}
	return out
}

// sortedNumbers is a sorted copy of values without the NaNs.
func sortedNumbers(values []float64) []float64 {
	out := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// percentileSorted is type 7 on sorted: h = (n − 1) × p, the value at floor(h) plus the
// fraction of h towards the next.
func percentileSorted(sorted []float64, p float64) float64 {
	if len(sorted) == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	h := float64(len(sorted)-1) * p
	lo := int(math.Floor(h))
	if lo >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}
