package funding

import (
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// A PCN's member practices in a year: each one's practice GP scheme entitlement and
// the claims of the practice-scheme GPs who name it, and how the PCN's ARRS and
// other-money costs and its ARRS reimbursements divide between them (by list, or by
// the percentages the PCN agreed).

// Practice is one member practice's year.
type Practice struct {
	Code, Name string
	// List is the registered list on the population day; ListKnown false when none
	// is published.
	List      int
	ListKnown bool
	// The practice GP scheme: entitlement (no data without a list), the claims of
	// practice-scheme GPs naming the practice, and what is left.
	Entitlement, Committed, Headroom Amount
	// The split: the practice's share (PercentKnown false when there is no split) and
	// its parts of the PCN's costs and reimbursements.
	Percent                float64
	PercentKnown           bool
	Costs, Reimbursed, Net Amount
}

// Practices is the year's member practices and the split's totals.
type Practices struct {
	List []Practice
	// SplitAgreed: the PCN's agreed percentages divide the money, else the lists do;
	// SplitIgnored says why recorded percentages are not used; SplitKnown is false
	// when there is no split (a member with no list and no agreement).
	SplitAgreed  bool
	SplitIgnored string
	SplitKnown   bool
	// The PCN's costs (ARRS and other money, staff and plan), its ARRS
	// reimbursements and the net, which the practices' parts add up to.
	Costs, Reimbursed, Net Amount
	// SharesHref is the page of the PCN's practice shares.
	SharesHref string
}

// practiceGPTable is each practice's scheme entitlement and the claims against it.
func (y Year) practiceGPTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Practices.List)+1)
	list, listKnown := 0, 0
	for _, p := range y.Practices.List {
		rows = append(rows, ui.TableRow{TestID: y.id("practice-gp-" + p.Code), Cells: []ui.TableCell{
			{Text: p.Code + " " + p.Name}, {Text: p.listText()}, {Text: p.Entitlement.Text()}, {Text: p.Committed.Text()}, {Text: p.Headroom.Text()},
		}})
		if p.ListKnown {
			list, listKnown = list+p.List, listKnown+1
		}
	}
	c := y.practiceGP()
	total := Amount{Note: ExcludingPractices(len(y.Practices.List) - listKnown)}.withText(ui.Count(list))
	rows = append(rows, ui.TableRow{TestID: y.id("practice-gp-total"), Cells: []ui.TableCell{
		{Text: "Member practices"}, {Text: total}, {Text: c.Entitlement.Text()}, {Text: c.Committed.Text()}, {Text: practicesHeadroom(c)},
	}})
	return MoneyCells(ui.TableParams{Caption: "Practice GP scheme by practice, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("practice-gp"),
		Head: []ui.TableHeader{{Text: "Practice"}, {Text: "Registered list for " + y.PopulationDay.Format(dateLong) + y.listDayText(), Numeric: true},
			{Text: "Entitlement", Numeric: true}, {Text: "Committed: practice-scheme GPs in post", Numeric: true}, {Text: "Entitlement left", Numeric: true}},
		Rows: rows})
}

// practicesHeadroom is the practices' entitlement less what their GPs in post claim,
// before the PCN's planned starters.
func practicesHeadroom(c StreamColumn) string {
	if !c.Entitlement.Known || !c.Committed.Known {
		return ui.NoData
	}
	return Amount{Pence: c.Entitlement.Pence - c.Committed.Pence, Known: true, Note: c.Entitlement.Note}.Text()
}

func (p Practice) listText() string {
	if !p.ListKnown {
		return ui.NoData
	}
	return ui.Count(p.List)
}

// practiceGP is the year's practice GP scheme column.
func (y Year) practiceGP() StreamColumn {
	for _, c := range y.Streams.Columns {
		if c.Stream == workforce.StreamPracticeGP {
			return c
		}
	}
	return StreamColumn{Stream: workforce.StreamPracticeGP}
}

