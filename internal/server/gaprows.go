package server

import (
	"net/url"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"

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
func gapRows(res *gaps.Result, rows []planning.Gap, q url.Values) []gapsweb.Row {
	out := make([]gapsweb.Row, len(rows))
	for i, g := range rows {
		out[i] = gapsweb.Row{
			Code: g.Code, Name: res.Name(g.Level, g.Code), Href: gapsweb.RowHref(g.Level, g.Code, q),
			PCNs: g.PCNs, PCNsShort: g.PCNsShort,
			TargetFTE: g.TargetFTE, BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
			AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
			Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
		}
	}
	return out
}
