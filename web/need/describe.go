package need

import "github.com/arrs-planner/arrs/web/ui"

// ids are the ids of the chart's drawings, title, description and table.
func (f Funnel) ids() (title, desc, table string) {
	id := orDefault(f.ID, "funnel")
	return id + "-title", id + "-desc", id + "-table"
}

// drawings are the wide and the narrow drawing.
func (f Funnel) drawings(a funnelAxes) (wide, narrow drawing) {
	id := orDefault(f.ID, "funnel")
	wide, narrow = f.layout(a, wideWidth), f.layout(a, narrowWidth)
	wide.Class, wide.ID, wide.ClipID, wide.Named = "app-chart--wide", id+"-chart", id+"-clip", true
	narrow.Class, narrow.ID, narrow.ClipID = "app-chart--narrow", id+"-chart-narrow", id+"-clip-narrow"
	return wide, narrow
}

// description is what the plot shows, for those who cannot see it: Desc, then how it
// is drawn and what it finds.
func (f Funnel) description(a funnelAxes) string {
	s := f.Desc
	if s != "" {
		s += " "
	}
	s += "Each of " + ui.Plural(len(a.points), "PCN", "PCNs") + " is a point: its ARRS FTE in post divided by its expected ARRS FTE, up the side, " +
		"against its expected ARRS FTE along the bottom"
	switch {
	case len(a.points) == 0:
		s += "."
	case a.log:
		s += ", on a logarithmic scale because expected FTE runs from " + fteText(a.xLo) + " to " + fteText(a.xHi) + "."
	default:
		s += ", on a linear scale (expected FTE runs from " + fteText(a.xLo) + " to " + fteText(a.xHi) + ")."
	}
	s += " A solid line at 1 is as expected. Dashed lines are the 95% limits and solid lines the 99.8% limits, which narrow as expected FTE grows. "
	low, high := a.beyond()
	s += ui.Plural(a.outliers, "PCN", "PCNs") + " " + ui.Agree(a.outliers, "lies", "lie") + " beyond the 99.8% limits: " + ui.Count(low) + " below and " + ui.Count(high) + " above, each ringed."
	if a.highlighted > 0 {
		s += " " + ui.Plural(a.highlighted, "point", "points") + " " + ui.Agree(a.highlighted, "is", "are") + " " + orDefault(f.HighlightLabel, "highlighted") + ", drawn as diamonds."
	}
	if a.above > 0 {
		s += " " + ui.Plural(a.above, "ratio", "ratios") + " above " + number(a.yTop) + " " + ui.Agree(a.above, "is", "are") + " drawn on the top edge."
	}
	if n := len(f.Points) - len(a.points); n > 0 {
		s += " " + ui.Plural(n, "PCN", "PCNs") + " " + ui.Agree(n, "has", "have") + " no expected FTE and no point."
	}
	return s + " The table below gives the numbers."
}

// beyond counts the points below and above the 99.8% limits.
func (a funnelAxes) beyond() (low, high int) {
	for _, p := range a.points {
		switch {
		case p.Outside998 && p.Ratio < 1:
			low++
		case p.Outside998:
			high++
		}
	}
	return low, high
}
