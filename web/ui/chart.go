package ui

import (
	"math"
	"strconv"
	"strings"
)

// Charts are inline SVG drawn on the server: no JavaScript, a <title> and <desc>
// read by screen readers (role="img"), and always shown beside a table of the same
// numbers (see Figure). The geometry is worked out by the pure functions in this
// file and its siblings; the templ files only draw it.

// chartColours are NHS.UK palette colours with at least 3:1 contrast against white
// (WCAG 1.4.11), in the order series take them. Series also differ by dash pattern,
// so colour is never the only cue (WCAG 1.4.1).
var chartColours = []string{"#005eb8", "#7c2855", "#007f3b", "#330072", "#425563", "#003087"}

var chartDashes = []string{"", "8 4", "2 3", "12 4 2 4", "4 4", "16 4"}

const (
	chartTextColour = "#212b32" // NHS text colour
	chartAxisColour = "#768692" // NHS mid grey
	chartGridColour = "#d8dde0" // NHS pale grey
	chartTarget     = "#d5281b" // NHS red
	chartFontSize   = 14
	// charWidth estimates the width of one character at chartFontSize in the NHS
	// font, to keep labels from overlapping; SVG cannot measure text on the server.
	charWidth = 8.0
)

// A chart is drawn twice, and app.css (.app-chart-box) shows the drawing that suits
// the width of its box: SVG text scales with the drawing, so one drawing cannot keep
// its text readable at every width (WCAG 1.4.4, 1.4.10). The text is chartFontSize
// units high in both, so on screen it is at least 12 CSS px:
//
//	wide:   wideChartWidth units across, shown in a box of chartSwitchWidth px or
//	        more: 14 × 560 ÷ 640 = 12.25 px and up (21 px in the 960 px page);
//	narrow: narrowChartWidth units across, shown below that: 14 × 288 ÷ 320 =
//	        12.6 px in the 288 px box of a 320 px phone, 15 px at 375 px.
//
// The narrow drawing is laid out afresh for its width (fewer x labels, a legend in
// more rows, bar labels wrapped), not shrunk. chartSwitchWidth is also in app.css.
const (
	wideChartWidth   = 640.0
	narrowChartWidth = 320.0
	chartSwitchWidth = 560
)

// chartDrawing is one of a chart's two drawings.
type chartDrawing struct {
	// Class shows it at its widths (app.css): app-chart--wide or app-chart--narrow.
	Class string
	// ID is the svg's id; the narrow drawing's ends "-narrow".
	ID string
	// Named is true for the drawing that holds the <title> and <desc>: the wide one.
	// The narrow one is labelled by the same elements (aria-labelledby reads hidden
	// elements), so the chart has one name and one description whichever shows.
	Named bool
}

// chartDrawings are the wide and the narrow drawing of the chart with this id.
func chartDrawings(id string) (wide, narrow chartDrawing) {
	return chartDrawing{Class: "app-chart--wide", ID: chartID(id), Named: true},
		chartDrawing{Class: "app-chart--narrow", ID: chartID(id) + "-narrow"}
}

// linearScale maps the domain [d0, d1] linearly onto the range [r0, r1].
type linearScale struct {
	d0, d1, r0, r1 float64
}

func (s linearScale) at(v float64) float64 {
	if s.d1 == s.d0 {
		return s.r0
	}
	return s.r0 + (v-s.d0)/(s.d1-s.d0)*(s.r1-s.r0)
}

// niceSteps are the multiples of a power of ten that make readable tick steps.
var niceSteps = []float64{1, 2, 2.5, 5, 10}

// niceTicks returns evenly spaced, rounded tick values (steps of 1, 2, 2.5 or 5
// times a power of ten) from at or below lo to at or above hi, at most maxTicks of
// them. Ticks are multiples of the step, so a range across zero needs three: fewer
// than three are never returned. An empty range is widened so the axis still has a
// scale.
func niceTicks(lo, hi float64, maxTicks int) []float64 {
	lo, hi = min(lo, hi), max(lo, hi)
	if lo == hi {
		lo, hi = widen(lo)
	}
	maxTicks = max(maxTicks, 3)
	raw := (hi - lo) / float64(maxTicks-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	// With three ticks allowed, a step of the range's own size fits, so this ends
	// within a couple of powers of ten.
	for k := 0; ; k++ {
		// After 10 come the steps of the next power of ten.
		step := niceSteps[k%len(niceSteps)] * mag * math.Pow(10, float64(k/len(niceSteps)))
		if step < raw*(1-1e-9) {
			continue
		}
		first, last := math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
		if n := int(last-first) + 1; n <= maxTicks {
			return tickValues(first, n, step)
		}
	}
}

// widen gives a single value a range: [0, 1] for zero, else from zero to it.
func widen(v float64) (float64, float64) {
	switch {
	case v > 0:
		return 0, v
	case v < 0:
		return v, 0
	}
	return 0, 1
}

func tickValues(first float64, n int, step float64) []float64 {
	places := decimals(step)
	ticks := make([]float64, n)
	for i := range ticks {
		ticks[i] = roundTo((first+float64(i))*step, places)
	}
	return ticks
}

// decimals is how many decimal places a tick step needs (0.25 → 2, 20 → 0).
func decimals(step float64) int {
	s := strconv.FormatFloat(roundTo(step, 9), 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

func roundTo(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0 // not -0
	}
	return r
}

// formatNumber writes v for people: thousands separated by commas, at most two
// decimal places, no trailing zeros (1234.5 → "1,234.5").
func formatNumber(v float64) string {
	s := strconv.FormatFloat(roundTo(v, 2), 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if hasFrac {
		return sign + whole + "." + frac
	}
	return sign + whole
}

// coord formats an SVG coordinate to one decimal place, plenty at screen scale.
func coord(v float64) string {
	return strconv.FormatFloat(roundTo(v, 1), 'f', -1, 64)
}

// textWidth estimates the rendered width of s in pixels.
func textWidth(s string) float64 {
	return float64(len([]rune(s))) * charWidth
}

// box is a rectangle in SVG user units.
type box struct {
	X, Y, W, H float64
}

func (b box) right() float64  { return b.X + b.W }
func (b box) bottom() float64 { return b.Y + b.H }

// tick is one labelled axis position.
type tick struct {
	Pos   float64
	Label string
}

// axisTicks places nice ticks for [lo, hi] along a scale from r0 to r1 and returns
// them with the scale over the ticks' (rounded) extent.
func axisTicks(lo, hi float64, maxTicks int, r0, r1 float64) ([]tick, linearScale) {
	values := niceTicks(lo, hi, maxTicks)
	scale := linearScale{values[0], values[len(values)-1], r0, r1}
	ticks := make([]tick, len(values))
	for i, v := range values {
		ticks[i] = tick{Pos: scale.at(v), Label: formatNumber(v)}
	}
	return ticks, scale
}

// chartID is the chart's id, "chart" if the caller gave none (which is safe only
// for one chart on a page).
func chartID(id string) string {
	return orDefault(id, "chart")
}

// chartIDs returns the ids of a chart's <title> and <desc>, which label it.
func chartIDs(id string) (title, desc string) {
	return chartID(id) + "-title", chartID(id) + "-desc"
}
