package gaps

import (
	"net/url"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// NewSummary is the headline of g, a row of the gap report computed from in: the
// target (after any what-if) and the days come from in, whose At is resolved (as
// gaps.Compute leaves it).
func NewSummary(in planning.Inputs, g planning.Gap) Summary {
	t := in.Target
	return Summary{
		TargetName: ui.Figures(t.Name), TargetFTE: t.FTE, FairShare: g.TargetFTE, Baseline: t.Baseline, Deadline: t.Deadline,
		AsOf: in.AsOf, At: in.At,
		BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
		AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
		PCNs: g.PCNs, PCNsShort: g.PCNsShort, Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
		MeasuredOnLatest: !t.Deadline.After(in.AsOf),
		NoReturnPCNs:     g.NoReturnPCNs, NoReturnShort: g.NoReturnShort,
		ByListSize: g.ListSizePCNs == g.PCNs, ByWeighted: g.ListSizePCNs == 0,
		Unknown: g.Unknown, DataStart: in.DataStart, CensusNeeded: planning.CensusNeeded(earlier(in.At, in.AsOf)),
	}
}

// NewRows are the report's rows as a table shows them, each named by name and linked
// to its own page keeping the what-if q.
func NewRows(rows []planning.Gap, name func(workforce.Level, string) string, q url.Values) []Row {
	out := make([]Row, len(rows))
	for i, g := range rows {
		out[i] = Row{
			Code: g.Code, Name: name(g.Level, g.Code), Href: RowHref(g.Level, g.Code, q), RegionCode: g.Region, ICBCode: g.ICB,
			PCNs: g.PCNs, PCNsShort: g.PCNsShort, NoReturn: g.NoReturnPCNs, IsPCN: g.Level == workforce.LevelPCN,
			TargetFTE: g.TargetFTE, BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
			AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
			Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed, Unknown: g.Unknown,
		}
	}
	return out
}
