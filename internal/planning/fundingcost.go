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
