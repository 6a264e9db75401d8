package gaps

import (
	"math"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/ui"
)

// DayValue is an FTE on one day; Imported marks an in-post figure from a census
// imported here rather than NHS England's published series.
type DayValue struct {
	Day      time.Time
	FTE      float64
	Imported bool
}

// Marker is a level the trajectory should reach by a day: a milestone of the target,
// or the target itself at its deadline. Level is in FTE in post, the baseline added.
type Marker struct {
	Day   time.Time
	Level float64
	Label string
}

// Trajectory is England's line towards the target: ARRS FTE in post by census month
// (NHS England's published series before the data start, the censuses imported here
// from it on: areas.SeriesPoint), the projection from the as-of date to the deadline, the target
// and its milestones, on one axis of days.
type Trajectory struct {
	Points []TrajectoryPoint
	// Target is the level of FTE in post that meets the target: baseline + T.
	Target      float64
	TargetLabel string
	Markers     []Marker
}

// TrajectoryPoint is one day of the axis. A value not known that day is NaN.
type TrajectoryPoint struct {
	Day       time.Time
	Actual    float64
	Projected float64
	// Census marks a census day of the in-post line, labelled by its month; Imported
	// that its figure is from a census imported here, not the published series.
	Census, Imported bool
	Marker           string
}

// TrajectoryTo puts England's trend (areas.SeriesPoint) and its projection on one
// axis, towards target t from base, England's FTE in post on the target's baseline:
// the target and its milestones count additional FTE, so they are drawn at base plus
// their FTE, and the deadline is marked unless a milestone falls on it.
func TrajectoryTo(series []areas.SeriesPoint, projection []planning.ProjectionPoint, base float64, t workforce.Target) Trajectory {
	actual := make([]DayValue, len(series))
	for i, p := range series {
		actual[i] = DayValue{Day: p.Month, FTE: p.FTE, Imported: p.Imported}
	}
	projected := make([]DayValue, len(projection))
	for i, p := range projection {
		projected[i] = DayValue{Day: p.Day, FTE: p.Projected}
	}
	var markers []Marker
	deadlineMarked := false
	for _, m := range t.Milestones {
		markers = append(markers, Marker{Day: m.Due, Level: base + m.FTE, Label: m.Label + ": " + ui.FTE(base+m.FTE) + " FTE"})
		deadlineMarked = deadlineMarked || m.Due.Equal(t.Deadline)
	}
	if !deadlineMarked {
		markers = append(markers, Marker{Day: t.Deadline, Level: base + t.FTE, Label: "Deadline: " + ui.FTE(base+t.FTE) + " FTE"})
	}
	return NewTrajectory(actual, projected, base+t.FTE, ui.Figures(t.Name), markers)
}

// NewTrajectory merges the series onto one axis of days, in date order. Markers add
// their day to the axis if it holds no figure.
func NewTrajectory(actual, projected []DayValue, target float64, targetLabel string, markers []Marker) Trajectory {
	byDay := map[string]*TrajectoryPoint{}
	at := func(d time.Time) *TrajectoryPoint {
		if p, ok := byDay[dayKey(d)]; ok {
			return p
		}
		p := &TrajectoryPoint{Day: d, Actual: math.NaN(), Projected: math.NaN()}
		byDay[dayKey(d)] = p
		return p
	}
	for _, v := range actual {
		p := at(v.Day)
		p.Actual, p.Census, p.Imported = v.FTE, true, v.Imported
	}
	for _, v := range projected {
		at(v.Day).Projected = v.FTE
	}
	for _, m := range markers {
		p := at(m.Day)
		p.Marker = joinMarker(p.Marker, m.Label)
	}
	t := Trajectory{Target: target, TargetLabel: targetLabel, Markers: markers}
	for _, p := range byDay {
		t.Points = append(t.Points, *p)
	}
	slices.SortFunc(t.Points, func(a, b TrajectoryPoint) int { return a.Day.Compare(b.Day) })
	return t
}

// dayKey identifies a calendar day whatever the time value's location.
func dayKey(d time.Time) string { return d.Format(time.DateOnly) }

