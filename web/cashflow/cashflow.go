// Package cashflow renders a PCN's cash month by month (/pcns/{code}/cashflow): for
// this financial year and the next, the ARRS claims earned, the claims received a
// payment lag later, the staff costs paid, and the cash position they leave, with
// its lowest point; optionally a backdated pay uplift; and a what-if, as a link, that
// moves one GP (or the plan's GP starters of a quarter) between the ARRS and the
// practice GP scheme and shows both streams' headroom and the cash curve before and
// after. Nothing on the page is saved.
package cashflow

import (
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/funding"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Page is the view model of /pcns/{code}/cashflow.
type Page struct {
	Layout     layout.PageParams
	Code, Name string
	// AsOf is the day the staff data describes; Census is false when no NWRS file
	// has been imported and it is today.
	AsOf   time.Time
	Census bool
	// Lag is the payment lag the figures use, in months; LagAsked is true when the
	// page's address set it (?lag=) instead of the ICB's.
	Lag      int
	LagAsked bool
	// Uplift is the backdated pay uplift asked for (nil: none).
	Uplift *Uplift
	Years  []Year
	// Settings is the form of the year, the lag and the uplift.
	Settings Settings
	// WhatIf is the move the address asks for (nil: none); Move the form that builds
	// one.
	WhatIf *WhatIf
	Move   MoveForm
	// FundingHref is the PCN's funding page.
	FundingHref string
}

// Uplift is a backdated pay award: Percent from 1 April, confirmed (and its arrears
// paid) in Month.
type Uplift struct {
	Percent float64
	Month   time.Time
}

// Year is one financial year's cash.
type Year struct {
	Key   string // "2026", for ids
	Name  string // "2026/27"
	Label string // "This year", "Next year"
	Flow  Flow
	// After is the cash with the what-if's move (nil: no what-if); Before and
	// AfterFigures the streams' figures and the practice split without and with it.
	After                *Flow
	Before, AfterFigures Figures
	// OtherMoved is true when the what-if moves a post to or from other money: the
	// comparison then shows other money's costs.
	OtherMoved bool
	Downloads  []Download
}

// Flow is a year's cash month by month, as planning.CashFlowYear works it out, with
// what the staff data can tell of it (funding.CashKnown, which the download and `arrs
// report cashflow` follow too): the rest is "not known", never £0.
type Flow struct {
	planning.CashFlow
	// Known marks the months whose claims earned and costs paid are known;
	// ReceivedKnown, NetKnown and PositionKnown those whose claims received, net and
	// month-end position are. DataStart is the first census.
	Known, ReceivedKnown, NetKnown, PositionKnown [12]bool
	DataStart                                     time.Time
}

// positionKnown reports whether the position at the end of month m is known.
func (f Flow) positionKnown(m int) bool { return f.PositionKnown[m] }

// Partial reports whether some position of the year is not known, and with it the
// low point.
func (f Flow) Partial() bool { return !f.positionKnown(11) }

// Figures are a year's money by stream and by practice, as the funding page writes
// amounts ("no data" when not known, never £0, with what it leaves out).
type Figures struct {
	// ARRS is the PCN's ARRS headroom (entitlement − committed − planned); Claims
	// (committed + planned) and Entitlement what it is worked from, when it is known.
	ARRS                funding.Amount
	Claims, Entitlement workforce.Pence
	// PracticeGP is the practice GP scheme's headroom over the PCN's member
	// practices.
	PracticeGP funding.Amount
	// Other is other money's costs, committed and planned: nothing of them is
	// reimbursed.
	Other funding.Amount
	// Practice is the practice GP scheme year of the practice the what-if names or
	// moves a GP from (PracticeName; "" when none).
	PracticeName string
	Practice     funding.Practice
	// Split is how the PCN's costs and ARRS reimbursements divide between its member
	// practices, as the funding page has it.
	Split funding.Practices
}

// overText says when the ARRS claims pass the entitlement ("" when they do not, or
// are not known).
func (f Figures) overText() string {
	if !f.ARRS.Known || f.ARRS.Pence >= 0 {
		return ""
	}
	return funding.OverEntitlement(f.Claims, f.Entitlement)
}

// overNote is the year's warning when claims pass the entitlement, as things stand
// or with the change: the cash flow still receives every claim earned (PLANNING.md,
// "Cash flow"), so the text says what that leaves out.
func (y Year) overNote(f Figures, with bool) string {
	t := f.overText()
	if t == "" {
		return ""
	}
	if with {
		t = "With the change: " + lowerFirst(t)
	}
	return t + " This cash flow receives every claim earned, as the planning rules have it: it does not cut claims at the entitlement, so " +
		(-f.ARRS.Pence).Whole() + " of the claims it counts as received in and after " + y.Name + " will not be paid, and the cash will be that much lower."
}

// change is after − before, signed, or no data.
func change(before, after funding.Amount) string {
	if !before.Known || !after.Known {
		return ui.NoData
	}
	d := after.Pence - before.Pence
	if t := d.Whole(); d > 0 && t != "£0" { // a rise of under 50p rounds to nothing, which has no sign
		return "+" + t
	}
	return d.Whole()
}

// Download is a link to the year's cash flow file.
type Download struct {
	Text, Href, TestID string
}

// Hidden is a field the form carries over, so that the link keeps the rest of the
// page's settings.
type Hidden struct{ Name, Value string }

// Settings is the page's GET form: the year, the payment lag and the uplift.
type Settings struct {
	Action string
	Years  []ui.SelectItem
	Year   string
	Lag    string
	// LagHint names the ICB's lag the field overrides.
	LagHint     string
	Uplift      string
	Months      []ui.SelectItem
	UpliftMonth string
	Hidden      []Hidden
}

// WhatIf describes the move the page's address asks for.
type WhatIf struct {
	// Subject names the post or plan lines moved; From and To the streams.
	Subject  string
	From, To workforce.Stream
	// Practice names the practice that would claim ("" none).
	Practice string
	// Link is the page's own address (to share); ClearHref drops the what-if.
	Link, ClearHref string
}

// MoveForm builds a what-if's link: a GP on the ARRS in post and the member practice
// that would claim it (StaffPosts, Practices), or the plan's GP starters of a quarter,
// which name no practice (PlanPosts).
type MoveForm struct {
	Action     string
	StaffPosts []ui.SelectItem
	PlanPosts  []ui.SelectItem
	Practices  []ui.SelectItem
	Post       string
	Practice   string
	Hidden     []Hidden
}

const dateLong = "2 January 2006"

// id prefixes a test id with the year: "y2026-low".
func (y Year) id(s string) string { return "y" + y.Key + "-" + s }

// monthLabel is a month as a table row names it: "Apr 2026".
func monthLabel(m planning.CashMonth) string { return m.Month.Format("Jan 2006") }

// lowText is the year's lowest cash point, the page's headline: "Lowest cash:
// −£85,120 at the end of July 2026".
func (f Flow) lowText() string {
	if f.Partial() {
		return "Lowest cash: not known, as the year's claims and costs start before the staff records"
	}
	m := f.Months[f.Low]
	return "Lowest cash: " + m.Position.Whole() + " at the end of " + m.Month.Format("January 2006")
}

// lowShort is the low point in a comparison's cell: "−£85,120 (July 2026)".
func (f Flow) lowShort() string {
	if f.Partial() {
		return ui.NoData
	}
	m := f.Months[f.Low]
	return m.Position.Whole() + " (" + m.Month.Format("January 2006") + ")"
}

// lowChange is the change of the low point.
func lowChange(before, after Flow) string {
	return change(funding.Amount{Pence: before.LowPence(), Known: !before.Partial()}, funding.Amount{Pence: after.LowPence(), Known: !after.Partial()})
}

// lowNote says what the low point means for the PCN: not all of it comes back.
func (f Flow) lowNote() string {
	if f.Partial() {
		return ""
	}
	if f.LowPence() >= 0 {
		return "Claims received cover the staff costs paid all year: from £0 on 1 April, the PCN's cash from these posts never goes below zero."
	}
	return "By then the PCN has paid this much more in staff costs than it has received in claims, and must find it from other money. " +
		"Part of it is waiting: salaries are paid in the month worked, claims are received " + ui.Plural(f.Lag, "month", "months") + " later. " +
		"Part of it never comes back: costs above the caps, and the rest of a cost claimed at a share below 100%."
}

// yearStartText says where each year's position starts.
func (p Page) yearStartText() string {
	return "Each year starts at £0 on 1 April: it does not carry the previous year's position over. The claims the previous year earned in its last " +
		ui.Plural(p.Lag, "month", "months") + " are received in this year's first ones, and are counted here."
}

// partialText says why a year's positions are not known.
func (f Flow) partialText(name string) string {
	return "Partial: staff records start at the census of " + f.DataStart.Format(dateLong) + ", so the claims and costs of " + name +
		" before then (and the claims they bring in later) are not known, and neither is the cash position."
}

// excludedText counts the posts left out for want of a cost and a cap.
func (f Flow) excludedText() string {
	if f.Excluded == 0 {
		return ""
	}
	return "Excluding " + ui.Count(f.Excluded) + " " + ui.Agree(f.Excluded, "post", "posts") +
		" with neither an annual cost nor a cap: neither its claims nor its costs are counted."
}

// lagText says which payment lag the figures use.
func (p Page) lagText() string {
	months := ui.Plural(p.Lag, "month", "months")
	if p.LagAsked {
		return "Payment lag: " + months + ", as set in this page's address, instead of the ICB's."
	}
	return "Payment lag: " + months + ", the ICB's (the default is " + strconv.Itoa(planning.DefaultPaymentLag) +
		" months): a claim earned in a month is received " + months + " later."
}

// upliftText describes the backdated uplift.
func (p Page) upliftText() string {
	if p.Uplift == nil {
		return ""
	}
	fy := workforce.FinancialYearOf(p.Uplift.Month)
	return "Backdated uplift: " + funding.Percent(p.Uplift.Percent) + " from 1 April " + strconv.Itoa(int(fy)) + ", confirmed in " +
		p.Uplift.Month.Format("January 2006") + ": the months before are paid at the old cost and their arrears in " +
		p.Uplift.Month.Format("January 2006") + ", when the extra claims, up to the caps, are earned. Only " + fy.String() + " is shown."
}

// subjectText is the what-if's sentence.
func (w WhatIf) subjectText() string {
	t := w.Subject + ": funded by " + StreamWords(w.To) + " instead of " + StreamWords(w.From)
	if w.Practice != "" {
		t += ", claimed by " + w.Practice
	}
	if w.To == workforce.StreamOther {
		t += ". Its cost is then paid from the PCN's or its practices' own money, and none of it is reimbursed"
	}
	return t + "."
}

// otherNote says, for a post moved to other money, that the ARRS headroom it frees is
// not money saved: the post still costs what other money's costs rise by.
func (y Year) otherNote() string {
	b, a := y.Before.Other, y.AfterFigures.Other
	if !y.OtherMoved || !b.Known || !a.Known || a.Pence <= b.Pence {
		return ""
	}
	cost := (a.Pence - b.Pence).Whole()
	return "The ARRS headroom this frees is not money saved: the post still costs " + cost + " in " + y.Name +
		", now paid from other money, with nothing reimbursed. This cash flow follows the ARRS posts only, so the " + cost +
		" leaves it too: the cash the PCN or its practices need for the post is on top of what it shows."
}

// StreamWords names a stream in a sentence: "the ARRS", "the practice GP scheme",
// "other money".
func StreamWords(s workforce.Stream) string {
	switch s {
	case workforce.StreamARRS:
		return "the ARRS"
	case workforce.StreamPracticeGP:
		return "the practice GP scheme"
	}
	return "other money"
}
