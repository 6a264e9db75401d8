package importer

// ParsePounds reads an amount in pounds as pence, by the rule of a plan file's
// annual_cost_gbp: digits with an optional decimal part, no sign or separators,
// fractions of a penny rounded half away from zero on the decimal digits as written.
// ok is false for anything else, or for an amount too large to hold. Forms use it so
// that a cost typed on a page and the same cost in a file come to the same pence.
func ParsePounds(s string) (pence int64, ok bool) {
	m := poundsPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	return penceOf(m[1], m[2]+m[3])
}

// poundsText is whole pounds as a message writes them: "£250,000".
func poundsText(pence int64) string { return "£" + thousands(pence/100) }
