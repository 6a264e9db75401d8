package fundingsettings

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// percentPattern is a percentage as typed: up to three whole digits and a decimal part,
// an optional "%" after it.
var percentPattern = regexp.MustCompile(`^([0-9]{1,3})(?:\.([0-9]+))?$`)

// readPercent reads a percentage with at most places decimal places as a whole number
// of its smallest unit (75.5 with 2 places is 7550), from the digits as typed, never
// through binary floating point; ok is false for anything else.
func readPercent(typed string, places int) (units int64, ok bool) {
	m := percentPattern.FindStringSubmatch(strings.TrimSuffix(strings.TrimSpace(typed), "%"))
	if m == nil || len(m[2]) > places {
		return 0, false
	}
	whole, _ := strconv.ParseInt(m[1], 10, 64)
	frac := m[2] + strings.Repeat("0", places-len(m[2]))
	f, _ := strconv.ParseInt("0"+frac, 10, 64)
	return whole*pow10(places) + f, true
}

func pow10(n int) int64 { return int64(math.Pow10(n)) }

// percentText writes a share (0.755) as a percentage ("75.5%"), to at most places
// decimal places.
func percentText(share float64, places int) string {
	return unitsText(int64(math.Round(share*100*float64(pow10(places)))), places) + "%"
}

// unitsText writes a whole number of a percentage's smallest unit (7550 with 2
// places) as its percentage without trailing zeros ("75.5").
func unitsText(units int64, places int) string {
	s := strconv.FormatFloat(float64(units)/float64(pow10(places)), 'f', places, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
