package needreport

import (
	"cmp"
	"slices"
	"strings"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// rows fills every level's rows: each PCN of the tree (by code) with its need and
// observed FTE, England's FTE, then the areas summed from their PCNs.
func (r *Report) rows(obs observed) {
	pcns := slices.Clone(r.Tree.PCNs)
	slices.SortFunc(pcns, func(a, b workforce.PCN) int { return strings.Compare(a.Code, b.Code) })
	r.PCNs = make([]Row, len(pcns))
	for i, p := range pcns {
		r.PCNs[i] = r.pcnRow(p, obs)
		r.EnglandFTE += r.PCNs[i].Observed
	}
	for i := range r.PCNs {
		r.PCNs[i].finish(r.EnglandFTE, r.Need.TotalNeed)
	}
	r.areas()
}

// pcnRow is one PCN's row before its expected FTE: need, denominator and what was
// observed.
func (r *Report) pcnRow(p workforce.PCN, obs observed) Row {
	n := r.Need.PCNs[p.Code]
	row := Row{Level: workforce.LevelPCN, Code: p.Code, Name: p.Name, ICB: p.ICBCode, Region: r.Tree.RegionOf(p),
		Registered: n.Registered, Need: n.Need, Denominator: n.Denominator, Known: r.Known, StandIns: n.StandIns}
	if r.Known {
		row.Observed = obs.fte[p.Code]
		row.NoReturn = obs.noReturn[p.Code]
		if row.NoReturn {
			row.NoReturns = 1
		}
	}
	return row
}

// finish works out a PCN's expected FTE from England's (its share of Σ need).
func (row *Row) finish(englandFTE, totalNeed float64) {
	if row.Known {
		row.Expected = need.Expected(englandFTE, row.Need, totalNeed)
	}
	row.ratio()
}

// ratio works out the ratio, its funnel limits and the flags from Observed and
// Expected; no ratio when Expected is 0 or nothing is known.
func (row *Row) ratio() {
	if !row.Known || !(row.Expected > 0) {
		return
	}
	row.HasRatio = true
	row.Ratio = row.Observed / row.Expected
	row.Limits = need.FunnelLimits(row.Expected)
	row.Outside998 = row.Limits.Outside998(row.Ratio)
	row.Outside95 = row.Limits.Outside95(row.Ratio)
}

// Rows is the report's rows at level (England is one row); nil for a level it does not
// know.
func (r *Report) Rows(level workforce.Level) []Row {
	switch level {
	case workforce.LevelEngland:
		return []Row{r.England}
	case workforce.LevelRegion:
		return r.Regions
	case workforce.LevelICB:
		return r.ICBs
	case workforce.LevelPCN:
		return r.PCNs
	}
	return nil
}

// PCN is one PCN's row; false when the report has none.
func (r *Report) PCN(code string) (Row, bool) {
	i, ok := slices.BinarySearchFunc(r.PCNs, code, func(row Row, c string) int { return strings.Compare(row.Code, c) })
	if !ok {
		return Row{}, false
	}
	return r.PCNs[i], true
}

// Outliers is England's PCNs outside the 99.8% limits, lowest ratio first, then by
// code: the one order /need lists them in and the comparison counts.
func (r *Report) Outliers() []Row {
	var out []Row
	for _, row := range r.PCNs {
		if row.Outside998 {
			out = append(out, row)
		}
	}
	slices.SortFunc(out, func(a, b Row) int { return cmp.Or(cmp.Compare(a.Ratio, b.Ratio), strings.Compare(a.Code, b.Code)) })
	return out
}
