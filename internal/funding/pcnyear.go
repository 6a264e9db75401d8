package funding

import (
	"slices"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// UnderspendPence is the forecast underspend: positive headroom at year end, which
// is not carried forward (DOMAIN.md, "Money"); 0 when over-committed.
func (p PCNYear) UnderspendPence() workforce.Pence { return max(p.Funding.HeadroomPence, 0) }

// OverCommittedPence is how far committed and planned claims pass the entitlement.
func (p PCNYear) OverCommittedPence() workforce.Pence { return max(-p.Funding.HeadroomPence, 0) }

// The figures below are the ARRS stream's, as the totals they qualify: Staff and Plan
// hold every stream's lines, and the ...In methods take the stream.

// AbovePence is what the PCN pays above the caps over the year, over the ARRS staff
// whose cost is known.
func (p PCNYear) AbovePence() workforce.Pence {
	var sum workforce.Pence
	for _, s := range p.Staff {
		if arrsStream(s.Stream) {
			sum += s.AbovePence()
		}
	}
	return sum
}

// NoCapRoles lists, sorted, the roles claimed at actual cost because no cap is known
// for them in some month of the year (ARRS staff or plan).
func (p PCNYear) NoCapRoles() []string {
	return p.arrsRoles(func(s StaffFunding) bool { return s.Uncapped }, func(l PlanFunding) bool { return l.Uncapped })
}

// BandRoles lists, sorted, the roles claimed against their band's cap in some month
// (their own cap unknown or older): pages say so.
func (p PCNYear) BandRoles() []string {
	return p.arrsRoles(func(s StaffFunding) bool { return s.CapFromBand }, func(l PlanFunding) bool { return l.CapFromBand })
}

// arrsRoles lists, sorted, the roles of the ARRS staff records and plan lines that
// match.
func (p PCNYear) arrsRoles(staff func(StaffFunding) bool, plan func(PlanFunding) bool) []string {
	var roles []string
	for _, s := range p.Staff {
		if arrsStream(s.Stream) && staff(s) {
			roles = append(roles, s.Record.RoleCode)
		}
	}
	for _, l := range p.Plan {
		if arrsStream(l.Stream) && plan(l) {
			roles = append(roles, l.Line.RoleCode)
		}
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

// Uncosted counts the ARRS staff records and plan lines with neither a cost nor a cap
// in some month of the year: those months are left out of every total, which then says
// "excluding N records" (PLANNING.md), never £0.
func (p PCNYear) Uncosted() int { return p.UncostedIn(workforce.StreamARRS) }

// UncostedIn is Uncosted for the lines of a stream.
func (p PCNYear) UncostedIn(stream workforce.Stream) int {
	n := 0
	for _, s := range p.Staff {
		n += b2i(sameStream(s.Stream, stream) && s.Uncosted)
	}
	for _, l := range p.Plan {
		n += b2i(sameStream(l.Stream, stream) && l.Uncosted)
	}
	return n
}

// BandsAssumed counts the ARRS staff records claimed against band 5 because no band is
// recorded for their mental health practitioner post (DOMAIN.md).
func (p PCNYear) BandsAssumed() int {
	n := 0
	for _, s := range p.Staff {
		n += b2i(arrsStream(s.Stream) && s.BandAssumed)
	}
	return n
}

// arrsStream reports whether a line is the ARRS stream's: "" reads as the ARRS, as a
// plan line's stream does.
func arrsStream(s workforce.Stream) bool { return s == "" || s == workforce.StreamARRS }

// sameStream reports whether a line of stream a is of stream b ("" reads as the ARRS).
func sameStream(a, b workforce.Stream) bool { return a == b || (arrsStream(a) && arrsStream(b)) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CostsAssumed counts the ARRS staff records and plan lines with no annual cost,
// claimed at the cap where one is known.
func (p PCNYear) CostsAssumed() (staff, plan int) { return p.CostsAssumedIn(workforce.StreamARRS) }

// CostsAssumedIn is CostsAssumed for the lines of a stream (on other money: costed at
// the cap).
func (p PCNYear) CostsAssumedIn(stream workforce.Stream) (staff, plan int) {
	for _, s := range p.Staff {
		staff += b2i(sameStream(s.Stream, stream) && s.CostAssumed)
	}
	for _, l := range p.Plan {
		plan += b2i(sameStream(l.Stream, stream) && l.CostAssumed)
	}
	return staff, plan
}

// StaffFunding is one staff record's year: its claims against its actual cost.
type StaffFunding struct {
	Record store.FundingRecord
	// Stream is the money the post is paid from in the year (the record's, or a
	// what-if's: Move; in a year before the practice GP scheme a practice-scheme GP's
	// is the ARRS, planning.FundingInputs.StreamOf); Line is its line in
	// Funding.Lines.
	Stream workforce.Stream
	Line   int
	// CapVariant is the parallel cap the record is claimed against ("" usual).
	CapVariant string
	// CapPence is the cap per WTE a year in force in the record's last month in post
	// in the year; CapKnown is false when none is; CapChanged is true when the cap
	// differed between its months in post.
	CapPence   workforce.Pence
	CapKnown   bool
	CapChanged bool
	// InPost marks the months with at least one day in post; Claimable those with
	// days the claim covers (in post, not on other money, and for an approved role
	// approved on a day in post): the claim schedule's rows.
	InPost, Claimable [12]bool
	// ClaimPence is the claimable amount by month; CostPence the actual cost, 0 when
	// the annual cost is not known (Record.CostKnown).
	ClaimPence, CostPence [12]workforce.Pence
	ClaimTotal, CostTotal workforce.Pence
	// Caps is the cap of each month (the role's, the approval's or the practice GP
	// scheme's), Shares the reimbursement share: what each month's claim was worked
	// from (planning.LineMonth), as the claim schedule lists it.
	Caps   [12]planning.CapOn
	Shares [12]float64
	// The flags of planning.FundingLine.
	Uncapped, CostAssumed, Uncosted, CapFromBand, BandAssumed bool
}

// AbovePence is what the PCN pays above the cap over the year: actual cost − claims,
// 0 when the cost is not known (the claim then assumes the cap).
func (s StaffFunding) AbovePence() workforce.Pence {
	if !s.Record.CostKnown {
		return 0
	}
	return s.CostTotal - s.ClaimTotal
}

// PlanFunding is one plan line's starters' planned claims over the year, or (Leavers)
// what its leavers take off them, negative.
type PlanFunding struct {
	Line workforce.PlanLine
	// Stream is Line.FundingStream() (or a what-if's: Move); Index is its line in
	// Funding.Lines.
	Stream  workforce.Stream
	Index   int
	Leavers bool
	// MonthPence are the claims by month (0 on other money: CostMonthPence).
	MonthPence [12]workforce.Pence
	TotalPence workforce.Pence
	// CostMonthPence is what the posts cost by month (planning.FundingLine).
	CostMonthPence [12]workforce.Pence
	CostTotalPence workforce.Pence
	// CostPence is the annual cost per WTE used: the line's, else (leavers) the
	// average of the role's staff in post; 0 when the cap stood in.
	CostPence                                    workforce.Pence
	Uncapped, CostAssumed, Uncosted, CapFromBand bool
}

// CapBand is the band whose cap the record's last month in post in the year was
// claimed against, "" when it was the role's own (or none).
func (s StaffFunding) CapBand() string {
	for m := len(s.InPost) - 1; m >= 0; m-- {
		if s.InPost[m] {
			if c := s.Caps[m]; c.FromBand {
				return c.Band
			}
			return ""
		}
	}
	return ""
}
