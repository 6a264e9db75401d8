package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Entitlement is entitlement(p, f) = round(rate(f) × w(p) × 100) pence: the Additional
// Roles Reimbursement Sum of a PCN for a year, rounded half away from zero once
// (PLANNING.md, "Funding"). ratePounds may carry fractions of a penny (£26.631).
func Entitlement(ratePounds, population float64) workforce.Pence {
	return workforce.Pence(roundPence(ratePounds, population, 100, 1))
}

// MonthlyClaim is one month's claimable amount for a post, in pence:
// basis × share × FTE / 12 × daysInPost / daysInMonth, rounded half away from zero to
// the penny once (PLANNING.md), where basis is min(annual cost, cap) (ClaimBasis) and
// share the reimbursement share (Shares.On; 1 for a cost or the practice scheme).
func MonthlyClaim(basis workforce.Pence, share, fte float64, daysInPost, daysInMonth int) workforce.Pence {
	if daysInPost <= 0 || daysInMonth <= 0 {
		return 0
	}
	return workforce.Pence(roundPence(fte, share, int64(basis)*int64(daysInPost), 12*int64(daysInMonth)))
}

// Basis is the annual amount per WTE a month's claim is worked from, and what it
// stands on.
type Basis struct {
	Pence workforce.Pence
	// Estimated: no cost recorded, the cap stands in ("estimated at the cap").
	Estimated bool
	// Uncapped: no cap known, the cost recorded is claimed in full.
	Uncapped bool
	// Uncosted: neither a cost nor a cap; the month is left out (Pence 0) and the
	// record counted as excluded, never shown as £0.
	Uncosted bool
}

// ClaimBasis is min(cost, cap) (PLANNING.md, "Funding"); a cost of 0 is not recorded
// (NWRS carries no salaries).
func ClaimBasis(cost workforce.Pence, c CapOn) Basis {
	switch {
	case cost > 0 && c.Known:
		return Basis{Pence: min(cost, c.Pence)}
	case c.Known:
		return Basis{Pence: c.Pence, Estimated: true}
	case cost > 0:
		return Basis{Pence: cost, Uncapped: true}
	}
	return Basis{Uncosted: true}
}

// FundingInputs is what a PCN's funding for one financial year needs.
type FundingInputs struct {
	Year workforce.FinancialYear
	// RatePounds is rate(f), pounds per weighted patient (e.g. 26.631 for 2025/26).
	RatePounds float64
	// Population is w(p) for the year (Carr-Hill, at 1 January before it).
	Population float64
	// Staff is the PCN's ARRS-funded staff records; Role "" (outside ARRS) is not
	// claimable.
	Staff []workforce.Staff
	// Plan is the lines of the PCN's current plan.
	Plan []workforce.PlanLine
	// AsOf is the day the staff data describes: plan lines whose quarter starts after
	// it are planned spend; earlier ones are already staff records.
	AsOf time.Time
	Caps Caps
	// Shares are the PCN's reimbursement shares (national, and its agreements); the
	// zero Shares answers with the built-in national table.
	Shares Shares
	// Approved are the PCN's commissioner-approved roles: a staff record naming one
	// (Staff.ApprovedRole) is claimed from the ARRS sum while it is in force, against
	// its cap, and not otherwise.
	Approved []workforce.ApprovedRole
	// PracticeGPCaps are the practice GP scheme's caps; London reports whether a
	// practice (by code; "" for the PCN's own plan lines) is in the London region.
	PracticeGPCaps PracticeGPCaps
	London         func(practice string) bool
}

// LineKind tells a staff record's funding line from a plan line's.
type LineKind string

// The kinds of funding line.
const (
	LineStaff LineKind = "staff"
	LinePlan  LineKind = "plan"
)

// FundingLine is the year's claims for one staff record, or for a plan line's
// starters or (Leavers) leavers.
type FundingLine struct {
	Kind  LineKind
	Index int // position in FundingInputs.Staff or .Plan
	Role  string
	// Stream is the money the post is paid from in the year (Staff.FundingStream,
	// PlanLine.FundingStream; a practice-scheme post in a year before the scheme is
	// its role's default, FundingInputs.StreamOf); Approved the approval an
	// ARRS-stream post outside the list is claimed under (0: none); Practice the
	// practice claiming a practice-scheme GP ("" for a plan line).
	Stream   workforce.Stream
	Approved int64
	Practice string
	// Leavers marks a plan line's leavers: the claims they would have made, negative.
	Leavers bool
	// MonthPence holds the claim of each month, April first, each rounded to the penny.
	// For an other-money line nothing is claimable: MonthPence is 0.
	MonthPence [12]workforce.Pence
	TotalPence workforce.Pence
	// CostMonthPence is what the post costs its employer each month: the annual cost
	// (the cap standing in when none is recorded, CostAssumed) × FTE / 12 × days in
	// post / days in month, uncapped, not shared, rounded to the penny per month;
	// negative for leavers. CostTotalPence is their sum.
	CostMonthPence [12]workforce.Pence
	CostTotalPence workforce.Pence
	// Months are what each month was worked from (LineMonth), and FTE the post's: a
	// backdated uplift works every month afresh from them (CashFlowYear), and the
	// claim schedule lists the cap and share of each month.
	Months [12]LineMonth
	FTE    float64
	// ShareAgreed: some month's share was set by the PCN's agreement.
	ShareAgreed bool
	// NotApproved: the record names an approval that is not one of this PCN's
	// (FundingInputs.Approved): nothing is claimable, its cost is still counted.
	NotApproved bool
	// CostPence is the annual cost per WTE the line is worked from (0: none known).
	CostPence workforce.Pence
	// Uncapped: some month had no known cap, the cost was claimed in full.
	Uncapped bool
	// CostAssumed: no cost was known, the cap stood in ("estimated at the cap").
	CostAssumed bool
	// Uncosted: some month had neither a cost nor a cap and was left out.
	Uncosted bool
	// CapFromBand: some month's cap was the band's (the role's own unknown or older);
	// BandAssumed: a mental health practitioner with no band, at band 5.
	CapFromBand, BandAssumed bool
}

