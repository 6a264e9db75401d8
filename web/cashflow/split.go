package cashflow

import (
	"github.com/arrs-planner/arrs/web/funding"
	"github.com/arrs-planner/arrs/web/ui"
)

// What a what-if does to each member practice: its part of the PCN's costs and ARRS
// reimbursements (the practice split, as the funding page divides them) before and
// after, and the practice GP scheme of the practice it names.

// practiceFigure is one of a member practice's amounts, with its key in test ids.
type practiceFigure struct {
	key, label string
	of         func(funding.Practice) funding.Amount
}

// splitFigures are the split's amounts: what a practice pays (the net), then what it
// is made of.
var splitFigures = []practiceFigure{
	{"net", "Net cost", func(p funding.Practice) funding.Amount { return p.Net }},
	{"costs", "Costs", func(p funding.Practice) funding.Amount { return p.Costs }},
	{"reimbursed", "ARRS reimbursements", func(p funding.Practice) funding.Amount { return p.Reimbursed }},
}

// schemeFigures are a practice's practice GP scheme year.
var schemeFigures = []practiceFigure{
	{"entitlement", "Entitlement", func(p funding.Practice) funding.Amount { return p.Entitlement }},
	{"committed", "Committed: practice-scheme GPs in post", func(p funding.Practice) funding.Amount { return p.Committed }},
	{"left", "Entitlement left", func(p funding.Practice) funding.Amount { return p.Headroom }},
}

// cells are a figure as things stand, with the change and the change, each with its
// test id: id-before, id-after, id-change.
func (f practiceFigure) cells(before, after funding.Practice, id string) []ui.TableCell {
	b, a := f.of(before), f.of(after)
	return []ui.TableCell{{Content: funding.Figure(b.Text(), id+"-before")}, {Content: funding.Figure(a.Text(), id+"-after")},
		{Content: funding.Figure(change(b, a), id+"-change")}}
}

// pcnPart is the split's whole as a practice's row: the PCN's costs, reimbursements
// and net, its share 100% when there is a split.
func pcnPart(s funding.Practices) funding.Practice {
	return funding.Practice{Code: "total", Name: "The PCN", Percent: 100, PercentKnown: s.SplitKnown, Costs: s.Costs, Reimbursed: s.Reimbursed,
		Net: s.Net}
}

// afterPart is the practice's part with the change (by code), or no data when it is
// not a member then.
func afterPart(s funding.Practices, code string) funding.Practice {
	if code == "total" {
		return pcnPart(s)
	}
	for _, p := range s.List {
		if p.Code == code {
			return p
		}
	}
	return funding.Practice{Code: code}
}

// shareChange is a practice's share, as things stand and, when the change moves it,
// with the change: "50.00%", "50.00% → 45.00%".
func shareChange(before, after funding.Practice) string {
	b, a := before.ShareText(), after.ShareText()
	if a == b {
		return b
	}
	return b + " → " + a
}

// splitTables set each member practice's part of the split before and after the
// change side by side, and the PCN's whole below them: first its share and net cost
// (what the practice pays), then the costs and ARRS reimbursements the net is made
// of; a figure per cell with its test id ("y2026-practice-split-ZZ0001-net-change").
// Two tables of five and seven columns, not one of eleven: they fit the page.
func (y Year) splitTables() (net, money ui.TableParams) {
	net = ui.TableParams{Caption: "Net cost by practice, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("practice-split"),
		Head: []ui.TableHeader{{Text: "Practice"}, {Text: "Share", Numeric: true}}}
	money = ui.TableParams{Caption: "Costs and ARRS reimbursements by practice, " + y.Name, FirstCellIsHeader: true, Compact: true,
		ID: y.id("practice-money"), Head: []ui.TableHeader{{Text: "Practice"}}}
	for i, f := range splitFigures {
		head := []ui.TableHeader{{Text: f.label + ": as things stand", Numeric: true}, {Text: f.label + ": with the change", Numeric: true},
			{Text: f.label + ": change", Numeric: true}}
		if i == 0 {
			net.Head = append(net.Head, head...)
		} else {
			money.Head = append(money.Head, head...)
		}
	}
	before, after := y.Before.Split, y.AfterFigures.Split
	for _, b := range append(append([]funding.Practice{}, before.List...), pcnPart(before)) {
		a := afterPart(after, b.Code)
		id := y.id("practice-split-" + b.Code)
		name := b.Code + " " + b.Name
		if b.Code == "total" {
			name = b.Name
		}
		netRow := ui.TableRow{TestID: id, Cells: []ui.TableCell{{Text: name}, {Content: funding.Figure(shareChange(b, a), id+"-share")}}}
		moneyRow := ui.TableRow{TestID: y.id("practice-money-" + b.Code), Cells: []ui.TableCell{{Text: name}}}
		for i, f := range splitFigures {
			cells := f.cells(b, a, id+"-"+f.key)
			if i == 0 {
				netRow.Cells = append(netRow.Cells, cells...)
			} else {
				moneyRow.Cells = append(moneyRow.Cells, cells...)
			}
		}
		net.Rows, money.Rows = append(net.Rows, netRow), append(money.Rows, moneyRow)
	}
	return net, money
}

// splitBasis says how the split divides the money, and what it leaves to the
// practices themselves.
func (y Year) splitBasis() string {
	s := y.Before.Split
	t := "Divided by registered list, as on the funding page."
	switch {
	case s.SplitAgreed:
		t = "Divided by the percentages the PCN agreed between its practices, as on the funding page."
	case !s.SplitKnown:
		t = "Not divided: a member practice has no registered list and the PCN has recorded no agreed percentages, so no practice's part is known."
	}
	return t + " Costs are those of the ARRS and other-money posts, in post and planned; reimbursements are the ARRS claims. " +
		"A practice-scheme GP's cost and claims are its own practice's, outside this split."
}

// schemeTable is the named practice's practice GP scheme before and after the change
// ("y2026-scheme-left-after").
func (y Year) schemeTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(schemeFigures))
	for _, f := range schemeFigures {
		id := y.id("scheme-" + f.key)
		rows = append(rows, ui.TableRow{TestID: id, Cells: append([]ui.TableCell{{Text: f.label}}, f.cells(y.Before.Practice, y.AfterFigures.Practice, id)...)})
	}
	return ui.TableParams{Caption: "Practice GP scheme of " + y.Before.PracticeName + ", " + y.Name, FirstCellIsHeader: true, Compact: true,
		ID: y.id("scheme"), Head: []ui.TableHeader{{Text: "Figure"}, {Text: "As things stand", Numeric: true},
			{Text: "With the change", Numeric: true}, {Text: "Change", Numeric: true}},
		Rows: rows}
}

// schemeOver names the practice when, with the change, its practice-scheme GPs claim
// more than its own entitlement.
func (y Year) schemeOver() string {
	p := y.AfterFigures.Practice
	if y.Before.PracticeName == "" || !p.Headroom.Known || p.Headroom.Pence >= 0 {
		return ""
	}
	return "With the change, " + funding.PracticeOver(p.Code, -p.Headroom.Pence)
}
