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
		CanChange: canChangeStaff(currentUser(r), p.Code), Success: s.sessions.PopString(r.Context(), keyFlash),
		Available: f.Now.Available, NeededNow: f.Now.NeededInPost, ShortNow: f.Now.ShortWithoutPlan,
		ShortWithPlan: f.ShortWithPlan(), FirstShort: firstShort(f)}
	if len(f.Plan) > 0 {
		page.Plan = "the network's current plan (the latest accepted version, else the latest submitted, else the draft)"
	}
	for _, site := range f.Sites {
		page.Sites = append(page.Sites, roomsweb.SiteRow{ID: site.ID, Name: site.Name, Sessions: site.SessionsPerWeek, ChangeHref: roomsweb.SiteHref(p.Code, site.ID)})
	}
	names := roleNames(roles)
	for _, n := range f.Needs {
		page.Needs = append(page.Needs, roomsweb.NeedRow{Role: orElse(names[n.Role], n.Role), FTE: n.FTE, PerWTE: n.SessionsPerWTE, Sessions: n.Sessions})
	}
	for _, q := range f.Quarters {
		page.Quarters = append(page.Quarters, roomsweb.QuarterRow{Quarter: q.Quarter.String(), Starters: q.StartersFTE,
			Needed: q.NeededWithPlan, Available: q.Available, Short: q.ShortWithPlan})
	}
	return render(w, r, roomsweb.View(page))
}

// firstShort names the first quarter short of sessions with the plan, "" if none.
func firstShort(f rooms.Figures) string {
	if q, ok := f.FirstShort(); ok {
		return q.String()
	}
	return ""
}

func roleNames(roles []workforce.Role) map[string]string {
	out := make(map[string]string, len(roles))
	for _, role := range roles {
		out[role.Code] = role.Name
	}
	return out
}
