package ui

import (
	"math"
	"strings"
)

// LineChartParams describes a line chart of one or more series over time.
type LineChartParams struct {
	// ID must be unique on the page: it prefixes the ids that label the chart.
	ID          string
	Title       string
	Description string // what the chart shows and its main message, for screen readers
	XTitle      string // what the x labels are, such as "Month"; heads the table
	YTitle      string // the unit of the values, such as "FTE"
	// XLabels name the points along the x axis, oldest first ("Apr 2024"…); each
	// series has one value per label.
	XLabels    []string
	Series     []LineSeries
	Target     *ChartTarget
	Milestones []ChartMilestone
	// Width and Height set the wide drawing's proportions (default 640×320; Width
	// at most 640); it scales to the width of its container, and a narrow box shows
	// a narrow drawing instead (chart.go).
	Width, Height int
	// MinusSign writes the y axis's negative values with a true minus sign (−), as
	// money is written in the tables beside the chart, instead of a hyphen.
	MinusSign bool
}

// LineSeries is one line. A NaN value is a gap: the line breaks there.
type LineSeries struct {
	Name   string
	Values []float64
	// Style, when set, draws the series its own way (linestyle.go).
	Style *LineStyle
}

// ChartTarget is a horizontal reference line, such as a workforce target.
type ChartTarget struct {
	Value float64
	Label string
}

// ChartMilestone marks one point of the chart, such as when a plan was approved.
type ChartMilestone struct {
	Index int // position in XLabels
	Value float64
	Label string
	// Below puts the label beneath the point instead of above it: for a series'
	// lowest point, where nothing of the line is below it (so the label never crosses
	// the line, however narrow the drawing). The y axis reaches low enough to leave
	// room for it above the x axis.
	Below bool
}

// lineChart is the geometry of a line chart, in SVG user units.
type lineChart struct {
	Width, Height float64
	Plot          box
	YTicks        []tick
	XTicks        []tick
	YTitle        string
	Series        []linePath
	Target        *targetLine
	Milestones    []milestonePoint
	Legend        []legendEntry
}

type linePath struct {
	Name, D, Colour, Dash string
	Width                 float64
	Points                []point
}

type point struct{ X, Y float64 }

type targetLine struct {
	Y              float64
	Label          string
	LabelX, LabelY float64
}

type milestonePoint struct {
	X, Y   float64
	Label  string
	Anchor string  // text-anchor keeping the label inside the chart
	LabelY float64 // the label's baseline: above the point, or below it (Below)
}

type legendEntry struct {
	X, Y               float64
	Name, Colour, Dash string
	Width              float64
}

const (
	chartMarginTop    = 24.0
	chartMarginRight  = 16.0
	chartMarginBottom = 36.0
	legendRowHeight   = 24.0
	legendSwatch      = 24.0
	maxYTicks         = 6
	maxPointMarkers   = 24 // above this, points are too close to mark
	// milestoneAbove and milestoneBelow place a milestone's label's baseline above
	// or below its point, clear of its 6-unit marker; belowRoom is the room a label
	// below needs above the plot's bottom (the label's height and a gap).
	milestoneAbove = 12.0
	milestoneBelow = 24.0
	belowRoom      = milestoneBelow + 8
)

// size is the drawing's width and height in units: Width (at most wideChartWidth,
// which keeps the wide drawing's text readable: chart.go) and Height, or 640×320.
func (p LineChartParams) size() (float64, float64) {
	w, h := wideChartWidth, 320.0
	if p.Width > 0 {
		w = min(float64(p.Width), wideChartWidth)
	}
	if p.Height > 0 {
		h = float64(p.Height)
	}
	return w, h
}

