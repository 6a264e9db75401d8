package funding

import (
	"slices"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// AreaYear is one area's ARRS money for a financial year: the sum of its PCNs' figures
// (PLANNING.md, "Funding report"), each worked to the penny as the PCN's funding page
// works it, so a PCN's row is its page's figures and an ICB's the sum of its PCNs'.
type AreaYear struct {
	Level workforce.Level
	Code  string
	Name  string
	Year  workforce.FinancialYear
	// Entitlement, Committed, Planned and Headroom are in pence; Headroom is
	// Entitlement − Committed − Planned.
	Entitlement, Committed, Planned, Headroom workforce.Pence
	// Estimated counts records and plan lines costed at their cap (no cost recorded);
	// Uncosted those with neither a cost nor a cap, left out of the totals.
	Estimated, Uncosted int
	// Partial is true when the year starts before the staff data (DataStart, the
	// first census): Committed and Headroom then stand on months that are not known
	// and are reported as not known (PCNYear.Partial).
	Partial   bool
	DataStart time.Time
}

// Areas sums res's PCN years of year into one row per area of level, sorted by code.
// A PCN counts in its ICB and region as the tree places it.
func Areas(res *Result, tree *workforce.Tree, level workforce.Level, year workforce.FinancialYear) []AreaYear {
	rows := map[string]*AreaYear{}
	for _, p := range tree.PCNs {
		y, ok := res.For(p.Code, year)
		if !ok {
			continue
		}
		code, name := areaOf(tree, level, p)
		row := rows[code]
		if row == nil {
			row = &AreaYear{Level: level, Code: code, Name: name, Year: year}
			rows[code] = row
		}
		row.add(y)
	}
	out := make([]AreaYear, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b AreaYear) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// add counts a PCN's year in the area.
func (a *AreaYear) add(y PCNYear) {
	f := y.Funding
	a.Entitlement += f.EntitlementPence
	a.Committed += f.CommittedPence
	a.Planned += f.PlannedPence
	a.Headroom += f.HeadroomPence
	staff, plan := y.CostsAssumed()
	a.Estimated += staff + plan
	a.Uncosted += y.Uncosted()
	if y.Partial() {
		a.Partial, a.DataStart = true, y.DataStart
	}
}

// areaOf is the code and name of the area of level that holds PCN p.
func areaOf(tree *workforce.Tree, level workforce.Level, p workforce.PCN) (code, name string) {
	switch level {
	case workforce.LevelPCN:
		return p.Code, p.Name
	case workforce.LevelICB:
		icb, _ := tree.ICB(p.ICBCode)
		return p.ICBCode, icb.Name
	case workforce.LevelRegion:
		code := tree.RegionOf(p)
		r, _ := tree.Region(code)
		return code, r.Name
	}
	return workforce.EnglandCode, "England"
}
