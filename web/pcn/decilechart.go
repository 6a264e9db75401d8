package pcn

import (
	"math"
	"strconv"

	"github.com/arrs-planner/arrs/web/ui"
)

// The chart and its tables are made from the same figures, so the picture and the
// numbers beside it cannot drift apart.

// Decile chart styles (OpenPrescribing's convention, docs/need-sources.md §4): England's
// deciles thin, dashed and grey, the median solid and darker, the PCN a thicker NHS blue
// line with its points marked. Each has at least 3:1 contrast against white and they
// differ by dash and width as well as colour (WCAG 1.4.1, 1.4.11).
var (
	decileStyle = ui.LineStyle{Colour: "#768692", Dash: "6 4", Width: 1.5, NoMarkers: true}
	medianStyle = ui.LineStyle{Colour: "#425563", Width: 2.5, NoMarkers: true, Key: "England's median"}
	pcnStyle    = ui.LineStyle{Colour: "#005eb8", Width: 4, Key: "This PCN"}
)

// chartID is the id of a role's chart, unique on the page.
func (l DecileLine) chartID() string { return "deciles-" + l.Role.Code }

// chart draws England's nine deciles, then the median over them and the PCN on top.
func (d Deciles) chart(l DecileLine) ui.LineChartParams {
	labels := make([]string, len(d.Censuses))
	for i, c := range d.Censuses {
		labels[i] = censusLabel(c)
	}
	var series []ui.LineSeries
	for k := range 9 {
		if k == 4 {
			continue
		}
		st := decileStyle
		if k == 0 {
			st.Key = "England's deciles, 10th to 90th"
		}
		series = append(series, ui.LineSeries{Name: ordinal(k+1) + " percentile", Values: l.decile(k), Style: &st})
	}
	series = append(series,
		ui.LineSeries{Name: "England's median", Values: l.median(), Style: &medianStyle},
		ui.LineSeries{Name: "This PCN", Values: l.Rate, Style: &pcnStyle})
	return ui.LineChartParams{
		ID: l.chartID(), Title: l.Role.Name + ": FTE per 10,000 need-adjusted patients, this PCN against England's deciles",
		Description: d.describe(l), XTitle: "Census", YTitle: "FTE per 10,000", XLabels: labels,
		Width: 640, Height: 300, Series: series,
	}
}

// describe is the chart's main message: the PCN against England at the latest census.
func (d Deciles) describe(l DecileLine) string {
	last := len(d.Censuses) - 1
	day := d.Censuses[last].Format("2 January 2006")
	e := l.England[last]
	england := "England's median was " + rateText(e[4]) + " (10th percentile " + rateText(e[0]) + ", 90th " + rateText(e[8]) + ")"
	first := "Censuses from " + d.Censuses[0].Format("January 2006") + " to " + d.Censuses[last].Format("January 2006") + ". "
	if math.IsNaN(l.Rate[last]) {
		return first + "On " + day + " this PCN made no return or had no patients, and " + england + "."
	}
	return first + "On " + day + " this PCN had " + rateText(l.Rate[last]) + " FTE per 10,000 need-adjusted patients in the role; " + england + "."
}

// whichCensuses names the censuses a table shows, in its caption.
func (d Deciles) whichCensuses() string {
	if d.tablesCut() {
		return "the latest " + strconv.Itoa(TableCensuses) + " censuses"
	}
	return "each census"
}

// table is the chart's numbers: the PCN's FTE and rate, and England's 10th, 50th and
// 90th percentiles at each census the tables show (TableCensuses).
func (d Deciles) table(l DecileLine) ui.TableParams {
	rows := make([]ui.TableRow, 0, TableCensuses)
	for i := d.tableFrom(); i < len(d.Censuses); i++ {
		c, e := d.Censuses[i], l.England[i]
		rows = append(rows, ui.TableRow{TestID: l.chartID() + "-" + c.Format("2006-01-02"), Cells: []ui.TableCell{
			{Text: c.Format("2 Jan 2006")}, {Text: fteText(l.FTE[i])}, {Text: rateText(l.Rate[i])},
			{Text: rateText(e[0])}, {Text: rateText(e[4])}, {Text: rateText(e[8])}, {Text: ui.Count(l.Counted[i])},
		}})
	}
	return ui.TableParams{
		Caption: l.Role.Name + ": FTE per 10,000 need-adjusted patients at " + d.whichCensuses(), FirstCellIsHeader: true, Compact: true,
		ID: l.chartID() + "-table",
		Head: []ui.TableHeader{{Text: "Census"}, {Text: "This PCN, FTE", Numeric: true}, {Text: "This PCN, per 10,000", Numeric: true},
			{Text: "England 10th percentile", Numeric: true}, {Text: "England median", Numeric: true},
			{Text: "England 90th percentile", Numeric: true}, {Text: "PCNs in England's deciles", Numeric: true}},
		Rows: rows,
	}
}

// decilesTable is all nine of England's deciles at each census the tables show.
func (d Deciles) decilesTable(l DecileLine) ui.TableParams {
	head := []ui.TableHeader{{Text: "Census"}}
	for k := 1; k <= 9; k++ {
		head = append(head, ui.TableHeader{Text: ordinal(k), Numeric: true})
	}
	rows := make([]ui.TableRow, 0, TableCensuses)
	for i := d.tableFrom(); i < len(d.Censuses); i++ {
		c := d.Censuses[i]
		cells := []ui.TableCell{{Text: c.Format("2 Jan 2006")}}
		for _, v := range l.England[i] {
			cells = append(cells, ui.TableCell{Text: rateText(v)})
		}
		rows = append(rows, ui.TableRow{TestID: l.chartID() + "-all-" + c.Format("2006-01-02"), Cells: cells})
	}
	return ui.TableParams{
		Caption: l.Role.Name + ": England's deciles of FTE per 10,000 need-adjusted patients at " + d.whichCensuses(), FirstCellIsHeader: true, Compact: true,
		Head: head, Rows: rows,
	}
}