func joinMarker(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// label names a point on the axis: a census month by its month, other days in full.
func (p TrajectoryPoint) label() string {
	if p.Census {
		return p.Day.Format("Jan 2006")
	}
	return p.Day.Format("2 Jan 2006")
}

// Chart is the trajectory as a line chart.
func (t Trajectory) Chart() ui.LineChartParams {
	labels := make([]string, len(t.Points))
	projected := make([]float64, len(t.Points))
	index := map[string]int{}
	for i, p := range t.Points {
		labels[i], projected[i] = p.label(), p.Projected
		index[dayKey(p.Day)] = i
	}
	published, imported := t.inPostLines()
	c := ui.LineChartParams{
		ID: "trajectory", Title: "ARRS FTE in England against " + t.TargetLabel,
		Description: t.description(), XTitle: "Date", YTitle: "FTE", XLabels: labels,
		Target: &ui.ChartTarget{Value: t.Target, Label: "Target " + ui.FTE(t.Target) + " FTE"},
	}
	for _, l := range []ui.LineSeries{{Name: "In post (published series)", Values: published}, {Name: "In post (imported censuses)", Values: imported}} {
		if known(l.Values) > 0 {
			c.Series = append(c.Series, l)
		}
	}
	if known(projected) > 1 { // a single day (the deadline has passed) draws no line
		c.Series = append(c.Series, ui.LineSeries{Name: "Projected", Values: projected})
	}
	for _, m := range t.Markers {
		c.Milestones = append(c.Milestones, ui.ChartMilestone{Index: index[dayKey(m.Day)], Value: m.Level, Label: ui.FTE(m.Level)})
	}
	return c
}

// inPostLines splits the in-post figures into the published months and the imported
// censuses, each NaN elsewhere. The imported line starts at the last published census
// before it, so the two join; days between censuses (projection, markers) are gaps
// the line steps over.
func (t Trajectory) inPostLines() (published, imported []float64) {
	published, imported = make([]float64, len(t.Points)), make([]float64, len(t.Points))
	lastPublished := -1
	for i, p := range t.Points {
		published[i], imported[i] = math.NaN(), math.NaN()
		switch {
		case math.IsNaN(p.Actual):
		case p.Imported:
			imported[i] = p.Actual
			if lastPublished >= 0 {
				imported[lastPublished] = t.Points[lastPublished].Actual
				lastPublished = -1
			}
		default:
			published[i] = p.Actual
			lastPublished = i
		}
	}
	return published, imported
}

func (t Trajectory) description() string {
	first, last := t.lastOf(func(p TrajectoryPoint) float64 { return p.Actual }, false), t.lastOf(func(p TrajectoryPoint) float64 { return p.Actual }, true)
	s := "ARRS FTE in post rose from " + ui.FTE(first.Actual) + " in " + first.label() + " to " + ui.FTE(last.Actual) + " in " + last.label() + "."
	if end := t.lastOf(func(p TrajectoryPoint) float64 { return p.Projected }, true); !math.IsNaN(end.Projected) {
		s += " The projection reaches " + ui.FTE(end.Projected) + " FTE on " + end.Day.Format(dateLong) + "."
	}
	return s + " " + t.sources() + " The target line is at " + ui.FTE(t.Target) + " FTE."
}

// sources says which months of the in-post line come from which source.
func (t Trajectory) sources() string {
	var series []areas.SeriesPoint
	for _, p := range t.Points {
		if p.Census {
			series = append(series, areas.SeriesPoint{Month: p.Day, FTE: p.Actual, Imported: p.Imported})
		}
	}
	return areas.TrendSources(series)
}

// lastOf is the last (or first) point where get has a value.
func (t Trajectory) lastOf(get func(TrajectoryPoint) float64, last bool) TrajectoryPoint {
	pts := slices.Clone(t.Points)
	if last {
		slices.Reverse(pts)
	}
	for _, p := range pts {
		if !math.IsNaN(get(p)) {
			return p
		}
	}
	return TrajectoryPoint{Actual: math.NaN(), Projected: math.NaN()}
}

// Table is the chart's numbers: a row per day.
func (t Trajectory) Table() ui.TableParams {
	rows := make([]ui.TableRow, len(t.Points))
	for i, p := range t.Points {
		rows[i] = ui.TableRow{TestID: "trajectory-" + p.Day.Format(time.DateOnly), Cells: []ui.TableCell{
			{Text: p.label()}, {Text: maybeFTE(p.Actual)}, {Text: p.source()}, {Text: maybeFTE(p.Projected)}, {Text: p.Marker},
		}}
	}
	return ui.TableParams{
		Caption: "ARRS FTE in England by date; the target is " + ui.FTE(t.Target) + " FTE in post", FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Date"}, {Text: "In post, FTE", Numeric: true}, {Text: "Source of in post"}, {Text: "Projected, FTE", Numeric: true}, {Text: "Target and milestones"}},
		Rows: rows,
	}
}

// source names where the point's in-post figure comes from; "" with none.
func (p TrajectoryPoint) source() string {
	if !p.Census || math.IsNaN(p.Actual) {
		return ""
	}
	return areas.SeriesPoint{Imported: p.Imported}.SourceName()
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

func maybeFTE(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return ui.FTE(v)
}