// yRange is the span the y axis must show: every value, the target and the
// milestones, from zero so that lines are not exaggerated.
func (p LineChartParams) yRange() (float64, float64) {
	lo, hi := 0.0, 0.0
	see := func(v float64) {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	for _, s := range p.Series {
		for _, v := range s.Values {
			see(v)
		}
	}
	if p.Target != nil {
		see(p.Target.Value)
	}
	for _, m := range p.Milestones {
		see(m.Value)
	}
	return lo, hi
}

// narrow is the chart as the narrow drawing lays it out (chart.go): narrowChartWidth
// across, and taller by the rows its legend needs more, so that the plot keeps its
// height.
func (p LineChartParams) narrow() LineChartParams {
	w, h := p.size()
	q := p
	q.Width = int(narrowChartWidth)
	q.Height = int(math.Ceil(h + legendHeight(p.legendEntries(narrowChartWidth)) - legendHeight(p.legendEntries(w))))
	return q
}

// legendHeight is the height a laid-out legend takes.
func legendHeight(legend []legendEntry) float64 {
	if len(legend) == 0 {
		return 0
	}
	return legend[len(legend)-1].Y + legendRowHeight/2
}

// layout works out the chart's geometry.
func (p LineChartParams) layout() lineChart {
	w, h := p.size()
	legend := p.legendEntries(w)
	legendH := legendHeight(legend)
	plotH := h - chartMarginTop - chartMarginBottom - legendH
	lo, hi := p.yRange()
	lo = p.roomBelow(lo, hi, plotH)
	values := niceTicks(lo, hi, maxYTicks)
	// Room for the widest y label on the left, and for half of the end x labels,
	// which are centred on the first and last points.
	left, right := 0.0, chartMarginRight
	for _, v := range values {
		left = max(left, 12+textWidth(p.yLabel(v)))
	}
	if n := len(p.XLabels); n > 1 {
		left = max(left, textWidth(p.XLabels[0])/2+charWidth)
		right = max(right, textWidth(p.XLabels[n-1])/2+charWidth)
	}
	plot := box{X: left, Y: chartMarginTop, W: w - left - right, H: plotH}
	yTicks, y := axisTicks(lo, hi, maxYTicks, plot.bottom(), plot.Y)
	for i := range yTicks {
		yTicks[i].Label = p.yLabel(values[i])
	}
	c := lineChart{Width: w, Height: h, Plot: plot, YTicks: yTicks, YTitle: p.YTitle}
	c.XTicks = p.xTicks(plot)
	for i, s := range p.Series {
		c.Series = append(c.Series, p.linePath(i, s, plot, y))
	}
	if p.Target != nil {
		c.Target = p.targetLine(plot, y)
	}
	for _, m := range p.Milestones {
		c.Milestones = append(c.Milestones, p.milestone(m, plot, y))
	}
	for i := range legend {
		legend[i].Y += plot.bottom() + chartMarginBottom
	}
	c.Legend = legend
	return c
}

// yLabel writes a y axis value: with a true minus sign (−) when MinusSign asks.
func (p LineChartParams) yLabel(v float64) string {
	s := formatNumber(v)
	if p.MinusSign {
		return strings.Replace(s, "-", "−", 1)
	}
	return s
}

// roomBelow lowers the y axis's bottom, lo, so that every milestone labelled below
// its point sits at least belowRoom units above the plot's bottom, whose height is
// plotH: a point at value v sits (v − lo) ÷ (hi − lo) × plotH above it, so lo may be
// at most (v − r·hi) ÷ (1 − r), r = belowRoom ÷ plotH. The ticks then round it down
// further, which only adds room.
func (p LineChartParams) roomBelow(lo, hi, plotH float64) float64 {
	r := belowRoom / plotH
	if r <= 0 || r >= 1 {
		return lo
	}
	for _, m := range p.Milestones {
		if !m.Below || math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			continue
		}
		top := hi
		if top == m.Value { // a flat chart: give it a range to place the point in
			top = m.Value + max(math.Abs(m.Value), 1)
		}
		lo = min(lo, (m.Value-r*top)/(1-r))
	}
	return lo
}

