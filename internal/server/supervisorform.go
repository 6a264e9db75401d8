package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/supervision"
	"github.com/arrs-planner/arrs/web/ui"
)

// supervisionFrame is the frame of a supervision form: the page under the PCN's
// supervision, the PCN, and the record's id and version.
func (s *Server) supervisionFrame(r *http.Request, p workforce.PCN, title string, f supervision.Frame) supervision.Frame {
	f.Layout = s.capacityLayout(r, p, title)
	f.Layout.Breadcrumbs = append(f.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "Supervision", Href: supervision.Href(p.Code)})
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Saved != nil
	f.PCNCode, f.PCNName = p.Code, p.Name
	return f
}

// urlID is the record id of the URL; a malformed one is not found.
func urlID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return 0, errNotFound
	}
	return id, nil
}

// readDecimal reads a required decimal field, putting what is wrong in errs.
func readDecimal(value, key, missing, notNumber string, errs map[string]string) float64 {
	if value == "" {
		errs[key] = missing
		return 0
	}
	x, ok := parseNumber(value)
	if !ok {
		errs[key] = notNumber
	}
	return x
}

// addFieldProblems puts each problem in errs, unless its field already has a message.
func addFieldProblems(errs map[string]string, ps []workforce.Problem) {
	for _, p := range ps {
		if errs[p.Field] == "" {
			errs[p.Field] = p.Message
		}
	}
}

// supervisorFields are the supervisor form's text inputs with their limits.
var supervisorFields = []textField{
	textInput("name", "Name", workforce.MaxNameLength),
	textInput("profession", "Profession", workforce.MaxNameLength),
	textInput("fte", "FTE", workforce.MaxCodeLength),
	textInput("hours", "Hours a month", workforce.MaxCodeLength),
}

// supervisorInput reads a submitted supervisor form into f (kept as typed) and a
// supervisor built on base, at the version f holds (formVersion, for a change).
func supervisorInput(v url.Values, f *supervision.SupervisorForm, base workforce.Supervisor) workforce.Supervisor {
	f.Errors = map[string]string{}
	f.Name, f.Profession = strings.TrimSpace(v.Get("name")), strings.TrimSpace(v.Get("profession"))
	f.FTE, f.Hours = strings.TrimSpace(v.Get("fte")), strings.TrimSpace(v.Get("hours"))
	f.Active = f.ID == 0 || v.Get("active") == "yes"
	if tooLong(v, f.Errors, supervisorFields...) {
		return base
	}
	sup := base
	sup.Name, sup.Profession, sup.Active, sup.Version = f.Name, f.Profession, f.Active, f.Version
	sup.FTE = readDecimal(f.FTE, "fte", "Enter the supervisor's FTE", "FTE must be a number, like 0.8", f.Errors)
	sup.HoursPerMonth = readDecimal(f.Hours, "hours", "Enter the hours a month they have for supervision", "Hours a month must be a number, like 8", f.Errors)
	addFieldProblems(f.Errors, sup.Validate())
	return sup
}

func supervisorFormOf(sup workforce.Supervisor) supervision.SupervisorForm {
	return supervision.SupervisorForm{Frame: supervision.Frame{ID: sup.ID, Version: sup.Version}, Name: sup.Name, Profession: sup.Profession,
		FTE: formNumber(sup.FTE), Hours: formNumber(sup.HoursPerMonth), Active: sup.Active}
}

// formNumber shows a stored number as a form shows it: its decimals, no more.
func formNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func supervisorSaved(sup workforce.Supervisor) []supervision.Field {
	active := "Yes"
	if !sup.Active {
		active = "No"
	}
	return []supervision.Field{{Label: "Name", Value: sup.Name}, {Label: "Profession", Value: sup.Profession},
		{Label: "FTE", Value: formNumber(sup.FTE)}, {Label: "Hours a month available", Value: formNumber(sup.HoursPerMonth)},
		{Label: "Still supervising", Value: active}}
}

func (s *Server) supervisorNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	f := supervision.SupervisorForm{Active: true}
	f.Frame = s.supervisionFrame(r, p, "Add a supervisor", f.Frame)
	return render(w, r, supervision.SupervisorPage(f))
}

func (s *Server) supervisorCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	var f supervision.SupervisorForm
	sup := supervisorInput(form, &f, workforce.Supervisor{PCNCode: p.Code})
	if len(f.Errors) > 0 {
		f.Frame = s.supervisionFrame(r, p, "Add a supervisor", f.Frame)
		return renderStatus(w, r, http.StatusUnprocessableEntity, supervision.SupervisorPage(f))
	}
	saved, err := s.db.CreateSupervisor(r.Context(), sup, actorOf(r))
	if err != nil {
		return err
	}
	return s.backToSupervision(w, r, p, "Added "+saved.Name)
}

func (s *Server) supervisorEdit(w http.ResponseWriter, r *http.Request) error {
	p, sup, err := s.supervisorOfURL(r)
	if err != nil {
		return err
	}
	f := supervisorFormOf(sup)
	f.Frame = s.supervisionFrame(r, p, "Change "+sup.Name, f.Frame)
	return render(w, r, supervision.SupervisorPage(f))
}

func (s *Server) supervisorOfURL(r *http.Request) (workforce.PCN, workforce.Supervisor, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return p, workforce.Supervisor{}, err
	}
	id, err := urlID(r)
	if err != nil {
		return p, workforce.Supervisor{}, err
	}
	sup, err := s.db.Supervisor(r.Context(), p.Code, id)
	return p, sup, err
}

func (s *Server) supervisorUpdate(w http.ResponseWriter, r *http.Request) error {
	p, before, err := s.supervisorOfURL(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := supervision.SupervisorForm{Frame: supervision.Frame{ID: before.ID}}
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	sup := supervisorInput(form, &f, before)
	if err := s.stillSupervising(r, before, sup, f.Errors); err != nil {
		return err
	}
	title := "Change " + before.Name
	if len(f.Errors) > 0 {
		f.Frame = s.supervisionFrame(r, p, title, f.Frame)
		return renderStatus(w, r, http.StatusUnprocessableEntity, supervision.SupervisorPage(f))
	}
	saved, err := s.db.UpdateSupervisor(r.Context(), sup, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		now, err := s.db.Supervisor(r.Context(), p.Code, before.ID)
		if err != nil {
			return err
		}
		f.Version, f.Saved = now.Version, supervisorSaved(now)
		f.Frame = s.supervisionFrame(r, p, title, f.Frame)
		return renderStatus(w, r, http.StatusConflict, supervision.SupervisorPage(f))
	}
	if err != nil {
		return err
	}
	return s.backToSupervision(w, r, p, "Saved "+saved.Name)
}

// stillSupervising refuses to stop a supervisor who has links in force today or to
// come: their supervisees would lose supervision without anyone seeing it.
func (s *Server) stillSupervising(r *http.Request, before, after workforce.Supervisor, errs map[string]string) error {
	if !before.Active || after.Active {
		return nil
	}
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	n, err := s.db.ActiveLinksOfSupervisor(r.Context(), before.PCNCode, before.ID, day)
	if err == nil && n > 0 {
		errs["active"] = "They still have " + strconv.Itoa(n) + " supervision links in force or to come: end them first"
	}
	return err
}

// backToSupervision sends the person back to the supervision page with what was saved.
func (s *Server) backToSupervision(w http.ResponseWriter, r *http.Request, p workforce.PCN, flash string) error {
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, supervision.Href(p.Code), http.StatusSeeOther)
	return nil
}
