package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

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
// has checked it exists and the user's access), the role catalogue, and the PCN's
// member practices and approved roles that records' funding names.
type staffScope struct {
	pcn workforce.PCN
	cat staff.Catalogue
}

func (s *Server) staffScope(r *http.Request) (staffScope, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return staffScope{}, err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return staffScope{}, err
	}
	cat, err := cachedFor(r.Context(), s, staffFundingKey(p.Code, s.today()), depPCN(p.Code), func(ctx context.Context) (c staff.Catalogue, err error) {
		c.Practices, c.Approved, err = s.db.StaffFundingOf(ctx, p.Code, s.today())
		return c, err
	})
	cat.Roles = roles
	return staffScope{pcn: p, cat: cat}, err
}

// staffFundingKey caches what a PCN's records may name for their funding on a day;
// the outage form reads it back.
func staffFundingKey(pcn string, today time.Time) string {
	return "staff-funding|" + pcn + "|" + today.Format(workforce.DateLayout)
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

// staffForm is the form of record rec (a new one: zero but for its PCN) on its page;
// the caller fills the fields.
func (s *Server) staffForm(r *http.Request, sc staffScope, title string, f staff.Form, rec workforce.StaffRecord) staff.Form {
	return f.Framed(s.staffPage(r, sc, title), sc.pcn, sc.cat, rec, s.today())
}

// newStaff is a new record of the PCN, entered here.
func newStaff(sc staffScope) workforce.StaffRecord {
	return workforce.StaffRecord{Staff: workforce.Staff{PCNCode: sc.pcn.Code, Source: workforce.SourceManual}}
}

func (s *Server) staffNew(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	return render(w, r, staff.FormPage(s.staffForm(r, sc, "Add a staff member", staff.NewForm(), newStaff(sc))))
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
	rec := f.Read(form, newStaff(sc), sc.cat, s.today())
	if len(f.Errors) > 0 {
		if f.Warnings, err = s.staffWarnings(r, sc, rec); err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, staff.FormPage(s.staffForm(r, sc, "Add a staff member", f, newStaff(sc))))
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
	return render(w, r, staff.FormPage(s.staffForm(r, sc, "Change a staff record", staff.FormOf(rec, sc.cat), rec)))
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
	f := staff.FormOf(current, sc.cat)
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	rec := f.Read(form, current, sc.cat, s.today())
	const title = "Change a staff record"
	if len(f.Errors) > 0 {
		if f.Warnings, err = s.staffWarnings(r, sc, rec); err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, staff.FormPage(s.staffForm(r, sc, title, f, current)))
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
	f = f.SaveConflict(now, yours, sc.cat)
	return renderStatus(w, r, http.StatusConflict, staff.FormPage(s.staffForm(r, sc, "Change a staff record", f, now)))
}

// staffSaved sends the person back to the list with what was saved and its warnings.
func (s *Server) staffSaved(w http.ResponseWriter, r *http.Request, sc staffScope, saved workforce.StaffRecord, verb string) error {
	warnings, err := s.staffWarnings(r, sc, saved)
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, staff.SavedText(verb, saved, sc.cat))
	if len(warnings) > 0 {
		s.sessions.Put(r.Context(), keyWarnings, strings.Join(warnings, "\n"))
	}
	http.Redirect(w, r, staff.ListHref(sc.pcn.Code), http.StatusSeeOther)
	return nil
}
