package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// MonthDays returns, for each month of the year (April first), the days the record is
// in post in it and the days the month has: the proration of its claims. A record's
// actual cost in a month is MonthlyClaim(annual cost, FTE, inPost[m], inMonth[m]):
// worked and rounded exactly as its claim is, uncapped, so that cost − claim is what
// the PCN pays above the cap, penny for penny.
func MonthDays(s workforce.Staff, year workforce.FinancialYear) (inPost, inMonth [12]int) {
	starts := year.MonthStarts()
	for m, start := range starts {
		next := year.End()
		if m < len(starts)-1 {
			next = starts[m+1]
		}
		inPost[m], inMonth[m] = daysInPost(s, start, next), workforce.Days(start, next)
	}
	return inPost, inMonth
}

// CostCounts count the funding lines of one kind whose claim stands on less than a
// cost and a cap (ClaimBasis).
type CostCounts struct {
	// Assumed have no cost recorded: the role's cap is assumed.
	Assumed int
	// Uncapped are in roles with no published cap: their cost is counted in full.
	Uncapped int
	// Nothing have neither: they count as £0.
	Nothing int
}

// CountCosts counts the claims standing on an assumed cost or no cap, by kind.
func CountCosts(lines []FundingLine) map[LineKind]CostCounts {
	out := map[LineKind]CostCounts{}
	for _, l := range lines {
		c := out[l.Kind]
		switch {
		case l.Uncapped && l.CostAssumed:
			c.Nothing++
		case l.Uncapped:
			c.Uncapped++
		case l.CostAssumed:
			c.Assumed++
		}
		out[l.Kind] = c
	}
	return out
}
