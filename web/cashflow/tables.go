package cashflow

import (
	"math"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/funding"
	"github.com/arrs-planner/arrs/web/ui"
)

// notKnown is a cell whose figure the staff data cannot give.
const notKnown = "Not known"

// monthTable is a year's cash month by month: the position at the month's end (first,
// so that it shows beside the month on a phone), claims earned and received, costs
// paid and the net. caption says whose (as things stand, or with the what-if); idPart
// keeps the two tables' row ids apart.
func (y Year) monthTable(f Flow, caption, idPart string) ui.TableParams {
	rows := make([]ui.TableRow, 0, len(f.Months))
	for m, cm := range f.Months {
		cell := func(p workforce.Pence, known bool) ui.TableCell {
			if !known {
				return ui.TableCell{Text: notKnown}
			}
			return ui.TableCell{Text: p.Whole()}
		}
		pos := cell(cm.Position, f.positionKnown(m))
		if m == f.Low && !f.Partial() {
			pos.Text += " (lowest)"
		}
		rows = append(rows, ui.TableRow{TestID: y.id(idPart + "month-" + cm.Month.Format("2006-01")), Cells: []ui.TableCell{
			{Text: monthLabel(cm)}, pos, cell(cm.Earned, f.Known[m]), cell(cm.Received, f.ReceivedKnown[m]), cell(cm.CostsPaid, f.Known[m]),
			cell(cm.Net, f.NetKnown[m]),
		}})
	}
	return funding.MoneyCells(ui.TableParams{Caption: caption, FirstCellIsHeader: true, Compact: true, ID: y.id(idPart + "months"),
		Head: []ui.TableHeader{{Text: "Month"}, {Text: "Cash at the month's end", Numeric: true}, {Text: "Claims earned", Numeric: true},
			{Text: "Claims received", Numeric: true}, {Text: "Staff costs paid", Numeric: true}, {Text: "Net", Numeric: true}},
		Rows: rows})
}

// flowCaption names the month table of the year as things stand.
func (y Year) flowCaption() string {
	if y.After != nil {
		return "Cash by month as things stand, " + y.Name
	}
	return "Cash by month, " + y.Name
}

// positions are a flow's month-end positions in pounds, a gap where not known.
func positions(f Flow) []float64 {
	out := make([]float64, len(f.Months))
	for m, cm := range f.Months {
		out[m] = math.NaN()
		if f.positionKnown(m) {
			out[m] = cm.Position.Pounds()
		}
	}
	return out
}

// chart is the cash position month by month; with a what-if, before (solid) and
// after (dashed) on one chart, told apart by the line's pattern and the legend, not
// by colour alone. The low point is marked.
func (y Year) chart() ui.LineChartParams {
	labels := make([]string, len(y.Flow.Months))
	for m, cm := range y.Flow.Months {
		labels[m] = monthLabel(cm)
	}
	c := ui.LineChartParams{ID: y.id("chart"), Title: "Cash position at each month's end, " + y.Name, Width: 640, Height: 300,
		XTitle: "Month", YTitle: "£", XLabels: labels, Description: y.Flow.lowText() + ".", MinusSign: true}
	if y.After == nil {
		c.Series = []ui.LineSeries{{Name: "Cash position", Values: positions(y.Flow)}}
	} else {
		c.Series = []ui.LineSeries{{Name: "As things stand (solid line)", Values: positions(y.Flow)},
			{Name: "With the change (dashed line)", Values: positions(*y.After)}}
		c.Description = "As things stand, " + lowerFirst(y.Flow.lowText()) + "; with the change, " + lowerFirst(y.After.lowText()) + "."
		return c
	}
	if !y.Flow.Partial() {
		low := y.Flow.Months[y.Flow.Low]
		c.Milestones = []ui.ChartMilestone{{Index: y.Flow.Low, Value: low.Position.Pounds(), Label: "Lowest " + low.Position.Whole(), Below: true}}
	}
	return c
}

// chartTable is the chart's numbers.
func (y Year) chartTable() ui.TableParams {
	head := []ui.TableHeader{{Text: "Month"}, {Text: "Cash position", Numeric: true}}
	if y.After != nil {
		head = []ui.TableHeader{{Text: "Month"}, {Text: "As things stand", Numeric: true}, {Text: "With the change", Numeric: true}}
	}
	rows := make([]ui.TableRow, 0, len(y.Flow.Months))
	for m, cm := range y.Flow.Months {
		cells := []ui.TableCell{{Text: monthLabel(cm)}, {Text: positionText(y.Flow, m)}}
		if y.After != nil {
			cells = append(cells, ui.TableCell{Text: positionText(*y.After, m)})
		}
		rows = append(rows, ui.TableRow{TestID: y.id("chart-" + cm.Month.Format("2006-01")), Cells: cells})
	}
	return funding.MoneyCells(ui.TableParams{Caption: "Cash position at each month's end, " + y.Name, FirstCellIsHeader: true, Compact: true,
		ID: y.id("chart-table"), Head: head, Rows: rows})
}

func positionText(f Flow, m int) string {
	if !f.positionKnown(m) {
		return notKnown
	}
	return f.Months[m].Position.Whole()
}

// compareTable sets the what-if's figures side by side: each stream's headroom (and,
// for a move to or from other money, its costs) and the lowest cash, before and after.
func (y Year) compareTable() ui.TableParams {
	row := func(key, id string, before, after funding.Amount) ui.TableRow {
		return ui.TableRow{TestID: y.id("compare-" + id), Cells: []ui.TableCell{{Text: key}, {Text: before.Text()}, {Text: after.Text()},
			{Text: change(before, after)}}}
	}
	b, a := y.Before, y.AfterFigures
	rows := []ui.TableRow{
		row("ARRS headroom", "arrs", b.ARRS, a.ARRS),
		row("Practice GP scheme headroom, all member practices", "practice-gp", b.PracticeGP, a.PracticeGP),
	}
	if b.PracticeName != "" {
		rows = append(rows, row("Practice GP scheme headroom, "+b.PracticeName, "practice", b.Practice.Headroom, a.Practice.Headroom))
	}
	if y.OtherMoved {
		rows = append(rows, row("Other money: costs, nothing reimbursed", "other", b.Other, a.Other))
	}
	rows = append(rows, ui.TableRow{TestID: y.id("compare-low"), Cells: []ui.TableCell{{Text: "Lowest cash"}, {Text: y.Flow.lowShort()},
		{Text: y.After.lowShort()}, {Text: lowChange(y.Flow, *y.After)}}})
	return funding.MoneyCells(ui.TableParams{Caption: "Before and after the change, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("compare"),
		Head: []ui.TableHeader{{Text: "Figure"}, {Text: "As things stand", Numeric: true}, {Text: "With the change", Numeric: true},
			{Text: "Change", Numeric: true}},
		Rows: rows})
}

// lowerFirst lowers a sentence's first letter, to continue another.
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
