package gaps

import (
	"cmp"
	"slices"

	"github.com/arrs-planner/arrs/web/ui"
)

// sortRows orders a gap table; ties go by code so the order is stable.
func sortRows(rows []Row, st ui.Sort) {
	num := func(get func(Row) float64) func(a, b Row) int {
		return func(a, b Row) int { return cmp.Compare(get(a), get(b)) }
	}
	key := map[string]func(a, b Row) int{
		SortName:       func(a, b Row) int { return cmp.Compare(a.Name, b.Name) },
		SortCode:       func(a, b Row) int { return cmp.Compare(a.Code, b.Code) },
		SortTarget:     num(func(r Row) float64 { return r.TargetFTE }),
		SortInPost:     num(func(r Row) float64 { return r.InPostFTE }),
		SortProjected:  num(func(r Row) float64 { return r.ProjectedFTE }),
		SortAdditional: num(func(r Row) float64 { return r.AdditionalFTE }),
		SortGap:        num(func(r Row) float64 { return r.GapFTE }),
		SortShortfall:  num(func(r Row) float64 { return r.ShortfallFTE }),
		SortShort:      num(func(r Row) float64 { return float64(r.PCNsShort) }),
		SortPace:       num(func(r Row) float64 { return r.Pace }),
	}[st.Key]
	slices.SortStableFunc(rows, func(a, b Row) int {
		c := key(a, b)
		if c == 0 {
			c = cmp.Compare(a.Code, b.Code)
			if st.Desc {
				c = -c // ties read by code ascending whichever way the column goes
			}
		}
		if st.Desc {
			return -c
		}
		return c
	})
}
