package planning

import (
	"math"
	"math/big"
	"strconv"
)

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
