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

// AbovePence is what the PCN pays above the caps over the year, over the staff whose
// cost is known.
func (p PCNYear) AbovePence() workforce.Pence {
	var sum workforce.Pence
	for _, s := range p.Staff {
		sum += s.AbovePence()
	}
	return sum
}

// NoCapRoles lists, sorted, the roles claimed at actual cost because no cap is known
// for them in some month of the year (staff or plan).
func (p PCNYear) NoCapRoles() []string {
	var roles []string
	for _, s := range p.Staff {
		if s.Uncapped {
			roles = append(roles, s.Record.RoleCode)
		}
	}
	for _, l := range p.Plan {
		if l.Uncapped {
			roles = append(roles, l.Line.RoleCode)
		}
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

// Uncosted counts the staff records and plan lines with neither a cost nor a cap in
// some month of the year: those months are left out of every total, which then says
// "excluding N records" (PLANNING.md), never £0.
func (p PCNYear) Uncosted() int {
	n := 0
	for _, s := range p.Staff {
		n += b2i(s.Uncosted)
	}
	for _, l := range p.Plan {
		n += b2i(l.Uncosted)
	}
	return n
}

// BandRoles lists, sorted, the roles claimed against their band's cap in some month
// (their own cap unknown or older): pages say so.
func (p PCNYear) BandRoles() []string {
	var roles []string
	for _, s := range p.Staff {
		if s.CapFromBand {
			roles = append(roles, s.Record.RoleCode)
		}
	}
	for _, l := range p.Plan {
		if l.CapFromBand {
			roles = append(roles, l.Line.RoleCode)
		}
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

// BandsAssumed counts the staff records claimed against band 5 because no band is
// recorded for their mental health practitioner post (DOMAIN.md).
func (p PCNYear) BandsAssumed() int {
	n := 0
	for _, s := range p.Staff {
		n += b2i(s.BandAssumed)
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CostsAssumed counts the staff records and plan lines with no annual cost, claimed
// at the cap where one is known.
func (p PCNYear) CostsAssumed() (staff, plan int) {
	for _, s := range p.Staff {
		if s.CostAssumed {
			staff++
		}
	}
	for _, l := range p.Plan {
		if l.CostAssumed {
			plan++
		}
	}
	return staff, plan
}

// StaffFunding is one staff record's year: its claims against its actual cost.
type StaffFunding struct {
	Record store.FundingRecord
	// CapVariant is the parallel cap the record is claimed against ("" usual).
	CapVariant string
	// CapPence is the cap per WTE a year in force in the record's last month in post
	// in the year; CapKnown is false when none is; CapChanged is true when the cap
	// differed between its months in post.
	CapPence   workforce.Pence
	CapKnown   bool
	CapChanged bool
	// InPost marks the months with at least one day in post.
	InPost [12]bool
	// ClaimPence is the claimable amount by month; CostPence the actual cost, 0 when
	// the annual cost is not known (Record.CostKnown).
	ClaimPence, CostPence [12]workforce.Pence
	ClaimTotal, CostTotal workforce.Pence
	// Caps is the cap of each month, Shares the reimbursement share: what each
	// month's claim is worked from, as the claim schedule lists it.
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
	Line       workforce.PlanLine
	Leavers    bool
	MonthPence [12]workforce.Pence
	TotalPence workforce.Pence
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
