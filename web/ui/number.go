package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// FTE renders FTE for a page: 1 decimal place, rounded half away from zero, with
// thousands separators ("26,826.3"), as PLANNING.md rounds for display.
func FTE(v float64) string { return Decimal(v, 1) }

// Decimal renders v with a fixed number of decimals and thousands separators.
func Decimal(v float64, places int) string {
	p := math.Pow(10, float64(places))
	v = math.Round(v*p) / p
	s := strconv.FormatFloat(math.Abs(v), 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := workforce.Thousands(whole)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 {
		out = "−" + out
	}
	return out
}

// Count renders a whole number with thousands separators ("1,297").
func Count(n int) string {
	if n < 0 {
		return "−" + workforce.Thousands(strconv.Itoa(-n))
	}
	return workforce.Thousands(strconv.Itoa(n))
}
