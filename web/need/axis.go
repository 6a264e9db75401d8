package need

import (
	"math"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The funnel's axes: ratio up the side on a linear scale from 0, expected FTE along the
// bottom on a linear scale from 0, or on a logarithmic one when the expected counts
// span more than logSpan times (England's smallest PCNs would otherwise crowd into the
// left edge, where the limits are widest).

// logSpan is the ratio of the largest to the smallest expected FTE above which the x
// axis is logarithmic.
const logSpan = 20.0

// scale maps a value onto the drawing: linearly, or by its logarithm.
type scale struct {
	d0, d1, r0, r1 float64
	log            bool
}

func (s scale) at(v float64) float64 {
	if s.log {
		v = math.Log10(v)
	}
	if s.d1 == s.d0 {
		return s.r0
	}
	return s.r0 + (v-s.d0)/(s.d1-s.d0)*(s.r1-s.r0)
}

// newScale is the scale over the ticks' extent (their logarithms on a log scale).
func newScale(ticks []float64, log bool, r0, r1 float64) scale {
	lo, hi := ticks[0], ticks[len(ticks)-1]
	if log {
		lo, hi = math.Log10(lo), math.Log10(hi)
	}
	return scale{d0: lo, d1: hi, r0: r0, r1: r1, log: log}
}

// niceSteps are the multiples of a power of ten that make readable tick steps.
var niceSteps = [...]float64{1, 2, 2.5, 5}

// linearTicks are evenly spaced round values from 0 to at or above hi (at least 1),
// at most maxTicks of them.
func linearTicks(hi float64, maxTicks int) []float64 {
	hi = max(hi, 1)
	raw := hi / float64(max(maxTicks, 2)-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for k := 0; ; k++ {
		step := niceSteps[k%len(niceSteps)] * mag * math.Pow(10, float64(k/len(niceSteps)))
		if step < raw*(1-1e-9) {
			continue
		}
		n := int(math.Ceil(hi/step-1e-9)) + 1
		ticks := make([]float64, n)
		for i := range ticks {
			ticks[i] = round(float64(i)*step, 6)
		}
		return ticks
	}
}

// logTicks are the values 1, 2 and 5 times a power of ten from the last at or below lo
// to the first at or above hi (lo > 0); the drawing then keeps those whose labels fit.
func logTicks(lo, hi float64) []float64 {
	var all []float64
	for e := math.Floor(math.Log10(lo)); len(all) == 0 || all[len(all)-1] < hi; e++ {
		for _, m := range [...]float64{1, 2, 5} {
			all = append(all, round(m*math.Pow(10, e), 9))
		}
	}
	first, last := 0, len(all)-1
	for i, v := range all {
		if v <= lo {
			first = i
		}
	}
	for last > first && all[last-1] >= hi {
		last--
	}
	return all[first : last+1]
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// number writes an axis value: thousands separated, no trailing zeros (0.05, 0.5, 20,
// 1,000); the ticks are round, so their digits are few.
func number(v float64) string {
	s := strconv.FormatFloat(round(v, 6), 'f', -1, 64)
	whole, frac, ok := strings.Cut(s, ".")
	out := workforce.Thousands(whole)
	if ok {
		out += "." + frac
	}
	return out
}

// coord writes a coordinate to one decimal place, plenty at screen scale.
func coord(v float64) string { return strconv.FormatFloat(round(v, 1), 'f', -1, 64) }

// xAxis places the x ticks that fit and returns the x scale.
func (d *drawing) xAxis(a funnelAxes) scale {
	var values []float64
	if a.log {
		values = logTicks(a.xLo, a.xHi)
	} else {
		values = linearTicks(a.xHi, int(max(3, d.Plot.W/70)))
	}
	x := newScale(values, a.log, d.Plot.X, d.Plot.right())
	for _, keep := range [][]float64{{1, 2, 5}, {1, 5}, {1}} {
		d.XTicks = d.XTicks[:0]
		for _, v := range values {
			if a.log && !isMantissa(v, keep) {
				continue
			}
			d.XTicks = append(d.XTicks, tick{Pos: x.at(v), Label: number(v)})
		}
		if ticksFit(d.XTicks) || !a.log {
			break
		}
	}
	return x
}

// isMantissa reports whether v is one of ms times a power of ten.
func isMantissa(v float64, ms []float64) bool {
	m := v / math.Pow(10, math.Floor(math.Log10(v)+1e-9))
	for _, k := range ms {
		if math.Abs(m-k) < 1e-6 {
			return true
		}
	}
	return false
}

// ticksFit reports whether no two centred labels overlap.
func ticksFit(ts []tick) bool {
	for i := 1; i < len(ts); i++ {
		if ts[i].Pos-ts[i-1].Pos < (textWidth(ts[i].Label)+textWidth(ts[i-1].Label))/2+charWidth {
			return false
		}
	}
	return true
}

func textWidth(s string) float64 { return float64(len([]rune(s))) * charWidth }
