package need

import "math"

// Limits are a funnel's control limits on the ratio observed ÷ expected at an expected
// count: Poisson on the expected count (PLANNING.md), 95% (2.5% each side) and 99.8%
// (0.1% each side), interpolated between whole counts as Spiegelhalter (2005) does.
type Limits struct {
	Lower95, Upper95, Lower998, Upper998 float64
}

// MaxExpected is the largest expected count FunnelLimits works on: far above England's
// ARRS FTE, it bounds the work (which grows with √e).
const MaxExpected = 1e9

// FunnelLimits is the limits at expected count e (docs/need.md, "Funnel limits";
// Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Stat Med
// 2005;24:1185–1202, appendix; Fingertips technical guidance; FunnelPlotR's Poisson
// limits): with X ~ Poisson(e), for each tail probability p, r is the smallest whole
// number with P(X ≤ r) ≥ p, α = (P(X ≤ r) − p) ÷ P(X = r) and the limit is
// max(0, r − α) ÷ e. All four are NaN when e is not above 0, not finite or above
// MaxExpected.
func FunnelLimits(e float64) Limits {
	if !(e > 0) || e > MaxExpected {
		nan := math.NaN()
		return Limits{nan, nan, nan, nan}
	}
	ps := [4]float64{0.001, 0.025, 0.975, 0.999}
	var ys [4]float64
	poissonQuantiles(e, ps, &ys)
	return Limits{Lower998: ys[0] / e, Lower95: ys[1] / e, Upper95: ys[2] / e, Upper998: ys[3] / e}
}

// poissonQuantiles sets ys[i] = max(0, r − α) for each ps[i] (increasing), walking the
// Poisson(e) probabilities upwards from far below the mean. The first is worked out in
// log space (no overflow of e^k or k!), the rest by the recurrence
// P(X = k+1) = P(X = k) × e ÷ (k+1); the mass left below the start is under 1e-30.
func poissonQuantiles(e float64, ps [4]float64, ys *[4]float64) {
	spread := 12*math.Sqrt(e) + 20
	k := math.Max(0, math.Floor(e-spread))
	pmf := math.Exp(k*math.Log(e) - e - lgamma(k+1))
	cdf, top := pmf, e+2*spread
	for i := 0; i < len(ps); {
		switch {
		case cdf >= ps[i]:
			ys[i] = math.Max(0, k-(cdf-ps[i])/pmf)
			i++
		case k > top: // never met: the sum stops short of p by rounding alone
			ys[i] = k
			i++
		default:
			k++
			pmf *= e / k
			cdf += pmf
		}
	}
}

// lgamma is log Γ(x) for x > 0.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// Outside998 reports whether ratio lies outside the 99.8% limits (strictly: a ratio on
// a limit is inside), the flag PLANNING.md asks for.
func (l Limits) Outside998(ratio float64) bool { return ratio < l.Lower998 || ratio > l.Upper998 }

// Outside95 reports whether ratio lies outside the 95% limits (strictly).
func (l Limits) Outside95(ratio float64) bool { return ratio < l.Lower95 || ratio > l.Upper95 }

// Expected is a PCN's expected ARRS FTE (PLANNING.md, "Need and fair comparison"):
// England's ARRS FTE × need ÷ Σ need; 0 when Σ need is not above 0.
func Expected(englandFTE, need, totalNeed float64) float64 {
	if !(totalNeed > 0) {
		return 0
	}
	return englandFTE * need / totalNeed
}
