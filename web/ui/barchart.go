package ui

import "strings"

// BarChartParams describes a horizontal bar chart comparing one value across
// categories, such as FTE by role or by region.
type BarChartParams struct {
	// ID must be unique on the page: it prefixes the ids that label the chart.
	ID          string
	Title       string
	Description string // what the chart shows and its main message, for screen readers
	LabelTitle  string // what the bars are, such as "Role"; heads the table
	ValueTitle  string // the unit of the values, such as "FTE"
	Bars        []Bar
	// Width is the wide drawing's width (default and at most 640); it scales to its
	// container, and a narrow box shows a narrow drawing instead (chart.go).
	Width int
}

// Bar is one labelled value.
type Bar struct {
	Label string
	Value float64
	// ValueLabel is shown at the end of the bar and in the table; it defaults to
	// the value with thousands separators and at most two decimal places.
	ValueLabel string
}

func (b Bar) valueLabel() string {
	return orDefault(b.ValueLabel, formatNumber(b.Value))
}

// barChart is the geometry of a bar chart, in SVG user units.
type barChart struct {
	Width, Height float64
	Plot          box
	Ticks         []tick
	ValueTitle    string
	Bars          []barGeometry
}

type barGeometry struct {
	// Lines are the label, wrapped to the drawing's width; the first line's
	// baseline is at LabelY, the next ones barLineHeight apart.
	Lines  []string
	LabelY float64
	Bar    box
	Value  string
	ValueX float64
	ValueY float64
}

const (
	barRowHeight  = 52.0 // a label line above each bar, then the bar
	barLineHeight = 18.0 // each further line of a wrapped label
	barThickness  = 20.0
	barLabelGap   = 8.0
	maxBarTicks   = 6
)

// width is the wide drawing's width: Width, at most wideChartWidth (chart.go).
func (p BarChartParams) width() float64 {
	if p.Width > 0 {
		return min(float64(p.Width), wideChartWidth)
	}
	return wideChartWidth
}

// layout works out the wide drawing's geometry.
func (p BarChartParams) layout() barChart { return p.layoutAt(p.width()) }

// layoutAt works out the geometry of a drawing w units across. Labels sit above their
// bars, wrapped onto more lines where they are wider than the drawing, so long role
// names need no truncation; values sit just past the end of each bar.
func (p BarChartParams) layoutAt(w float64) barChart {
	lo, hi := 0.0, 0.0
	valueW := 0.0
	lines := make([][]string, len(p.Bars))
	rowsH := 0.0
	for i, b := range p.Bars {
		lo, hi = min(lo, b.Value), max(hi, b.Value)
		valueW = max(valueW, textWidth(b.valueLabel()))
		lines[i] = WrapText(b.Label, w-16)
		rowsH += barRowHeight + float64(len(lines[i])-1)*barLineHeight
	}
	plot := box{X: 8, Y: chartMarginTop, W: w - 8 - valueW - barLabelGap - chartMarginRight, H: rowsH}
	ticks, x := fittedTicks(lo, hi, maxBarTicks, plot.X, plot.right())
	c := barChart{Width: w, Height: plot.bottom() + chartMarginBottom, Plot: plot, Ticks: ticks, ValueTitle: p.ValueTitle}
	zero := x.at(0)
	rowTop := plot.Y
	for i, b := range p.Bars {
		extra := float64(len(lines[i])-1) * barLineHeight
		end := x.at(b.Value)
		c.Bars = append(c.Bars, barGeometry{
			Lines:  lines[i],
			LabelY: rowTop + 18,
			Bar:    box{X: min(zero, end), Y: rowTop + extra + 26, W: max(zero, end) - min(zero, end), H: barThickness},
			Value:  b.valueLabel(),
			ValueX: max(zero, end) + barLabelGap,
			ValueY: rowTop + extra + 26 + barThickness/2 + 5,
		})
		rowTop += barRowHeight + extra
	}
	return c
}

// WrapText breaks s into lines no wider than width SVG units of 14-unit text (as
// textWidth estimates it), at spaces; a word wider than width has a line of its own.
// The bar chart wraps its labels, and the funnel plot its key, with it.
func WrapText(s string, width float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case textWidth(line+" "+w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// fittedTicks are axisTicks with at most maxTicks ticks, fewer where their labels
// would touch: a narrow drawing has room for fewer.
func fittedTicks(lo, hi float64, maxTicks int, r0, r1 float64) ([]tick, linearScale) {
	for n := maxTicks; ; n-- {
		ticks, scale := axisTicks(lo, hi, n, r0, r1)
		if n <= 3 || ticksFit(ticks) {
			return ticks, scale
		}
	}
}

// ticksFit reports whether centred labels at the ticks keep a character's width apart.
func ticksFit(ticks []tick) bool {
	for i := 1; i < len(ticks); i++ {
		if ticks[i].Pos-ticks[i-1].Pos < (textWidth(ticks[i].Label)+textWidth(ticks[i-1].Label))/2+charWidth {
			return false
		}
	}
	return true
}
