package needreport

import (
	"slices"
	"strings"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// areas sums the PCNs' rows into their ICBs, regions and England (a PCN placed in no
// ICB counts in England only), each area's ratio and limits from its sums.
func (r *Report) areas() {
	icbs, regions := map[string]*Row{}, map[string]*Row{}
	r.England = Row{Level: workforce.LevelEngland, Code: workforce.EnglandCode, Name: "England", Known: r.Known, Denominator: need.List}
	for _, p := range r.PCNs {
		r.England.add(p)
		if p.ICB != "" {
			area(icbs, workforce.LevelICB, p.ICB, p.Region).add(p)
		}
		if p.Region != "" {
			area(regions, workforce.LevelRegion, "", p.Region).add(p)
		}
	}
	r.England.ratio()
	r.ICBs = r.sorted(icbs)
	r.Regions = r.sorted(regions)
}

// area is the row of an ICB (icb set) or a region in m, started on first use.
func area(m map[string]*Row, level workforce.Level, icb, region string) *Row {
	code := icb
	if level == workforce.LevelRegion {
		code = region
	}
	a, ok := m[code]
	if !ok {
		a = &Row{Level: level, Code: code, ICB: icb, Region: region, Denominator: need.List}
		m[code] = a
	}
	return a
}

// add sums one PCN's row into an area's: need is the area's denominator when any of
// its PCNs uses need.
func (a *Row) add(p Row) {
	a.Known = p.Known
	a.Registered += p.Registered
	a.Need += p.Need
	a.Observed += p.Observed
	a.Expected += p.Expected
	a.NoReturns += p.NoReturns
	a.StandIns += p.StandIns
	if p.Denominator == need.Need {
		a.Denominator = need.Need
	}
}

// sorted is the areas of m by code, named from the tree, each with its ratio.
func (r *Report) sorted(m map[string]*Row) []Row {
	out := make([]Row, 0, len(m))
	for _, a := range m {
		a.Name = r.areaName(a.Level, a.Code)
		a.ratio()
		out = append(out, *a)
	}
	slices.SortFunc(out, func(a, b Row) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// areaName is an ICB's or a region's name in the tree ("" when it has none).
func (r *Report) areaName(level workforce.Level, code string) string {
	if level == workforce.LevelRegion {
		reg, _ := r.Tree.Region(code)
		return reg.Name
	}
	icb, _ := r.Tree.ICB(code)
	return icb.Name
}
