package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// PlanChecks are what a plan's warnings are worked out from.
type PlanChecks struct {
	Lines  []workforce.PlanLine // the version's lines; only those in Window are checked
	Roles  []workforce.Role
	Caps   []workforce.Cap
	Window workforce.PlanWindow
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
	for _, l := range c.Window.Inside(c.Lines) {
		if l.AnnualCostPence == nil {
			continue
		}
		if limit, ok := highestCapOn(c.Caps, l.RoleCode, l.QuarterStart); ok && *l.AnnualCostPence > limit {
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
		if l.RoleCode == role {
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
func highestCapOn(caps []workforce.Cap, role string, d time.Time) (workforce.Pence, bool) {
	latest := map[string]workforce.Cap{}
	for _, c := range caps {
		if c.RoleCode == role && !c.EffectiveFrom.After(d) {
			if prev, ok := latest[c.Variant]; !ok || c.EffectiveFrom.After(prev.EffectiveFrom) {
				latest[c.Variant] = c
			}
		}
	}
	var top workforce.Pence
	for _, c := range latest {
		top = max(top, c.Pence)
	}
	return top, len(latest) > 0
}
