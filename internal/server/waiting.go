package server

import (
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
)

// waitingFor is what waits for the signed-in user on the home page (issue 5,
// "Dashboard items"): plans submitted by the PCNs they direct, to sign off; plans
// signed off by the PCNs of the ICBs they lead, to review; plans returned to the PCNs
// they manage. nil for a user with none of these roles: an admin acts on any plan
// but has no queue of their own.
func (s *Server) waitingFor(r *http.Request) (*areas.Waiting, error) {
	var directs, manages, leads []string
	for _, g := range currentUser(r).Grants {
		switch g.Role {
		case auth.ClinicalDirector:
			directs = append(directs, g.Org)
		case auth.PCNManager:
			manages = append(manages, g.Org)
		case auth.ICBLead:
			leads = append(leads, g.Org)
		}
	}
	if len(directs)+len(manages)+len(leads) == 0 {
		return nil, nil
	}
	w := &areas.Waiting{}
	queues := []struct {
		what       string
		status     workforce.PlanStatus
		pcns, icbs []string
	}{
		{"Sign off", workforce.PlanSubmitted, directs, nil},
		{"Review", workforce.PlanSignedOff, nil, leads},
		{"Returned to you", workforce.PlanReturned, manages, nil},
	}
	for _, q := range queues {
		if len(q.pcns)+len(q.icbs) == 0 {
			continue
		}
		if err := s.addWaiting(r, w, q.what, q.status, q.pcns, q.icbs); err != nil {
			return nil, err
		}
	}
	return w, s.addDashboards(r, w, directs)
}

// addDashboards links a clinical director to the dashboards of the PCNs they direct.
func (s *Server) addDashboards(r *http.Request, w *areas.Waiting, directs []string) error {
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return err
	}
	for _, code := range directs {
		info, _ := tree.PCN(code)
		w.Dashboards = append(w.Dashboards, areas.DashboardLink{PCNCode: code, PCNName: orElse(info.Name, code), Href: "/pcns/" + code + "/dashboard"})
	}
	return nil
}

func (s *Server) addWaiting(r *http.Request, w *areas.Waiting, what string, status workforce.PlanStatus, pcns, icbs []string) error {
	plans, err := s.db.PlansInStatus(r.Context(), status, pcns, icbs)
	if err != nil {
		return err
	}
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return err
	}
	for _, p := range plans {
		info, _ := tree.PCN(p.PCNCode)
		w.Items = append(w.Items, areas.WaitingItem{What: what, PCNCode: p.PCNCode, PCNName: orElse(info.Name, p.PCNCode),
			Version: "version " + strconv.Itoa(p.Number), Since: p.UpdatedAt,
			Href: "/pcns/" + p.PCNCode + "/plan?version=" + strconv.FormatInt(p.ID, 10)})
	}
	return nil
}
