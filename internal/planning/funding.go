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
// basis × FTE / 12 × daysInPost / daysInMonth, rounded half away from zero to the
// penny, where basis is min(annual cost, cap) (see ClaimBasis).
func MonthlyClaim(basis workforce.Pence, fte float64, daysInPost, daysInMonth int) workforce.Pence {
	if daysInPost <= 0 || daysInMonth <= 0 {
		return 0
	}
	return workforce.Pence(roundPence(fte, 1, int64(basis)*int64(daysInPost), 12*int64(daysInMonth)))
}

// ClaimBasis is the annual amount per WTE a claim is worked from: min(cost, cap).
// Where no cap is known the actual cost is used and uncapped is set (PLANNING.md).
// Where the cost is not known (0 — NWRS carries no salaries) the cap stands in, as a
// PCN's ready reckoner assumes, and costAssumed is set; with neither it is 0.
func ClaimBasis(cost, limit workforce.Pence, capKnown bool) (basis workforce.Pence, uncapped, costAssumed bool) {
	switch {
	case !capKnown:
		return max(cost, 0), true, cost <= 0
	case cost <= 0:
		return limit, false, true
	}
	return min(cost, limit), false, false
}

// FundingInputs is what a PCN's funding for one financial year needs.
type FundingInputs struct {
	Year workforce.FinancialYear
	// RatePounds is rate(f), pounds per weighted patient (e.g. 26.631 for 2025/26).
	RatePounds float64
	// Population is w(p) for the year (Carr-Hill, at 1 January before it).
	Population float64
	// Staff is the PCN's staff records; Role "" (outside ARRS) is not claimable.
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

// FundingLine is the year's claims for one staff record or plan line.
type FundingLine struct {
	Kind  LineKind
	Index int // position in FundingInputs.Staff or .Plan
	Role  string
	// MonthPence holds the claim of each month, April first, each rounded to the penny.
	MonthPence  [12]workforce.Pence
	TotalPence  workforce.Pence
	Uncapped    bool // some month had no known cap: the actual cost was used
	CostAssumed bool // no actual cost was known: the cap was used
}

// Funding is a PCN's money for one financial year, in pence.
type Funding struct {
	Year             workforce.FinancialYear
	EntitlementPence workforce.Pence
	CommittedPence   workforce.Pence // claims for staff records over the days they are in post
	PlannedPence     workforce.Pence // claims for plan starters from their quarter start
	// HeadroomPence is entitlement − committed − planned: negative is over-committed,
	// positive at year end is a forecast underspend (unspent money is not carried on).
	HeadroomPence workforce.Pence
	Lines         []FundingLine
}

// YearFunding works out a PCN's entitlement, committed and planned spend and headroom
// for a year (PLANNING.md, "Funding"). Where PLANNING.md is silent:
//   - committed covers every ARRS record for the days it is in post within the year,
//     including days before the as-of date (already claimed) and future-dated records;
//   - planned covers the starters of lines whose quarter starts after AsOf and before
//     the year ends, from the later of the quarter start and 1 April, at the line's
//     annual cost; leavers are not netted off (PLANNING.md names starters only), so
//     planned spend is an upper bound;
//   - records and lines with no claimable day in the year get no line.
func YearFunding(in FundingInputs) Funding {
	f := Funding{Year: in.Year, EntitlementPence: Entitlement(in.RatePounds, in.Population)}
	for i, s := range in.Staff {
		if s.IsARRS() {
			f.addLine(claimLine(LineStaff, i, s, in.Year, in.Caps))
		}
	}
	lastDay := in.Year.End().AddDate(0, 0, -1)
	for i, l := range in.Plan {
		if l.RoleCode != "" && l.StartersFTE > 0 && inWindow(l.QuarterStart, in.AsOf, lastDay) {
			f.addLine(claimLine(LinePlan, i, starters(l), in.Year, in.Caps))
		}
	}
	f.HeadroomPence = f.EntitlementPence - f.CommittedPence - f.PlannedPence
	return f
}

// starters treats a plan line's starters as one record in post from the quarter start;
// an unknown cost is 0, as a record's.
func starters(l workforce.PlanLine) workforce.Staff {
	s := workforce.Staff{PCNCode: l.PCNCode, RoleCode: l.RoleCode, FTE: l.StartersFTE, Start: l.QuarterStart}
	if l.AnnualCostPence != nil {
		s.AnnualCostPence = *l.AnnualCostPence
	}
	return s
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
	l := FundingLine{Kind: kind, Index: index, Role: s.RoleCode}
	inYear := false
	for m, start := range year.MonthStarts() {
		next := start.AddDate(0, 1, 0)
		days := daysInPost(s, start, next)
		if days == 0 {
			continue
		}
		inYear = true
		capPence, capKnown := caps.On(s.RoleCode, s.CapVariant(), start)
		basis, uncapped, assumed := ClaimBasis(s.AnnualCostPence, capPence, capKnown)
		l.MonthPence[m] = MonthlyClaim(basis, s.FTE, days, workforce.Days(start, next))
		l.TotalPence += l.MonthPence[m]
		l.Uncapped = l.Uncapped || uncapped
		l.CostAssumed = l.CostAssumed || assumed
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
