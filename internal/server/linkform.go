package server

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/staff"
	"github.com/arrs-planner/arrs/web/supervision"
)

// linkScope is what every link form needs: the PCN of the URL, today, the PCN's staff
// records and supervisors, and the names the pages give records.
type linkScope struct {
	pcn         workforce.PCN
	day         time.Time
	staff       []workforce.Staff
	supervisors []workforce.Supervisor
	names       map[int64]string
}

func (s *Server) linkScope(r *http.Request) (linkScope, error) {
	var sc linkScope
	var err error
	if sc.pcn, err = s.pcnOfURL(r); err != nil {
		return sc, err
	}
	if sc.day, err = s.capacityDay(r); err != nil {
		return sc, err
	}
	ctx := r.Context()
	if sc.staff, err = s.db.Supervisees(ctx, sc.pcn.Code); err != nil {
		return sc, err
	}
	if sc.supervisors, err = s.db.SupervisorsOfPCN(ctx, sc.pcn.Code); err != nil {
		return sc, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	sc.names = supervision.PersonNames(sc.staff, roles)
	return sc, err
}

// linkOfURL loads the link of the URL, scoped by the PCN: another PCN's is not found.
func (s *Server) linkOfURL(r *http.Request, sc linkScope) (workforce.SupervisionLink, error) {
	id, err := urlID(r)
	if err != nil {
		return workforce.SupervisionLink{}, err
	}
	return s.db.SupervisionLink(r.Context(), sc.pcn.Code, id)
}

// linkFormPage frames a link form and offers the staff records not ended by today and the
// active supervisors, and whoever the link names already.
func (s *Server) linkFormPage(r *http.Request, sc linkScope, title string, f supervision.LinkForm) supervision.LinkForm {
	f.Frame = s.supervisionFrame(r, sc.pcn, title, f.Frame)
	for _, rec := range sc.staff {
		id := strconv.FormatInt(rec.ID, 10)
		if rec.End.IsZero() || rec.End.After(sc.day) || id == f.Supervisee {
			f.Supervisees = append(f.Supervisees, supervision.Option{Value: id, Text: sc.names[rec.ID]})
		}
	}
	for _, sup := range sc.supervisors {
		id := strconv.FormatInt(sup.ID, 10)
		if sup.Active || id == f.Supervisor {
			f.Supervisors = append(f.Supervisors, supervision.Option{Value: id, Text: sup.Name + ", " + sup.Profession})
		}
	}
	return f
}

// linkInput reads a submitted link form into f (kept as typed) and a link built on
// base at the version f holds (formVersion, for a change), checking that the
// supervisee is a staff record of the PCN and the supervisor one of its supervisors
// (an inactive one only if the link named them already).
func (sc linkScope) linkInput(v url.Values, f *supervision.LinkForm, base workforce.SupervisionLink) workforce.SupervisionLink {
	f.Errors = map[string]string{}
	f.Supervisee, f.Supervisor, f.Kind = v.Get("supervisee"), v.Get("supervisor"), v.Get("kind")
	f.Hours = strings.TrimSpace(v.Get("hours"))
	f.Start = supervision.Date{Day: v.Get("start[day]"), Month: v.Get("start[month]"), Year: v.Get("start[year]")}
	f.End = supervision.Date{Day: v.Get("end[day]"), Month: v.Get("end[month]"), Year: v.Get("end[year]")}
	if tooLong(v, f.Errors, textInput("hours", "Hours a month", workforce.MaxCodeLength)) {
		return base
	}
	l := base
	l.PCNCode, l.Kind, l.Version = sc.pcn.Code, workforce.SupervisionKind(f.Kind), f.Version
	l.SuperviseeID = sc.superviseeID(f.Supervisee, f.Errors)
	l.SupervisorID = sc.supervisorID(f.Supervisor, base.SupervisorID, f.Errors)
	l.HoursPerMonth = readDecimal(f.Hours, "hours", "Enter the hours a month the link takes", "Hours a month must be a number, like 2", f.Errors)
	l.Start = readDate(staff.Date(f.Start), "Start date", true, f.Errors, "start", &f.StartParts)
	l.End = readDate(staff.Date(f.End), "End date", false, f.Errors, "end", &f.EndParts)
	addFieldProblems(f.Errors, l.Validate())
	return l
}

func (sc linkScope) superviseeID(v string, errs map[string]string) int64 {
	if v == "" {
		return 0 // Validate asks for one
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	if !slices.ContainsFunc(sc.staff, func(s workforce.Staff) bool { return s.ID == id }) {
		errs["supervisee"] = "Select a member of staff of this PCN"
	}
	return id
}

func (sc linkScope) supervisorID(v string, current int64, errs map[string]string) int64 {
	if v == "" {
		return 0
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	if !slices.ContainsFunc(sc.supervisors, func(s workforce.Supervisor) bool { return s.ID == id && (s.Active || id == current) }) {
		errs["supervisor"] = "Select a supervisor of this PCN who still supervises"
	}
	return id
}

func linkFormOf(l workforce.SupervisionLink) supervision.LinkForm {
	return supervision.LinkForm{Frame: supervision.Frame{ID: l.ID, Version: l.Version},
		Supervisee: strconv.FormatInt(l.SuperviseeID, 10), Supervisor: strconv.FormatInt(l.SupervisorID, 10),
		Kind: string(l.Kind), Hours: formNumber(l.HoursPerMonth), Start: supervision.DateOf(l.Start), End: supervision.DateOf(l.End)}
}

// linkFields describes a link as the pages show it.
func (sc linkScope) linkFields(l workforce.SupervisionLink) []supervision.Field {
	sup := ""
	for _, x := range sc.supervisors {
		if x.ID == l.SupervisorID {
			sup = x.Name
		}
	}
	end := "Open"
	if !l.End.IsZero() {
		end = l.End.Format("2 January 2006")
	}
	return []supervision.Field{{Label: "Supervisee", Value: sc.names[l.SuperviseeID]}, {Label: "Supervisor", Value: sup},
		{Label: "Kind", Value: l.Kind.Label()}, {Label: "Hours a month", Value: formNumber(l.HoursPerMonth)},
		{Label: "Start date", Value: l.Start.Format("2 January 2006")}, {Label: "End date", Value: end}}
}

func (s *Server) linkNew(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	f := supervision.LinkForm{Kind: string(workforce.SupervisionClinical), Start: supervision.DateOf(sc.day)}
	return render(w, r, supervision.LinkPage(s.linkFormPage(r, sc, "Add a supervision link", f)))
}

func (s *Server) linkCreate(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	var f supervision.LinkForm
	l := sc.linkInput(form, &f, workforce.SupervisionLink{})
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, supervision.LinkPage(s.linkFormPage(r, sc, "Add a supervision link", f)))
	}
	if _, err := s.db.CreateSupervisionLink(r.Context(), l, actorOf(r)); err != nil {
		return err
	}
	return s.backToSupervision(w, r, sc.pcn, "Added the supervision link of "+sc.names[l.SuperviseeID])
}

func (s *Server) linkEdit(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	l, err := s.linkOfURL(r, sc)
	if err != nil {
		return err
	}
	return render(w, r, supervision.LinkPage(s.linkFormPage(r, sc, "Change a supervision link", linkFormOf(l))))
}

func (s *Server) linkUpdate(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	before, err := s.linkOfURL(r, sc)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := supervision.LinkForm{Frame: supervision.Frame{ID: before.ID}}
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	l := sc.linkInput(form, &f, before)
	const title = "Change a supervision link"
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, supervision.LinkPage(s.linkFormPage(r, sc, title, f)))
	}
	_, err = s.db.UpdateSupervisionLink(r.Context(), l, "supervision_link.update", actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		if f.Frame, err = s.linkConflict(r, sc, f.Frame); err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusConflict, supervision.LinkPage(s.linkFormPage(r, sc, title, f)))
	}
	if err != nil {
		return err
	}
	return s.backToSupervision(w, r, sc.pcn, "Saved the supervision link of "+sc.names[l.SuperviseeID])
}

