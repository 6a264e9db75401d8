package gaps

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The published series (census month ends), an imported census, the projection from
// it and a milestone fall on one axis: a shared day holds both figures, a marker's day
// with no figure gets a point of its own. The in-post line is two lines, published
// then imported, joined at the last published month; the table names each source.
func TestNewTrajectory(t *testing.T) {
	actual := []DayValue{{day(2025, 10, 31), 100, false}, {day(2025, 11, 30), 110, true}}
	projected := []DayValue{{day(2025, 11, 30), 111, false}, {day(2026, 1, 1), 108, false}, {day(2026, 3, 31), 105, false}}
	markers := []Marker{{day(2026, 3, 31), 120, "Deadline"}, {day(2026, 2, 15), 115, "Midway"}}
	tr := NewTrajectory(actual, projected, 120, "Test", markers)
	want := []struct {
		label             string
		actual, projected float64
		marker            string
	}{
		{"Oct 2025", 100, math.NaN(), ""},
		{"Nov 2025", 110, 111, ""},
		{"1 Jan 2026", math.NaN(), 108, ""},
		{"15 Feb 2026", math.NaN(), math.NaN(), "Midway"},
		{"31 Mar 2026", math.NaN(), 105, "Deadline"},
	}
	if len(tr.Points) != len(want) {
		t.Fatalf("%d points, want %d", len(tr.Points), len(want))
	}
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	for i, w := range want {
		p := tr.Points[i]
		if p.label() != w.label || !same(p.Actual, w.actual) || !same(p.Projected, w.projected) || p.Marker != w.marker {
			t.Errorf("point %d: %s %v %v %q, want %+v", i, p.label(), p.Actual, p.Projected, p.Marker, w)
		}
	}
	c := tr.Chart()
	if len(c.Series) != 3 || len(c.Milestones) != 2 || c.Milestones[0].Index != 4 || c.Milestones[1].Index != 3 {
		t.Fatalf("chart: %d series, milestones %+v", len(c.Series), c.Milestones)
	}
	if pub, imp := c.Series[0].Values, c.Series[1].Values; pub[0] != 100 || !math.IsNaN(pub[1]) || imp[0] != 100 || imp[1] != 110 || !math.IsNaN(imp[2]) {
		t.Errorf("published %v, imported %v", pub, imp)
	}
	if want := "Oct 2025: NHS England's published national series (quarterly to December 2022, monthly after). Nov 2025: the census imported here"; !strings.Contains(c.Description, want) {
		t.Errorf("description %q, want it to contain %q", c.Description, want)
	}
	rows := tr.Table().Rows
	if len(rows) != 5 || rows[1].Cells[1].Text != "110.0" || rows[1].Cells[2].Text != "Census imported here (staff records)" ||
		rows[1].Cells[3].Text != "111.0" || rows[0].Cells[2].Text != "NHS England's published series" || rows[0].Cells[3].Text != "" || rows[2].Cells[2].Text != "" {
		t.Errorf("table rows %+v", rows[:3])
	}
}

// With the deadline before the as-of date the projection is one day: no line is drawn.
func TestTrajectoryWithoutAProjection(t *testing.T) {
	tr := NewTrajectory([]DayValue{{day(2025, 11, 30), 110, true}}, []DayValue{{day(2025, 11, 30), 111, false}}, 120, "Test", nil)
	if c := tr.Chart(); len(c.Series) != 1 {
		t.Errorf("%d series", len(c.Series))
	}
}

func TestWhatIf(t *testing.T) {
	f := WhatIf{Values: map[string]string{FieldTargetFTE: "", FieldDeadline: ""}}
	if f.Active() || f.HasErrors() {
		t.Error("an empty form is neither a what-if nor in error")
	}
	f.Values[FieldDeadline] = "soon"
	f.Errors = []workforce.Problem{{Field: FieldDeadline, Message: "Enter the deadline as a date"}}
	if !f.Active() || f.Error(FieldDeadline) == "" || f.Error(FieldAsOf) != "" {
		t.Error("the deadline is a what-if in error")
	}
	if s := f.Summary(); len(s.Errors) != 1 || s.Errors[0].Href != "#deadline" {
		t.Errorf("summary %+v", s)
	}
	if p := f.deadline(); p.Value != "soon" || p.Error == "" || p.Name != "deadline" {
		t.Errorf("the deadline field %+v", p)
	}
}

func TestListSizeText(t *testing.T) {
	l := ListSize{PCNs: 1297, Of: 1297, AsOf: day(2025, 11, 30)}
	if got := l.Text(); !strings.HasPrefix(got, "1,297 of 1,297 PCNs have no weighted population in force on 30 November 2025") {
		t.Error(got)
	}
	l.Area, l.Here, l.AreaPCNs = "NHS Shropshire", 9, 9
	if got := l.Text(); !strings.HasPrefix(got, "9 of the 9 PCNs of NHS Shropshire, and 1,297 of 1,297 in England") {
		t.Error(got)
	}
}