// LineMonth is what one month of a funding line stands on.
type LineMonth struct {
	// Cap is the cap of the month's first day the month was worked against: the one
	// claimed against (the role's, the approval's or the practice GP scheme's), or on
	// other money the one standing in for a cost not recorded; Known false when none
	// is.
	Cap CapOn
	// Share is the reimbursement share of the month (1 on the practice scheme and for
	// an approved role); 0 on other money or with no approval.
	Share float64
	// InPost is the month's days in post; ClaimDays those the claim covers (the same,
	// but for an approved role the days also approved, and 0 when nothing is
	// claimable); Days the days of the month.
	InPost, ClaimDays, Days int
}

// Funding is a PCN's money for one financial year, in pence.
type Funding struct {
	Year             workforce.FinancialYear
	EntitlementPence workforce.Pence
	CommittedPence   workforce.Pence // claims for staff records over the days they are in post
	// PlannedPence is the plan's starters' claims minus its leavers': it can be negative.
	PlannedPence workforce.Pence
	// HeadroomPence is entitlement − committed − planned: negative is over-committed,
	// positive at year end is a forecast underspend (unspent money is not carried on).
	HeadroomPence workforce.Pence
	// Lines are every stream's lines; the totals above are the ARRS stream's.
	Lines []FundingLine
	// PracticeGP holds the practice-scheme lines' claims (its entitlement is the
	// practices', PracticeGPYear); Other the costs of posts on other money (nothing
	// is claimable from it, its entitlement is 0).
	PracticeGP, Other StreamTotals
}

// YearFunding works out a PCN's entitlement, committed and planned spend and headroom
// for a year (PLANNING.md, "Funding"), stream by stream ("Funding streams"). Where
// PLANNING.md is silent:
//   - committed covers every ARRS record for the days it is in post within the year
//     (to its end date), including days before the as-of date and future-dated records;
//   - planned covers lines whose quarter starts after AsOf and before the year ends,
//     from the later of the quarter start and 1 April: starters at the line's cost,
//     minus leavers at the line's cost, else the average cost of the PCN's staff in
//     post on AsOf in the role (leaverCost), else the cap;
//   - a staff record in an ARRS role or naming an approval gets a line of its stream
//     in the year (StreamOf: a practice-scheme GP in a year before the scheme is an
//     ARRS GP); other records (outside ARRS, no approval) get none; records and
//     lines with no day in post in the year get none;
//   - the ARRS totals (committed, planned, headroom) count the ARRS stream's lines
//     only; PracticeGP sums the practice scheme's claims, Other the costs of posts on
//     other money (fundingline.go says how each stream's months are worked).
func YearFunding(in FundingInputs) Funding {
	f := Funding{Year: in.Year, EntitlementPence: Entitlement(in.RatePounds, in.Population), Lines: make([]FundingLine, 0, in.maxLines())}
	for i, s := range in.Staff {
		if s.RoleCode != "" || s.ApprovedRole != 0 {
			f.addLine(in.postLine(LineStaff, i, s, in.StreamOf(s.FundingStream(), s.RoleCode, s.ApprovedRole)))
		}
	}
	f.addPlan(in)
	f.HeadroomPence = f.EntitlementPence - f.CommittedPence - f.PlannedPence
	return f
}

// StreamOf is the stream a post of stream (its own: Staff.FundingStream,
// PlanLine.FundingStream) in the role, or the approval, is claimed from in the year.
// The practice GP scheme exists in a year when its cap is known on the year's first
// day (PracticeGPCaps.InForce; it began on 1 April 2026, a year's first day): in a
// year before it, a practice-scheme post is claimed as its role's default stream
// (workforce.DefaultStream, the ARRS for a GP), so that the years before the scheme
// come out the same whichever stream a GP is on now.
func (in FundingInputs) StreamOf(stream workforce.Stream, role string, approved int64) workforce.Stream {
	if stream == workforce.StreamPracticeGP && !in.PracticeGPCaps.InForce(in.Year) {
		return workforce.DefaultStream(role, approved)
	}
	return stream
}
