package input

import (
	"math"
	"strconv"
	"strings"
)

// Number reads a finite decimal number.
func Number(s string) (float64, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return x, err == nil && !math.IsNaN(x) && !math.IsInf(x, 0)
}

// Decimal reads a required decimal field, putting in errs[key] the message missing
// when it is empty, notNumber when it is not a number.
func Decimal(value, key, missing, notNumber string, errs map[string]string) float64 {
	if value == "" {
		errs[key] = missing
		return 0
	}
	x, ok := Number(value)
	if !ok {
		errs[key] = notNumber
	}
	return x
}

// NumberText shows a stored number as a form shows it: its decimals, no more.
func NumberText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
