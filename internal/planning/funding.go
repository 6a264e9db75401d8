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
// share the role's reimbursement share (workforce.ReimbursementShare; 1 for a cost).
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
	// Leavers marks a plan line's leavers: the claims they would have made, negative.
	Leavers bool
	// MonthPence holds the claim of each month, April first, each rounded to the penny.
	MonthPence [12]workforce.Pence
	TotalPence workforce.Pence
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
	Lines         []FundingLine
}

// YearFunding works out a PCN's entitlement, committed and planned spend and headroom
// for a year (PLANNING.md, "Funding"). Where PLANNING.md is silent:
//   - committed covers every ARRS record for the days it is in post within the year
//     (to its end date), including days before the as-of date and future-dated records;
//   - planned covers lines whose quarter starts after AsOf and before the year ends,
//     from the later of the quarter start and 1 April: starters at the line's cost,
//     minus leavers at the line's cost, else the average cost of the PCN's staff in
//     post on AsOf in the role (leaverCost), else the cap;
//   - records and lines with no claimable day in the year get no line.
func YearFunding(in FundingInputs) Funding {
	f := Funding{Year: in.Year, EntitlementPence: Entitlement(in.RatePounds, in.Population)}
	for i, s := range in.Staff {
		if s.IsARRS() {
			f.addLine(claimLine(LineStaff, i, s, in.Year, in.Caps))
		}
	}
	f.addPlan(in)
	f.HeadroomPence = f.EntitlementPence - f.CommittedPence - f.PlannedPence
	return f
}

// addLine keeps a line with something to claim and adds it to its total.
func (f *Funding) addLine(l FundingLine, inYear bool) {
	if !inYear {
		return
	}
	f.Lines = append(f.Lines, l)
	if l.Kind == LineStaff {
		f.CommittedPence += l.TotalPence
	} else {
		f.PlannedPence += l.TotalPence
	}
}

// claimLine is the monthly claims of one post over the year; inYear is false when the
// post has no day in post in the year.
func claimLine(kind LineKind, index int, s workforce.Staff, year workforce.FinancialYear, caps Caps) (FundingLine, bool) {
	l := FundingLine{Kind: kind, Index: index, Role: s.RoleCode, CostPence: max(s.AnnualCostPence, 0)}
	inYear := false
	for m, start := range year.MonthStarts() {
		next := start.AddDate(0, 1, 0)
		days := daysInPost(s, start, next)
		if days == 0 {
			continue
		}
		inYear = true
		c := caps.On(s, start)
		b := ClaimBasis(s.AnnualCostPence, c)
		share := workforce.ReimbursementShare(s.RoleCode, start)
		l.MonthPence[m] = MonthlyClaim(b.Pence, share, s.FTE, days, workforce.Days(start, next))
		l.TotalPence += l.MonthPence[m]
		l.Uncapped = l.Uncapped || b.Uncapped
		l.CostAssumed = l.CostAssumed || b.Estimated
		l.Uncosted = l.Uncosted || b.Uncosted
		l.CapFromBand = l.CapFromBand || (c.FromBand && !b.Uncapped && !b.Uncosted)
		l.BandAssumed = l.BandAssumed || (c.BandAssumed && c.Known)
	}
	return l, inYear
}

// daysInPost counts the days of [from, to) on which the record is in post.
func daysInPost(s workforce.Staff, from, to time.Time) int {
	first := later(s.Start, from)
	end := to
	if !s.End.IsZero() {
		end = earlier(s.End, to)
	}
	return max(0, workforce.Days(first, end))
}
