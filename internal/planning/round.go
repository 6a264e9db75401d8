package planning

import (
	"math"
	"math/big"
	"strconv"
)

// snapPlaces is the decimal place FTE are snapped to before rounding for display, to
// clear binary noise (see the package doc). It is finer than the 6 places NWRS uses.
const snapPlaces = 9

// Round rounds an FTE (or any figure) to places decimals, half away from zero, for
// display only (PLANNING.md: 1 dp on pages, 2 dp in CSV). Outside places 0 to 9, or
// for figures of a million or more, it rounds the binary value without snapping.
func Round(x float64, places int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1e6 || places < 0 || places > snapPlaces {
		p := math.Pow10(places)
		return math.Round(x*p) / p
	}
	n := int64(math.Round(x * 1e9)) // snapped to snapPlaces decimals
	div := int64(math.Pow10(snapPlaces - places))
	q, r := n/div, n%div
	if 2*abs64(r) >= div {
		q += sign64(n)
	}
	return float64(q) / math.Pow10(places)
}

// FormatFTE formats an FTE with places decimals, rounded by Round ("12.35").
func FormatFTE(x float64, places int) string {
	r := Round(x, places)
	if r == 0 {
		r = 0 // -0 prints as "-0.00"; a figure that rounds to zero has no sign
	}
	return strconv.FormatFloat(r, 'f', places, 64)
}

// roundPence returns a × b × num / den rounded half away from zero to a whole number,
// reading a and b as the shortest decimals that print them. The float product decides
// unless it lies within rounding error of a half, where the exact rational product
// does: 22.671 × 5 × 100 is 11335.5 exactly and rounds to 11336, though in binary
// floating point it comes to 11335.499999999998.
func roundPence(a, b float64, num, den int64) int64 {
	x := a * b * float64(num) / float64(den)
	frac := math.Abs(x - math.Trunc(x))
	if math.Abs(frac-0.5) > 1e-12*math.Abs(x)+1e-9 {
		return int64(math.Round(x))
	}
	return roundExact(a, b, num, den)
}

// roundExact is roundPence in exact rational arithmetic.
func roundExact(a, b float64, num, den int64) int64 {
	r := decimalRat(a)
	r.Mul(r, decimalRat(b))
	r.Mul(r, big.NewRat(num, den))
	n, d := new(big.Int).Abs(r.Num()), r.Denom()
	q, rem := new(big.Int).QuoRem(n, d, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return q.Int64()
}

// decimalRat is the exact value of the shortest decimal that prints x.
func decimalRat(x float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok { // NaN or an infinity: no decimal to read
		return new(big.Rat)
	}
	return r
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func sign64(n int64) int64 {
	if n < 0 {
		return -1
	}
	return 1
}
