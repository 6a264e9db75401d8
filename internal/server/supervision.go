package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/supervision"
	"github.com/arrs-planner/arrs/web/ui"
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
	y, m, d := s.now().UTC().Date()
	return workforce.Date(y, m, d), nil
}

// pcnOfURL is the PCN of the URL; the route's rule has checked it exists.
func (s *Server) pcnOfURL(r *http.Request) (workforce.PCN, error) {
	p, ok := s.pcnICB(r, strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return p, errNotFound
	}
	return p, nil
}

// supervisionFigures is a PCN's supervision on one day: what the store holds and what
// planning works out from it.
type supervisionFigures struct {
	supervisors []workforce.Supervisor
	links       []workforce.SupervisionLink
	staff       []workforce.Staff // every record of the PCN, in post or not
	coverage    planning.Coverage
	loads       []planning.SupervisorLoad
	totals      planning.SupervisionTotals
}

// pcnSupervision gathers a PCN's supervisors, links and staff records and works out
// coverage, each supervisor's load and the totals on day d.
func (s *Server) pcnSupervision(ctx context.Context, pcn string, d time.Time) (supervisionFigures, error) {
	var f supervisionFigures
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return f, err
	}
	if f.supervisors, err = s.db.SupervisorsOfPCN(ctx, pcn); err != nil {
		return f, err
	}
	if f.links, err = s.db.SupervisionLinksOfPCN(ctx, pcn); err != nil {
		return f, err
	}
	if f.staff, err = s.db.Supervisees(ctx, pcn); err != nil {
		return f, err
	}
	f.compute(roles, d)
	return f, nil
}

// compute works out coverage, loads and totals on day d from the records gathered; the
// ICB comparison calls it for each PCN of an ICB.
func (f *supervisionFigures) compute(roles []workforce.Role, d time.Time) {
	needs, trainees := map[string]bool{}, map[string]bool{}
	for _, role := range roles {
		needs[role.Code], trainees[role.Code] = role.NeedsSupervision, role.Trainee
	}
	staff, links, sups := planningStaff(f.staff), planningLinks(f.links), planningSupervisors(f.supervisors)
	f.coverage = planning.SupervisionCoverage(staff, links, needs, d)
	f.loads = planning.SupervisorLoads(sups, staff, links, trainees, d)
	f.totals = planning.TotalSupervision(f.loads)
}

func planningStaff(recs []workforce.Staff) []planning.Staff {
	out := make([]planning.Staff, len(recs))
	for i, s := range recs {
		out[i] = planning.Staff{ID: s.ID, PCN: s.PCNCode, Role: s.RoleCode, FTE: s.FTE, Start: s.Start, End: s.End}
	}
	return out
}

// planningLinks maps the stored kinds to planning's: clinic_practice is its "clinic".
func planningLinks(ls []workforce.SupervisionLink) []planning.SupervisionLink {
	kinds := map[workforce.SupervisionKind]planning.SupervisionKind{
		workforce.SupervisionClinical:       planning.SupervisionClinical,
		workforce.SupervisionClinicPractice: planning.SupervisionClinic,
		workforce.SupervisionEducational:    planning.SupervisionEducational,
	}
	out := make([]planning.SupervisionLink, len(ls))
	for i, l := range ls {
		out[i] = planning.SupervisionLink{SupervisorID: l.SupervisorID, SuperviseeID: l.SuperviseeID, Kind: kinds[l.Kind],
			HoursPerMonth: l.HoursPerMonth, Start: l.Start, End: l.End}
	}
	return out
}

func planningSupervisors(sups []workforce.Supervisor) []planning.Supervisor {
	out := make([]planning.Supervisor, len(sups))
	for i, s := range sups {
		out[i] = planning.Supervisor{ID: s.ID, FTE: s.FTE, AvailableHoursPerMonth: s.HoursPerMonth}
	}
	return out
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
	f, err := s.pcnSupervision(r.Context(), p.Code, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	page := supervision.Page{Layout: s.capacityLayout(r, p, "Supervision"), PCNCode: p.Code, PCNName: p.Name, At: day,
		CanChange: canChangeStaff(currentUser(r), p.Code), Success: s.sessions.PopString(r.Context(), keyFlash)}
	c, t := f.coverage, f.totals
	page.Summary = supervision.Summary{Needing: c.Needing, Covered: c.Covered, Share: c.Share, LinkedHours: t.LinkedHours,
		GPSessions: t.GPSessions, Overloaded: t.Overloaded, OverRatio: t.OverTraineeRatio, Trainees: t.Trainees, TraineeCapacity: t.TraineeCapacity}
	names := personNames(f.staff, roles)
	for _, id := range c.Uncovered {
		page.Uncovered = append(page.Uncovered, supervision.Person{ID: id, Text: names[id]})
	}
	page.Supervisors = supervisorRows(p.Code, f)
	page.Links = linkRows(p.Code, f, names, day)
	return render(w, r, supervision.View(page))
}

// capacityLayout is the frame of the supervision and rooms pages, under the PCN.
func (s *Server) capacityLayout(r *http.Request, p workforce.PCN, title string) layout.PageParams {
	l := s.page(r, title, layout.NavEngland)
	l.Breadcrumbs = []ui.BreadcrumbItem{{Text: p.Name, Href: "/pcns/" + p.Code}}
	return l
}

func supervisorRows(pcn string, f supervisionFigures) []supervision.SupervisorRow {
	loads := map[int64]planning.SupervisorLoad{}
	for _, l := range f.loads {
		loads[l.SupervisorID] = l
	}
	rows := make([]supervision.SupervisorRow, 0, len(f.supervisors))
	for _, sup := range f.supervisors {
		l := loads[sup.ID]
		rows = append(rows, supervision.SupervisorRow{ID: sup.ID, Name: sup.Name, Profession: sup.Profession, Active: sup.Active,
			FTE: sup.FTE, Available: l.AvailableHours, Linked: l.LinkedHours, Load: l.Load, Overloaded: l.Overloaded,
			Trainees: l.Trainees, TraineeCapacity: l.TraineeCapacity, TooManyTrainees: l.TooManyTrainees,
			ChangeHref: supervision.SupervisorHref(pcn, sup.ID)})
	}
	return rows
}

func linkRows(pcn string, f supervisionFigures, names map[int64]string, day time.Time) []supervision.LinkRow {
	supNames := map[int64]string{}
	for _, sup := range f.supervisors {
		supNames[sup.ID] = sup.Name
	}
	rows := make([]supervision.LinkRow, 0, len(f.links))
	for _, l := range f.links {
		status := supervision.LinkActive
		switch {
		case l.Start.After(day):
			status = supervision.LinkFuture
		case !l.Active(day):
			status = supervision.LinkEnded
		}
		rows = append(rows, supervision.LinkRow{ID: l.ID, Supervisee: names[l.SuperviseeID], Supervisor: supNames[l.SupervisorID],
			Kind: l.Kind.Label(), Hours: l.HoursPerMonth, Start: l.Start, End: l.End, Status: status,
			ChangeHref: supervision.LinkHref(pcn, l.ID)})
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
