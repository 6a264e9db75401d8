package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/staff"
	"github.com/arrs-planner/arrs/web/ui"
)

// keyWarnings carries a saved record's warnings (newline-separated) to the staff list.
const keyWarnings = "staff_warnings"

// staffScope is what every staff page needs: the PCN of the URL (the route's rule
// has checked it exists and the user's access) and the role catalogue.
type staffScope struct {
	pcn   workforce.PCN
	roles []workforce.Role
}

func (s *Server) staffScope(r *http.Request) (staffScope, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return staffScope{}, err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	return staffScope{pcn: p, roles: roles}, err
}

// record loads the record of the URL, scoped by the PCN of the URL: another PCN's
// record is not found.
func (s *Server) record(r *http.Request, sc staffScope) (workforce.StaffRecord, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return workforce.StaffRecord{}, errNotFound
	}
	return s.db.StaffRecord(r.Context(), sc.pcn.Code, id)
}

// staffRecordScope is the scope of a page about one record, and the record of the URL.
func (s *Server) staffRecordScope(r *http.Request) (staffScope, workforce.StaffRecord, error) {
	sc, err := s.staffScope(r)
	if err != nil {
		return sc, workforce.StaffRecord{}, err
	}
	rec, err := s.record(r, sc)
	return sc, rec, err
}

func (s *Server) staffPage(r *http.Request, sc staffScope, title string) layout.PageParams {
	p := s.page(r, title, layout.NavEngland)
	p.Breadcrumbs = []ui.BreadcrumbItem{{Text: sc.pcn.Name, Href: "/pcns/" + sc.pcn.Code}, {Text: "Staff records", Href: staff.ListHref(sc.pcn.Code)}}
	return p
}

// staffForm is the form on its page; the caller fills the fields.
func (s *Server) staffForm(r *http.Request, sc staffScope, title string, f staff.Form) staff.Form {
	return f.Framed(s.staffPage(r, sc, title), sc.pcn, sc.roles)
}

func (s *Server) staffNew(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	return render(w, r, staff.FormPage(s.staffForm(r, sc, "Add a staff member", staff.Form{ARRSFunded: "yes"})))
}

func (s *Server) staffCreate(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	var f staff.Form
	rec := f.Read(form, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: sc.pcn.Code, Source: workforce.SourceManual}}, sc.roles, s.today())
	if len(f.Errors) > 0 {
		if f.Warnings, err = s.staffWarnings(r, sc, rec); err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, staff.FormPage(s.staffForm(r, sc, "Add a staff member", f)))
	}
	saved, err := s.db.CreateStaff(r.Context(), rec, actorOf(r))
	if err != nil {
		return err
	}
	return s.staffSaved(w, r, sc, saved, "Added")
}

func (s *Server) staffEdit(w http.ResponseWriter, r *http.Request) error {
	sc, rec, err := s.staffRecordScope(r)
	if err != nil {
		return err
	}
	return render(w, r, staff.FormPage(s.staffForm(r, sc, "Change a staff record", staff.FormOf(rec, sc.roles))))
}

func (s *Server) staffUpdate(w http.ResponseWriter, r *http.Request) error {
	sc, current, err := s.staffRecordScope(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := staff.FormOf(current, sc.roles)
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	rec := f.Read(form, current, sc.roles, s.today())
	const title = "Change a staff record"
	if len(f.Errors) > 0 {
		if f.Warnings, err = s.staffWarnings(r, sc, rec); err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, staff.FormPage(s.staffForm(r, sc, title, f)))
	}
	saved, err := s.db.UpdateStaff(r.Context(), rec, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.staffConflict(w, r, sc, f, rec)
	}
	if err != nil {
		return err
	}
	return s.staffSaved(w, r, sc, saved, "Saved")
}

// staffConflict answers a stale save: 409, the form with the person's input, and the
// values saved meanwhile beside theirs. The form now carries the saved version, so
// saving again replaces it knowingly.
func (s *Server) staffConflict(w http.ResponseWriter, r *http.Request, sc staffScope, f staff.Form, yours workforce.StaffRecord) error {
	now, err := s.record(r, sc)
	if err != nil {
		return err
	}
	f = f.SaveConflict(now, yours, sc.roles)
	return renderStatus(w, r, http.StatusConflict, staff.FormPage(s.staffForm(r, sc, "Change a staff record", f)))
}

// staffSaved sends the person back to the list with what was saved and its warnings.
func (s *Server) staffSaved(w http.ResponseWriter, r *http.Request, sc staffScope, saved workforce.StaffRecord, verb string) error {
	warnings, err := s.staffWarnings(r, sc, saved)
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, staff.SavedText(verb, saved, sc.roles))
	if len(warnings) > 0 {
		s.sessions.Put(r.Context(), keyWarnings, strings.Join(warnings, "\n"))
	}
	http.Redirect(w, r, staff.ListHref(sc.pcn.Code), http.StatusSeeOther)
	return nil
}
