package server

import (
	"cmp"
	"slices"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// summary is an area's headline.
func summary(res *gaps.Result, g planning.Gap) gapsweb.Summary {
	return gapsweb.Summary{
		TargetName: res.Target.Name, TargetFTE: res.Target.FTE, FairShare: g.TargetFTE,
		Baseline: res.Target.Baseline, Deadline: res.Target.Deadline, AsOf: res.AsOf, At: res.At,
		BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
		AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
		PCNs: g.PCNs, PCNsShort: g.PCNsShort, Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
	}
}

// gapRows names the rows and links each to its own page, keeping the what-if.
func gapRows(res *gaps.Result, rows []planning.Gap, q map[string][]string) []gapsweb.Row {
	out := make([]gapsweb.Row, len(rows))
	for i, g := range rows {
		out[i] = gapsweb.Row{
			Code: g.Code, Name: res.Name(g.Level, g.Code), Href: gapHref(g, q),
			PCNs: g.PCNs, PCNsShort: g.PCNsShort,
			TargetFTE: g.TargetFTE, BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
			AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
			Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
		}
	}
	return out
}

// gapHref is where an area's row leads: an ICB to its gap page, a PCN to its
// overview (whose panel reads the same what-if); a region to nothing, its ICBs being
// one click away in the ICB table.
func gapHref(g planning.Gap, q map[string][]string) string {
	switch g.Level {
	case workforce.LevelICB:
		return withQuery("/gaps/icbs/"+g.Code, q)
	case workforce.LevelPCN:
		return withQuery("/pcns/"+g.Code, q)
	}
	return ""
}

// laterDeadline offers, when the deadline is before the as-of date, the same page
// with the deadline at the end of the next financial year.
func laterDeadline(path string, q map[string][]string, res *gaps.Result) string {
	if !res.At.Before(res.AsOf) {
		return ""
	}
	next := (workforce.FinancialYearOf(res.AsOf) + 1).End().AddDate(0, 0, -1)
	return withQuery(path, merged(q, gapsweb.FieldDeadline, next.Format(workforce.DateLayout)))
}

// sortRows orders a gap table; ties go by code so the order is stable.
func sortRows(rows []gapsweb.Row, st ui.Sort) {
	num := func(get func(gapsweb.Row) float64) func(a, b gapsweb.Row) int {
		return func(a, b gapsweb.Row) int { return cmp.Compare(get(a), get(b)) }
	}
	key := map[string]func(a, b gapsweb.Row) int{
		gapsweb.SortName:       func(a, b gapsweb.Row) int { return cmp.Compare(a.Name, b.Name) },
		gapsweb.SortCode:       func(a, b gapsweb.Row) int { return cmp.Compare(a.Code, b.Code) },
		gapsweb.SortTarget:     num(func(r gapsweb.Row) float64 { return r.TargetFTE }),
		gapsweb.SortInPost:     num(func(r gapsweb.Row) float64 { return r.InPostFTE }),
		gapsweb.SortProjected:  num(func(r gapsweb.Row) float64 { return r.ProjectedFTE }),
		gapsweb.SortAdditional: num(func(r gapsweb.Row) float64 { return r.AdditionalFTE }),
		gapsweb.SortGap:        num(func(r gapsweb.Row) float64 { return r.GapFTE }),
		gapsweb.SortShortfall:  num(func(r gapsweb.Row) float64 { return r.ShortfallFTE }),
		gapsweb.SortShort:      num(func(r gapsweb.Row) float64 { return float64(r.PCNsShort) }),
		gapsweb.SortPace:       num(func(r gapsweb.Row) float64 { return r.Pace }),
	}[st.Key]
	slices.SortStableFunc(rows, func(a, b gapsweb.Row) int {
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
