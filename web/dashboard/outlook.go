package dashboard

import (
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Outlook is the clinical director's one line and the figures behind it: whether the
// network is on track for its fair share and its money in each quarter of this
// financial year and the next (docs/outlook.md).
type Outlook struct {
	// NoCensus and NoTarget: the projection against the fair share is not known.
	NoCensus, NoTarget bool
	// NoPlan is true when the network has no current plan: the projection is then
	// attrition only.
	NoPlan bool
	// FairShare is the FTE in post that reaches the fair share (the chart's line).
	FairShare float64
	// Below is the first quarter projected below the fair share ("2027/28 Q3"), ""
	// for none; BelowFTE is its projection.
	Below    string
	BelowFTE float64
	// Last is the last quarter judged ("2027/28 Q4").
	Last  string
	Years []OutlookYear
}

// OutlookYear is one financial year judged.
type OutlookYear struct {
	Key, Name string // "2026", "2026/27"
	// Verdict is the year's; Staff and Money its parts'.
	Verdict, Staff, Money planning.Verdict
	// EndFTE is the projection with the plan on End, the year's last day, EndBelow
	// whether it is below the fair share; HasEnd is false when it is not known.
	End              time.Time
	EndFTE           float64
	HasEnd, EndBelow bool
	// HasMoney is false when the funding has no figure for the year.
	HasMoney bool
	// Spend is committed + planned; Over how far it passes the entitlement.
	Entitlement, Spend, Over workforce.Pence
	NoRate, Partial          bool
	Uncosted                 int
}

// Sentence is the one line: a lead saying whether the network is on track this year
// (and next), then what stops it or is not known, naming the first quarter below the
// fair share and each year whose spending passes its entitlement.
func (o Outlook) Sentence() string {
	return o.lead() + joinClauses(o.clauses()) + "."
}

func (o Outlook) lead() string {
	if len(o.Years) < 2 {
		return "Not known whether the network is on track: "
	}
	this, next := o.Years[0].Verdict, o.Years[1].Verdict
	switch {
	case this == planning.OnTrack && next == planning.OnTrack:
		return "On track this year and next: "
	case this == planning.OffTrack:
		return "Not on track this year: "
	case this == planning.NotKnown:
		return "Not known whether the network is on track this year: "
	case next == planning.OffTrack:
		return "On track this year; "
	}
	return "On track this year, not known for next year: "
}

// clauses are the staff part, then each year's money that is over or not known, then
// the years whose money is within the entitlement.
func (o Outlook) clauses() []string {
	out := []string{o.staffClause()}
	var within []string
	for _, y := range o.Years {
		if c := y.moneyClause(); c != "" {
			out = append(out, c)
		} else {
			within = append(within, y.Name)
		}
	}
	if len(within) > 0 {
		out = append(out, "spending stays within the entitlement in "+joinAnd(within))
	}
	return out
}

func (o Outlook) staffClause() string {
	projection := "the projection with the plan"
	if o.NoPlan {
		projection = "the projection with no plan"
	}
	switch {
	case o.NoCensus:
		return "no workforce data has been imported, so the projection against the fair share is not known"
	case o.NoTarget:
		return "no target is set, so the network has no fair share to measure against"
	case o.Below != "":
		below, share := fteApart(o.BelowFTE, o.FairShare)
		return "from " + o.Below + " " + projection + " falls below the fair share (" + below + " FTE against a fair share of " + share + " FTE)"
	case o.Last == "":
		return "the projection is not known"
	}
	return projection + " stays at or above the fair share of " + ui.FTE(o.FairShare) + " FTE to " + o.Last
}

// moneyClause says what is wrong or not known with the year's money; "" when it is
// within the entitlement.
func (y OutlookYear) moneyClause() string {
	switch {
	case !y.HasMoney:
		return "the money of " + y.Name + " is not known"
	case y.NoRate:
		return "no funding rate is held for " + y.Name + ", so its entitlement is not known"
	case y.Over > 0:
		return y.Name + " spending exceeds the entitlement by " + y.Over.Whole()
	case y.Partial:
		return y.Name + " spending is not fully known, as the workforce data starts after the year does"
	case y.Uncosted > 0:
		return y.Name + " spending leaves out " + records(y.Uncosted) + " with neither a cost nor a cap"
	}
	return ""
}

// fteApart renders two FTE figures to 1 decimal, or to 2 when they read alike at 1:
// "15.0 against 15.0" would hide the shortfall the verdict found (to 0.01 FTE).
func fteApart(a, b float64) (string, string) {
	if ui.FTE(a) == ui.FTE(b) {
		return ui.Decimal(a, 2), ui.Decimal(b, 2)
	}
	return ui.FTE(a), ui.FTE(b)
}

func records(n int) string {
	if n == 1 {
		return "1 record"
	}
	return strconv.Itoa(n) + " records"
}

// joinClauses joins clauses with semicolons, the last with "and".
func joinClauses(cs []string) string {
	if len(cs) < 2 {
		return strings.Join(cs, "")
	}
	return strings.Join(cs[:len(cs)-1], "; ") + " and " + cs[len(cs)-1]
}

// joinAnd joins words with commas, the last with "and".
func joinAnd(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// summary is the figures behind the line: the fair share, the first quarter below
// it, the projection at each year's end, and each year's entitlement and spend.
func (o Outlook) summary() ui.SummaryListParams {
	rows := []ui.SummaryListRow{{Key: "Fair share in post", Content: figure(o.fairShareText(), "dash-outlook-fair-share")}}
	if o.staffKnown() {
		rows = append(rows, ui.SummaryListRow{Key: "First quarter below the fair share", Content: flagged(o.belowText(), "dash-outlook-first-below", o.Below != "", "Below")})
	}
	for _, y := range o.Years {
		rows = append(rows, o.endRow(y))
	}
	for _, y := range o.Years {
		rows = append(rows, y.moneyRows()...)
	}
	return ui.SummaryListParams{ID: "dash-outlook-summary", Rows: rows}
}

func (o Outlook) staffKnown() bool { return !o.NoCensus && !o.NoTarget && o.Last != "" }

func (o Outlook) fairShareText() string {
	switch {
	case o.NoCensus:
		return "Not known: no workforce data imported"
	case o.NoTarget:
		return "Not known: no target set"
	}
	return ui.FTE(o.FairShare) + " FTE"
}

func (o Outlook) belowText() string {
	if o.Below == "" {
		return "None to " + o.Last
	}
	below, _ := fteApart(o.BelowFTE, o.FairShare)
	return o.Below + ", projected at " + below + " FTE"
}

func (o Outlook) endRow(y OutlookYear) ui.SummaryListRow {
	key, id := "Projected at the end of "+y.Name, "dash-outlook-end-"+y.Key
	if !o.staffKnown() || !y.HasEnd {
		return ui.SummaryListRow{Key: key, Content: figure("Not known", id)}
	}
	below, _ := fteApart(y.EndFTE, o.FairShare)
	return ui.SummaryListRow{Key: key + ", " + y.End.Format(dateLong),
		Content: flagged(below+" FTE", id, y.EndBelow, "Below the fair share")}
}

func (y OutlookYear) moneyRows() []ui.SummaryListRow {
	ent, spend := "Not known", "Not known"
	if y.HasMoney && !y.NoRate {
		ent = y.Entitlement.Whole()
	}
	if y.HasMoney {
		spend = y.Spend.Whole()
	}
	switch {
	case !y.HasMoney:
	case y.Partial:
		spend += " so far: the months before the workforce data are not known"
	case y.Uncosted > 0:
		spend += ", leaving out " + records(y.Uncosted) + " with neither a cost nor a cap"
	}
	flag := ""
	if y.Over > 0 {
		flag = "Over by " + y.Over.Whole()
	}
	return []ui.SummaryListRow{
		{Key: "Entitlement, " + y.Name, Content: figure(ent, "dash-outlook-entitlement-"+y.Key)},
		{Key: "Spending committed and planned, " + y.Name, Content: flagged(spend, "dash-outlook-spend-"+y.Key, flag != "", flag)},
	}
}
