package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/internal/gaps"
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
	standIn := pcn.StandIn{Denominator: res.Denominator, NeedListPCNs: res.NeedListPCNs}
	if info, ok := res.Tree.PCN(code); ok {
		standIn.List = info.RegisteredPatients
	}
	p := pcn.NewGapPanel(res.Inputs, res.England, g, res.ProjectionOf(code), standIn)
	p.WhatIf, p.GapsHref = form.Active(), gapsweb.Link(gapsweb.ICBHref(g.ICB), gapsweb.WhatIfQuery(r.URL.Query()))
	return p, nil
}
