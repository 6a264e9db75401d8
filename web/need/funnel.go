package need

import (
	"strings"

	"github.com/arrs-planner/arrs/internal/need"
)

// The funnel plot is drawn on the server as inline SVG, twice: 640 units across for a
// box of 560 px or more and 320 across below that (app.css, .app-chart-box), so that
// its 14-unit text is never below 12 px on screen (web/ui/chart.go explains the sums).
// England has about 1,300 PCNs: the ordinary points are one path of zero-length
// segments with round caps (a dot each, a dozen bytes), and only the highlighted
// points carry a <title>; the table beside the plot has every number.

const (
	wideWidth     = 640.0
	narrowWidth   = 320.0
	fontSize      = 14
	charWidth     = 8.0 // an estimate of one character's width at fontSize
	marginTop     = 30.0
	marginRight   = 16.0
	legendRow     = 24.0
	legendSwatch  = 24.0
	limitSamples  = 60  // expected counts at which the limits are worked out
	yCap          = 3.0 // ratios above it are drawn on the top edge
	dotWidth      = 5.0 // a point's diameter
	ringWidth     = 11.0
	ringGap       = 7.0
	diamondRadius = 6.0
	bigRingWidth  = 19.0
	bigRingGap    = 15.0
)

// Colours of the NHS palette with at least 3:1 contrast against white, except the
// highlight's fill, which its dark outline carries; every mark differs by shape or
// line style as well as colour (WCAG 1.4.1).
const (
	colourText      = "#212b32"
	colourAxis      = "#768692"
	colourGrid      = "#d8dde0"
	colourPoint     = "#005eb8"
	colourHighlight = "#ffb81c"
	colourOutlier   = "#d5281b"
	colourOne       = "#007f3b"
	dash95          = "6 4"
)

// box is a rectangle in SVG units.
type box struct{ X, Y, W, H float64 }

func (b box) right() float64  { return b.X + b.W }
func (b box) bottom() float64 { return b.Y + b.H }

// tick is one labelled position on an axis.
type tick struct {
	Pos   float64
	Label string
}

// drawing is one of the funnel's two drawings, laid out for its width.
type drawing struct {
	Class, ID, ClipID string
	// Named is the drawing that holds the <title> and <desc> (the wide one); the narrow
	// one is labelled by the same ids.
	Named         bool
	Width, Height float64
	Plot          box
	XTicks        []tick
	YTicks        []tick
	XTitle        string
	XTitleY       float64
	OneY          float64
	// Limits are the paths of the lower and upper 95% and 99.8% limits.
	Lower95, Upper95, Lower998, Upper998 string
	// Dots are the ordinary points, one zero-length segment each; Rings and BigRings
	// mark those beyond the 99.8% limits, round a dot and round a diamond.
	Dots, Rings, BigRings string
	Highlights            []marker
	Legend                []legendItem
}

// marker is a highlighted point: a diamond with its own title.
type marker struct {
	D, Title string
}

// layout lays the funnel out across width units.
func (f Funnel) layout(a funnelAxes, width float64) drawing {
	d := drawing{Width: width, XTitle: "Expected ARRS FTE"}
	if a.log {
		d.XTitle += " (logarithmic scale)"
	}
	d.Legend = f.legend(a, width)
	legendH := legendHeight(d.Legend)
	plotH := 300.0
	if width < wideWidth {
		plotH = 240
	}
	yValues := linearTicks(a.yTop, 7)
	left := 0.0
	for _, v := range yValues {
		left = max(left, 12+textWidth(number(v)))
	}
	d.Plot = box{X: left, Y: marginTop, W: width - left - marginRight, H: plotH}
	// Below the plot: tick labels, the axis title, then the key.
	d.XTitleY = d.Plot.bottom() + 44
	d.Height = d.XTitleY + 16 + legendH
	for i := range d.Legend {
		d.Legend[i].Y += d.XTitleY + 16
	}
	y := newScale(yValues, false, d.Plot.bottom(), d.Plot.Y)
	for _, v := range yValues {
		d.YTicks = append(d.YTicks, tick{Pos: y.at(v), Label: number(v)})
	}
	d.OneY = y.at(1)
	x := d.xAxis(a)
	d.Lower95, d.Upper95 = limitPath(a, x, y, func(l need.Limits) float64 { return l.Lower95 }), limitPath(a, x, y, func(l need.Limits) float64 { return l.Upper95 })
	d.Lower998, d.Upper998 = limitPath(a, x, y, func(l need.Limits) float64 { return l.Lower998 }), limitPath(a, x, y, func(l need.Limits) float64 { return l.Upper998 })
	d.points(a, x, y)
	return d
}

// limitPath is the line through one of the limits at the sampled expected counts; the
// plot's clip path cuts it at the top.
func limitPath(a funnelAxes, x, y scale, of func(need.Limits) float64) string {
	var b strings.Builder
	for i, e := range a.samples {
		v := min(of(a.limits[i]), a.yTop*4) // far above the top, clipped
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString("L")
		}
		b.WriteString(coord(x.at(e)) + " " + coord(y.at(v)))
	}
	return b.String()
}
