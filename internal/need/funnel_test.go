package need

import (
	"math"
	"testing"
)

// Funnel limits worked out apart from this package, by testdata/poisson_limits.py:
// P(X ≤ r) = e^−E × Σ_{k≤r} E^k/k! with the sum an exact fraction (Python's fractions
// and math only); for E = 10,000, log P(X = k) = k log E − E − log(k!) with k! an
// exact integer, the terms added with math.fsum. For each p: r the smallest with
// P(X ≤ r) ≥ p, α = (P(X ≤ r) − p) / P(X = r), limit = max(0, r − α) / E. The values
// the script printed:
//
//	E=1     p=0.001 r=0     P(X≤r)=0.367879441171 P(X=r)=0.367879441171 α=0.9972817182 → 0
//	E=1     p=0.025 r=0     P(X≤r)=0.367879441171 P(X=r)=0.367879441171 α=0.9320429543 → 0
//	E=1     p=0.975 r=3     P(X≤r)=0.981011843124 P(X=r)=0.061313240195 α=0.0980513035 → 2.9019486965
//	E=1     p=0.999 r=5     P(X≤r)=0.999405815182 P(X=r)=0.003065662010 α=0.1323744043 → 4.8676255957
//	E=2.5   p=0.001 r=0     P(X≤r)=0.082084998624 P(X=r)=0.082084998624 α=0.9878175060 → 0
//	E=2.5   p=0.025 r=0     P(X≤r)=0.082084998624 P(X=r)=0.082084998624 α=0.6954376510 → 0
//	E=2.5   p=0.975 r=6     P(X≤r)=0.985812688009 P(X=r)=0.027833726204 α=0.3884743253 → 2.2446102699
//	E=2.5   p=0.999 r=9     P(X≤r)=0.999722647905 P(X=r)=0.000862900738 α=0.8374635385 → 3.2650145846
//	E=10    p=0.001 r=2     P(X≤r)=0.002769395716 P(X=r)=0.002269996488 α=0.7794706841 → 0.1220529316
//	E=10    p=0.025 r=4     P(X≤r)=0.029252688077 P(X=r)=0.018916637401 α=0.2248120523 → 0.3775187948
//	E=10    p=0.975 r=17    P(X≤r)=0.985722386403 P(X=r)=0.012763996188 α=0.8400493267 → 1.6159950673
//	E=10    p=0.999 r=21    P(X≤r)=0.999300349488 P(X=r)=0.000888610150 α=0.3379991640 → 2.0662000836
//	E=100   p=0.001 r=71    P(X≤r)=0.001408853744 P(X=r)=0.000437409716 α=0.9347157352 → 0.7006528426
//	E=100   p=0.025 r=81    P(X≤r)=0.029066280501 P(X=r)=0.006417103859 α=0.6336628783 → 0.8036633712
//	E=100   p=0.975 r=120   P(X≤r)=0.977330670922 P(X=r)=0.005561064887 α=0.4191051479 → 1.1958089485
//	E=100   p=0.999 r=132   P(X≤r)=0.999064953654 P(X=r)=0.000332669838 α=0.1952496024 → 1.3180475040
//	E=10000 p=0.001 r=9692  P(X≤r)=0.001003179310 P(X=r)=0.000033594906 α=0.0946366632 → 0.9691905363
//	E=10000 p=0.025 r=9804  P(X≤r)=0.025012489390 P(X=r)=0.000582784208 α=0.0214305566 → 0.9803978569
//	E=10000 p=0.975 r=10196 P(X≤r)=0.975018348362 P(X=r)=0.000585997862 α=0.0313113122 → 1.0195968689
//	E=10000 p=0.999 r=10310 P(X≤r)=0.999001890261 P(X=r)=0.000033785281 α=0.0559492434 → 1.0309944051
func TestFunnelLimitsByHand(t *testing.T) {
	t.Parallel()
	cases := []struct {
		e    float64
		want Limits
	}{
		{1, Limits{Lower998: 0, Lower95: 0, Upper95: 2.9019486965, Upper998: 4.8676255957}},
		{2.5, Limits{Lower998: 0, Lower95: 0, Upper95: 2.2446102699, Upper998: 3.2650145846}},
		{10, Limits{Lower998: 0.1220529316, Lower95: 0.3775187948, Upper95: 1.6159950673, Upper998: 2.0662000836}},
		{100, Limits{Lower998: 0.7006528426, Lower95: 0.8036633712, Upper95: 1.1958089485, Upper998: 1.3180475040}},
		{10000, Limits{Lower998: 0.9691905363, Lower95: 0.9803978569, Upper95: 1.0195968689, Upper998: 1.0309944051}},
	}
	for _, c := range cases {
		got := FunnelLimits(c.e)
		for _, l := range []struct {
			name      string
			got, want float64
		}{
			{"lower 99.8%", got.Lower998, c.want.Lower998}, {"lower 95%", got.Lower95, c.want.Lower95},
			{"upper 95%", got.Upper95, c.want.Upper95}, {"upper 99.8%", got.Upper998, c.want.Upper998},
		} {
			if math.Abs(l.got-l.want) > 1e-9 { // the script printed 10 decimals
				t.Errorf("E = %v: %s = %.10f, want %.10f", c.e, l.name, l.got, l.want)
			}
		}
	}
}

