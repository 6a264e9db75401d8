package ui

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func sampleLineChart() LineChartParams {
	return LineChartParams{
		ID: "fte-trend", Title: "ARRS FTE in post, England", Description: "FTE rose from 100 to 180 over the year, short of the 200 target.",
		XTitle: "Month", YTitle: "FTE",
		XLabels: []string{"Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024", "Oct 2024", "Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025"},
		Series: []LineSeries{
			{Name: "In post", Values: []float64{100, 110, 118, 125, 131, 140, 148, math.NaN(), 160, 168, 175, 180}},
			{Name: "Planned", Values: []float64{100, 112, 124, 136, 148, 160, 172, 184, 196, 200, 200, 200}},
		},
		Target:     &ChartTarget{Value: 200, Label: "Target 200 FTE"},
		Milestones: []ChartMilestone{{Index: 6, Value: 148, Label: "Plan approved"}},
	}
}

func sampleBarChart() BarChartParams {
	return BarChartParams{
		ID: "fte-by-role", Title: "FTE by role", Description: "Clinical pharmacists are the largest ARRS role.",
		LabelTitle: "Role", ValueTitle: "FTE",
		Bars: []Bar{{Label: "Clinical pharmacist", Value: 1234.5}, {Label: "Social prescribing link worker", Value: 812}, {Label: "Physician associate", Value: 0}},
	}
}

