package areas

import (
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// noReturnIn counts the PCNs of area a (England, a region, an ICB) in none, the PCNs
// that made no return: a PCN's parent is its ICB, an ICB's its region.
func noReturnIn(all *workforce.Areas, a workforce.AreaFTE, none map[string]bool) int {
	if len(none) == 0 {
		return 0
	}
	region := make(map[string]string, len(all.ICBs))
	for _, icb := range all.ICBs {
		region[icb.Code] = icb.Parent
	}
	n := 0
	for _, p := range all.PCNs {
		if !none[p.Code] {
			continue
		}
		switch a.Level {
		case workforce.LevelEngland:
			n++
		case workforce.LevelRegion:
			if region[p.Parent] == a.Code {
				n++
			}
		case workforce.LevelICB:
			if p.Parent == a.Code {
				n++
			}
		case workforce.LevelPCN:
			if p.Code == a.Code {
				n++
			}
		}
	}
	return n
}

// noReturnText says how many of the area's PCNs made no return for the census, e.g.
// "24 of 1,297 PCNs made no return in the census of 30 November 2025", or that all
// made one. They count 0 FTE, as NHS England's published totals do (PLANNING.md, "No
// return"). "" when no imported census describes the page's day.
func (p Page) noReturnText() string {
	if p.NoReturnCensus.IsZero() {
		return ""
	}
	census := " in the census of " + p.NoReturnCensus.Format("2 January 2006")
	if p.NoReturn == 0 {
		if p.PCNs == 1 {
			return "None: its PCN made a return" + census
		}
		return "None: all " + ui.Plural(p.PCNs, "PCN", "PCNs") + " made a return" + census
	}
	return ui.Count(p.NoReturn) + " of " + ui.Plural(p.PCNs, "PCN", "PCNs") + " made no return" + census + "; " +
		pronoun(p.NoReturn) + " 0 FTE, as in NHS England's published totals"
}

// pronoun is the subject of "counts 0 FTE" for n PCNs.
func pronoun(n int) string {
	if n == 1 {
		return "it counts"
	}
	return "each counts"
}
