package plan

import (
	"fmt"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// NewFigures are the network's row of the official gap report against target t, and
// the same with its draft (nil when it has none or it changes nothing). The caller
// adds the days and the FTE in post.
func NewFigures(t workforce.Target, row planning.Gap, withDraft *planning.Gap) Figures {
	f := Figures{TargetName: t.Name, TargetFTE: t.FTE, Deadline: t.Deadline, FairShare: row.TargetFTE, Baseline: row.BaselineFTE,
		ListSize: row.ListSizePCNs > 0, Patients: int(row.WeightedPopulation),
		Official: Outlook{Projected: row.ProjectedFTE, Gap: row.GapFTE}}
	if withDraft != nil {
		f.WithDraft = &Outlook{Projected: withDraft.ProjectedFTE, Gap: withDraft.GapFTE}
	}
	return f
}

// NewFunding is a year's money with the version's lines (f), with the notes on what it
// assumes (RateNotes, ListSizeNote, CostNotes). official is the same with the current
// plan when the version's lines differ in money (a draft): the official figures are
// then official's and f's are shown beside them "with your draft" (PLANNING.md,
// "Drafts stay private"); nil when f is the official money.
func NewFunding(f planning.Funding, official *planning.Funding, notes []string) *Funding {
	o := f
	if official != nil {
		o = *official
	}
	out := &Funding{Entitlement: o.EntitlementPence, Committed: o.CommittedPence, Planned: o.PlannedPence,
		Left: o.HeadroomPence, Notes: notes}
	if official != nil {
		out.WithDraft = &DraftMoney{Planned: f.PlannedPence, Left: f.HeadroomPence}
	}
	return out
}

// RateNotes say where year fy's entitlement stands on its rate: none held (none), or
// the rate of pounds per weighted patient of an earlier year (from) standing in; none
// when the year's own rate is published (from is "").
func RateNotes(fy workforce.FinancialYear, rate float64, from string, none bool) []string {
	switch {
	case none:
		return []string{"No funding rate is held for " + fy.String() + ", so the entitlement is shown as £0."}
	case from != "":
		return []string{fmt.Sprintf("No rate is published for %s yet: the %s rate of £%s per weighted patient is assumed.",
			fy, from, strconv.FormatFloat(rate, 'f', -1, 64))}
	}
	return nil
}

// ListSizeNote says the registered list of population patients stands in, with no
// weighted population entered for census.
func ListSizeNote(census time.Time, population float64) string {
	return "No weighted population is entered for " + census.Format("2 January 2006") +
		": the registered list of " + ui.Count(int(population)) + " patients stands in."
}

// CostNotes say how many staff records and plan lines are estimated at the cap (no
// cost recorded), claimed against their band's cap, counted at full cost for want of
// a cap, or left out for want of both (PLANNING.md: "excluding N records", never £0).
func CostNotes(costs map[planning.LineKind]planning.CostCounts) []string {
	var notes []string
	for _, k := range []planning.LineKind{planning.LineStaff, planning.LinePlan} {
		what := func(n int) string { return linesOf(k, n) }
		c := costs[k]
		if c.Assumed > 0 {
			notes = append(notes, what(c.Assumed)+" "+verb(c.Assumed, "has", "have")+" no cost recorded: estimated at the cap.")
		}
		if c.FromBand > 0 {
			notes = append(notes, what(c.FromBand)+" "+verb(c.FromBand, "is", "are")+" claimed against the cap of the role's Agenda for Change band: no newer cap of the role's own is held.")
		}
		if c.Uncapped > 0 {
			notes = append(notes, what(c.Uncapped)+" "+verb(c.Uncapped, "is", "are")+" in a role with no cap held: the cost is counted in full.")
		}
		if c.Uncosted > 0 {
			notes = append(notes, "Excluding "+what(c.Uncosted)+" with neither a cost nor a cap.")
		}
	}
	return notes
}

// linesOf counts lines of a kind: "1 staff record", "3 plan lines".
func linesOf(k planning.LineKind, n int) string {
	one, many := "staff record", "staff records"
	if k == planning.LinePlan {
		one, many = "plan line", "plan lines"
	}
	return ui.Count(n) + " " + verb(n, one, many)
}

// verb picks the singular or the plural for n.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
