package ui

// LineStyle draws a series its own way in place of the palette's next colour and
// dash: a decile chart draws England's deciles dashed grey, the median solid and the
// organisation as a thicker coloured line with its points marked (OpenPrescribing's
// convention, docs/need-sources.md §4).
type LineStyle struct {
	// Colour needs at least 3:1 contrast against white (WCAG 1.4.11).
	Colour string
	// Dash is the stroke-dasharray; "" is a solid line.
	Dash string
	// Width is the stroke width in units; 0 is the default.
	Width float64
	// NoMarkers leaves the points unmarked (other series mark them while there are
	// few enough to tell apart).
	NoMarkers bool
	// Key is the series' entry in the legend; "" leaves it out, so that several series
	// drawn alike share one entry.
	Key string
}

// defaultLineWidth is a series' stroke width unless its style says otherwise.
const defaultLineWidth = 3.0

// style is how series i is drawn: its own style, or the palette's i-th colour and
// dash with its name in the legend.
func (s LineSeries) style(i int) LineStyle {
	if s.Style == nil {
		return LineStyle{Colour: chartColours[i%len(chartColours)], Dash: chartDashes[i%len(chartDashes)], Width: defaultLineWidth, Key: s.Name}
	}
	st := *s.Style
	if st.Width <= 0 {
		st.Width = defaultLineWidth
	}
	return st
}
