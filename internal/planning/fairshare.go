package planning

// PCN is a Primary Care Network as the planning sums need it.
type PCN struct {
	Code   string
	ICB    string // ICB code (e.g. QWO), the PCN's parent in roll-ups
	Region string // region code (e.g. Y63), the ICB's parent
	// Population is w(p): the weighted population in force on the as-of date, or the
	// registered list size where none has been entered (then PopulationIsListSize).
	Population           float64
	PopulationIsListSize bool
	// BaselineExtra is baseline FTE entered for the PCN on top of the staff in post on
	// the baseline date (PLANNING.md: "normally 0").
	BaselineExtra float64
	// NoReturn: the PCN had no rows in the census of the day its staff are counted on
	// (PLANNING.md, "No return"). It counts 0 FTE that day, as NHS England's published
	// totals do, and its row is flagged.
	NoReturn bool
}

// FairShare is target(p) = T × w(p) / Σ w(q). The sum runs over every PCN in England,
// whatever area is viewed, so that the shares add up to T. With no population at all
// (sum 0) nothing can be shared out and the share is 0.
func FairShare(total, population, sumPopulation float64) float64 {
	if sumPopulation == 0 {
		return 0
	}
	return total * population / sumPopulation
}

// FairShares returns the fair share of total for each PCN, in the order given. pcns
// must be every PCN in England (PLANNING.md, "Targets and fair shares").
func FairShares(total float64, pcns []PCN) []float64 {
	sum := totalPopulation(pcns)
	shares := make([]float64, len(pcns))
	for i, p := range pcns {
		shares[i] = FairShare(total, p.Population, sum)
	}
	return shares
}

// totalPopulation is Σ w(q) over the PCNs.
func totalPopulation(pcns []PCN) float64 {
	var sum float64
	for _, p := range pcns {
		sum += p.Population
	}
	return sum
}
