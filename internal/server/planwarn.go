package server

import (
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planWarnings are what a saved plan should be checked for without being refused
// (issue 5, "Validation"): a cost above the role's cap, where the PCN pays the
// difference; and more of a role than a cap on numbers lets the scheme fund.
func planWarnings(lines []store.PlanLine, roles []workforce.Role, caps []workforce.Cap, window []planning.Quarter, n planNumbers, listSize int) []plan.Warning {
	var out []plan.Warning
	names := planRoleNames(roles)
	for _, l := range lines {
		if l.AnnualCostPence == nil || !inPlanWindow(window, l.QuarterStart) {
			continue
		}
		if limit, ok := highestCapOn(caps, l.RoleCode, l.QuarterStart); ok && *l.AnnualCostPence > limit {
			q := planning.QuarterOf(l.QuarterStart)
			out = append(out, plan.Warning{
				Text: fmt.Sprintf("%s, %s: %s a year is above the cap of %s, so the PCN pays the difference", names[l.RoleCode], q, pounds(*l.AnnualCostPence), pounds(limit)),
				Href: "#" + cellKey{l.RoleCode, q}.field("c")})
		}
	}
	if n.asOf.IsZero() {
		return out
	}
	for _, r := range roles {
		if w, ok := numberWarning(r, lines, window, n, listSize); ok {
			out = append(out, w)
		}
	}
	return out
}

// numberWarning checks one role against its cap on numbers at the end of each quarter
// of the window: the FTE in post on the as-of date plus the plan's net starters since
// (before attrition, which is no one's plan). It warns once, at the first quarter over.
func numberWarning(r workforce.Role, lines []store.PlanLine, window []planning.Quarter, n planNumbers, listSize int) (plan.Warning, bool) {
	var mine []planning.PlanLine
	for _, l := range planningPlanLines("", lines) {
		if l.Role == r.Code {
			mine = append(mine, l)
		}
	}
	if len(mine) == 0 {
		return plan.Warning{}, false
	}
	for _, q := range window {
		limit, ok := planning.NumberCap(r.Code, q.Year, listSize)
		fte := n.inPost[r.Code] + planning.PlanNet(mine, n.asOf, planQuarterEnd(q))
		if ok && fte > limit+1e-9 {
			return plan.Warning{
				Text: fmt.Sprintf("%s: %s FTE by the end of %s, more than the %s per PCN the scheme has funded; check the contract before recruiting", r.Name, ui.Decimal(fte, 2), q, ui.Decimal(limit, 0)),
				Href: "#" + cellKey{r.Code, q}.field("s")}, true
		}
	}
	return plan.Warning{}, false
}

// highestCapOn is the highest cap of a role in force on a day over its variants (a plan
// line names no variant: a general practice nurse may be new to GP or experienced).
func highestCapOn(caps []workforce.Cap, role string, d time.Time) (int64, bool) {
	latest := map[string]workforce.Cap{}
	for _, c := range caps {
		if c.RoleCode == role && !c.EffectiveFrom.After(d) {
			if prev, ok := latest[c.Variant]; !ok || c.EffectiveFrom.After(prev.EffectiveFrom) {
				latest[c.Variant] = c
			}
		}
	}
	var top int64
	for _, c := range latest {
		top = max(top, c.Pence)
	}
	return top, len(latest) > 0
}

func planRoleNames(roles []workforce.Role) map[string]string {
	m := make(map[string]string, len(roles))
	for _, r := range roles {
		m[r.Code] = r.Name
	}
	return m
}

func planRoleOrder(roles []workforce.Role) map[string]int {
	m := make(map[string]int, len(roles))
	for i, r := range roles {
		m[r.Code] = i
	}
	return m
}
