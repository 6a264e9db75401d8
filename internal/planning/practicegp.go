package planning

import (
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The practice-level GP reimbursement scheme (PLANNING.md, "Funding streams"): each
// practice's entitlement is round(rate × adjusted population × 100) pence (the
// registered list on 1 January before the year stands in for the adjusted population,
// flagged); a practice-scheme GP is claimed against the scheme's cap per WTE (London's
// for a practice in the London region), reimbursed in full; a PCN's figure is its member
// practices'.

// PracticeGPCaps answers the scheme's cap on a day, for London or elsewhere.
type PracticeGPCaps struct {
	london, rest []dated
}

// NewPracticeGPCaps indexes the scheme's caps by date, London's apart.
func NewPracticeGPCaps(caps []workforce.PracticeGPCap) PracticeGPCaps {
	var c PracticeGPCaps
	for _, x := range caps {
		if x.London {
			c.london = append(c.london, dated{x.EffectiveFrom, x.Pence})
		} else {
			c.rest = append(c.rest, dated{x.EffectiveFrom, x.Pence})
		}
	}
	sortDated(c.london)
	sortDated(c.rest)
	return c
}

// On is the cap in force on day d: the latest figure on or before d, London's for a
// London practice; a London practice with no London figure in force yet is held to the
// figure elsewhere (the lower, so nothing is over-claimed). Known is false before the
// first figure.
func (c PracticeGPCaps) On(london bool, d time.Time) CapOn {
	if london {
		if x, ok := latest(c.london, d); ok {
			return CapOn{Pence: x.pence, Known: true}
		}
	}
	if x, ok := latest(c.rest, d); ok {
		return CapOn{Pence: x.pence, Known: true}
	}
	return CapOn{}
}

// InForce reports whether the scheme exists in year y: its cap (outside London; the
// London figure alone is not the scheme) is known on the year's first day. The scheme
// began on 1 April 2026, a year's first day, so a year has it in every month or in
// none.
func (c PracticeGPCaps) InForce(y workforce.FinancialYear) bool {
	return c.On(false, y.Start()).Known
}

// PracticeInput is a member practice as the scheme and the practice split need it.
type PracticeInput struct {
	Code, Name string
	// List is the registered list on the population day (1 January before the year);
	// ListKnown false when no publication gives one: "no data", never 0.
	List      int
	ListKnown bool
	// ListDay is the extract date the list is from.
	ListDay time.Time
	// London is true for a practice in the London region (the higher cap).
	London bool
}

// PracticeGPPractice is one practice's year in the scheme.
type PracticeGPPractice struct {
	Practice PracticeInput
	// EntitlementPence is round(rate × list × 100); Known false when the list or the
	// year's rate is not known (the practice is then left out of the PCN's
	// entitlement, and counted): "no data", never £0.
	EntitlementPence workforce.Pence
	Known            bool
	// CommittedPence is the year's claims of practice-scheme GPs in post who name the
	// practice; HeadroomPence = entitlement − committed (valid only when Known).
	CommittedPence, HeadroomPence workforce.Pence
}

// PracticeGPFunding is a PCN's practice GP scheme for a year: its member practices'
// entitlements and claims. Plan lines name no practice (PLANNING.md, "File formats"),
// so planned claims are the PCN's, not any one practice's.
type PracticeGPFunding struct {
	// RatePounds is the year's rate per patient; RateKnown is false when there is none
	// (RatePounds <= 0): every practice's entitlement is then unknown, so that "no
	// rate" is told from "no lists" (Unknown alone counts both).
	RatePounds float64
	RateKnown  bool
	Practices  []PracticeGPPractice
	// EntitlementPence sums the practices whose entitlement is known; Unknown counts
	// the rest (all of them without a rate). The PCN's entitlement, and so its
	// HeadroomPence, is a figure only when Unknown is 0 or the caller says "excluding".
	EntitlementPence workforce.Pence
	Unknown          int
	// CommittedPence and PlannedPence sum the practice-scheme lines of the year
	// (Funding.Lines with Stream StreamPracticeGP); HeadroomPence = entitlement −
	// committed − planned.
	CommittedPence, PlannedPence, HeadroomPence workforce.Pence
}

// PracticeGPYear works out the scheme for a PCN's year from its member practices and
// the year's funding lines (Funding.Lines: lines of other streams are passed over), at
// ratePounds (<= 0: no rate known for the year, and no practice's entitlement). A
// staff line's practice is staffPractice(line), FundingLine.Practice when
// staffPractice is nil. Practices come out sorted by code. A practice-scheme GP naming
// a practice not given (no longer a member) counts in the PCN's committed claims but
// in no practice's.
func PracticeGPYear(ratePounds float64, practices []PracticeInput, lines []FundingLine, staffPractice func(FundingLine) string) PracticeGPFunding {
	if staffPractice == nil {
		staffPractice = func(l FundingLine) string { return l.Practice }
	}
	out := PracticeGPFunding{RatePounds: ratePounds, RateKnown: ratePounds > 0}
	byPractice := make(map[string]workforce.Pence)
	for _, l := range lines {
		switch {
		case l.Stream != workforce.StreamPracticeGP:
		case l.Kind == LineStaff:
			byPractice[staffPractice(l)] += l.TotalPence
			out.CommittedPence += l.TotalPence
		default:
			out.PlannedPence += l.TotalPence
		}
	}
	for _, p := range sortedPractices(practices) {
		out.add(practiceGP(ratePounds, out.RateKnown, p, byPractice[p.Code]))
	}
	out.HeadroomPence = out.EntitlementPence - out.CommittedPence - out.PlannedPence
	return out
}

// practiceGP is one practice's entitlement, committed claims and headroom.
func practiceGP(ratePounds float64, rateKnown bool, p PracticeInput, committed workforce.Pence) PracticeGPPractice {
	out := PracticeGPPractice{Practice: p, Known: rateKnown && p.ListKnown, CommittedPence: committed}
	if out.Known {
		out.EntitlementPence = Entitlement(ratePounds, float64(p.List))
		out.HeadroomPence = out.EntitlementPence - committed
	}
	return out
}

// add counts a practice in the PCN's entitlement, or among the unknown.
func (f *PracticeGPFunding) add(p PracticeGPPractice) {
	f.Practices = append(f.Practices, p)
	if p.Known {
		f.EntitlementPence += p.EntitlementPence
	} else {
		f.Unknown++
	}
}

// sortedPractices is a copy of the practices in order of code.
func sortedPractices(ps []PracticeInput) []PracticeInput {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b PracticeInput) int { return strings.Compare(a.Code, b.Code) })
	return out
}
