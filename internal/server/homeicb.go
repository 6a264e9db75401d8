package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// icbHome is the panel at the top of an ICB's page for its leads and admins: the
// plans waiting for its review, its networks furthest from their fair share, and the
// imports due. nil for everyone else, and on a dissolved ICB's page (its history: its
// leads' work is on England's page until their grant is moved).
func (s *Server) icbHome(r *http.Request, c workforce.ICB) (*areas.ICBHome, error) {
	if !currentUser(r).LeadsICB(c.Code) || !c.InForce(s.today()) {
		return nil, nil
	}
	h := &areas.ICBHome{GapsHref: gapsweb.ICBHref(c.Code)}
	var err error
	if h.Review, err = s.waitingItems(r, queuesOf([]auth.Grant{{Role: auth.ICBLead, Org: c.Code}})); err != nil {
		return nil, err
	}
	if err := s.furthest(r, h, c); err != nil {
		return nil, err
	}
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	var pcns []string
	for _, p := range tree.PCNsOf(c.Code) {
		pcns = append(pcns, p.Code)
	}
	h.Imports, err = s.importsDue(r, pcns)
	return h, err
}

// furthest ranks the ICB's networks by their shortfall in the gap report every page
// uses, as the ICB's gap page shows it with no what-if (whatever the ICB page's own
// address carries), or says why there is none. How many are short, of how many, is
// the ICB's row of the report: the gap page's own count.
func (s *Server) furthest(r *http.Request, h *areas.ICBHome, c workforce.ICB) error {
	plain := r.Clone(r.Context())
	plain.URL.RawQuery = ""
	figs, _, err := s.gapsWithoutForm(plain, "")
	switch {
	case err != nil:
		return err
	case figs.noCensus:
		h.NoGaps = "No census has been imported yet, so no network's gap is known."
		return nil
	case figs.noTarget || figs.data == nil:
		h.NoGaps = "No target is set, so there is no fair share to measure against."
		return nil
	}
	res := figs.data.res
	rows, ok := res.PCNsOfICB(c.Code)
	h.At, h.Projected = res.At, res.At.After(res.AsOf)
	if !ok {
		h.NoGaps = "The gap report has no figures for " + c.Name + " on " + res.At.Format(dateLong) + "."
		return nil
	}
	name := func(code string) string { return res.Name(workforce.LevelPCN, code) }
	href := func(code string) string { return "/pcns/" + code }
	h.Furthest, h.Unknown = areas.Furthest(rows, areas.FurthestShown, name, href)
	icb, _ := gaps.Find(res.ICBs, c.Code)
	h.Short, h.PCNs = icb.PCNsShort, icb.PCNs
	return nil
}
