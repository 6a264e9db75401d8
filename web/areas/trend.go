package areas

import (
	"math"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/web/ui"
)

// The England trend (PLANNING.md, "Known and unknown") joins two sources: NHS England's
// published series for the months before the data start, and the censuses imported
// here from then on. The chart draws them as two lines and the table names each
// month's source, so no one mistakes a published figure for the app's own.

// Sources of a trend point, as the table names them.
const (
	sourcePublished = "NHS England's published series"
	sourceImported  = "Census imported here (staff records)"
)

// seriesNames are the chart's two lines.
const (
	linePublished = "Published national series"
	lineImported  = "Imported censuses"
)

// SourceName names where a trend point comes from.
func (s SeriesPoint) SourceName() string {
	if s.Imported {
		return sourceImported
	}
	return sourcePublished
}

// trendSplit is the trend's two runs: the published months, then the imported
// censuses (EnglandTrend puts every published month before every imported one).
func trendSplit(series []SeriesPoint) (published, imported []SeriesPoint) {
	for i, s := range series {
		if s.Imported {
			return series[:i], series[i:]
		}
	}
	return series, nil
}

// TrendSources says in words which months come from which source, for the chart's
// description and the note under it.
func TrendSources(series []SeriesPoint) string {
	published, imported := trendSplit(series)
	var s string
	if len(published) > 0 {
		s = monthSpan(published) + ": NHS England's published national series (quarterly to December 2022, monthly after)."
	}
	if len(imported) > 0 {
		if s != "" {
			s += " "
		}
		s += monthSpan(imported) + ": " + censusCount(len(imported)) + " imported here, summed from the staff records."
	}
	return s
}

// monthSpan is "Nov 2025" for one point, "Mar 2020 to Oct 2025" for more.
func monthSpan(pts []SeriesPoint) string {
	a, b := pts[0].Month.Format("Jan 2006"), pts[len(pts)-1].Month.Format("Jan 2006")
	if a == b {
		return a
	}
	return a + " to " + b
}

func censusCount(n int) string {
	if n == 1 {
		return "the census"
	}
	return "the " + strconv.Itoa(n) + " censuses"
}

// seriesChart draws the published months and the imported censuses as two lines. The
// imported line starts at the last published month, so the two join: its first
// segment is the step from the published series to the first imported census.
func (p Page) seriesChart() ui.LineChartParams {
	labels := make([]string, len(p.Series))
	published := make([]float64, len(p.Series))
	imported := make([]float64, len(p.Series))
	for i, s := range p.Series {
		labels[i] = s.Month.Format("Jan 2006")
		published[i], imported[i] = math.NaN(), math.NaN()
		if s.Imported {
			imported[i] = s.FTE
			if i > 0 && !p.Series[i-1].Imported {
				imported[i-1] = p.Series[i-1].FTE
			}
		} else {
			published[i] = s.FTE
		}
	}
	c := ui.LineChartParams{
		ID: "trend", Title: "ARRS FTE in England, " + first(labels) + " to " + last(labels),
		Description: "A line of ARRS FTE in post from " + ui.FTE(first(p.Series).FTE) + " FTE in " + first(labels) +
			" to " + ui.FTE(last(p.Series).FTE) + " FTE in " + last(labels) + ", against the target. " + TrendSources(p.Series),
		XTitle: "Census month", YTitle: "FTE", XLabels: labels,
	}
	for _, l := range []ui.LineSeries{{Name: linePublished, Values: published}, {Name: lineImported, Values: imported}} {
		if known(l.Values) > 0 {
			c.Series = append(c.Series, l)
		}
	}
	if p.Target != nil {
		c.Target = &ui.ChartTarget{Value: p.Target.FTE, Label: "Target " + ui.Count(int(p.Target.FTE)) + " FTE"}
	}
	return c
}

// seriesTable is the chart's numbers, a row a census month with its source.
func (p Page) seriesTable() ui.TableParams {
	rows := make([]ui.TableRow, len(p.Series))
	for i, s := range p.Series {
		rows[i] = ui.TableRow{TestID: "trend-" + s.Month.Format(time.DateOnly), Cells: []ui.TableCell{
			{Text: s.Month.Format("Jan 2006")}, {Text: ui.FTE(s.FTE), Numeric: true}, {Text: s.SourceName()},
		}}
	}
	caption := "ARRS FTE in England by census month"
	if p.Target != nil {
		caption += "; the target is " + ui.Count(int(p.Target.FTE)) + " additional FTE"
	}
	return ui.TableParams{
		Caption: caption, FirstCellIsHeader: true, Compact: true, ID: "trend-table",
		Head: []ui.TableHeader{{Text: "Census month"}, {Text: "ARRS FTE in post", Numeric: true}, {Text: "Source"}},
		Rows: rows,
	}
}

// known counts the values that are not NaN.
func known(values []float64) int {
	n := 0
	for _, v := range values {
		if !math.IsNaN(v) {
			n++
		}
	}
	return n
}
