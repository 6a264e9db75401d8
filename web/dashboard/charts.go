package dashboard

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// The charts and their tables are made from the same figures, so the picture and the
// numbers beside it cannot drift apart.

// level is the FTE in post that reaches the fair share: baseline + share.
func (w Workforce) level() float64 { return w.Baseline + w.FairShare }

func (w Workforce) lastQuarter() Quarter {
	if len(w.Quarters) == 0 {
		return Quarter{}
	}
	return w.Quarters[len(w.Quarters)-1]
}

func (w Workforce) chart() ui.LineChartParams {
	labels := make([]string, len(w.Quarters))
	with, without := make([]float64, len(w.Quarters)), make([]float64, len(w.Quarters))
	for i, q := range w.Quarters {
		labels[i], with[i], without[i] = q.Quarter, q.WithPlan, q.WithoutPlan
	}
	last := w.lastQuarter()
	return ui.LineChartParams{
		ID: "dash-projection-chart", Title: "Projected ARRS FTE with and without the plan, against the fair share",
		Description: "ARRS FTE in post was " + ui.FTE(w.InPost) + " on " + w.AsOf.Format(dateLong) + ". By " + last.Day.Format(dateLong) +
			" it is projected at " + ui.FTE(last.WithPlan) + " FTE with the plan and " + ui.FTE(last.WithoutPlan) +
			" FTE without it, against a fair share of " + ui.FTE(w.level()) + " FTE in post.",
		XTitle: "Quarter", YTitle: "FTE", XLabels: labels, Width: 640, Height: 280,
		Series: []ui.LineSeries{{Name: "With the plan", Values: with}, {Name: "Without the plan", Values: without}},
		Target: &ui.ChartTarget{Value: w.level(), Label: "Fair share " + ui.FTE(w.level()) + " FTE"},
	}
}

func (w Workforce) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(w.Quarters))
	for _, q := range w.Quarters {
		cells := []ui.TableCell{{Text: q.Quarter}, {Text: q.Day.Format(dateShort)}, {Text: ui.FTE(q.WithPlan)}, {Text: ui.FTE(q.WithoutPlan)}, {Text: ui.FTE(w.level())}}
		if w.Draft != "" {
			cells = append(cells, ui.TableCell{Text: ui.FTE(q.WithDraft)})
		}
		rows = append(rows, ui.TableRow{TestID: "dash-quarter-" + q.Day.Format(time.DateOnly), Cells: cells})
	}
	head := []ui.TableHeader{{Text: "Quarter"}, {Text: "Day"}, {Text: "With the plan, FTE", Numeric: true},
		{Text: "Without the plan, FTE", Numeric: true}, {Text: "Fair share in post, FTE", Numeric: true}}
	if w.Draft != "" {
		head = append(head, ui.TableHeader{Text: "With your draft, FTE", Numeric: true})
	}
	return ui.TableParams{
		Caption: "Projected ARRS FTE on the last day of each quarter", FirstCellIsHeader: true, Compact: true, ID: "dash-projection",
		Head: head, Rows: rows,
	}
}

// fundingBars are each year's entitlement, committed, planned and headroom, in pounds.
func (f Funding) chart() ui.BarChartParams {
	var bars []ui.Bar
	for _, y := range f.Years {
		for _, b := range []struct {
			what  string
			pence workforce.Pence
		}{{"entitlement", y.Entitlement}, {"committed", y.Committed}, {"planned", y.Planned}, {"headroom", y.Headroom}} {
			bars = append(bars, ui.Bar{Label: y.Name + " " + b.what, Value: b.pence.Pounds(), ValueLabel: b.pence.Whole()})
		}
	}
	return ui.BarChartParams{
		ID: "dash-funding-chart", Title: "Entitlement, committed and planned claims, and headroom, by financial year",
		Description: "For each year, bars of the entitlement, the claims committed for staff in post and planned for plan starters, " +
			"and the headroom left: " + f.headroomText() + ".",
		LabelTitle: "Year and amount", ValueTitle: "Amount, £", Bars: bars,
	}
}

func (f Funding) headroomText() string {
	s := ""
	for i, y := range f.Years {
		if i > 0 {
			s += "; "
		}
		s += y.Name + " " + y.Headroom.Whole()
	}
	return s
}

func (f Funding) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(f.Years))
	for _, y := range f.Years {
		rows = append(rows, ui.TableRow{TestID: "dash-funding-" + y.Key, Cells: []ui.TableCell{
			{Text: y.Name}, {Text: y.Entitlement.Whole()}, {Text: y.Committed.Whole()}, {Text: y.Planned.Whole()}, {Text: y.Headroom.Whole()},
		}})
	}
	return ui.TableParams{
		Caption: "Funding by financial year", FirstCellIsHeader: true, Compact: true, ID: "dash-funding",
		Head: []ui.TableHeader{{Text: "Year"}, {Text: "Entitlement", Numeric: true}, {Text: "Committed", Numeric: true},
			{Text: "Planned", Numeric: true}, {Text: "Headroom", Numeric: true}},
		Rows: rows,
	}
}

