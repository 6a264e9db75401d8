package need

import (
	"math"
	"strings"

	"github.com/arrs-planner/arrs/internal/need"
)

// The funnel's points: which can be placed and the extent of the axes they need, then
// each drawn as a dot (a diamond when highlighted), ringed beyond the 99.8% limits.

// funnelAxes are what both drawings share: the points that can be placed (those with
// an expected count), the extent of the axes and the limits along the x range.
type funnelAxes struct {
	points      []FunnelPoint
	log         bool
	xLo, xHi    float64 // the points' smallest and largest expected FTE
	yTop        float64
	above       int // ratios above yTop, drawn on the top edge
	samples     []float64
	limits      []need.Limits
	highlighted int
	outliers    int
}

// axes works out what both drawings share.
func (f Funnel) axes() funnelAxes {
	a := funnelAxes{xLo: math.Inf(1), xHi: math.Inf(-1)}
	maxRatio := 0.0
	for _, p := range f.Points {
		if !p.placed() {
			continue
		}
		a.points = append(a.points, p)
		a.xLo, a.xHi = min(a.xLo, p.Expected), max(a.xHi, p.Expected)
		maxRatio = max(maxRatio, p.Ratio)
		if p.Highlight {
			a.highlighted++
		}
		if p.Outside998 {
			a.outliers++
		}
	}
	if len(a.points) == 0 {
		a.xLo, a.xHi = 1, 10
	}
	a.log = a.xHi/a.xLo > logSpan
	ys := linearTicks(min(max(maxRatio, 2), yCap), 7)
	a.yTop = ys[len(ys)-1]
	for _, p := range a.points {
		if p.Ratio > a.yTop {
			a.above++
		}
	}
	a.samples = samples(a.xLo, a.xHi, a.log)
	for _, e := range a.samples {
		a.limits = append(a.limits, need.FunnelLimits(e))
	}
	return a
}

// placed reports whether the point can be drawn: it has an expected count, so a ratio.
func (p FunnelPoint) placed() bool {
	return p.HasRatio && p.Expected > 0 && !math.IsNaN(p.Ratio) && !math.IsInf(p.Ratio, 0)
}

// samples are limitSamples expected counts evenly spread from lo to hi, on the x axis's
// scale.
func samples(lo, hi float64, log bool) []float64 {
	out := make([]float64, limitSamples)
	for i := range out {
		t := float64(i) / float64(limitSamples-1)
		if log {
			out[i] = math.Pow(10, math.Log10(lo)+t*(math.Log10(hi)-math.Log10(lo)))
		} else {
			out[i] = lo + t*(hi-lo)
		}
	}
	return out
}

// points places every point: ordinary ones as dots, highlighted ones as diamonds, a
// ring round those beyond the 99.8% limits; a ratio above the top on the top edge.
func (d *drawing) points(a funnelAxes, x, y scale) {
	var dots, rings, bigRings strings.Builder
	for _, p := range a.points {
		cx, cy := x.at(p.Expected), y.at(min(p.Ratio, a.yTop))
		at := dotAt(cx, cy)
		switch {
		case p.Highlight && p.Outside998:
			bigRings.WriteString(at)
		case p.Outside998:
			rings.WriteString(at)
		}
		if !p.Highlight {
			dots.WriteString(at)
			continue
		}
		d.Highlights = append(d.Highlights, marker{D: diamond(cx, cy), Title: p.title()})
	}
	d.Dots, d.Rings, d.BigRings = dots.String(), rings.String(), bigRings.String()
}

// diamond is the path of a diamond centred on (x, y).
func diamond(x, y float64) string {
	r := diamondRadius
	return "M" + coord(x) + " " + coord(y-r) + "l" + coord(r) + " " + coord(r) + "l" + coord(-r) + " " + coord(r) + "l" + coord(-r) + " " + coord(-r) + "z"
}

// title names a highlighted point for those who hover over it or read it aloud,
// saying first when it made no return.
func (p FunnelPoint) title() string {
	s := p.Name + ": "
	if p.NoReturn {
		s += NoReturnText + ". "
	}
	return s + RatioText(p.Ratio) + " of expected (" + fteText(p.Observed) + " FTE in post, " + fteText(p.Expected) + " expected)" + p.whereSuffix()
}

func (p FunnelPoint) whereSuffix() string {
	switch {
	case p.Outside998 && p.Ratio < 1:
		return ", below the 99.8% limits"
	case p.Outside998:
		return ", above the 99.8% limits"
	}
	return ""
}

// dotAt is a zero-length segment at (x, y): a dot, drawn with a round cap.
func dotAt(x, y float64) string { return "M" + coord(x) + " " + coord(y) + "h0" }
