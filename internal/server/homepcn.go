package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/pcn"
)

// pcnHome is the panel at the top of a network's page for its own PCN manager or
// clinical director, whose home it is (docs/homes.md); nil for everyone else. Its plans
// are the user's queues (waiting.go) on this network only.
func (s *Server) pcnHome(r *http.Request, p workforce.PCN) (*pcn.Home, error) {
	u := currentUser(r)
	h := &pcn.Home{Manager: u.CanActOnPCN(auth.PCNManager, p.Code), Director: u.CanActOnPCN(auth.ClinicalDirector, p.Code)}
	if !h.Manager && !h.Director {
		return nil, nil
	}
	var err error
	if h.Waiting, err = s.waitingItems(r, queuesOf(grantsOn(u, p.Code))); err != nil {
		return nil, err
	}
	if h.Director {
		h.DashboardHref = "/pcns/" + p.Code + "/dashboard"
	}
	if h.Manager {
		if h.Accepted, err = s.recentAcceptances(r, []string{p.Code}); err != nil {
			return nil, err
		}
		err = s.managerHome(r, h, p)
	}
	return h, err
}

// grantsOn are the user's grants on one organisation.
func grantsOn(u *auth.User, org string) []auth.Grant {
	var out []auth.Grant
	for _, g := range u.Grants {
		if g.Org == org {
			out = append(out, g)
		}
	}
	return out
}

// managerHome adds what only the manager acts on: the draft in progress, or no plan
// at all; the version someone else has; this year's staff records claimed with no
// cost recorded.
func (s *Server) managerHome(r *http.Request, h *pcn.Home, p workforce.PCN) error {
	h.PlanHref = "/pcns/" + p.Code + "/plan"
	versions, err := s.db.PlansByPCN(r.Context(), p.Code)
	if err != nil {
		return err
	}
	h.NoPlan = len(versions) == 0
	events, err := s.db.PlanEvents(r.Context(), p.Code)
	if err != nil {
		return err
	}
	for _, v := range versions {
		switch v.Status {
		case workforce.PlanDraft:
			h.Draft = planStep(versions, events, v, h.PlanHref)
		case workforce.PlanSubmitted, workforce.PlanSignedOff:
			h.Away = planStep(versions, events, v, h.PlanHref+"?version="+strconv.FormatInt(v.ID, 10))
		}
	}
	return s.costsToCheck(r, h, p)
}

// planStep is a version where it stands, with who last changed it and when.
func planStep(vs workforce.PlanVersions, events []workforce.PlanEvent, p workforce.Plan, href string) *pcn.PlanStep {
	by, at := p.LastChange(events)
	return &pcn.PlanStep{Version: "version " + strconv.Itoa(vs.NumberOf(p)), Status: lowerFirst(p.Status.Label()),
		Next: lowerFirst(p.Status.WaitsFor()), By: by, At: at, Href: href}
}

// costsToCheck counts this financial year's staff records claimed with no annual cost
// recorded (funding.PCNYear.CostsAssumed, the funding page's own count).
func (s *Server) costsToCheck(r *http.Request, h *pcn.Home, p workforce.PCN) error {
	year := workforce.FinancialYearOf(s.today())
	res, _, err := funding.ForPCN(r.Context(), s.db, s.today(), p, year)
	if err != nil {
		return err
	}
	if ys := res.PCN(p.Code); len(ys) > 0 {
		h.CostsAssumed, _ = ys[0].CostsAssumed()
	}
	h.Year, h.FundingHref = year.String(), "/pcns/"+p.Code+"/funding"
	return nil
}

// lowerFirst lowers a sentence's first letter, to put it inside another sentence
// ("The clinical director, …" → "the clinical director, …"); the rest keeps its case
// (ICB).
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
