package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
)

// roleQueues are the plans that wait for each role (issue 5, "Dashboard items"; issue
// 13, the homes): a clinical director signs off their PCNs' submitted plans, an ICB
// lead reviews the signed-off plans of their ICBs' PCNs, a PCN manager takes back the
// plans returned to their PCNs, by the ICB or by the clinical director. In this order
// on the page.
var roleQueues = []struct {
	role   auth.Role
	what   string
	status workforce.PlanStatus
}{
	{auth.ClinicalDirector, "Sign off", workforce.PlanSubmitted},
	{auth.ICBLead, "Review", workforce.PlanSignedOff},
	{auth.PCNManager, "Returned to you", workforce.PlanReturned},
}

// queue is one list of plans waiting: those in a status of some PCNs, or of the PCNs
// of some ICBs.
type queue struct {
	what       string
	status     workforce.PlanStatus
	pcns, icbs []string
}

// queuesOf are the queues the grants give: one per role held, over every
// organisation it is held for. A grant with no queue (an admin's) gives none.
func queuesOf(grants []auth.Grant) []queue {
	var out []queue
	for _, rq := range roleQueues {
		q := queue{what: rq.what, status: rq.status}
		for _, g := range grants {
			switch {
			case g.Role != rq.role:
			case g.Role == auth.ICBLead:
				q.icbs = append(q.icbs, g.Org)
			default:
				q.pcns = append(q.pcns, g.Org)
			}
		}
		if len(q.pcns)+len(q.icbs) > 0 {
			out = append(out, q)
		}
	}
	return out
}

// waitingFor is what waits for the signed-in user on England's page: every queue
// their grants give, and for a clinical director the dashboards of their PCNs. nil
// for a user with none: an admin acts on any plan but has no queue of their own.
func (s *Server) waitingFor(r *http.Request) (*areas.Waiting, error) {
	u := currentUser(r)
	qs := queuesOf(u.Grants)
	if len(qs) == 0 {
		return nil, nil
	}
	items, err := s.waitingItems(r, qs)
	if err != nil {
		return nil, err
	}
	w := &areas.Waiting{Items: items}
	if w.Accepted, err = s.recentAcceptances(r, grantOrgs(u.Grants, auth.PCNManager)); err != nil {
		return nil, err
	}
	w.Dashboards, err = s.dashboardLinks(r, grantOrgs(u.Grants, auth.ClinicalDirector))
	return w, err
}

// recentAcceptances tell a PCN manager that the ICB accepted their plan: for each of
// the PCNs, its newest accepted version when accepted in the last areas.AcceptedDays
// days, with who accepted it, when, and the comment (the acceptance's stamps).
func (s *Server) recentAcceptances(r *http.Request, pcns []string) ([]areas.Accepted, error) {
	if len(pcns) == 0 {
		return nil, nil
	}
	plans, err := s.db.PlansInStatus(r.Context(), workforce.PlanAccepted, pcns, nil)
	if err != nil {
		return nil, err
	}
	newest := map[string]int{} // PCN → index in plans
	for i, p := range plans {
		if j, ok := newest[p.PCNCode]; !ok || p.ID > plans[j].ID {
			newest[p.PCNCode] = i
		}
	}
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	var out []areas.Accepted
	for _, code := range pcns {
		i, ok := newest[code]
		if !ok || plans[i].ReviewedAt == nil || workforce.Days(plans[i].ReviewedAt.In(s.now().Location()), s.now()) > areas.AcceptedDays {
			continue
		}
		p := plans[i]
		info, _ := tree.PCN(code)
		out = append(out, areas.Accepted{PCNCode: code, PCNName: orElse(info.Name, code), Version: "version " + strconv.Itoa(p.Number),
			By: p.ReviewedBy, At: *p.ReviewedAt, Comment: p.Comment, Href: "/pcns/" + code + "/plan?version=" + strconv.FormatInt(p.ID, 10)})
	}
	return out, nil
}

// grantOrgs are the organisations the grants give a role over.
func grantOrgs(grants []auth.Grant, role auth.Role) []string {
	var out []string
	for _, g := range grants {
		if g.Role == role {
			out = append(out, g.Org)
		}
	}
	return out
}

// dashboardLinks link a clinical director to the dashboards of the PCNs they direct.
func (s *Server) dashboardLinks(r *http.Request, directs []string) ([]areas.DashboardLink, error) {
	if len(directs) == 0 {
		return nil, nil
	}
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	out := make([]areas.DashboardLink, 0, len(directs))
	for _, code := range directs {
		info, _ := tree.PCN(code)
		out = append(out, areas.DashboardLink{PCNCode: code, PCNName: orElse(info.Name, code), Href: "/pcns/" + code + "/dashboard"})
	}
	return out, nil
}

// waitingItems lists the plans of the queues, each queue's oldest change first, each
// with how long it has waited and, for a plan returned, who returned it and why.
func (s *Server) waitingItems(r *http.Request, qs []queue) ([]areas.WaitingItem, error) {
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	var out []areas.WaitingItem
	for _, q := range qs {
		plans, err := s.db.PlansInStatus(r.Context(), q.status, q.pcns, q.icbs)
		if err != nil {
			return nil, err
		}
		for _, p := range plans {
			info, _ := tree.PCN(p.PCNCode)
			it := areas.WaitingItem{What: q.what, PCNCode: p.PCNCode, PCNName: orElse(info.Name, p.PCNCode),
				Version: "version " + strconv.Itoa(p.Number), Since: waitingSince(p.Plan),
				Href: "/pcns/" + p.PCNCode + "/plan?version=" + strconv.FormatInt(p.ID, 10)}
			if p.Status == workforce.PlanReturned {
				if err := s.addReturn(r, &it, p.Plan); err != nil {
					return nil, err
				}
			}
			it.Waited = areas.WaitedFor(it.Since, s.now())
			out = append(out, it)
		}
	}
	return out, nil
}

// waitingSince is when the plan began to wait: its submission for a sign-off, its
// sign-off for a review, else its last change.
func waitingSince(p workforce.Plan) time.Time {
	switch {
	case p.Status == workforce.PlanSubmitted && p.SubmittedAt != nil:
		return *p.SubmittedAt
	case p.Status == workforce.PlanSignedOff && p.SignedOffAt != nil:
		return *p.SignedOffAt
	}
	return p.UpdatedAt
}

// addReturn says who returned the plan to its managers, when and why: its latest
// return in plan_events, the ICB's (return) or the clinical director's (send_back).
// The comment is the plan's, which the return stamped.
func (s *Server) addReturn(r *http.Request, it *areas.WaitingItem, p workforce.Plan) error {
	events, err := s.db.PlanEvents(r.Context(), p.PCNCode)
	if err != nil {
		return err
	}
	it.Comment = p.Comment
	for i := len(events) - 1; i >= 0; i-- {
		e := events[i]
		if e.PlanID == p.ID && e.Action.Returns() {
			it.ReturnedBy, it.By, it.Since = returner(e.Action), e.Actor, e.At
			return nil
		}
	}
	return nil
}

// returner names who returns a plan by the move: the clinical director sends it
// back, the ICB returns it.
func returner(a workforce.PlanAction) string {
	if a == workforce.ActionSendBack {
		return "the clinical director"
	}
	return "the ICB"
}
