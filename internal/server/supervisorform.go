package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/supervision"
)

// supervisionFrame is the frame of a supervision form: the page under the PCN's
// supervision, the PCN, and the record's id and version.
func (s *Server) supervisionFrame(r *http.Request, p workforce.PCN, title string, f supervision.Frame) supervision.Frame {
	return f.Framed(s.capacityLayout(r, p, title), p)
}

// urlID is the record id of the URL; a malformed one is not found.
func urlID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return 0, errNotFound
	}
	return id, nil
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
	sup := f.Read(form, workforce.Supervisor{PCNCode: p.Code})
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
	f := supervision.SupervisorFormOf(sup)
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
	sup := f.Read(form, before)
	if err := s.stillSupervising(r, before, sup, &f); err != nil {
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
		f.Version, f.Saved = now.Version, supervision.SupervisorFields(now)
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
func (s *Server) stillSupervising(r *http.Request, before, after workforce.Supervisor, f *supervision.SupervisorForm) error {
	if !before.Active || after.Active {
		return nil
	}
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	n, err := s.db.ActiveLinksOfSupervisor(r.Context(), before.PCNCode, before.ID, day)
	if err == nil && n > 0 {
		f.StillLinked(n)
	}
	return err
}

// backToSupervision sends the person back to the supervision page with what was saved.
func (s *Server) backToSupervision(w http.ResponseWriter, r *http.Request, p workforce.PCN, flash string) error {
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, supervision.Href(p.Code), http.StatusSeeOther)
	return nil
}
