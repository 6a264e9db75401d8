package plan

import (
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// The money of a year beside the ARRS (PLANNING.md, "Funding streams"): the practice
// GP scheme, held by the member practices, and the posts paid from other money, of
// which nothing is reimbursed. The figures are funding.Compute's, as the funding page
// shows them; a part the data cannot give is "no data", never £0.

// SchemeMoney is the practice GP scheme's year for the network's practices.
type SchemeMoney struct {
	// Entitlement sums the member practices' entitlements; Known is false when none is
	// known (no rate held, no practice's list known): the entitlement and what is left
	// of it are then "no data". Excluded counts the practices with no list, left out.
	Entitlement workforce.Pence
	Known       bool
	Excluded    int
	// Committed is the claims of practice-scheme GPs in post, Planned of the current
	// plan's practice-scheme lines; Left = Entitlement − Committed − Planned.
	Committed, Planned, Left workforce.Pence
	// WithDraft is the planned claims and entitlement left with the draft, as the
	// ARRS's; nil when the version is the current plan or changes no money.
	WithDraft *DraftMoney
	Notes     []string
}

// NewScheme is the scheme's year with the version's lines (f), the current plan's
// (official, nil when they plan the same), and whether the scheme's rate is known.
func NewScheme(f planning.PracticeGPFunding, official *planning.PracticeGPFunding, rateKnown bool, notes []string) *SchemeMoney {
	o := f
	if official != nil {
		o = *official
	}
	s := &SchemeMoney{Entitlement: o.EntitlementPence, Known: rateKnown && len(o.Practices) > o.Unknown, Excluded: o.Unknown,
		Committed: o.CommittedPence, Planned: o.PlannedPence, Left: o.HeadroomPence, Notes: notes}
	if official != nil {
		s.WithDraft = &DraftMoney{Planned: f.PlannedPence, Left: f.HeadroomPence}
	}
	return s
}

// OtherMoney is the year's cost of the posts paid from other money.
type OtherMoney struct {
	Committed, Planned workforce.Pence
	// WithDraft is the planned cost with the draft; nil as the ARRS's.
	WithDraft *workforce.Pence
}

// NewOther is other money's year with the version's lines (f) and the current plan's
// (official, nil when they plan the same).
func NewOther(f planning.StreamTotals, official *planning.StreamTotals) *OtherMoney {
	o := f
	if official != nil {
		o = *official
	}
	out := &OtherMoney{Committed: o.CommittedPence, Planned: o.PlannedPence}
	if official != nil {
		out.WithDraft = &f.PlannedPence
	}
	return out
}

// known is a figure the data gives, else "no data".
func known(p workforce.Pence, ok bool) string {
	if !ok {
		return ui.NoData
	}
	return p.Whole()
}

func (s SchemeMoney) rows(id string) []ui.SummaryListRow {
	entitlement := known(s.Entitlement, s.Known)
	if s.Known && s.Excluded > 0 {
		entitlement += ", excluding " + ui.Count(s.Excluded) + " " + ui.Agree(s.Excluded, "practice", "practices") + " with no list size"
	}
	rows := []ui.SummaryListRow{
		{Key: "Practices' entitlement", Value: entitlement, TestID: "scheme-entitlement-" + id},
		{Key: "Committed to practice-scheme GPs in post", Value: s.Committed.Whole(), TestID: "scheme-committed-" + id},
		{Key: "Planned for GPs in the current plan", Value: s.Planned.Whole(), TestID: "scheme-planned-" + id},
		{Key: "Entitlement left", Value: known(s.Left, s.Known), TestID: "scheme-left-" + id},
	}
	if d := s.WithDraft; d != nil {
		rows = append(rows,
			ui.SummaryListRow{Key: "Planned for GPs with your draft", Value: d.Planned.Whole(), TestID: "scheme-draft-planned-" + id},
			ui.SummaryListRow{Key: "Entitlement left with your draft", Value: known(d.Left, s.Known), TestID: "scheme-draft-left-" + id})
	}
	return rows
}

func (o OtherMoney) rows(id string) []ui.SummaryListRow {
	rows := []ui.SummaryListRow{
		{Key: "Cost of staff in post", Value: o.Committed.Whole(), TestID: "other-committed-" + id},
		{Key: "Cost of starters in the current plan", Value: o.Planned.Whole(), TestID: "other-planned-" + id},
	}
	if o.WithDraft != nil {
		rows = append(rows, ui.SummaryListRow{Key: "Cost of starters with your draft", Value: o.WithDraft.Whole(), TestID: "other-draft-planned-" + id})
	}
	return rows
}

// schemeListID and otherListID are the ids of a year's summary lists of the practice
// GP scheme and of other money, which the script fills again.
func schemeListID(year string) string { return "funding-practice-gp-" + year }
func otherListID(year string) string  { return "funding-other-" + year }
