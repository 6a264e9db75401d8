package server

import (
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/supervision"
)

// linkScope is what every link form needs: the PCN of the URL, and what its forms
// offer and accept (supervision.LinkChoices).
type linkScope struct {
	pcn workforce.PCN
	supervision.LinkChoices
}

func (s *Server) linkScope(r *http.Request) (linkScope, error) {
	var sc linkScope
	var err error
	if sc.pcn, err = s.pcnOfURL(r); err != nil {
		return sc, err
	}
	sc.PCNCode = sc.pcn.Code
	if sc.Day, err = s.capacityDay(r); err != nil {
		return sc, err
	}
	ctx := r.Context()
	if sc.Staff, err = s.db.Supervisees(ctx, sc.pcn.Code); err != nil {
		return sc, err
	}
	if sc.Supervisors, err = s.db.SupervisorsOfPCN(ctx, sc.pcn.Code); err != nil {
		return sc, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return sc, err
	}
	supervision.SortForPicker(sc.Staff, roles)
	sc.Names = supervision.PersonNames(sc.Staff, roles)
	return sc, nil
}

// linkOfURL loads the link of the URL, scoped by the PCN: another PCN's is not found.
func (s *Server) linkOfURL(r *http.Request, sc linkScope) (workforce.SupervisionLink, error) {
	id, err := urlID(r)
	if err != nil {
		return workforce.SupervisionLink{}, err
	}
	return s.db.SupervisionLink(r.Context(), sc.pcn.Code, id)
}

// linkFormPage frames a link form and fills its selects.
func (s *Server) linkFormPage(r *http.Request, sc linkScope, title string, f supervision.LinkForm) supervision.LinkForm {
	f.Frame = s.supervisionFrame(r, sc.pcn, title, f.Frame)
	return sc.Offer(f)
}

func (s *Server) linkNew(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.linkScope(r)
	if err != nil {
		return err
	}
	return render(w, r, supervision.LinkPage(s.linkFormPage(r, sc, "Add a supervision link", sc.NewLinkForm())))
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
	l := sc.ReadLink(form, &f, workforce.SupervisionLink{})
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, supervision.LinkPage(s.linkFormPage(r, sc, "Add a supervision link", f)))
	}
	if _, err := s.db.CreateSupervisionLink(r.Context(), l, actorOf(r)); err != nil {
		return err
	}
	return s.backToSupervision(w, r, sc.pcn, "Added the supervision link of "+sc.Names[l.SuperviseeID])
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
	return render(w, r, supervision.LinkPage(s.linkFormPage(r, sc, "Change a supervision link", supervision.LinkFormOf(l))))
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
	l := sc.ReadLink(form, &f, before)
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
	return s.backToSupervision(w, r, sc.pcn, "Saved the supervision link of "+sc.Names[l.SuperviseeID])
}

// linkConflict marks a form of a stale save with the link as saved now, and its
// version, so that saving again replaces it knowingly.
func (s *Server) linkConflict(r *http.Request, sc linkScope, f supervision.Frame) (supervision.Frame, error) {
	now, err := s.db.SupervisionLink(r.Context(), sc.pcn.Code, f.ID)
	if err != nil {
		return f, err
	}
	f.Version, f.Saved = now.Version, sc.LinkFields(now)
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
	f := sc.EndFormOf(l)
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
	f := supervision.EndForm{Frame: supervision.Frame{ID: l.ID}, Link: sc.LinkFields(l)}
	if f.Version, err = formVersion(v); err != nil {
		return err
	}
	l = f.ReadEnd(v, l)
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
	return s.backToSupervision(w, r, sc.pcn, "Ended the supervision link of "+sc.Names[l.SuperviseeID])
}
