package gaps

import (
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// WithDraft is one PCN's row of the report as it would be with the lines of its draft
// in place of its current plan's: the figure its own plan and dashboard pages show
// labelled "with your draft" (PLANNING.md, "Drafts stay private"). It is never part of
// the report, whose figures stay official. The fair share and the baseline are the
// report's: a plan changes neither. ok is false when the PCN is not in the report.
func (r *Result) WithDraft(code string, draft []workforce.PlanLine) (g planning.Gap, ok bool) {
	for _, row := range r.PCNs {
		if row.Code == code {
			g, ok = row, true
			break
		}
	}
	if !ok {
		return g, false
	}
	staff, _ := r.ForPCN(code)
	return g.WithProjected(planning.Projected(staff, draft, r.Inputs.AttritionRate, r.AsOf, r.At)), true
}