// xAt is the x position of the i-th label: evenly spread, a single one centred.
func (p LineChartParams) xAt(i int, plot box) float64 {
	if len(p.XLabels) < 2 {
		return plot.X + plot.W/2
	}
	return plot.X + float64(i)*plot.W/float64(len(p.XLabels)-1)
}

// xTicks labels every k-th point, k chosen so that labels do not overlap.
func (p LineChartParams) xTicks(plot box) []tick {
	widest := 0.0
	for _, l := range p.XLabels {
		widest = max(widest, textWidth(l)+charWidth)
	}
	every := 1
	if n := len(p.XLabels); n > 1 {
		every = max(1, int(math.Ceil(widest*float64(n)/plot.W)))
	}
	var ticks []tick
	for i := 0; i < len(p.XLabels); i += every {
		ticks = append(ticks, tick{Pos: p.xAt(i, plot), Label: p.XLabels[i]})
	}
	return ticks
}

func (p LineChartParams) linePath(i int, s LineSeries, plot box, y linearScale) linePath {
	st := s.style(i)
	lp := linePath{Name: s.Name, Colour: st.Colour, Dash: st.Dash, Width: st.Width}
	var d strings.Builder
	pen := "M"
	for j, v := range s.Values {
		if j >= len(p.XLabels) || math.IsNaN(v) {
			pen = "M"
			continue
		}
		pt := point{X: p.xAt(j, plot), Y: y.at(v)}
		d.WriteString(pen + coord(pt.X) + " " + coord(pt.Y))
		pen = "L"
		lp.Points = append(lp.Points, pt)
	}
	lp.D = d.String()
	if len(p.XLabels) > maxPointMarkers || st.NoMarkers {
		lp.Points = nil
	}
	return lp
}

// targetLine labels the target at the left, where growing series are usually
// still below it: above the line, or below it when the line is at the top.
func (p LineChartParams) targetLine(plot box, y linearScale) *targetLine {
	t := &targetLine{Y: y.at(p.Target.Value), Label: p.Target.Label, LabelX: plot.X + 8}
	t.LabelY = t.Y - 6
	if t.Y-chartFontSize-6 < plot.Y {
		t.LabelY = t.Y + chartFontSize + 4
	}
	return t
}

func (p LineChartParams) milestone(m ChartMilestone, plot box, y linearScale) milestonePoint {
	mp := milestonePoint{X: p.xAt(m.Index, plot), Y: y.at(m.Value), Label: m.Label, Anchor: "middle"}
	mp.LabelY = mp.Y - milestoneAbove
	if m.Below {
		mp.LabelY = mp.Y + milestoneBelow
	}
	half := textWidth(m.Label) / 2
	switch {
	case mp.X-half < plot.X:
		mp.Anchor = "start"
	case mp.X+half > plot.right():
		mp.Anchor = "end"
	}
	return mp
}

// legendEntries lays out a key (series, then target) in rows across the width, with
// Y relative to the top of the legend. A single series without a target needs none:
// the title names it.
func (p LineChartParams) legendEntries(width float64) []legendEntry {
	var entries []legendEntry
	for i, s := range p.Series {
		if st := s.style(i); st.Key != "" {
			entries = append(entries, legendEntry{Name: st.Key, Colour: st.Colour, Dash: st.Dash, Width: st.Width})
		}
	}
	if p.Target != nil {
		entries = append(entries, legendEntry{Name: p.Target.Label, Colour: chartTarget, Dash: "6 4", Width: defaultLineWidth})
	}
	if len(entries) < 2 {
		return nil
	}
	x, y := 8.0, legendRowHeight/2
	for i := range entries {
		w := legendSwatch + 8 + textWidth(entries[i].Name) + 16
		if x > 8 && x+w > width {
			x, y = 8, y+legendRowHeight
		}
		entries[i].X, entries[i].Y = x, y
		x += w
	}
	return entries
}
