package need

import "github.com/arrs-planner/arrs/web/ui"

// NoReturnText marks a PCN that made no return for the census of the day wherever its
// figures show: it counts 0 FTE in post (PLANNING.md, "No return"), so its ratio is
// never presented as simply below the limits.
const NoReturnText = "No return (counted as 0)"

// RatioText is a ratio or a funnel limit as the pages write it: 2 decimal places, but
// a value above 0 that would show as 0.00 is "< 0.01", so that a lower limit above 0
// never reads as 0 beside a PCN below it.
func RatioText(v float64) string {
	if v > 0 && v < 0.005 {
		return "< 0.01"
	}
	return ui.Decimal(v, 2)
}

// fteText is FTE as pages write it, 1 decimal place.
func fteText(v float64) string { return ui.FTE(v) }
