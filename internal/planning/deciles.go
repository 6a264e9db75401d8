package planning

import (
	"math"
	"slices"
)

// Deciles places each value among all the values given (for the ICB comparison, one
// per PCN of England): decile d = ceil(10 × rank ÷ n), where n counts the values that
// are numbers and rank is 1 + the number of values strictly below the value, so tied
// values share the lowest rank and the same decile. Decile 1 holds the lowest values,
// 10 the highest; the highest value is always in decile 10. A NaN value (a PCN with
// nothing to measure, such as a population of 0) is left out of n and gets decile 0.
// Values are compared after snapping to 9 decimal places, so binary noise never splits
// a tie.
func Deciles(values []float64) []int {
	sorted := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			sorted = append(sorted, snap(v))
		}
	}
	slices.Sort(sorted)
	n := len(sorted)
	out := make([]int, len(values))
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		below, _ := slices.BinarySearch(sorted, snap(v)) // the first index not below v
		rank := below + 1
		out[i] = (10*rank + n - 1) / n // ceil(10 × rank ÷ n) in whole numbers
	}
	return out
}

// snap rounds v to 9 decimal places (see Round), leaving huge values as they are.
func snap(v float64) float64 {
	if math.IsInf(v, 0) || math.Abs(v) >= 1e6 {
		return v
	}
	return math.Round(v*1e9) / 1e9
}

// DecileRange is what Deciles put in one decile: how many values, the lowest and the
// highest. An empty decile (ties can leave one empty) has Count 0.
type DecileRange struct {
	Decile    int
	Count     int
	Low, High float64
}

// DecileRanges summarises each of the 10 deciles of values, as Deciles placed them
// (deciles is Deciles(values)): England's bands, for a page to explain a PCN's decile.
func DecileRanges(values []float64, deciles []int) []DecileRange {
	out := make([]DecileRange, 10)
	for i := range out {
		out[i].Decile = i + 1
	}
	for i, d := range deciles {
		if d < 1 || d > 10 {
			continue
		}
		r, v := &out[d-1], values[i]
		if r.Count == 0 || v < r.Low {
			r.Low = v
		}
		if r.Count == 0 || v > r.High {
			r.High = v
		}
		r.Count++
	}
	return out
}

// PerTenThousand is FTE per 10,000 patients of a population; ok is false when the
// population is not above 0 (nothing to measure against).
func PerTenThousand(fte, population float64) (float64, bool) {
	if !(population > 0) {
		return 0, false
	}
	return fte / population * 10000, true
}

// FairShareReached is how much of its fair share a PCN has reached: additional FTE ÷
// fair share, additional being in_post(p, A) − baseline(p). 1 is all of it; above 1 is
// more than its share; below 0 when fewer are in post than on the baseline. ok is false
// when the fair share is not above 0 (a population of 0).
func FairShareReached(additional, fairShare float64) (float64, bool) {
	if !(fairShare > 0) {
		return 0, false
	}
	return additional / fairShare, true
}
