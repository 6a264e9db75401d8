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
	"github.com/arrs-planner/arrs/web/pcn"
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

func (sc staffScope) roleName(code string) string {
	if role := findRole(sc.roles, code); role != nil {
		return role.Name
	}
	return code
}

func (sc staffScope) fields(rec workforce.StaffRecord) []staff.Field {
	return staff.Fields(rec, sc.roleName(rec.RoleCode))
}

func (s *Server) staffPage(r *http.Request, sc staffScope, title string) layout.PageParams {
	p := s.page(r, title, layout.NavEngland)
	p.Breadcrumbs = []ui.BreadcrumbItem{{Text: sc.pcn.Name, Href: "/pcns/" + sc.pcn.Code}, {Text: "Staff records", Href: staff.ListHref(sc.pcn.Code)}}
	return p
}

// staffForm is the form's frame: title, PCN, roles; the caller fills the fields.
func (s *Server) staffForm(r *http.Request, sc staffScope, title string, f staff.Form) staff.Form {
	f.Layout = s.staffPage(r, sc, title)
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != nil
	f.PCNCode, f.PCNName = sc.pcn.Code, sc.pcn.Name
	for _, role := range sc.roles {
		f.Roles = append(f.Roles, staff.RoleOption{Code: role.Code, Name: role.Name, Added: role.Added})
	}
	return f
}

// formOf fills the form from a stored record.
func (sc staffScope) formOf(rec workforce.StaffRecord) staff.Form {
	f := staff.Form{ID: rec.ID, Version: rec.Version, Role: rec.RoleCode, FTE: staff.FTEText(rec.FTE),
		Band: rec.Band, EmploymentModel: string(rec.EmploymentModel), Employer: rec.Employer, ARRSFunded: "no",
		Start: staff.DateOf(rec.Start), End: staff.DateOf(rec.End), Source: sourceText(rec)}
	if rec.RoleCode == "" {
		f.Role, f.StaffRole = staff.OtherRole, rec.StaffRole
	}
	if rec.ARRSFunded {
		f.ARRSFunded = "yes"
	}
	if rec.AnnualCostPence != 0 {
		f.Cost = rec.AnnualCostPence.Input()
	}
	if rec.FromNWRS() {
		f.NWRSRole = sc.fields(rec)[0].Value + ", NWRS identifier " + orElse(rec.UniqueIdentifier, "none (contracted services)")
	}
	return f
}

// sourceText says where a record came from, for the list and the record's pages.
func sourceText(rec workforce.StaffRecord) string {
	census := ""
	if !rec.Census.IsZero() {
		census = ", census " + rec.Census.Format("2 Jan 2006")
	}
	switch rec.Source {
	case workforce.SourceNWRSStaff:
		return "Imported from NWRS" + census
	case workforce.SourceNWRSContracted:
		return "Imported from NWRS contracted services" + census
	}
	return "Entered in ARRS Planner"
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
	rec := staffInput(form, &f, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: sc.pcn.Code, Source: workforce.SourceManual}}, sc.roles)
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
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	rec, err := s.record(r, sc)
	if err != nil {
		return err
	}
	return render(w, r, staff.FormPage(s.staffForm(r, sc, "Change a staff record", sc.formOf(rec))))
}

func (s *Server) staffUpdate(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	current, err := s.record(r, sc)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := sc.formOf(current)
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	rec := staffInput(form, &f, current, sc.roles)
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
	f.Version = now.Version
	f.Conflict = &staff.Conflict{By: now.UpdatedBy, At: now.UpdatedAt, FromHeading: "Saved by " + staff.WhoText(now.UpdatedBy), ToHeading: "Your input (not saved)",
		Changes: staff.Diff(sc.fields(now), sc.fields(yours))}
	return renderStatus(w, r, http.StatusConflict, staff.FormPage(s.staffForm(r, sc, "Change a staff record", f)))
}

// staffSaved sends the person back to the list with what was saved and its warnings.
func (s *Server) staffSaved(w http.ResponseWriter, r *http.Request, sc staffScope, saved workforce.StaffRecord, verb string) error {
	warnings, err := s.staffWarnings(r, sc, saved)
	if err != nil {
		return err
	}
	role := sc.fields(saved)[0].Value
	s.sessions.Put(r.Context(), keyFlash, verb+" the record: "+role+", "+staff.FTEText(saved.FTE)+" FTE from "+saved.Start.Format("2 January 2006"))
	if len(warnings) > 0 {
		s.sessions.Put(r.Context(), keyWarnings, strings.Join(warnings, "\n"))
	}
	http.Redirect(w, r, staff.ListHref(sc.pcn.Code), http.StatusSeeOther)
	return nil
}

func (s *Server) staffEndForm(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	rec, err := s.record(r, sc)
	if err != nil {
		return err
	}
	f := staff.EndForm{ID: rec.ID, Version: rec.Version, End: staff.DateOf(rec.End)}
	return render(w, r, staff.EndPage(s.endForm(r, sc, rec, f)))
}