// splitTable is how the PCN's costs and reimbursements divide between the practices.
func (y Year) splitTable() ui.TableParams {
	rows := make([]ui.TableRow, 0, len(y.Practices.List)+1)
	for _, p := range y.Practices.List {
		rows = append(rows, ui.TableRow{TestID: y.id("split-" + p.Code), Cells: []ui.TableCell{
			{Text: p.Code + " " + p.Name}, {Text: p.ShareText()}, {Text: p.Costs.Text()}, {Text: p.Reimbursed.Text()}, {Text: p.Net.Text()},
		}})
	}
	s := y.Practices
	all := ui.NoData
	if s.SplitKnown {
		all = Percent(100)
	}
	rows = append(rows, ui.TableRow{TestID: y.id("split-total"), Cells: []ui.TableCell{
		{Text: "The PCN"}, {Text: all}, {Text: s.Costs.Text()}, {Text: s.Reimbursed.Text()}, {Text: s.Net.Text()},
	}})
	return MoneyCells(ui.TableParams{Caption: "Costs and reimbursements by practice, " + y.Name, FirstCellIsHeader: true, Compact: true, ID: y.id("split"),
		Head: []ui.TableHeader{{Text: "Practice"}, {Text: "Share", Numeric: true}, {Text: "Costs", Numeric: true},
			{Text: "ARRS reimbursements", Numeric: true}, {Text: "Net cost", Numeric: true}},
		Rows: rows})
}

// ShareText is the practice's share of the split ("50.00%"), or no data.
func (p Practice) ShareText() string {
	if !p.PercentKnown {
		return ui.NoData
	}
	return Percent(p.Percent)
}

// splitOverText says, when the year's ARRS claims pass the entitlement, that the
// reimbursements the split divides are more than will be paid ("" when they do not,
// or the committed claims are not known).
func (y Year) splitOverText() string {
	switch {
	case y.Partial || y.Headroom >= 0:
		return ""
	case !y.Practices.SplitKnown:
		return OverEntitlement(y.Committed+y.Planned, y.Entitlement)
	}
	return OverEntitlement(y.Committed+y.Planned, y.Entitlement) + " The ARRS reimbursements divided here are the claims, so the practices' parts of them add up to " +
		(-y.Headroom).Whole() + " more than will be paid."
}

// flag is a sentence of a warning, with its test id.
type flag struct{ Text, TestID string }

// practicesOver names the practices whose practice-scheme GPs in post claim more
// than the practice's own entitlement (PracticeOver).
func (y Year) practicesOver() []flag {
	var out []flag
	for _, p := range y.Practices.List {
		if p.Entitlement.Known && p.Committed.Known && p.Committed.Pence > p.Entitlement.Pence {
			out = append(out, flag{Text: PracticeOver(p.Code, p.Committed.Pence-p.Entitlement.Pence), TestID: y.id("practice-gp-over-" + p.Code)})
		}
	}
	return out
}

// splitBasisText says how the practices share the money.
func (y Year) splitBasisText() string {
	s := y.Practices
	switch {
	case s.SplitAgreed:
		return "Divided by the percentages the PCN agreed between its practices."
	case !s.SplitKnown:
		return "Not divided: a member practice has no registered list for " + y.PopulationDay.Format(dateLong) +
			" and the PCN has recorded no agreed percentages, so no practice's share is known."
	}
	return "Divided by registered list for " + y.PopulationDay.Format(dateLong) + y.listDayText() + " (no agreed percentages are recorded)."
}

// ExcludingPractices is what a practice GP scheme figure leaves out, the practices with
// no registered list: "excluding 2 practices" ("" for none). The funding and cash flow
// pages write it alike.
func ExcludingPractices(n int) string {
	if n <= 0 {
		return ""
	}
	return "excluding " + ui.Count(n) + " " + ui.Agree(n, "practice", "practices")
}

// ExcludingCosts is what a total of costs leaves out or estimates, as the page says it
// of the ARRS: "excluding 1 record with neither a cost nor a cap; 2 estimated at the
// cap" ("" for neither).
func ExcludingCosts(uncosted, estimated int) string {
	var parts []string
	if uncosted > 0 {
		parts = append(parts, "excluding "+ui.Count(uncosted)+" "+ui.Agree(uncosted, "record", "records")+" with neither a cost nor a cap")
	}
	if estimated > 0 {
		parts = append(parts, ui.Count(estimated)+" estimated at the cap")
	}
	return strings.Join(parts, "; ")
}
