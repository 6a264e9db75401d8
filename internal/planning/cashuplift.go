package planning

import "github.com/arrs-planner/arrs/internal/workforce"

// apply is a line's claims earned and costs paid by month under a backdated uplift of
// Percent from 1 April confirmed in Month M (held to 0–11). Each month is worked
// afresh from the annual figures it stands on (FundingLine.Months), rounded once:
//   - the annual cost per WTE rises to cost′ = round(cost × (1 + Percent / 100)),
//     half away from zero, where cost is the cost recorded, else the month's cap
//     standing in for it;
//   - the month's new cost is MonthlyClaim(cost′, 1, FTE, days in post, days in
//     month), its new claim MonthlyClaim(min(cost′, cap), share, FTE, days claimed,
//     days in month) with the month's cap (cost′ alone when no cap is known) and
//     share; a leavers' line's are negative. A line estimated at its cap (no cost
//     recorded) pays more but claims the same: its claim stands on the cap, which
//     does not rise. At 0% every month is as before;
//   - months before M are paid and earned as before; in M the new cost plus the
//     arrears (Σ new − old cost of the months before) is paid and the new claim plus
//     the claims' arrears earned; after M the new figures.
func (u Uplift) apply(l *FundingLine) (claims, costs [12]workforce.Pence) {
	month := min(max(u.Month, 0), 11)
	for m := range claims {
		newClaim, newCost := u.month(l, m)
		if m < month {
			claims[m], costs[m] = l.MonthPence[m], l.CostMonthPence[m]
			claims[month] += newClaim - l.MonthPence[m]
			costs[month] += newCost - l.CostMonthPence[m]
			continue
		}
		claims[m] += newClaim
		costs[m] += newCost
	}
	return claims, costs
}

// month is month m's claim and cost with the uplift from the month's start.
func (u Uplift) month(l *FundingLine, m int) (claim, cost workforce.Pence) {
	t := l.Months[m]
	basis := costBasis(l.CostPence, t.Cap)
	if basis == 0 || t.InPost == 0 { // uncosted, or not in post: nothing changes
		return l.MonthPence[m], l.CostMonthPence[m]
	}
	raised := basis + workforce.Pence(roundPence(float64(basis), u.Percent, 1, 100))
	sign := workforce.Pence(1)
	if l.Leavers {
		sign = -1
	}
	claim, cost = l.MonthPence[m], sign*MonthlyClaim(raised, 1, l.FTE, t.InPost, t.Days)
	if l.CostPence > 0 && t.ClaimDays > 0 && t.Share > 0 {
		claim = sign * MonthlyClaim(ClaimBasis(raised, t.Cap).Pence, t.Share, l.FTE, t.ClaimDays, t.Days)
	}
	return claim, cost
}
