package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// approval 7 lets U00001 claim a role outside the ARRS list from 16 July 2026, up to
// £40,000 per WTE a year.
var approval7 = workforce.ApprovedRole{ID: 7, PCNCode: "U00001", Name: "Mental health nurse advisor", CapPence: 4000000,
	From: day("2026-07-16"), ApprovedBy: "icb.lead@example.nhs.uk"}

// approvedPost is a post naming approval 7 at pcn, 1.0 FTE at £45,000 from 1 May 2026.
func approvedPost(pcn string) workforce.Staff {
	return workforce.Staff{PCNCode: pcn, ApprovedRole: 7, FTE: 1, Start: day("2026-05-01"), AnnualCostPence: 4500000}
}

// The approved role, 2026/27: in post from May (costs 4,500,000 / 12 = 375,000p a month,
// 11 months, 4,125,000p); claimable from 16 July at the approval's £40,000 (below the
// cost): July 16 of 31 days, 4,000,000 × 16 / (12 × 31) = 172,043.01 → 172,043p;
// August–March 4,000,000 / 12 = 333,333.33 → 333,333p × 8 = 2,666,664p; the year
// 2,838,707p, share 1. May and June cost but claim nothing.
func TestApprovedRoleClaimable(t *testing.T) {
	t.Parallel()
	in := FundingInputs{Year: 2026, RatePounds: 27.30, Population: 10000, AsOf: day("2026-11-30"), Caps: streamCaps,
		Staff: []workforce.Staff{approvedPost("U00001")}, Approved: []workforce.ApprovedRole{approval7}}
	f := YearFunding(in)
	if len(f.Lines) != 1 {
		t.Fatalf("%d lines", len(f.Lines))
	}
	l := f.Lines[0]
	if l.Stream != workforce.StreamARRS || l.Approved != 7 || l.NotApproved || l.TotalPence != 2838707 || f.CommittedPence != 2838707 {
		t.Errorf("line %+v, committed %d; want 2838707 under approval 7", l, f.CommittedPence)
	}
	wantClaims := [12]workforce.Pence{0, 0, 0, 172043, 333333, 333333, 333333, 333333, 333333, 333333, 333333, 333333}
	if l.MonthPence != wantClaims {
		t.Errorf("claims %v, want %v", l.MonthPence, wantClaims)
	}
	// What the months stand on: June, in post all 30 days and none approved; July, in
	// post 31 days and approved 16; both against the approval's £40,000, share 1.
	approvedCap := CapOn{Pence: 4000000, Known: true}
	if l.CostTotalPence != 4125000 || l.CostMonthPence[1] != 375000 || l.FTE != 1 ||
		!sameMonth(l.Months[2], LineMonth{Cap: approvedCap, Share: 1, InPost: 30, ClaimDays: 0, Days: 30}) ||
		!sameMonth(l.Months[3], LineMonth{Cap: approvedCap, Share: 1, InPost: 31, ClaimDays: 16, Days: 31}) || l.Months[0] != (LineMonth{}) {
		t.Errorf("costs %v, months %+v", l.CostMonthPence, l.Months)
	}
	// An approval ending on 1 January 2027: July and August–December, 172,043 + 5 ×
	// 333,333 = 1,838,708p.
	ended := approval7
	ended.To = day("2027-01-01")
	in.Approved = []workforce.ApprovedRole{ended}
	if got := YearFunding(in).CommittedPence; got != 1838708 {
		t.Errorf("approval to 31 December: committed %d, want 1838708", got)
	}
}

// A neighbour's post naming U00001's approval claims nothing, whether the approval is
// missing from its inputs or given (another PCN's); its costs still count.
func TestApprovedRoleNotNeighbour(t *testing.T) {
	t.Parallel()
	for _, approved := range [][]workforce.ApprovedRole{nil, {approval7}} {
		in := FundingInputs{Year: 2026, RatePounds: 27.30, Population: 10000, AsOf: day("2026-11-30"), Caps: streamCaps,
			Staff: []workforce.Staff{approvedPost("U00002")}, Approved: approved}
		f := YearFunding(in)
		l := f.Lines[0]
		if !l.NotApproved || l.TotalPence != 0 || f.CommittedPence != 0 || f.HeadroomPence != 27300000 || l.CostTotalPence != 4125000 {
			t.Errorf("approvals %v: line %+v, committed %d", approved, l, f.CommittedPence)
		}
	}
	// With no cost and no approval of its own, nothing is known: uncosted.
	s := approvedPost("U00002")
	s.AnnualCostPence = 0
	l := YearFunding(FundingInputs{Year: 2026, Staff: []workforce.Staff{s}, AsOf: day("2026-11-30")}).Lines[0]
	if !l.Uncosted || l.CostTotalPence != 0 {
		t.Errorf("no cost, no approval: %+v", l)
	}
}
