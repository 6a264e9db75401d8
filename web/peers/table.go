package peers

import (
	"math"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/web/ui"
)

// dateLong is a day as the pages write it.
const dateLong = "2 January 2006"

// table is a group in full: the PCN first for reference, then its peers in order,
// each row's test id prefix + its code (prefix + "self" for the PCN).
func table(g Group, caption, prefix string) ui.WideTableParams {
	head := []ui.TableHeader{{Text: "Network"}, {Text: "ICB"}, {Text: "List size", Numeric: true},
		{Text: "Need-adjusted population", Numeric: true}, {Text: "Deprivation (IMD 2019 score)", Numeric: true},
		{Text: "Distance", Numeric: true}, {Text: "ARRS FTE in post", Numeric: true},
		{Text: "ARRS FTE per 10,000 need-adjusted patients", Numeric: true}}
	rows := []ui.TableRow{fullRow(g.Self, true, prefix+"self")}
	for _, n := range g.Peers {
		rows = append(rows, fullRow(n, false, prefix+n.Code))
	}
	return ui.WideTableParams{Label: caption, TestID: prefix + "table", Dense: true,
		Table: ui.TableParams{Caption: caption, CaptionSize: ui.SizeS, Head: head, Rows: rows, FirstCellIsHeader: true}}
}

func fullRow(n Network, self bool, testID string) ui.TableRow {
	distance := ui.NoData
	switch {
	case self:
		distance = "This network"
	case n.HasDistance:
		distance = ui.Decimal(n.Distance, 2)
	}
	return ui.TableRow{TestID: testID, Cells: []ui.TableCell{nameCell(n, self), {Text: orNoData(n.ICB)},
		{Text: population(n, n.Registered)}, {Text: population(n, n.Need)}, {Text: imd(n)},
		{Text: distance}, {Text: inPost(n)}, {Text: per10k(n)}}}
}

// compact is a group as the dashboard shows it: name, ICB and FTE per 10,000.
func compact(g Group, caption string) ui.WideTableParams {
	head := []ui.TableHeader{{Text: "Network"}, {Text: "ICB"}, {Text: "ARRS FTE in post", Numeric: true},
		{Text: "ARRS FTE per 10,000 need-adjusted patients", Numeric: true}}
	row := func(n Network, self bool, testID string) ui.TableRow {
		return ui.TableRow{TestID: testID, Cells: []ui.TableCell{nameCell(n, self), {Text: orNoData(n.ICB)}, {Text: inPost(n)}, {Text: per10k(n)}}}
	}
	rows := []ui.TableRow{row(g.Self, true, "dash-peer-self")}
	for _, n := range g.Peers {
		rows = append(rows, row(n, false, "dash-peer-"+n.Code))
	}
	return ui.WideTableParams{Label: caption, TestID: "dash-peers-table",
		Table: ui.TableParams{Caption: caption, CaptionSize: ui.SizeS, Head: head, Rows: rows, FirstCellIsHeader: true}}
}

// nameCell is the network's name, linked when the reader may open it; the PCN itself
// says so.
func nameCell(n Network, self bool) ui.TableCell {
	c := ui.TableCell{Text: n.Name + " (" + n.Code + ")", Href: n.Href}
	if self {
		c.Text += " (this network)"
	}
	return c
}

func orNoData(s string) string {
	if s == "" {
		return ui.NoData
	}
	return s
}

// population is a whole number of patients, "no data" for a network the need of the
// day does not hold.
func population(n Network, v float64) string {
	if !n.InReport {
		return ui.NoData
	}
	return ui.Count(int(math.Round(v)))
}

func imd(n Network) string {
	if !n.InReport || !n.IMDKnown {
		return ui.NoData
	}
	return ui.Decimal(n.IMD, 1)
}

// inPost is the ARRS FTE in post, "no data" before the data start; a network that made
// no return counts 0, and says so.
func inPost(n Network) string {
	if !n.InReport || !n.Known {
		return ui.NoData
	}
	if n.NoReturn {
		return ui.FTE(n.Observed) + " (no return)"
	}
	return ui.FTE(n.Observed)
}

// per10k is the FTE per 10,000, saying when a network is divided by its list (none of
// its practices has age data).
func per10k(n Network) string {
	v, ok := n.Per10k()
	if !ok {
		return ui.NoData
	}
	if n.Denominator == need.List {
		return ui.Decimal(v, 2) + " (by list size)"
	}
	return ui.Decimal(v, 2)
}
