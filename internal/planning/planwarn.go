package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// PlanChecks are what a plan's warnings are worked out from.
type PlanChecks struct {
	Lines []workforce.PlanLine // the version's lines; only those in Window are checked
	Roles []workforce.Role
	Caps  []workforce.Cap
	// BandCaps are the Agenda for Change bands' caps: a role's cap is the latest of its
	// own and its band's (Caps.On), as the money claims it.
	BandCaps []workforce.BandCap
	Window   workforce.PlanWindow
	// AsOf is the census date of InPost; zero when there is no census, and then no cap
	// on numbers is checked.
	AsOf     time.Time
	InPost   map[string]float64 // ARRS FTE in post by role on AsOf
	ListSize int                // the PCN's registered list, for the caps on numbers
}

// PlanWarning is something a saved plan should be checked for without being refused
// (issue 5, "Validation"): a line's annual cost above the role's cap, where the PCN
// pays the difference (CostPence above CapPence); or, when OverNumbers, more FTE of a
// role by the end of Quarter than a cap on numbers lets the scheme fund (FTE above
// LimitFTE); or, when OverStaff, more leavers of a role in Quarter (FTE) than the
// staff of the role in post then (LimitFTE, issue 13).
type PlanWarning struct {
	RoleCode            string
	Quarter             workforce.Quarter
	CostPence, CapPence workforce.Pence
	OverNumbers         bool
	OverStaff           bool
	FTE, LimitFTE       float64
}

// PlanWarnings checks a plan: the costs of its lines, in their order, then each
// role's caps on numbers, in the catalogue's order, then each role's leavers, by role
// and quarter.
func PlanWarnings(c PlanChecks) []PlanWarning {
	var out []PlanWarning
	caps := NewCaps(c.Caps, c.BandCaps)
	for _, l := range c.Window.Inside(c.Lines) {
		// Only the ARRS sum is claimed against the role's cap: a practice-scheme GP has
		// the scheme's own cap, and other money has none.
		if l.AnnualCostPence == nil || l.FundingStream() != workforce.StreamARRS {
			continue
		}
		if limit, ok := highestCapOn(caps, l.RoleCode, l.QuarterStart); ok && *l.AnnualCostPence > limit {
			out = append(out, PlanWarning{RoleCode: l.RoleCode, Quarter: workforce.QuarterOf(l.QuarterStart),
				CostPence: *l.AnnualCostPence, CapPence: limit})
		}
	}
	if c.AsOf.IsZero() {
		return out
	}
	for _, r := range c.Roles {
		if w, ok := numberWarning(c, r.Code); ok {
			out = append(out, w)
		}
	}
	for _, r := range c.Roles {
		out = append(out, leaverWarnings(c, r.Code)...)
	}
	return out
}

// numberWarning checks one role against its cap on numbers at the end of each quarter
// of the window: the FTE in post on the as-of date plus the plan's net starters since
// (before attrition, which is no one's plan). It warns once, at the first quarter over.
func numberWarning(c PlanChecks, role string) (PlanWarning, bool) {
	var mine []workforce.PlanLine
	for _, l := range c.Lines {
		if l.RoleCode == role && l.FundingStream() == workforce.StreamARRS {
			mine = append(mine, l)
		}
	}
	if len(mine) == 0 {
		return PlanWarning{}, false
	}
	for _, q := range c.Window {
		limit, ok := NumberCap(role, q.Year, c.ListSize)
		fte := c.InPost[role] + PlanNet(mine, c.AsOf, q.LastDay())
		if ok && fte > limit+1e-9 {
			return PlanWarning{RoleCode: role, Quarter: q, OverNumbers: true, FTE: fte, LimitFTE: limit}, true
		}
	}
	return PlanWarning{}, false
}

// highestCapOn is the highest cap of a role in force on a day over its variants (a plan
// line names no variant: a general practice nurse may be new to GP or experienced).
func highestCapOn(caps Caps, role string, d time.Time) (workforce.Pence, bool) {
	var top workforce.Pence
	known := false
	for _, v := range caps.variantsOf(role) {
		for _, band := range capBandsOf(role, v) {
			if c := caps.onVariant(role, v, band, d); c.Known {
				top, known = max(top, c.Pence), true
			}
		}
	}
	return top, known
}

// variantsOf lists the role's cap variants: "" and those of its own caps.
func (c Caps) variantsOf(role string) []string {
	out := []string{""}
	for k := range c.byKey {
		if k.role == role && k.variant != "" {
			out = append(out, k.variant)
		}
	}
	return out
}

// onVariant is Caps.On for a variant and band named outright: the latest figure on d
// among the role's own caps of the variant and the band's; the role's own on a tie.
func (c Caps) onVariant(role, variant, band string, d time.Time) CapOn {
	own, okOwn := latest(c.byKey[capKey{role, variant}], d)
	fromBand, okBand := latest(c.byBand[band], d)
	switch {
	case okBand && (!okOwn || fromBand.from.After(own.from)):
		return CapOn{Pence: fromBand.pence, Known: true, FromBand: true, Band: band}
	case okOwn:
		return CapOn{Pence: own.pence, Known: true}
	}
	return CapOn{}
}

// capBandsOf are the bands whose caps a post in the role, on the variant, may be
// claimed against (DOMAIN.md, "Cap groups"): a mental health practitioner the band of
// the post, 5 to 8a; an experienced general practice nurse band 6; any other its role's
// group.
func capBandsOf(role, variant string) []string {
	if role == "mental_health_practitioner" {
		return []string{"5", "6", "7", "8a"}
	}
	s := workforce.Staff{RoleCode: role}
	if variant == "experienced" {
		s.Band = "6"
	}
	band, _ := s.CapBand()
	return []string{band}
}
