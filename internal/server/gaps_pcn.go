package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/pcn"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// pcnGapPanel is the network's fair share and projection for its overview, under the
// what-if of the address if it carries one (a link from a gap page keeps it). Before
// any import, or with no target set, there is no panel.
func (s *Server) pcnGapPanel(r *http.Request, code string) (*pcn.GapPanel, error) {
	figs, form, err := s.gapsWithoutForm(r, "The what-if in this address cannot be used: ")
	if err != nil {
		return nil, err
	}
	if figs.data == nil {
		return nil, nil
	}
	res := figs.data.res
	g, ok := gaps.Find(res.PCNs, code)
	if !ok {
		return nil, nil
	}
	p := &pcn.GapPanel{
		TargetName: res.Target.Name, TargetFTE: res.Target.FTE, Baseline: res.Target.Baseline, Deadline: res.Target.Deadline,
		AsOf: res.AsOf, At: res.At, FairShare: g.TargetFTE, BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE,
		ProjectedFTE: g.ProjectedFTE, AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, Shortfall: g.ShortfallFTE,
		Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
		ListSize: g.ListSizePCNs > 0, Patients: int(g.WeightedPopulation), ListSizePCNs: res.ListSizePCNs(), PCNs: res.England.PCNs,
		WhatIf: form.Active(), GapsHref: gapsweb.Link(gapsweb.ICBHref(g.ICB), gapsweb.WhatIfQuery(r.URL.Query())),
	}
	for _, pt := range res.ProjectionOf(code) {
		p.Projection = append(p.Projection, pcn.ProjectionPoint{Day: pt.Day, Quarter: workforce.QuarterOf(pt.Day).String(), FTE: pt.Projected})
	}
	return p, nil
}
