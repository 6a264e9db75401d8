package server

import (
	"net/http"
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
	page.Summary = supervisionSummary(f)
	names := supervisionweb.PersonNames(f.Staff, roles)
	for _, id := range f.Coverage.Uncovered {
		page.Uncovered = append(page.Uncovered, supervisionweb.Person{ID: id, Text: names[id]})
	}
	page.Supervisors = supervisorRows(p.Code, f)
	page.Links = supervisionweb.LinkRows(p.Code, f.Links, names, f.SupervisorNames(), day)
	return render(w, r, supervisionweb.View(page))
}

// capacityLayout is the frame of the supervision and rooms pages, under the PCN.
func (s *Server) capacityLayout(r *http.Request, p workforce.PCN, title string) layout.PageParams {
	l := s.page(r, title, layout.NavEngland)
	l.Breadcrumbs = []ui.BreadcrumbItem{{Text: p.Name, Href: "/pcns/" + p.Code}}
	return l
}

// supervisionSummary is the coverage and the totals, as the supervision page and the
// dashboard show them.
func supervisionSummary(f supervision.Figures) supervisionweb.Summary {
	c, t := f.Coverage, f.Totals
	return supervisionweb.Summary{Needing: c.Needing, Covered: c.Covered, Share: c.Share, LinkedHours: t.LinkedHours,
		GPSessions: t.GPSessions, Overloaded: t.Overloaded, OverRatio: t.OverTraineeRatio, Trainees: t.Trainees, TraineeCapacity: t.TraineeCapacity}
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
