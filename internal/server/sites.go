package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/internal/rooms"
	"github.com/arrs-planner/arrs/internal/workforce"

	roomsweb "github.com/arrs-planner/arrs/web/rooms"
)

func (s *Server) sitesPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	asOf, err := s.staffAsOf(r)
	if err != nil {
		return err
	}
	f, err := rooms.OfPCN(r.Context(), s.db, p.Code, asOf, workforce.PlanWindowAt(s.today()))
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	page := roomsweb.Page{Layout: s.capacityLayout(r, p, "Sites and rooms"), PCNCode: p.Code, PCNName: p.Name, AsOf: asOf, Today: s.today(),
		CanChange: currentUser(r).CanChangePCN(p.Code), Success: s.sessions.PopString(r.Context(), keyFlash), Check: roomsweb.NewCheck(f.Recorded(), f.Now, f.Quarters)}
	if len(f.Plan) > 0 {
		page.Plan = "the network's current plan (the latest accepted version, else the latest submitted, else the draft)"
	}
	page.Sites = roomsweb.SiteRows(p.Code, f.Sites)
	page.Needs = roomsweb.NeedRows(f.Needs, workforce.RoleNames(roles))
	return render(w, r, roomsweb.View(page))
}
