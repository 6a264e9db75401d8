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
// recorded cost and a known cap (ClaimBasis).
type CostCounts struct {
	// Assumed have no cost recorded: they are "estimated at the cap".
	Assumed int
	// Uncapped are in roles with no cap known: their cost is counted in full.
	Uncapped int
	// Uncosted have neither: they are left out, and totals say "excluding N records".
	Uncosted int
	// FromBand are claimed against their band's cap, their role's own being unknown.
	FromBand int
}

// CountCosts counts the lines standing on an estimate, no cap, nothing or a band's
// cap, by kind. A line can count under more than one.
func CountCosts(lines []FundingLine) map[LineKind]CostCounts {
	out := map[LineKind]CostCounts{}
	for _, l := range lines {
		c := out[l.Kind]
		c.Assumed += b2i(l.CostAssumed)
		c.Uncapped += b2i(l.Uncapped)
		c.Uncosted += b2i(l.Uncosted)
		c.FromBand += b2i(l.CapFromBand)
		out[l.Kind] = c
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