// No expected count, no funnel: NaN limits, and nothing is outside them.
func TestFunnelLimitsWithoutExpected(t *testing.T) {
	t.Parallel()
	for _, e := range []float64{0, -1, math.NaN(), math.Inf(1), 2 * MaxExpected} {
		l := FunnelLimits(e)
		if !math.IsNaN(l.Lower998) || !math.IsNaN(l.Lower95) || !math.IsNaN(l.Upper95) || !math.IsNaN(l.Upper998) {
			t.Errorf("FunnelLimits(%v) = %+v, want NaN", e, l)
		}
		if l.Outside998(5) || l.Outside95(0) {
			t.Errorf("FunnelLimits(%v): a ratio outside NaN limits", e)
		}
	}
}

// The limits close in on 1 as the expected count grows, the 99.8% outside the 95%
// (from E = 0.1: below E = −ln 0.975 = 0.0253, P(X = 0) ≥ 0.975 and even the upper 95%
// limit is 0).
func TestFunnelLimitsNest(t *testing.T) {
	t.Parallel()
	if l := FunnelLimits(0.02); l.Upper95 != 0 {
		t.Errorf("E = 0.02: upper 95%% = %v, want 0", l.Upper95)
	}
	prev := FunnelLimits(0.1)
	for e := 0.13; e < 50000; e *= 1.37 {
		l := FunnelLimits(e)
		if !(l.Lower998 <= l.Lower95 && l.Lower95 < 1 && 1 < l.Upper95 && l.Upper95 < l.Upper998) {
			t.Fatalf("E = %v: limits %+v not nested around 1", e, l)
		}
		if l.Upper998 > prev.Upper998+1e-12 {
			t.Errorf("E = %v: upper 99.8%% %v above %v at a smaller E", e, l.Upper998, prev.Upper998)
		}
		prev = l
	}
}

// A PCN outside 99.8% is flagged, one inside is not (strictly: on the limit is inside).
// England 100 FTE, Σ need 10,000: a PCN of need 1,000 expects 100 × 1,000 / 10,000 =
// 10 FTE, so its limits are E = 10's above: 0.1220529316 to 2.0662000836 at 99.8%,
// 0.3775187948 to 1.6159950673 at 95%.
func TestOutside998(t *testing.T) {
	t.Parallel()
	e := Expected(100, 1000, 10000)
	if e != 10 {
		t.Fatalf("expected = %v, want 10", e)
	}
	l := FunnelLimits(e)
	cases := []struct {
		observed      float64
		out998, out95 bool
	}{
		{21, true, true},   // ratio 2.1 > 2.0662
		{20, false, true},  // ratio 2.0: inside 99.8%, above 1.616
		{10, false, false}, // ratio 1
		{3, false, true},   // ratio 0.3: inside 99.8%, below 0.3775
		{1, true, true},    // ratio 0.1 < 0.1221
		{0, true, true},    // no one in post
	}
	for _, c := range cases {
		ratio := c.observed / e
		if l.Outside998(ratio) != c.out998 || l.Outside95(ratio) != c.out95 {
			t.Errorf("observed %v (ratio %v): outside 99.8%% %v, 95%% %v; want %v, %v",
				c.observed, ratio, l.Outside998(ratio), l.Outside95(ratio), c.out998, c.out95)
		}
	}
	if l.Outside998(l.Upper998) || l.Outside998(l.Lower998) {
		t.Error("a ratio on a 99.8% limit is flagged")
	}
}

// Expected FTE shares England's FTE by need; nothing to share by when Σ need is 0.
func TestExpected(t *testing.T) {
	t.Parallel()
	// 30,000 × 5,000 / 60,000 = 2,500.
	if got := Expected(30000, 5000, 60000); got != 2500 {
		t.Errorf("Expected = %v, want 2500", got)
	}
	if got := Expected(30000, 5000, 0); got != 0 {
		t.Errorf("Expected with no need = %v, want 0", got)
	}
}
