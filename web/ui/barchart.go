package ui

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
	Width       int // the drawing's width (default 640); it scales to its container
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
	Label  string
	LabelY float64
	Bar    box
	Value  string
	ValueX float64
	ValueY float64
}

const (
	barRowHeight = 52.0 // a label line above each bar, then the bar
	barThickness = 20.0
	barLabelGap  = 8.0
	maxBarTicks  = 6
)

// layout works out the chart's geometry. Labels sit above their bars, so long role
// names need no truncation; values sit just past the end of each bar.
func (p BarChartParams) layout() barChart {
	w := 640.0
	if p.Width > 0 {
		w = float64(p.Width)
	}
	lo, hi := 0.0, 0.0
	valueW := 0.0
	for _, b := range p.Bars {
		lo, hi = min(lo, b.Value), max(hi, b.Value)
		valueW = max(valueW, textWidth(b.valueLabel()))
	}
	top := chartMarginTop
	plot := box{X: 8, Y: top, W: w - 8 - valueW - barLabelGap - chartMarginRight, H: float64(len(p.Bars)) * barRowHeight}
	ticks, x := axisTicks(lo, hi, maxBarTicks, plot.X, plot.right())
	c := barChart{Width: w, Height: plot.bottom() + chartMarginBottom, Plot: plot, Ticks: ticks, ValueTitle: p.ValueTitle}
	zero := x.at(0)
	for i, b := range p.Bars {
		rowTop := plot.Y + float64(i)*barRowHeight
		end := x.at(b.Value)
		c.Bars = append(c.Bars, barGeometry{
			Label:  b.Label,
			LabelY: rowTop + 18,
			Bar:    box{X: min(zero, end), Y: rowTop + 26, W: max(zero, end) - min(zero, end), H: barThickness},
			Value:  b.valueLabel(),
			ValueX: max(zero, end) + barLabelGap,
			ValueY: rowTop + 26 + barThickness/2 + 5,
		})
	}
	return c
}
