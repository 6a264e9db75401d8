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
// assumes (RateNotes, ListSizeNote, planning.CostNotes). official is the same with the current
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

// SchemeNotes say where year fy's practice GP scheme stands on an assumption: its rate
// (pounds per patient) not held (none) or an earlier year's (from) standing in, and the
// practices' registered lists on census standing in for their adjusted populations,
// always (PLANNING.md, "Funding streams"). Practices with no list are counted beside the
// entitlement (SchemeMoney.Excluded).
func SchemeNotes(fy workforce.FinancialYear, rate float64, from string, none bool, census time.Time) []string {
	var notes []string
	switch {
	case none:
		notes = append(notes, "No practice GP scheme rate is held for "+fy.String()+", so the practices' entitlement is not known.")
	case from != "":
		notes = append(notes, fmt.Sprintf("No practice GP scheme rate is published for %s yet: the %s rate of £%s per patient is assumed.",
			fy, from, strconv.FormatFloat(rate, 'f', -1, 64)))
	}
	return append(notes, "Each practice's registered list on "+census.Format("2 January 2006")+" stands in for its adjusted population.")
}
