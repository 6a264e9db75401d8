package workforce

import (
	"math"
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

// DiffersFTE reports whether two FTE figures differ once rounded to 2 decimals: the
// 0.01 FTE that every page, download and the CLI agree to (PLANNING.md, "Gap"). Figures
// that round alike are the same figure, so a draft that moves nothing by 0.01 FTE
// needs no figure of its own.
func DiffersFTE(a, b float64) bool {
	return Round(a, 2) != Round(b, 2)
}