// TestChartsAreLabelled checks what assistive technology relies on: role="img" and
// a label made of the chart's own title and description.
func TestChartsAreLabelled(t *testing.T) {
	for name, html := range map[string]string{
		"line": render(t, LineChart(sampleLineChart())),
		"bar":  render(t, BarChart(sampleBarChart())),
	} {
		t.Run(name, func(t *testing.T) {
			if dir := os.Getenv("CHART_SVG_DIR"); dir != "" {
				_ = os.WriteFile(dir+"/"+name+".svg", []byte(html), 0o644) // for eyeballing
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
			if err != nil {
				t.Fatal(err)
			}
			if n := doc.Find("svg").Length(); n != 2 {
				t.Fatalf("%d drawings, want the wide and the narrow", n)
			}
			svg, narrow := doc.Find("svg.app-chart--wide"), doc.Find("svg.app-chart--narrow")
			for _, d := range []*goquery.Selection{svg, narrow} {
				if role, _ := d.Attr("role"); role != "img" {
					t.Errorf("role = %q, want img", role)
				}
			}
			if narrow.AttrOr("aria-labelledby", "") != svg.AttrOr("aria-labelledby", "") || narrow.Find("title, desc").Length() != 0 {
				t.Error("the narrow drawing must be named by the wide one's title and desc, and hold none of its own")
			}
			ids, _ := svg.Attr("aria-labelledby")
			var parts []string
			for _, id := range strings.Fields(ids) {
				el := svg.Find("#" + id)
				if el.Length() != 1 {
					t.Errorf("aria-labelledby names %q, which is not in the chart", id)
				}
				parts = append(parts, goquery.NodeName(el))
			}
			if strings.Join(parts, " ") != "title desc" {
				t.Errorf("aria-labelledby points at %v, want the title then the desc", parts)
			}
			if svg.Find("script").Length() != 0 || svg.Find("[onclick], [onload]").Length() != 0 {
				t.Error("charts must not carry script")
			}
		})
	}
}

func TestLineChartLayout(t *testing.T) {
	p := LineChartParams{XLabels: []string{"A", "B", "C"}, Series: []LineSeries{{Name: "s", Values: []float64{0, 5, 10}}}}
	c := p.layout()
	if got := c.YTicks[len(c.YTicks)-1].Label; got != "10" {
		t.Errorf("top y tick = %q, want 10", got)
	}
	wantD := "M" + coord(c.Plot.X) + " " + coord(c.Plot.bottom()) +
		"L" + coord(c.Plot.X+c.Plot.W/2) + " " + coord(c.Plot.Y+c.Plot.H/2) +
		"L" + coord(c.Plot.right()) + " " + coord(c.Plot.Y)
	if c.Series[0].D != wantD {
		t.Errorf("path = %q, want %q", c.Series[0].D, wantD)
	}
	if len(c.Legend) != 0 {
		t.Errorf("one series without target has a legend: %v", c.Legend)
	}
}

func TestLineChartGapsTargetAndMilestones(t *testing.T) {
	c := sampleLineChart().layout()
	if got := strings.Count(c.Series[0].D, "M"); got != 2 {
		t.Errorf("series with one missing value has %d subpaths, want 2: %s", got, c.Series[0].D)
	}
	// The y axis reaches the target (200) from zero: 0, 50 … 200.
	if first, last := c.YTicks[0], c.YTicks[len(c.YTicks)-1]; first.Label != "0" || last.Label != "200" {
		t.Errorf("y ticks run %s..%s, want 0..200", first.Label, last.Label)
	}
	if c.Target == nil || c.Target.Y != c.Plot.Y {
		t.Errorf("target line at %v, want the top of the plot %v", c.Target, c.Plot.Y)
	}
	if len(c.Legend) != 3 {
		t.Errorf("legend has %d entries, want 2 series and the target", len(c.Legend))
	}
	if m := c.Milestones[0]; m.X != c.Series[0].Points[6].X || m.Y != c.Series[0].Points[6].Y {
		t.Errorf("milestone at (%v, %v), want on the 7th point %v", m.X, m.Y, c.Series[0].Points[6])
	}
	for _, e := range c.Legend {
		if e.Y < c.Plot.bottom() || e.Y > c.Height {
			t.Errorf("legend entry %q at y=%v, want below the plot and inside the chart", e.Name, e.Y)
		}
	}
}

func TestLineChartThinsXLabels(t *testing.T) {
	p := LineChartParams{Width: 320}
	for i := range 36 {
		p.XLabels = append(p.XLabels, "Month "+string(rune('A'+i%26)))
	}
	c := p.layout()
	if len(c.XTicks) >= 36 || len(c.XTicks) < 2 {
		t.Fatalf("%d x labels shown for 36 points on a narrow chart", len(c.XTicks))
	}
	for i := 1; i < len(c.XTicks); i++ {
		if gap := c.XTicks[i].Pos - c.XTicks[i-1].Pos; gap < textWidth(c.XTicks[i].Label) {
			t.Errorf("labels %d and %d are %v apart, narrower than a label", i-1, i, gap)
		}
	}
}

func TestBarChartLayout(t *testing.T) {
	c := sampleBarChart().layout()
	// Ticks 0, 250 … 1,250: a bar of 1,234.5 spans 1234.5/1250 of the plot.
	if got := c.Ticks[len(c.Ticks)-1].Label; got != "1,250" {
		t.Fatalf("last tick = %q, want 1,250", got)
	}
	if want := c.Plot.W * 1234.5 / 1250; math.Abs(c.Bars[0].Bar.W-want) > 1e-9 {
		t.Errorf("first bar width = %v, want %v", c.Bars[0].Bar.W, want)
	}
	if c.Bars[2].Bar.W != 0 || c.Bars[2].Value != "0" {
		t.Errorf("zero bar = %+v, want no width and the value 0", c.Bars[2])
	}
	for _, b := range c.Bars {
		if end := b.ValueX + textWidth(b.Value); end > c.Width {
			t.Errorf("value label %q ends at %v, past the chart's width %v", b.Value, end, c.Width)
		}
		if b.Bar.Y+b.Bar.H > c.Plot.bottom() || b.LabelY < c.Plot.Y {
			t.Errorf("bar %q outside its plot", b.Lines)
		}
	}
}

func TestChartTables(t *testing.T) {
	line := sampleLineChart().Table("FTE by month")
	if len(line.Head) != 4 || len(line.Rows) != 12 {
		t.Fatalf("line table is %d columns × %d rows, want 4 × 12", len(line.Head), len(line.Rows))
	}
	if got := line.Rows[7].Cells[1].Text; got != "No data" {
		t.Errorf("gap shows as %q, want No data", got)
	}
	bar := sampleBarChart().Table("FTE by role")
	if got := bar.Rows[0].Cells[1].Text; got != "1,234.5" {
		t.Errorf("bar value = %q, want 1,234.5", got)
	}
	if !bar.Head[1].Numeric {
		t.Error("value column should be numeric (right-aligned)")
	}
}

func TestFigure(t *testing.T) {
	p := sampleBarChart()
	html := render(t, Figure(FigureParams{Chart: BarChart(p), Table: p.Table("FTE by role"), TableSummary: "Show the data as a table", TestID: "fte-by-role"}))
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	fig := doc.Find(`figure[data-testid="fte-by-role"]`)
	if fig.Find("svg[role=img] title").Length() != 1 || fig.Find("details table.nhsuk-table").Length() != 1 {
		t.Errorf("figure should hold the chart and, in details, its table:\n%s", html)
	}
	html = render(t, Figure(FigureParams{Chart: BarChart(p), Table: p.Table("FTE by role")}))
	if !strings.Contains(html, "<table") || strings.Contains(html, "<details") {
		t.Errorf("without a summary the table should follow the chart directly:\n%s", html)
	}
}

// The narrow drawing is laid out for its width, not shrunk: its text is as many units
// high on a drawing half as wide, so its x labels thin out, its legend takes more rows
// (the drawing grows taller, the plot keeps its height) and bar labels wrap.
func TestNarrowDrawings(t *testing.T) {
	p := sampleLineChart()
	wide, narrow := p.layout(), p.narrow().layout()
	if narrow.Width != narrowChartWidth || len(narrow.XTicks) >= len(wide.XTicks) {
		t.Errorf("narrow drawing %v wide with %d x labels, the wide one %d", narrow.Width, len(narrow.XTicks), len(wide.XTicks))
	}
	if math.Abs(narrow.Plot.H-wide.Plot.H) > 1 || len(narrow.Legend) != len(wide.Legend) {
		t.Errorf("narrow plot %v high, wide %v: the legend's rows must add height, not take it", narrow.Plot.H, wide.Plot.H)
	}
	for _, e := range narrow.Legend {
		if end := e.X + legendSwatch + 8 + textWidth(e.Name); end > narrow.Width {
			t.Errorf("legend entry %q ends at %v, past %v", e.Name, end, narrow.Width)
		}
	}
	if (LineChartParams{Width: 1200}).layout().Width != wideChartWidth {
		t.Error("a wide drawing wider than 640 units would shrink its text below 12 px in a 560 px box")
	}
	bars := BarChartParams{Bars: []Bar{{Label: "Advanced clinical practitioner nurse, band 8a and above", Value: 1000000}, {Label: "Paramedic", Value: 5}}}
	c := bars.layoutAt(narrowChartWidth)
	if len(c.Bars[0].Lines) < 2 || len(c.Bars[1].Lines) != 1 {
		t.Errorf("label lines %q and %q: a long label must wrap, a short one not", c.Bars[0].Lines, c.Bars[1].Lines)
	}
	for _, l := range c.Bars[0].Lines {
		if textWidth(l) > c.Width-16 {
			t.Errorf("line %q wider than the drawing", l)
		}
	}
	if c.Bars[1].LabelY < c.Bars[0].Bar.bottom() {
		t.Error("the second bar's label overlaps the first bar")
	}
	if !ticksFit(c.Ticks) {
		t.Errorf("tick labels touch: %v", c.Ticks)
	}
}

// A cash curve's lowest point is labelled beneath it, where nothing of the line is, and
// the y axis reaches low enough for the label to clear the x axis, in both drawings;
// its negative values carry a true minus sign when asked. A milestone above its point
// stays where it was.
func TestLineChartLowPointBelow(t *testing.T) {
	p := LineChartParams{ID: "cash", XLabels: []string{"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"},
		Series:     []LineSeries{{Name: "Cash", Values: []float64{-4000, -8000, -8000, -8000, -8000, -8000, -8000, -8000, -8000, -8000, -8000, -8000}}},
		Milestones: []ChartMilestone{{Index: 1, Value: -8000, Label: "Lowest −£8,000", Below: true}}, MinusSign: true, Height: 300}
	for _, c := range []lineChart{p.layout(), p.narrow().layout()} {
		m := c.Milestones[0]
		if m.LabelY <= m.Y+chartFontSize || m.LabelY > c.Plot.bottom()-4 {
			t.Errorf("label at y=%v, point at %v, plot bottom %v: want beneath the point, above the x axis", m.LabelY, m.Y, c.Plot.bottom())
		}
		for _, pt := range c.Series[0].Points {
			if pt.Y > m.Y {
				t.Errorf("a point at y=%v is below the lowest point's %v", pt.Y, m.Y)
			}
		}
		if got := c.YTicks[0].Label; !strings.HasPrefix(got, "−") || strings.Contains(got, "-") {
			t.Errorf("lowest y label %q, want a minus sign", got)
		}
	}
	p.MinusSign, p.Milestones[0].Below = false, false
	c := p.layout()
	if m := c.Milestones[0]; m.LabelY != m.Y-12 || !strings.HasPrefix(c.YTicks[0].Label, "-") {
		t.Errorf("label at %v for a point at %v, lowest y label %q: want 12 above and a hyphen, as before", m.LabelY, m.Y, c.YTicks[0].Label)
	}
}
