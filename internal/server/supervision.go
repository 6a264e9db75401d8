package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	supervisionweb "github.com/arrs-planner/arrs/web/supervision"
)

// capacityDay is the day the supervision and rooms pages describe: ?at= if given,
// else today. Supervision links and sites are kept by hand and change from day to
// day, so the pages show them now, not on the last NWRS census date; staff records
// without an end date are in post today.
func (s *Server) capacityDay(r *http.Request) (time.Time, error) {
	if v := r.URL.Query().Get("at"); v != "" {
		d, err := workforce.ParseDate(v)
		if err != nil {
			return d, errBadRequest("The date %q is not a date in the form YYYY-MM-DD, such as 2026-11-30.", v)
		}
		return d, nil
	}
	return s.today(), nil
}

func (s *Server) supervision(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	f, err := supervision.OfPCN(r.Context(), s.db, p.Code, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	page := supervisionweb.Page{Layout: s.capacityLayout(r, p, "Supervision"), PCNCode: p.Code, PCNName: p.Name, At: day,
		CanChange: canChangeStaff(currentUser(r), p.Code), Success: s.sessions.PopString(r.Context(), keyFlash)}
	c, t := f.Coverage, f.Totals
	page.Summary = supervisionweb.Summary{Needing: c.Needing, Covered: c.Covered, Share: c.Share, LinkedHours: t.LinkedHours,
		GPSessions: t.GPSessions, Overloaded: t.Overloaded, OverRatio: t.OverTraineeRatio, Trainees: t.Trainees, TraineeCapacity: t.TraineeCapacity}
	names := personNames(f.Staff, roles)
	for _, id := range c.Uncovered {
		page.Uncovered = append(page.Uncovered, supervisionweb.Person{ID: id, Text: names[id]})
	}
	page.Supervisors = supervisorRows(p.Code, f)
	page.Links = linkRows(p.Code, f, names, day)
	return render(w, r, supervisionweb.View(page))
}

// capacityLayout is the frame of the supervision and rooms pages, under the PCN.
func (s *Server) capacityLayout(r *http.Request, p workforce.PCN, title string) layout.PageParams {
	l := s.page(r, title, layout.NavEngland)
	l.Breadcrumbs = []ui.BreadcrumbItem{{Text: p.Name, Href: "/pcns/" + p.Code}}
	return l
}

func supervisorRows(pcn string, f supervision.Figures) []supervisionweb.SupervisorRow {
	sups := f.WithLoads()
	rows := make([]supervisionweb.SupervisorRow, 0, len(sups))
	for _, sup := range sups {
		l := sup.Load
		rows = append(rows, supervisionweb.SupervisorRow{ID: sup.ID, Name: sup.Name, Profession: sup.Profession, Active: sup.Active,
			FTE: sup.FTE, Available: l.AvailableHours, Linked: l.LinkedHours, Load: l.Load, Overloaded: l.Overloaded,
			Trainees: l.Trainees, TraineeCapacity: l.TraineeCapacity, TooManyTrainees: l.TooManyTrainees,
			ChangeHref: supervisionweb.SupervisorHref(pcn, sup.ID)})
	}
	return rows
}

// linkStatus is how the page words where a link stands.
var linkStatus = map[supervision.LinkState]supervisionweb.LinkStatus{supervision.LinkActive: supervisionweb.LinkActive,
	supervision.LinkFuture: supervisionweb.LinkFuture, supervision.LinkEnded: supervisionweb.LinkEnded}

func linkRows(pcn string, f supervision.Figures, names map[int64]string, day time.Time) []supervisionweb.LinkRow {
	supNames := f.SupervisorNames()
	rows := make([]supervisionweb.LinkRow, 0, len(f.Links))
	for _, l := range f.Links {
		rows = append(rows, supervisionweb.LinkRow{ID: l.ID, Supervisee: names[l.SuperviseeID], Supervisor: supNames[l.SupervisorID],
			Kind: l.Kind.Label(), Hours: l.HoursPerMonth, Start: l.Start, End: l.End, Status: linkStatus[supervision.StateOn(l, day)],
			ChangeHref: supervisionweb.LinkHref(pcn, l.ID)})
	}
	return rows
}

// personNames names each staff record as the pages show it, since records carry no
// names: role, NWRS identifier (or record number), FTE and dates.
func personNames(staff []workforce.Staff, roles []workforce.Role) map[int64]string {
	names := roleNames(roles)
	out := make(map[int64]string, len(staff))
	for _, s := range staff {
		role := orElse(names[s.RoleCode], orElse(s.DetailedRole, s.StaffRole))
		ident := "record " + strconv.FormatInt(s.ID, 10)
		if s.UniqueIdentifier != "" {
			ident = "NWRS " + s.UniqueIdentifier
		}
		span := "from " + s.Start.Format("2 Jan 2006")
		if !s.End.IsZero() {
			span += " to " + s.End.Format("2 Jan 2006")
		}
		out[s.ID] = role + ", " + ident + ", " + ui.Decimal(s.FTE, 2) + " FTE, " + span
	}
	return out
}
