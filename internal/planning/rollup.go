package planning

import (
	"cmp"
	"slices"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Report is the gap report at every level, each level sorted by code.
type Report struct {
	England Gap
	Regions []Gap
	ICBs    []Gap
	PCNs    []Gap
}

// GapReport computes the PCN rows and rolls them up to ICB, region and England.
func GapReport(in Inputs) Report {
	pcns := Gaps(in)
	return Report{
		England: Rollup(pcns, workforce.LevelEngland)[0],
		Regions: Rollup(pcns, workforce.LevelRegion),
		ICBs:    Rollup(pcns, workforce.LevelICB),
		PCNs:    pcns,
	}
}

// Rows returns the report's rows for one level (the England level has one row).
func (r Report) Rows(level workforce.Level) []Gap {
	switch level {
	case workforce.LevelEngland:
		return []Gap{r.England}
	case workforce.LevelRegion:
		return r.Regions
	case workforce.LevelICB:
		return r.ICBs
	case workforce.LevelPCN:
		return r.PCNs
	}
	return nil
}

// Rollup sums PCN rows into one row per area of the level, sorted by code
// (PLANNING.md, "Gap"): every FTE column is the sum of its PCNs', the shortfall too, so
// a PCN above its share does not cancel another's shortfall, and pcns_short counts the
// PCNs with a gap; the PCNs that made no return are counted too, so that every area
// figure says how many of its PCNs it counts as 0 FTE for want of a return. England always gets a row, even with no PCNs; LevelPCN returns a copy
// of the rows.
func Rollup(pcns []Gap, level workforce.Level) []Gap {
	if level == workforce.LevelPCN {
		return slices.Clone(pcns)
	}
	var areas []Gap
	index := make(map[string]int)
	if level == workforce.LevelEngland {
		areas, index[workforce.EnglandCode] = []Gap{{Level: workforce.LevelEngland, Code: workforce.EnglandCode}}, 0
	}
	for _, p := range pcns {
		code := areaCode(p, level)
		i, ok := index[code]
		if !ok {
			i = len(areas)
			index[code] = i
			areas = append(areas, newArea(p, level, code))
		}
		areas[i].add(p)
	}
	for i := range areas {
		areas[i].RequiredPace, areas[i].DeadlinePassed = RequiredPace(areas[i].ShortfallFTE, areas[i].MonthsLeft)
	}
	slices.SortFunc(areas, func(a, b Gap) int { return cmp.Compare(a.Code, b.Code) })
	return areas
}

// areaCode is the code of the area of the level that holds the PCN row.
func areaCode(p Gap, level workforce.Level) string {
	switch level {
	case workforce.LevelICB:
		return p.ICB
	case workforce.LevelRegion:
		return p.Region
	}
	return workforce.EnglandCode
}

// newArea starts an area's row; an ICB keeps its region as its parent.
func newArea(p Gap, level workforce.Level, code string) Gap {
	a := Gap{Level: level, Code: code}
	if level == workforce.LevelICB {
		a.Region = p.Region
	}
	return a
}

// add sums one PCN row into the area. MonthsLeft is the same for every row of a
// report, so the area takes it from its PCNs.
func (a *Gap) add(p Gap) {
	a.PCNs += p.PCNs
	a.ListSizePCNs += p.ListSizePCNs
	a.WeightedPopulation += p.WeightedPopulation
	a.TargetFTE += p.TargetFTE
	a.BaselineFTE += p.BaselineFTE
	a.InPostFTE += p.InPostFTE
	a.ProjectedFTE += p.ProjectedFTE
	a.AdditionalFTE += p.AdditionalFTE
	a.GapFTE += p.GapFTE
	a.ShortfallFTE += p.ShortfallFTE
	a.PCNsShort += p.PCNsShort
	a.NoReturnPCNs += p.NoReturnPCNs
	a.NoReturnShort += p.NoReturnShort
	a.MonthsLeft = p.MonthsLeft
	a.Unknown = a.Unknown.or(p.Unknown)
}
