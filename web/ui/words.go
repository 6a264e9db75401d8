package ui

// Plural is a count and its noun, singular for exactly one: Plural(1, "plan line",
// "plan lines") is "1 plan line", Plural(1297, "PCN", "PCNs") "1,297 PCNs". The count
// has thousands separators (Count), as every number on a page.
func Plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return Count(n) + " " + one
	}
	return Count(n) + " " + many
}

// Agree is the word that agrees with a count, without the count: the singular for
// exactly one, the plural otherwise. Agree(n, "has", "have"), Agree(n, "is", "are").
func Agree(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Patients names the population a rate per 10,000 patients is of, when listSize of
// pcns networks have their registered list standing in for a weighted population
// (PLANNING.md, "Fair share"): "weighted patients" only when every network has a
// weighted population, "registered patients" when none has, and plain "patients" when
// the two are mixed (the page then marks the networks whose list stands in).
func Patients(listSize, pcns int) string {
	switch {
	case listSize <= 0:
		return "weighted patients"
	case listSize >= pcns:
		return "registered patients"
	}
	return "patients"
}