func (s *Server) endForm(r *http.Request, sc staffScope, rec workforce.StaffRecord, f staff.EndForm) staff.EndForm {
	f.Layout = s.staffPage(r, sc, "End a staff record")
	f.Layout.HasErrors = f.Error != "" || f.Conflict != nil
	f.PCNCode, f.Source, f.Record = sc.pcn.Code, sourceText(rec), sc.fields(rec)
	return f
}

func (s *Server) staffEnd(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	current, err := s.record(r, sc)
	if err != nil {
		return err
	}
	v, err := readForm(r)
	if err != nil {
		return err
	}
	f := staff.EndForm{ID: current.ID, End: staff.Date{Day: v.Get("end[day]"), Month: v.Get("end[month]"), Year: v.Get("end[year]")}}
	if f.Version, err = formVersion(v); err != nil {
		return err
	}
	errs := map[string]string{}
	end := readDate(f.End, "End date", true, errs, "end", &f.Parts)
	if f.Error = errs["end"]; f.Error == "" && !end.After(current.Start) {
		f.Error = "End date must be after the start date, " + current.Start.Format("2 January 2006")
	}
	if f.Error != "" {
		return renderStatus(w, r, http.StatusUnprocessableEntity, staff.EndPage(s.endForm(r, sc, current, f)))
	}
	saved, err := s.db.EndStaff(r.Context(), sc.pcn.Code, current.ID, f.Version, end, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.endConflict(w, r, sc, f)
	}
	if err != nil {
		return err
	}
	role := sc.fields(saved)[0].Value
	s.sessions.Put(r.Context(), keyFlash, "Ended the record: "+role+", no longer in post from "+end.Format("2 January 2006"))
	http.Redirect(w, r, staff.ListHref(sc.pcn.Code), http.StatusSeeOther)
	return nil
}

// endConflict answers a stale end: 409, the date kept, and what changed since the
// version the person saw (kept in the record's history).
func (s *Server) endConflict(w http.ResponseWriter, r *http.Request, sc staffScope, f staff.EndForm) error {
	now, err := s.record(r, sc)
	if err != nil {
		return err
	}
	history, err := s.db.StaffHistory(r.Context(), sc.pcn.Code, now.ID)
	if err != nil {
		return err
	}
	c := &staff.Conflict{By: now.UpdatedBy, At: now.UpdatedAt, FromHeading: "When you opened the page", ToHeading: "Saved since by " + staff.WhoText(now.UpdatedBy)}
	for _, old := range history {
		if old.Version == f.Version {
			c.Changes = staff.Diff(sc.fields(old), sc.fields(now))
		}
	}
	f.Conflict, f.Version = c, now.Version
	return renderStatus(w, r, http.StatusConflict, staff.EndPage(s.endForm(r, sc, now, f)))
}

// staffHistory shows a record and its earlier versions to everyone who may see the
// PCN's staff; the links to change it only to those who may change it.
func (s *Server) staffHistory(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.staffScope(r)
	if err != nil {
		return err
	}
	rec, err := s.record(r, sc)
	if err != nil {
		return err
	}
	earlier, err := s.db.StaffHistory(r.Context(), sc.pcn.Code, rec.ID)
	if err != nil {
		return err
	}
	p := staff.HistoryPage{Layout: s.staffPage(r, sc, "History of a staff record"), PCNCode: sc.pcn.Code, ID: rec.ID,
		Source: sourceText(rec), Current: sc.fields(rec), CanChange: canChangeStaff(currentUser(r), sc.pcn.Code)}
	versions := append([]workforce.StaffRecord{rec}, earlier...)
	for i, v := range versions {
		ver := staff.Version{Number: v.Version, At: v.UpdatedAt, By: staff.WhoText(v.UpdatedBy)}
		if i+1 < len(versions) {
			ver.Changes = staff.Diff(sc.fields(versions[i+1]), sc.fields(v))
		} else if v.FromNWRS() {
			ver.Note, ver.By = sourceText(v), "NWRS import"
		} else {
			ver.Note = "Added"
		}
		p.Versions = append(p.Versions, ver)
	}
	return render(w, r, staff.History(p))
}

// staffListExtras adds to the staff list what keeping the records needs: the links
// that change them (for those who may), the outcome of the last save, and the records
// that start after the list's date (recruits not yet in post on it).
func (s *Server) staffListExtras(r *http.Request, p *pcn.Page) error {
	p.CanChange = canChangeStaff(currentUser(r), p.Code)
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	if w := s.sessions.PopString(r.Context(), keyWarnings); w != "" {
		p.Warnings = strings.Split(w, "\n")
	}
	later, err := s.db.StaffStartingAfter(r.Context(), p.Code, p.At)
	if err != nil {
		return err
	}
	for _, rec := range later {
		p.Upcoming = append(p.Upcoming, staffRow(rec))
	}
	return nil
}

// staffRow is a record as the staff list shows it.
func staffRow(rec workforce.StaffRecord) pcn.Staff {
	return pcn.Staff{ID: rec.ID, Href: staff.RecordHref(rec.PCNCode, rec.ID), Role: orElse(rec.DetailedRole, rec.StaffRole),
		Source: sourceText(rec), Identifier: rec.UniqueIdentifier, FTE: rec.FTE, Since: rec.Start}
}
