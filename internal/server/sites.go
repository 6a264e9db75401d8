package server

import (
	"context"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/rooms"
)

// roomQuarters is how far ahead the rooms page checks the plan: three years.
const roomQuarters = 12

// roomFigures is a PCN's rooms: what the store holds and what planning works out.
type roomFigures struct {
	sites    []workforce.Site
	inputs   planning.RoomInputs
	now      planning.Rooms
	needs    []planning.RoomNeed
	quarters []planning.RoomsQuarter
}

// pcnRooms gathers a PCN's sites, staff in post on day d and current plan, and works
// out the sessions needed now, by role, and at the start of each of the next 12
// quarters with the plan.
func (s *Server) pcnRooms(ctx context.Context, pcn string, d time.Time) (roomFigures, error) {
	var f roomFigures
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return f, err
	}
	sites, err := s.db.SitesOfPCN(ctx, pcn)
	if err != nil {
		return f, err
	}
	staff, err := s.db.StaffInPost(ctx, pcn, d)
	if err != nil {
		return f, err
	}
	lines, err := s.db.CurrentPlanLinesOfPCN(ctx, pcn)
	if err != nil {
		return f, err
	}
	return roomsOf(sites, staff, lines, roles, d), nil
}

// roomsOf works out a PCN's rooms on day d from its sites, its staff (those in post on
// d count) and its current plan's lines; the ICB comparison calls it for each PCN.
func roomsOf(sites []workforce.Site, staff []workforce.Staff, lines []store.PlanLine, roles []workforce.Role, d time.Time) roomFigures {
	f := roomFigures{sites: sites}
	in := planning.RoomInputs{Staff: planningStaff(staff), Plan: planningLines(lines), AsOf: d, At: d,
		SessionsPerWTE: map[string]float64{}}
	for _, site := range f.sites {
		in.Sites = append(in.Sites, planning.Site{PCN: site.PCNCode, Name: site.Name, SessionsPerWeek: site.SessionsPerWeek})
	}
	for _, role := range roles {
		in.SessionsPerWTE[role.Code] = role.RoomSessionsPerWTE
	}
	f.inputs, f.now, f.needs = in, planning.RoomsFor(in), planning.RoomNeedsByRole(in)
	f.quarters = planning.RoomsByQuarter(in, roomQuarters)
	return f
}

func (s *Server) sitesPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	f, err := s.pcnRooms(r.Context(), p.Code, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	page := rooms.Page{Layout: s.capacityLayout(r, p, "Sites and rooms"), PCNCode: p.Code, PCNName: p.Name, AsOf: day,
		CanChange: canChangeStaff(currentUser(r), p.Code), Success: s.sessions.PopString(r.Context(), keyFlash),
		Available: f.now.Available, NeededNow: f.now.NeededInPost, ShortNow: f.now.ShortWithoutPlan}
	if len(f.inputs.Plan) > 0 {
		page.Plan = "the network's current plan (the latest accepted version, else the latest submitted, else the draft)"
	}
	for _, site := range f.sites {
		page.Sites = append(page.Sites, rooms.SiteRow{ID: site.ID, Name: site.Name, Sessions: site.SessionsPerWeek, ChangeHref: rooms.SiteHref(p.Code, site.ID)})
	}
	names := roleNames(roles)
	for _, n := range f.needs {
		page.Needs = append(page.Needs, rooms.NeedRow{Role: orElse(names[n.Role], n.Role), FTE: n.FTE, PerWTE: n.SessionsPerWTE, Sessions: n.Sessions})
	}
	for _, q := range f.quarters {
		page.Quarters = append(page.Quarters, rooms.QuarterRow{Quarter: q.Quarter.String(), Starters: q.StartersFTE,
			Needed: q.NeededWithPlan, Available: q.Available, Short: q.ShortWithPlan})
		if q.ShortWithPlan > 0 && page.FirstShort == "" {
			page.FirstShort = q.Quarter.String()
		}
		page.ShortWithPlan = q.ShortWithPlan
	}
	return render(w, r, rooms.View(page))
}

func roleNames(roles []workforce.Role) map[string]string {
	out := make(map[string]string, len(roles))
	for _, role := range roles {
		out[role.Code] = role.Name
	}
	return out
}
