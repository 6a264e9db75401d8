package need

import "github.com/arrs-planner/arrs/internal/need"

// newPoint is a PCN's point from its observed and expected ARRS FTE as needreport
// works it out: the ratio, the limits at its expected count (need.FunnelLimits) and
// whether it lies beyond them. Set Href, ICB and Highlight on the result.
func newPoint(code, name string, observed, expected float64) FunnelPoint {
	p := FunnelPoint{Code: code, Name: name, Observed: observed, Expected: expected}
	if expected > 0 {
		p.HasRatio, p.Ratio = true, observed/expected
		p.Limits = need.FunnelLimits(expected)
		p.Outside95, p.Outside998 = p.Limits.Outside95(p.Ratio), p.Limits.Outside998(p.Ratio)
	}
	return p
}

// outliersOf are the points beyond the 99.8% limits in the need report's order
// (needreport.Report.Outliers: lowest ratio first, then by code).
func outliersOf(points []FunnelPoint) []FunnelPoint {
	var out []FunnelPoint
	for _, p := range points {
		if p.Outside998 {
			out = append(out, p)
		}
	}
	sortByRatio(out)
	return out
}
