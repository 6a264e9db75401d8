package gaps

import (
	"slices"

	"github.com/arrs-planner/arrs/internal/planning"
)

// PCNsOfICB is the rows of the ICB's PCNs, by code as the report keeps them; ok is
// false when the report has no such ICB. The ICB's page offers them as a download, and
// `arrs report gaps --icb` writes the same rows.
func (r *Result) PCNsOfICB(icb string) (rows []planning.Gap, ok bool) {
	if !slices.ContainsFunc(r.ICBs, func(g planning.Gap) bool { return g.Code == icb }) {
		return nil, false
	}
	for _, g := range r.PCNs {
		if g.ICB == icb {
			rows = append(rows, g)
		}
	}
	return rows, true
}
