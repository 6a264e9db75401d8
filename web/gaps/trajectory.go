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

// DayValue is an FTE on one day.
type DayValue struct {
	Day time.Time
	FTE float64
}

// Marker is a level the trajectory should reach by a day: a milestone of the target,
// or the target itself at its deadline. Level is in FTE in post, the baseline added.
type Marker struct {
	Day   time.Time
	Level float64
	Label string
}

// Trajectory is England's line towards the target: NHS England's published series
// of ARRS FTE in post, the projection from the as-of date to the deadline, the target
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
	// Census marks a day of the published series, labelled by its month.
	Census bool
	Marker string
}

// TrajectoryTo puts NHS England's published series and England's projection on one
// axis, towards target t from base, England's FTE in post on the target's baseline:
// the target and its milestones count additional FTE, so they are drawn at base plus
// their FTE, and the deadline is marked unless a milestone falls on it.
func TrajectoryTo(series []areas.SeriesPoint, projection []planning.ProjectionPoint, base float64, t workforce.Target) Trajectory {
	actual := make([]DayValue, len(series))
	for i, p := range series {
		actual[i] = DayValue{Day: p.Month, FTE: p.FTE}
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
	return NewTrajectory(actual, projected, base+t.FTE, t.Name, markers)
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
		p.Actual, p.Census = v.FTE, true
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
	actual := make([]float64, len(t.Points))
	projected := make([]float64, len(t.Points))
	index := map[string]int{}
	for i, p := range t.Points {
		labels[i], actual[i], projected[i] = p.label(), p.Actual, p.Projected
		index[dayKey(p.Day)] = i
	}
	c := ui.LineChartParams{
		ID: "trajectory", Title: "ARRS FTE in England against " + t.TargetLabel,
		Description: t.description(), XTitle: "Date", YTitle: "FTE", XLabels: labels,
		Series: []ui.LineSeries{{Name: "In post (NHS England series)", Values: actual}},
		Target: &ui.ChartTarget{Value: t.Target, Label: "Target " + ui.FTE(t.Target) + " FTE"},
	}
	if known(projected) > 1 { // a single day (the deadline has passed) draws no line
		c.Series = append(c.Series, ui.LineSeries{Name: "Projected", Values: projected})
	}
	for _, m := range t.Markers {
		c.Milestones = append(c.Milestones, ui.ChartMilestone{Index: index[dayKey(m.Day)], Value: m.Level, Label: ui.FTE(m.Level)})
	}
	return c
}

func (t Trajectory) description() string {
	first, last := t.lastOf(func(p TrajectoryPoint) float64 { return p.Actual }, false), t.lastOf(func(p TrajectoryPoint) float64 { return p.Actual }, true)
	s := "ARRS FTE in post rose from " + ui.FTE(first.Actual) + " in " + first.label() + " to " + ui.FTE(last.Actual) + " in " + last.label() + "."
	if end := t.lastOf(func(p TrajectoryPoint) float64 { return p.Projected }, true); !math.IsNaN(end.Projected) {
		s += " The projection reaches " + ui.FTE(end.Projected) + " FTE on " + end.Day.Format(dateLong) + "."
	}
	return s + " The target line is at " + ui.FTE(t.Target) + " FTE."
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
			{Text: p.label()}, {Text: maybeFTE(p.Actual)}, {Text: maybeFTE(p.Projected)}, {Text: p.Marker},
		}}
	}
	return ui.TableParams{
		Caption: "ARRS FTE in England by date; the target is " + ui.FTE(t.Target) + " FTE in post", FirstCellIsHeader: true, Compact: true,
		Head: []ui.TableHeader{{Text: "Date"}, {Text: "In post (NHS England series), FTE", Numeric: true}, {Text: "Projected, FTE", Numeric: true}, {Text: "Target and milestones"}},
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

func maybeFTE(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return ui.FTE(v)
}