func (s Supervision) chart() ui.BarChartParams {
	bars := make([]ui.Bar, 0, len(s.Supervisors))
	for _, sup := range s.Supervisors {
		bars = append(bars, ui.Bar{Label: sup.Name, Value: sup.Load * 100, ValueLabel: percent(sup.Load)})
	}
	return ui.BarChartParams{
		ID: "dash-supervision-chart", Title: "Each supervisor's load: hours linked as a share of hours available",
		Description: strconv.Itoa(len(s.Supervisors)) + " supervisors; " + strconv.Itoa(s.Overloaded) +
			" over 100%, which is overloaded.",
		LabelTitle: "Supervisor", ValueTitle: "Load, %", Bars: bars,
	}
}

func (s Supervision) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(s.Supervisors))
	for _, sup := range s.Supervisors {
		id := "dash-supervisor-" + strconv.FormatInt(sup.ID, 10)
		rows = append(rows, ui.TableRow{TestID: id, Cells: []ui.TableCell{
			{Text: sup.Name}, {Text: ui.Decimal(sup.Linked, 1)}, {Text: ui.Decimal(sup.Available, 1)},
			{Content: flagged(percent(sup.Load), id+"-load", sup.Overloaded, "Overloaded")},
			{Content: flagged(strconv.Itoa(sup.Trainees)+" of "+ui.Decimal(sup.TraineeCapacity, 1), id+"-trainees", sup.TooManyTrainees, "Over the ratio")},
		}})
	}
	return ui.TableParams{
		Caption: "Supervisors' load", FirstCellIsHeader: true, Compact: true, ID: "dash-supervisors",
		Head: []ui.TableHeader{{Text: "Supervisor"}, {Text: "Hours linked a month", Numeric: true}, {Text: "Hours available a month", Numeric: true},
			{Text: "Load"}, {Text: "Trainees, of places"}},
		Rows: rows,
	}
}

func (r Rooms) chart() ui.LineChartParams {
	labels := make([]string, len(r.Quarters))
	needed := make([]float64, len(r.Quarters))
	for i, q := range r.Quarters {
		labels[i], needed[i] = q.Quarter, q.Needed
	}
	return ui.LineChartParams{
		ID: "dash-rooms-chart", Title: "Room sessions a week needed with the plan, against those available",
		Description: "Needed with the plan rises to " + sessions(r.lastNeeded()) + " sessions a week against " +
			sessions(r.Available) + " available at the sites.",
		XTitle: "Quarter starting", YTitle: "Sessions a week", XLabels: labels, Width: 640, Height: 260,
		Series: []ui.LineSeries{{Name: "Needed with the plan", Values: needed}},
		Target: &ui.ChartTarget{Value: r.Available, Label: "Available " + sessions(r.Available)},
	}
}

func (r Rooms) lastNeeded() float64 {
	if len(r.Quarters) == 0 {
		return r.NeededNow
	}
	return r.Quarters[len(r.Quarters)-1].Needed
}

func (r Rooms) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(r.Quarters))
	for _, q := range r.Quarters {
		rows = append(rows, ui.TableRow{TestID: "dash-rooms-" + quarterID(q.Quarter), Cells: []ui.TableCell{
			{Text: q.Quarter}, {Text: ui.Decimal(q.Starters, 2)}, {Text: sessions(q.Needed)}, {Text: sessions(q.Available)},
			{Content: flagged(sessions(q.Short), "dash-rooms-short-"+quarterID(q.Quarter), q.Short > 0, "Short")},
		}})
	}
	return ui.TableParams{
		Caption: "Room sessions a week at the start of each quarter, with the plan", FirstCellIsHeader: true, Compact: true, ID: "dash-rooms",
		Head: []ui.TableHeader{{Text: "Quarter"}, {Text: "Starters, FTE", Numeric: true}, {Text: "Needed", Numeric: true},
			{Text: "Available", Numeric: true}, {Text: "Short"}},
		Rows: rows,
	}
}

// quarterID is a quarter as a test id: "2027/28 Q1" → "2027-28-q1".
func quarterID(q string) string {
	b := []byte(q)
	for i, c := range b {
		switch {
		case c == '/' || c == ' ':
			b[i] = '-'
		case c == 'Q':
			b[i] = 'q'
		}
	}
	return string(b)
}

func (l Leaving) table() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(l.People))
	for _, p := range l.People {
		counted := "Other PCN staff"
		if p.ARRS {
			counted = "ARRS"
		}
		rows = append(rows, ui.TableRow{TestID: "dash-leaving-" + strconv.FormatInt(p.ID, 10), Cells: []ui.TableCell{
			{Text: p.Role}, {Text: p.Identifier, Href: p.Href}, {Text: counted}, {Text: ui.Decimal(p.FTE, 2)}, {Text: p.LastDay.Format(dateShort)},
		}})
	}
	return ui.TableParams{
		Caption: "Staff leaving by " + l.Until.Format(dateLong), FirstCellIsHeader: true, Compact: true, ID: "dash-leavers",
		Head: []ui.TableHeader{{Text: "Role"}, {Text: "Record"}, {Text: "Counted as"}, {Text: "FTE", Numeric: true}, {Text: "Last day in post"}},
		Rows: rows,
	}
}
