package planning

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// allocate divides an amount in proportion to the weights, to the penny, so that the
// parts add up to the amount exactly (the largest remainder method): each part is
// first ⌊|amount| × w / Σw⌋, then the pennies left over go one each to the parts with
// the largest remainders, the first in order on a tie; a negative amount is divided
// as its size and the parts negated. A weight of 0 gets nothing. All parts are 0 when
// the weights add up to 0.
func allocate(amount workforce.Pence, weights []int64) []workforce.Pence {
	parts := make([]workforce.Pence, len(weights))
	var sum uint64
	for _, w := range weights {
		sum += uint64(max(w, 0))
	}
	if sum == 0 {
		return parts
	}
	size := uint64(amount)
	if amount < 0 {
		size = uint64(-amount)
	}
	rems := make([]uint64, len(weights))
	left := size
	for i, w := range weights {
		// The exact 128-bit product: no overflow whatever the amount and weights.
		hi, lo := bits.Mul64(size, uint64(max(w, 0)))
		q, r := bits.Div64(hi, lo, sum)
		parts[i], rems[i] = workforce.Pence(q), r
		left -= q
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rems[b], rems[a]) })
	for _, i := range order[:left] {
		parts[i]++
	}
	if amount < 0 {
		for i := range parts {
			parts[i] = -parts[i]
		}
	}
	return parts
}
