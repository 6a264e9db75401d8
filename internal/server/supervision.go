package server

import (
	"errors"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	supervisionweb "github.com/arrs-planner/arrs/web/supervision"
)

// capacityDay is the day the supervision and rooms pages describe: ?at= if given
// (bounded to the describable days, as every page's ?at=), else today. Supervision
// links and sites are kept by hand and change from day to day, so the pages show them
// now, not on the last NWRS census date; staff records without an end date are in post
// today.
func (s *Server) capacityDay(r *http.Request) (time.Time, error) {
	d, err := atParam(r, s.today())
	if err != nil || !d.IsZero() {
		return d, err
	}
	return s.today(), nil
}

// staffAsOf is the as-of date of the staff figures of the supervision, rooms and
// dashboard pages: ?as_of= if given, else the latest national census, else (before any
// import) today. One as-of date for every page (PLANNING.md, "Projection").
func (s *Server) staffAsOf(r *http.Request) (time.Time, error) {
	if d, err := asOfParam(r, s.today()); err != nil || !d.IsZero() {
		return d, err
	}
	d, err := s.db.LatestCensus(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		return s.today(), nil
	}
	return d, err
}

// asOfParam is ?as_of=, the as-of date a reader asked for; zero when none was given
// (each page then takes the latest census). A day outside workforce.DescribableDays is
// a 400 naming the limit, as ?at= is: there is no staff data to describe there.
func asOfParam(r *http.Request, today time.Time) (time.Time, error) {
	v := r.URL.Query().Get("as_of")
	if v == "" {
		return time.Time{}, nil
	}
	d, err := workforce.ParseDate(v)
	if err != nil {
		return d, errBadRequest("The date %q is not a date in the form YYYY-MM-DD, such as 2025-11-30.", v)
	}
	first, last := workforce.DescribableDays(today)
	if d.Before(first) || d.After(last) {
		return d, errBadRequest("The as-of date %s is outside %s to %s, the days the planner can describe (from the first structure of PCNs it knows to the end of the plan window).",
			v, first.Format(dateLong), last.Format(dateLong))
	}
	return d, nil
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
	asOf, err := s.staffAsOf(r)
	if err != nil {
		return err
	}
	f, err := supervision.OfPCN(r.Context(), s.db, p.Code, asOf, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	page := supervisionweb.Page{Layout: s.capacityLayout(r, p, "Supervision"), PCNCode: p.Code, PCNName: p.Name, At: day, AsOf: asOf, Today: s.today(),
		CanChange: currentUser(r).CanChangePCN(p.Code), Success: s.sessions.PopString(r.Context(), keyFlash)}
	page.Summary = supervisionweb.NewSummary(f.Recorded(), f.Coverage, f.Totals)
	names := supervisionweb.PersonNames(f.Staff, roles)
	page.Uncovered = supervisionweb.Uncovered(f.Coverage, names)
	for _, sup := range f.WithLoads() {
		page.Supervisors = append(page.Supervisors, supervisionweb.NewSupervisorRow(p.Code, sup.Supervisor, sup.Load))
	}
	page.Links = supervisionweb.LinkRows(p.Code, f.Links, names, f.SupervisorNames(), day)
	return render(w, r, supervisionweb.View(page))
}

// capacityLayout is the frame of the supervision and rooms pages, under the PCN.
func (s *Server) capacityLayout(r *http.Request, p workforce.PCN, title string) layout.PageParams {
	l := s.page(r, title, layout.NavEngland)
	l.Breadcrumbs = []ui.BreadcrumbItem{{Text: p.Name, Href: "/pcns/" + p.Code}}
	return l
}
