package ui

import "math"

// The tables beside the charts are made from the same params, so the numbers in
// the picture and in the table cannot drift apart.

// Table returns the chart's numbers as a table: a row per x label, a column per
// series, and one for the target.
func (p LineChartParams) Table(caption string) TableParams {
	t := TableParams{Caption: caption, FirstCellIsHeader: true, Head: []TableHeader{{Text: p.XTitle}}}
	for _, s := range p.Series {
		t.Head = append(t.Head, TableHeader{Text: s.Name, Numeric: true})
	}
	if p.Target != nil {
		t.Head = append(t.Head, TableHeader{Text: p.Target.Label, Numeric: true})
	}
	for i, label := range p.XLabels {
		row := TableRow{Cells: []TableCell{{Text: label}}}
		for _, s := range p.Series {
			row.Cells = append(row.Cells, TableCell{Text: valueText(s.Values, i)})
		}
		if p.Target != nil {
			row.Cells = append(row.Cells, TableCell{Text: formatNumber(p.Target.Value)})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// valueText is the i-th value for a table; a gap shows as "No data".
func valueText(values []float64, i int) string {
	if i >= len(values) || math.IsNaN(values[i]) {
		return "No data"
	}
	return formatNumber(values[i])
}

// Table returns the chart's numbers as a table: a row per bar.
func (p BarChartParams) Table(caption string) TableParams {
	t := TableParams{
		Caption: caption, FirstCellIsHeader: true,
		Head: []TableHeader{{Text: p.LabelTitle}, {Text: p.ValueTitle, Numeric: true}},
	}
	for _, b := range p.Bars {
		t.Rows = append(t.Rows, TableRow{Cells: []TableCell{{Text: b.Label}, {Text: b.valueLabel()}}})
	}
	return t
}