// linkConflict marks a form of a stale save with the link as saved now, and its
// version, so that saving again replaces it knowingly.
func (s *Server) linkConflict(r *http.Request, sc linkScope, f supervision.Frame) (supervision.Frame, error) {
	now, err := s.db.SupervisionLink(r.Context(), sc.pcn.Code, f.ID)
	if err != nil {
		return f, err
	}
	f.Version, f.Saved = now.Version, sc.linkFields(now)
	return f, nil
}

func (s *Server) linkEndForm(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	l, err := s.linkOfURL(r, sc)
	if err != nil {
		return err
	}
	end := l.End
	if end.IsZero() {
		end = sc.day
	}
	f := supervision.EndForm{Frame: supervision.Frame{ID: l.ID, Version: l.Version}, Link: sc.linkFields(l), End: supervision.DateOf(end)}
	f.Frame = s.supervisionFrame(r, sc.pcn, "End a supervision link", f.Frame)
	return render(w, r, supervision.EndPage(f))
}

func (s *Server) linkEnd(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	l, err := s.linkOfURL(r, sc)
	if err != nil {
		return err
	}
	v, err := readForm(r)
	if err != nil {
		return err
	}
	f := supervision.EndForm{Frame: supervision.Frame{ID: l.ID, Errors: map[string]string{}}, Link: sc.linkFields(l),
		End: supervision.Date{Day: v.Get("end[day]"), Month: v.Get("end[month]"), Year: v.Get("end[year]")}}
	if f.Version, err = formVersion(v); err != nil {
		return err
	}
	l.Version = f.Version
	l.End = readDate(staff.Date(f.End), "End date", true, f.Errors, "end", &f.Parts)
	addFieldProblems(f.Errors, l.Validate())
	const title = "End a supervision link"
	if len(f.Errors) > 0 {
		f.Frame = s.supervisionFrame(r, sc.pcn, title, f.Frame)
		return renderStatus(w, r, http.StatusUnprocessableEntity, supervision.EndPage(f))
	}
	_, err = s.db.UpdateSupervisionLink(r.Context(), l, "supervision_link.end", actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		if f.Frame, err = s.linkConflict(r, sc, f.Frame); err != nil {
			return err
		}
		f.Frame = s.supervisionFrame(r, sc.pcn, title, f.Frame)
		return renderStatus(w, r, http.StatusConflict, supervision.EndPage(f))
	}
	if err != nil {
		return err
	}
	return s.backToSupervision(w, r, sc.pcn, "Ended the supervision link of "+sc.names[l.SuperviseeID])
}
