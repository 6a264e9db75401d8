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
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	f, err := rooms.OfPCN(r.Context(), s.db, p.Code, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	page := roomsweb.Page{Layout: s.capacityLayout(r, p, "Sites and rooms"), PCNCode: p.Code, PCNName: p.Name, AsOf: day,
		CanChange: canChangeStaff(currentUser(r), p.Code), Success: s.sessions.PopString(r.Context(), keyFlash), Check: roomsCheck(f)}
	if len(f.Plan) > 0 {
		page.Plan = "the network's current plan (the latest accepted version, else the latest submitted, else the draft)"
	}
	page.Sites = roomsweb.SiteRows(p.Code, f.Sites)
	names := roleNames(roles)
	for _, n := range f.Needs {
		page.Needs = append(page.Needs, roomsweb.NeedRow{Role: orElse(names[n.Role], n.Role), FTE: n.FTE, PerWTE: n.SessionsPerWTE, Sessions: n.Sessions})
	}
	return render(w, r, roomsweb.View(page))
}

// roomsCheck is the room check as the sites page and the dashboard show it.
func roomsCheck(f rooms.Figures) roomsweb.Check {
	c := roomsweb.Check{Available: f.Now.Available, NeededNow: f.Now.NeededInPost, ShortNow: f.Now.ShortWithoutPlan,
		ShortWithPlan: f.ShortWithPlan(), FirstShort: firstShort(f)}
	for _, q := range f.Quarters {
		c.Quarters = append(c.Quarters, roomsweb.QuarterRow{Quarter: q.Quarter.String(), Starters: q.StartersFTE,
			Needed: q.NeededWithPlan, Available: q.Available, Short: q.ShortWithPlan})
	}
	return c
}

// firstShort names the first quarter short of sessions with the plan, "" if none.
func firstShort(f rooms.Figures) string {
	if q, ok := f.FirstShort(); ok {
		return q.String()
	}
	return ""
}

// roleNames indexes the catalogue's names by role code.
func roleNames(roles []workforce.Role) map[string]string { return workforce.RoleNames(roles) }
